import JMESPath

/// A responder acknowledges their page from the chat channel ("Acknowledge
/// my page" on a notification): the open pages of their contact (not yet
/// read, of an engagement not stopped) that an incident's engagements sent
/// are accepted with `ssm-contacts accept-page`, READ, through the same
/// pipeline as typed commands (so the responder's role must allow the
/// lookups and AcceptPage, and each is logged). The member's contact comes
/// from the channel file (`users: {NAME: {contact: ALIAS}}`); `run` runs
/// one chat message as the responder.
public enum PageAcceptance {
    public enum Outcome: Sendable {
        /// The pages accepted, by ARN.
        case accepted([String])
        /// The contact has no open page of the incident.
        case noOpenPage
        /// A lookup or an acceptance failed (denied, ...): what the session said.
        case failed(ChatRun)
    }

    /// The most pages one click accepts.
    public static let maxPages = 20

    /// What AcceptPage is given for a code: the responder never sees the code
    /// their page carried, so it is not checked (`IGNORE`, the service's default).
    static let unknownCode = "000000"

    /// Accepts `contact`'s open pages of `incident` as `member` did.
    public static func acknowledge(incident: String, contact: String, member: String, run: TimelineNote.Run) async -> Outcome {
        let open = await run("@aws ssm-contacts list-engagements --incident-id \(incident) "
            + "--query 'Engagements[?!StopTime].EngagementArn' --output text")
        guard open.ok else { return .failed(open) }
        let engagements = Set(open.printed.split(whereSeparator: { $0.isWhitespace }).map(String.init))
        guard !engagements.isEmpty else { return .noOpenPage }
        let listed = await run("@aws ssm-contacts list-pages-by-contact --contact-id \(contact) "
            + "--query \"Pages[?IncidentId=='\(incident)' && !ReadTime].[PageArn,EngagementArn]\" --output text")
        guard listed.ok else { return .failed(listed) }
        let pages = listed.printed.split(separator: "\n").compactMap { line -> String? in
            let fields = line.split(separator: "\t").map(String.init)
            return fields.count == 2 && engagements.contains(fields[1]) ? fields[0] : nil
        }
        guard !pages.isEmpty else { return .noOpenPage }
        var accepted: [String] = []
        for page in pages.prefix(maxPages) {
            let input: JSONValue = .object([
                "PageId": .string(page), "AcceptType": "READ", "AcceptCode": .string(unknownCode), "AcceptCodeValidation": "IGNORE",
                "Note": .string("Acknowledged in the chat channel by \(member)"),
            ])
            let ran = await run("@aws ssm-contacts accept-page --cli-input-json '\(TimelineNote.quoted(input))'")
            guard ran.ok else { return .failed(ran) }
            accepted.append(page)
        }
        return .accepted(accepted)
    }
}
