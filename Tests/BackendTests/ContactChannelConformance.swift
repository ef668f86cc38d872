import Backend
import Catalog
import Testing

@Suite("Conformance: ssm-contacts contact channels and activation")
struct ContactChannelConformance {
    @Test(arguments: BackendKind.allCases)
    func createSendsActivationCode(kind: BackendKind) async throws {
        let h = try kind.make()
        let alice = try await h.createContact("alice")
        let arn = try await h.createChannel(alice, "work", address: "alice@example.com", activate: false)
        #expect(arn.hasPrefix("arn:aws:ssm-contacts:us-east-1:111122223333:contact-channel/alice/"))
        let channel = try await h.contacts(.getContactChannel, ["ContactChannelId": .string(arn)])
        #expect(channel.keys == ["ContactArn", "ContactChannelArn", "Name", "Type", "DeliveryAddress", "ActivationStatus"])
        #expect(channel["ActivationStatus"] == .string("NOT_ACTIVATED"))
        #expect(channel["DeliveryAddress"] == .structure(["SimpleAddress": .string("alice@example.com")]))

        let outbox = try await h.driver.outbox(contactChannelArn: arn)
        #expect(outbox.count == 1)
        let sent = try #require(outbox.first)
        #expect(sent.kind == .activationCode)
        #expect(sent.address == "alice@example.com")
        #expect(sent.code.count == 6 && sent.code.allSatisfy(\.isNumber))
        #expect(sent.body.contains(sent.code))

        let wrong = sent.code == "000000" ? "111111" : "000000"
        try await h.expectContactsError(.validation, .activateContactChannel,
                                        ["ContactChannelId": .string(arn), "ActivationCode": .string(wrong)])
        // A new code replaces the old one.
        try await h.contacts(.sendActivationCode, ["ContactChannelId": .string(arn)])
        let codes = try await h.driver.outbox(contactChannelArn: arn).map(\.code)
        #expect(codes.count == 2)
        if codes[0] != codes[1] {
            try await h.expectContactsError(.validation, .activateContactChannel,
                                            ["ContactChannelId": .string(arn), "ActivationCode": .string(codes[0])])
        }
        try await h.contacts(.activateContactChannel, ["ContactChannelId": .string(arn), "ActivationCode": .string(codes[1])])
        #expect(try await h.contacts(.getContactChannel, ["ContactChannelId": .string(arn)])["ActivationStatus"] == .string("ACTIVATED"))
        try await h.expectContactsError(.validation, .sendActivationCode, ["ContactChannelId": .string(arn)])

        try await h.contacts(.deactivateContactChannel, ["ContactChannelId": .string(arn)])
        #expect(try await h.contacts(.getContactChannel, ["ContactChannelId": .string(arn)])["ActivationStatus"] == .string("NOT_ACTIVATED"))
        try await h.expectContactsError(.validation, .activateContactChannel,
                                        ["ContactChannelId": .string(arn), "ActivationCode": .string(codes[1])])
    }

    @Test(arguments: BackendKind.allCases)
    func deferredActivation(kind: BackendKind) async throws {
        let h = try kind.make()
        let alice = try await h.createContact("alice")
        let arn = try await h.contacts(.createContactChannel, [
            "ContactId": .string(alice), "Name": .string("phone"), "Type": .string("SMS"),
            "DeliveryAddress": .structure(["SimpleAddress": .string("+12065550100")]), "DeferActivation": .boolean(true),
        ])["ContactChannelArn"]!.string!
        #expect(try await h.driver.outbox(contactChannelArn: arn).isEmpty)
        try await h.expectContactsError(.validation, .activateContactChannel,
                                        ["ContactChannelId": .string(arn), "ActivationCode": .string("123456")])
        try await h.contacts(.sendActivationCode, ["ContactChannelId": .string(arn)])
        #expect(try await h.driver.outbox(contactChannelArn: arn).map(\.channelType) == ["SMS"])
    }

