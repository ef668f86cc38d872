import Catalog

/// The built-in policy template "Incident Manager permissions"
/// (`template: incident-manager` in a channel file): what responders need to
/// run an incident from a chat channel, and nothing that reconfigures Incident
/// Manager or its contacts. Docs/permissions.md explains each choice.
public enum IncidentManagerTemplate {
    /// The template's name in a channel file.
    public static let name = "incident-manager"
    /// Its title, as the chat service's console shows it.
    public static let title = "Incident Manager permissions"

    /// The chat commands of the Incident Manager user guide: the eight of
    /// "Interacting through chat", and `start-incident`, which the current
    /// guide lists among the commands supported in chat.
    public static let chatCommands = [
        OperationName.incidents(.createTimelineEvent),
        .incidents(.deleteTimelineEvent),
        .incidents(.getIncidentRecord),
        .incidents(.getTimelineEvent),
        .incidents(.listIncidentRecords),
        .incidents(.listTimelineEvents),
        .incidents(.startIncident),
        .incidents(.updateIncidentRecord),
        .incidents(.updateTimelineEvent),
    ].map(\.iamAction)

    /// Reading the rest of an incident and its plan, and keeping its related
    /// items (runbooks, dashboards, tickets) up to date.
    public static let incidentContext = [
        OperationName.incidents(.batchGetIncidentFindings),
        .incidents(.getResponsePlan),
        .incidents(.listIncidentFindings),
        .incidents(.listRelatedItems),
        .incidents(.listResponsePlans),
        .incidents(.updateRelatedItems),
    ].map(\.iamAction)

    /// Paging: who is on call, engaging one more responder, and acknowledging
    /// a page from the channel. Contact channels (phone numbers, e-mail
    /// addresses) and anything that edits contacts, rotations or stops an
    /// engagement stay out.
    public static let paging = [
        OperationName.contacts(.acceptPage),
        .contacts(.describeEngagement),
        .contacts(.describePage),
        .contacts(.getContact),
        .contacts(.getRotation),
        .contacts(.listContacts),
        .contacts(.listEngagements),
        .contacts(.listPageReceipts),
        .contacts(.listPagesByContact),
        .contacts(.listPagesByEngagement),
        .contacts(.listRotations),
        .contacts(.listRotationShifts),
        .contacts(.startEngagement),
    ].map(\.iamAction)

    /// The channel's custom actions (aliases): listing, running, and keeping
    /// them. An alias grants nothing by itself: the command it expands to is
    /// authorised for the user who runs it.
    public static let customActions = [
        OperationPermissions.CustomAction.create,
        .delete,
        .invoke,
        .list,
        .update,
    ].map(\.action)

    /// Every action the template allows, in the order above.
    public static let actions = chatCommands + incidentContext + paging + customActions

    /// The template as a policy document of four statements.
    public static func document(roleName: String) -> PolicyDocument {
        func allow(_ sid: String, _ actions: [String], _ index: Int) -> Statement {
            Statement(sid: sid, effect: .allow, actions: .action(actions.map { Wildcard($0, flavor: .action) }),
                      resources: .resource(["*"]), index: index)
        }
        return PolicyDocument(statements: [
            allow("IncidentManagerChatCommands", chatCommands, 0),
            allow("IncidentManagerIncidentContext", incidentContext, 1),
            allow("IncidentManagerPaging", paging, 2),
            allow("IncidentManagerCustomActions", customActions, 3),
        ], name: "role \(roleName) template \"\(title)\"")
    }
}
