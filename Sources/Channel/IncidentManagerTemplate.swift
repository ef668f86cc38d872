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
        "ssm-incidents:CreateTimelineEvent",
        "ssm-incidents:DeleteTimelineEvent",
        "ssm-incidents:GetIncidentRecord",
        "ssm-incidents:GetTimelineEvent",
        "ssm-incidents:ListIncidentRecords",
        "ssm-incidents:ListTimelineEvents",
        "ssm-incidents:StartIncident",
        "ssm-incidents:UpdateIncidentRecord",
        "ssm-incidents:UpdateTimelineEvent",
    ]

    /// Reading the rest of an incident and its plan, and keeping its related
    /// items (runbooks, dashboards, tickets) up to date.
    public static let incidentContext = [
        "ssm-incidents:BatchGetIncidentFindings",
        "ssm-incidents:GetResponsePlan",
        "ssm-incidents:ListIncidentFindings",
        "ssm-incidents:ListRelatedItems",
        "ssm-incidents:ListResponsePlans",
        "ssm-incidents:UpdateRelatedItems",
    ]

    /// Paging: who is on call, engaging one more responder, and acknowledging
    /// a page from the channel. Contact channels (phone numbers, e-mail
    /// addresses) and anything that edits contacts, rotations or stops an
    /// engagement stay out.
    public static let paging = [
        "ssm-contacts:AcceptPage",
        "ssm-contacts:DescribeEngagement",
        "ssm-contacts:DescribePage",
        "ssm-contacts:GetContact",
        "ssm-contacts:GetRotation",
        "ssm-contacts:ListContacts",
        "ssm-contacts:ListEngagements",
        "ssm-contacts:ListPageReceipts",
        "ssm-contacts:ListPagesByContact",
        "ssm-contacts:ListPagesByEngagement",
        "ssm-contacts:ListRotations",
        "ssm-contacts:ListRotationShifts",
        "ssm-contacts:StartEngagement",
    ]

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
