import Catalog
import Channel
import Foundation
import OrderedCollections
import Testing

@Suite struct OperationPermissionsTests {
    @Test func actionAndResourceOfARequest() {
        let request = Request(.incidents(.createTimelineEvent), input: [
            "incidentRecordArn": .string("arn:aws:ssm-incidents::111122223333:incident-record/db/6cc4"),
            "eventType": .string("Custom Event"),
        ])
        #expect(OperationPermissions.action(for: request) == "ssm-incidents:CreateTimelineEvent")
        #expect(OperationPermissions.resource(for: request, account: "111122223333", region: "us-east-1") == "arn:aws:ssm-incidents::111122223333:incident-record/db/6cc4")
        let list = Request(.incidents(.listIncidentRecords))
        #expect(OperationPermissions.resource(for: list, account: "111122223333", region: "us-east-1") == "*")
        let contact = Request(.contacts(.createContact), input: ["Alias": .string("oncall")])
        #expect(OperationPermissions.resource(for: contact, account: "111122223333", region: "eu-west-1") == "arn:aws:ssm-contacts:eu-west-1:111122223333:contact/oncall")
    }

    @Test func requestTagsReachConditions() throws {
        let channel = try ChannelConfiguration.parse(.init(name: "c.yaml", text: """
            role:
              policies:
                - Version: "2012-10-17"
                  Statement:
                    - Effect: Allow
                      Action: ssm-incidents:TagResource
                      Resource: "*"
                      Condition:
                        StringEquals: {"aws:RequestTag/env": prod}
                        ForAllValues:StringEquals: {"aws:TagKeys": [env, team]}
            """))
        let authorizer = ChannelAuthorizer(channel)
        func tag(_ tags: OrderedDictionary<String, Value>) -> Request {
            Request(.incidents(.tagResource), input: [
                "resourceArn": .string("arn:aws:ssm-incidents::111122223333:response-plan/db"), "tags": .map(tags)])
        }
        #expect(authorizer.authorize(tag(["env": .string("prod")]), user: "alice").isAllowed)
        #expect(!authorizer.authorize(tag(["env": .string("dev")]), user: "alice").isAllowed)
        #expect(!authorizer.authorize(tag(["env": .string("prod"), "owner": .string("x")]), user: "alice").isAllowed)
        let contacts = Request(.contacts(.tagResource), input: [
            "ResourceARN": .string("arn:aws:ssm-contacts:us-east-1:111122223333:contact/a"),
            "Tags": .list([.structure(["Key": .string("env"), "Value": .string("prod")])])])
        #expect(OperationPermissions.requestTags(of: contacts)?.keys == ["env"])
    }

    @Test func resourceTagsComeFromTheCaller() throws {
        let channel = try ChannelConfiguration.parse(.init(name: "c.yaml", text: """
            role:
              policies:
                - {Version: "2012-10-17", Statement: {Effect: Allow, Action: "ssm-incidents:*", Resource: "*", Condition: {StringEquals: {"aws:ResourceTag/team": db}}}}
            """))
        let request = Request(.incidents(.getIncidentRecord), input: ["arn": .string("arn:aws:ssm-incidents::111122223333:incident-record/db/1")])
        let authorizer = ChannelAuthorizer(channel)
        #expect(authorizer.authorize(request, user: "alice", resourceTags: ["team": "db"]).isAllowed)
        #expect(!authorizer.authorize(request, user: "alice", resourceTags: ["team": "web"]).isAllowed)
    }

    @Test func theTemplateNamesRealActions() {
        for action in IncidentManagerTemplate.actions {
            let parts = action.split(separator: ":")
            if parts[0] == "chatbot" {
                // The channel's own commands: aliases.
                #expect(OperationPermissions.CustomAction(rawValue: String(parts[1])) != nil, "\(action)")
                continue
            }
            let service = Catalog.shared.service(named: String(parts[0]))
            #expect(service?.operation(apiName: String(parts[1])) != nil, "\(action)")
        }
        #expect(Set(IncidentManagerTemplate.customActions) == Set(OperationPermissions.CustomAction.allCases.map(\.action)))
        #expect(Set(IncidentManagerTemplate.actions).count == IncidentManagerTemplate.actions.count)
        for seed in ["CreateTimelineEvent", "DeleteTimelineEvent", "GetIncidentRecord", "GetTimelineEvent",
                     "ListIncidentRecords", "ListTimelineEvents", "StartIncident", "UpdateIncidentRecord", "UpdateTimelineEvent"] {
            #expect(IncidentManagerTemplate.chatCommands.contains("ssm-incidents:" + seed))
        }
    }

