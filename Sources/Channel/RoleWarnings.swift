/// What a channel file's roles leave out, said at start-up with the fix.
extension ChannelConfiguration {
    /// A role that names neither the template nor any policy denies every
    /// command (an implicit deny); the warning says how to add the
    /// "Incident Manager permissions" template. One line a role.
    public var roleWarnings: [String] {
        var out: [String] = []
        let file = source ?? "the channel file"
        if role.grantsNothing {
            out.append("warning: \(file): role \(role.name) names no template and no policies, so every command in \(displayName) is denied; "
                + "add the built-in \"\(IncidentManagerTemplate.title)\": role: {template: \(IncidentManagerTemplate.name)}")
        }
        for name in users.keys.sorted() {
            guard let userRole = users[name]?.role, userRole.grantsNothing else { continue }
            out.append("warning: \(file): users.\(name).role (\(userRole.name)) names no template and no policies, so every command \(name) runs is denied; "
                + "add role: {template: \(IncidentManagerTemplate.name)} under users.\(name), or leave out the user's role to use the channel's")
        }
        return out
    }
}

extension Role {
    /// No template and no policy: nothing is allowed.
    public var grantsNothing: Bool { template == nil && policies.isEmpty }
}