    @Test(arguments: BackendKind.allCases)
    func listUpdateDelete(kind: BackendKind) async throws {
        let h = try kind.make()
        let alice = try await h.createContact("alice")
        let work = try await h.createChannel(alice, "work")
        let home = try await h.createChannel(alice, "home", type: "VOICE", address: "+12065550199")
        let listed = try await h.contacts(.listContactChannels, ["ContactId": .string(alice)])
        #expect(listed.keys == ["ContactChannels"])
        #expect(listed["ContactChannels"]!.list!.map { $0["ContactChannelArn"]! } == [.string(home), .string(work)])
        let first = try await h.contacts(.listContactChannels, ["ContactId": .string(alice), "MaxResults": .integer(1)])
        #expect(first["ContactChannels"]!.list!.count == 1)
        let rest = try await h.contacts(.listContactChannels, ["ContactId": .string(alice), "NextToken": first["NextToken"]!])
        #expect(rest["ContactChannels"]!.list!.map { $0["Name"]! } == [.string("work")])

        // A new address needs activating again.
        try await h.contacts(.updateContactChannel, ["ContactChannelId": .string(work), "Name": .string("office"),
                                                      "DeliveryAddress": .structure(["SimpleAddress": .string("a@corp.example")])])
        let updated = try await h.contacts(.getContactChannel, ["ContactChannelId": .string(work)])
        #expect(updated["Name"] == .string("office"))
        #expect(updated["ActivationStatus"] == .string("NOT_ACTIVATED"))
        #expect(try await h.driver.outbox(contactChannelArn: work).last?.address == "a@corp.example")
        try await h.expectContactsError(.conflict, .updateContactChannel, ["ContactChannelId": .string(work), "Name": .string("home")])

        // A channel the plan engages stays until the plan lets it go.
        try await h.contacts(.updateContact, ["ContactId": .string(alice), "Plan": plan([(0, [channelTarget(home)])])])
        try await h.expectContactsError(.validation, .deleteContactChannel, ["ContactChannelId": .string(home)])
        try await h.contacts(.deleteContactChannel, ["ContactChannelId": .string(work)])
        try await h.expectContactsError(.resourceNotFound, .deleteContactChannel, ["ContactChannelId": .string(work)])
        try await h.expectContactsError(.resourceNotFound, .updateContactChannel, ["ContactChannelId": .string(work)])
        try await h.expectContactsError(.resourceNotFound, .sendActivationCode, ["ContactChannelId": .string(work)])
        try await h.expectContactsError(.resourceNotFound, .deactivateContactChannel, ["ContactChannelId": .string(work)])
        try await h.expectContactsError(.resourceNotFound, .listContactChannels, ["ContactId": .string(h.contactArn("nobody"))])
    }

    @Test(arguments: BackendKind.allCases)
    func badChannels(kind: BackendKind) async throws {
        let h = try kind.make()
        let alice = try await h.createContact("alice")
        let team = try await h.createContact("team", type: "ESCALATION", plan: plan([(0, [contactTarget(alice)])]))
        func create(_ contact: String, _ name: String, _ type: String, _ address: String) -> OrderedInput {
            ["ContactId": .string(contact), "Name": .string(name), "Type": .string(type),
             "DeliveryAddress": .structure(["SimpleAddress": .string(address)])]
        }
        try await h.expectContactsError(.validation, .createContactChannel, create(alice, "x", "EMAIL", "not-an-email"))
        try await h.expectContactsError(.validation, .createContactChannel, create(alice, "x", "SMS", "555-0100"))
        try await h.expectContactsError(.validation, .createContactChannel, create(team, "x", "EMAIL", "t@example.com"))
        try await h.expectContactsError(.validation, .createContactChannel, create(h.contactArn("nobody"), "x", "EMAIL", "t@example.com"))
        _ = try await h.createChannel(alice, "work", address: "alice@example.com")
        try await h.expectContactsError(.conflict, .createContactChannel, create(alice, "work", "EMAIL", "other@example.com"))
        try await h.expectContactsError(.conflict, .createContactChannel, create(alice, "other", "EMAIL", "alice@example.com"))
        try await h.expectContactsError(.validation, .getContactChannel, ["ContactChannelId": .string(alice)])
    }
}