    /// Docs/permissions.md lists exactly the template's actions.
    @Test func theDocumentationListsTheTemplate() throws {
        let url = Support.here.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Docs/permissions.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let listed = text.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("| `ssm-") || line.hasPrefix("| `chatbot:") else { return nil }
            return line.dropFirst(3).split(separator: "`").first.map(String.init)
        }
        #expect(listed == IncidentManagerTemplate.actions)
    }

    /// The user guide lists start-incident among the chat commands: the template allows it.
    @Test func theTemplateAllowsStartIncident() throws {
        let channel = try ChannelConfiguration.parse(.init(name: "c.yaml", text: "role: {template: incident-manager}\n"))
        let d = ChannelAuthorizer(channel).authorize(
            Request(.incidents(.startIncident),
                    input: ["responsePlanArn": .string("arn:aws:ssm-incidents::111122223333:response-plan/db")]), user: "alice")
        #expect(d.isAllowed, "\(d.message)")
    }

    /// A role that grants nothing is named at start-up with the fix; the
    /// template, a policy or no role at all (the template) give no warning.
    @Test func aRoleThatGrantsNothingIsWarnedAbout() throws {
        let bare = try ChannelConfiguration.parse(.init(name: "c.yaml", text: "role: {name: OpsRole}\nusers:\n  bob:\n    role: {}\n"))
        #expect(bare.roleWarnings.count == 2)
        #expect(bare.roleWarnings.first?.contains("role OpsRole names no template and no policies, so every command in slack:local/#incident-response is denied") == true)
        #expect(bare.roleWarnings.allSatisfy { $0.contains("role: {template: incident-manager}") })
        #expect(bare.roleWarnings.last?.hasPrefix("warning: c.yaml: users.bob.role") == true)
        #expect(!ChannelAuthorizer(bare).authorize(Request(.incidents(.listIncidentRecords)), user: "alice").isAllowed)
        for text in ["channel: ops\n", "role: {template: incident-manager}\n",
                     "role:\n  policies:\n    - {Version: \"2012-10-17\", Statement: [{Effect: Allow, Action: \"ssm-incidents:List*\", Resource: \"*\"}]}\n"] {
            #expect(try ChannelConfiguration.parse(.init(name: "c.yaml", text: text)).roleWarnings.isEmpty, "\(text)")
        }
    }

    @Test func chimeRefusesEveryCommand() throws {
        let channel = try ChannelConfiguration.parse(.init(name: "c.yaml", text: "platform: chime\nworkspace: acme\nchannel: war-room\n"))
        let authorizer = ChannelAuthorizer(channel)
        for operation in OperationName.allCases {
            let d = authorizer.authorize(Request(operation), user: "alice")
            #expect(!d.isAllowed)
            #expect(d.refusalKind == .commandsNotSupported)
        }
        let d = authorizer.authorize(Request(.incidents(.listIncidentRecords)), user: "alice")
        #expect(d.errorCode == "ChatCommandsNotSupported")
        #expect(d.message == "Chat commands aren't supported on Amazon Chime: channel chime:acme/#war-room receives incident notifications only.")
        // Notifications still reach it.
        let result = NotificationPublisher(channel).publish(.started(incidentArn: "arn:aws:ssm-incidents::111122223333:incident-record/db/1", title: "x", impact: 2, time: now))
        #expect(result.deliveries.count == 1)
    }

    @Test func accessDeniedMessage() {
        let d = ChannelAuthorizer(.default).authorize(
            Request(.incidents(.deleteIncidentRecord), input: ["arn": .string("arn:aws:ssm-incidents::111122223333:incident-record/db/1")]),
            user: "alice")
        #expect(d.errorCode == "AccessDeniedException")
        #expect(d.message == "User: arn:aws:sts::111122223333:assumed-role/IncidentChatRole/alice is not authorized to perform: ssm-incidents:DeleteIncidentRecord on resource: arn:aws:ssm-incidents::111122223333:incident-record/db/1 because no statement of role IncidentChatRole allows it (implicit deny)")
    }
}
