import Backend
import Catalog
import Testing

@Suite("Conformance: ssm-contacts contacts, tags, policies")
struct ContactConformance {
    @Test(arguments: BackendKind.allCases)
    func createGetListUpdateDelete(kind: BackendKind) async throws {
        let h = try kind.make()
        let alice = try await h.createContact("alice", extra: ["DisplayName": .string("Alice")])
        #expect(alice == "arn:aws:ssm-contacts:us-east-1:111122223333:contact/alice")
        let contact = try await h.contacts(.getContact, ["ContactId": .string(alice)])
        #expect(contact.keys == ["ContactArn", "Alias", "DisplayName", "Type", "Plan"])
        #expect(contact["Plan"] == .structure(["Stages": .list([])]))
        #expect(contact["Type"] == .string("PERSONAL"))

        let email = try await h.createChannel(alice, "work")
        try await h.contacts(.updateContact, ["ContactId": .string(alice), "DisplayName": .string("Alice A."),
                                               "Plan": plan([(5, [channelTarget(email)])])])
        let updated = try await h.contacts(.getContact, ["ContactId": .string(alice)])
        #expect(updated["DisplayName"] == .string("Alice A."))
        #expect(updated["Plan"] == plan([(5, [channelTarget(email)])]))

        let oncall = try await h.createContact("dba-team", type: "ESCALATION",
                                               plan: plan([(10, [contactTarget(alice)])]))
        try await h.createContact("bob")
        let all = try await h.contacts(.listContacts)
        #expect(all.keys == ["Contacts"])
        #expect(all["Contacts"]!.list!.map { $0["Alias"]!.string! } == ["alice", "bob", "dba-team"])
        #expect(all["Contacts"]!.list![0].keys == ["ContactArn", "Alias", "DisplayName", "Type"])
        let escalations = try await h.contacts(.listContacts, ["Type": .string("ESCALATION")])["Contacts"]!.list!
        #expect(escalations.map { $0["ContactArn"]! } == [.string(oncall)])
        let prefixed = try await h.contacts(.listContacts, ["AliasPrefix": .string("b")])["Contacts"]!.list!
        #expect(prefixed.map { $0["Alias"]! } == [.string("bob")])

        // An escalation plan engages alice: she can't be deleted until it no longer does.
        try await h.expectContactsError(.conflict, .deleteContact, ["ContactId": .string(alice)])
        try await h.contacts(.deleteContact, ["ContactId": .string(oncall)])
        try await h.contacts(.deleteContact, ["ContactId": .string(alice)])
        try await h.expectContactsError(.resourceNotFound, .getContact, ["ContactId": .string(alice)])
        try await h.expectContactsError(.resourceNotFound, .getContactChannel, ["ContactChannelId": .string(email)])
        try await h.expectContactsError(.resourceNotFound, .deleteContact, ["ContactId": .string(alice)])
        try await h.expectContactsError(.resourceNotFound, .updateContact, ["ContactId": .string(alice)])
    }

    @Test(arguments: BackendKind.allCases)
    func aliasesAreUnique(kind: BackendKind) async throws {
        let h = try kind.make()
        let alice = try await h.createContact("alice")
        let error = try await h.expectContactsError(.conflict, .createContact, [
            "Alias": .string("alice"), "Type": .string("ESCALATION"), "Plan": .structure(["Stages": .list([])]),
        ])
        #expect(error?.resourceIdentifier == alice)
        #expect(error?.resourceType == "CONTACT")
        #expect(error?.members.map(\.name) == ["Message", "ResourceId", "ResourceType"])
        // Another Region is another namespace.
        let west = CallContext(accountId: Harness.account, region: "us-west-2", user: "alice")
        let other = try await h.contacts(.createContact, [
            "Alias": .string("alice"), "Type": .string("PERSONAL"), "Plan": .structure(["Stages": .list([])]),
        ], as: west)["ContactArn"]!
        #expect(other == .string("arn:aws:ssm-contacts:us-west-2:111122223333:contact/alice"))
        #expect(try await h.contacts(.listContacts)["Contacts"]!.list!.count == 1)
    }

    @Test(arguments: BackendKind.allCases)
    func plansAreChecked(kind: BackendKind) async throws {
        let h = try kind.make()
        let alice = try await h.createContact("alice")
        let bob = try await h.createContact("bob")
        let bobsEmail = try await h.createChannel(bob, "bob")
        let empty = plan([(5, [])])
        let error = try await h.expectContactsError(.validation, .updateContact, ["ContactId": .string(alice), "Plan": empty])
        #expect(error?.message.contains("Stage 0 has no targets") == true)
        #expect(error?.reason == "FIELD_VALIDATION_FAILED")
        #expect(error?.fields.first?.name == "Plan.Stages.0.Targets")
        try await h.expectContactsError(.validation, .createContact, [
            "Alias": .string("team"), "Type": .string("ESCALATION"), "Plan": plan([(0, [contactTarget(alice)]), (5, [])]),
        ])
        // A person's plan uses the person's own channels.
        try await h.expectContactsError(.validation, .updateContact, [
            "ContactId": .string(alice), "Plan": plan([(5, [channelTarget(bobsEmail)])]),
        ])
        try await h.expectContactsError(.validation, .updateContact, [
            "ContactId": .string(alice), "Plan": plan([(5, [contactTarget(bob)])]),
        ])
        // An escalation plan engages contacts that exist, never channels.
        try await h.expectContactsError(.validation, .createContact, [
            "Alias": .string("team"), "Type": .string("ESCALATION"), "Plan": plan([(0, [contactTarget(h.contactArn("nobody"))])]),
        ])
        try await h.expectContactsError(.validation, .createContact, [
            "Alias": .string("team"), "Type": .string("ESCALATION"), "Plan": plan([(0, [channelTarget(bobsEmail)])]),
        ])
        let both: Value = .structure(["ChannelTargetInfo": .structure(["ContactChannelId": .string(bobsEmail)]),
                                      "ContactTargetInfo": .structure(["ContactId": .string(bob), "IsEssential": .boolean(true)])])
        try await h.expectContactsError(.validation, .createContact, [
            "Alias": .string("team"), "Type": .string("ESCALATION"), "Plan": plan([(0, [both])]),
        ])
        // An on-call schedule has rotations and nothing else; others have none.
        try await h.expectContactsError(.validation, .createContact, [
            "Alias": .string("sched"), "Type": .string("ONCALL_SCHEDULE"), "Plan": .structure(["Stages": .list([])]),
        ])
        try await h.expectContactsError(.validation, .createContact, [
            "Alias": .string("sched"), "Type": .string("ONCALL_SCHEDULE"),
            "Plan": .structure(["RotationIds": .list([.string("arn:aws:ssm-contacts:us-east-1:111122223333:rotation/x/1")])]),
        ])
        try await h.expectContactsError(.validation, .updateContact, [
            "ContactId": .string(alice),
            "Plan": .structure(["RotationIds": .list([.string("arn:aws:ssm-contacts:us-east-1:111122223333:rotation/x/1")])]),
        ])
        try await h.expectContactsError(.validation, .getContact, ["ContactId": .string("alice")])
    }

    @Test(arguments: BackendKind.allCases)
    func idempotencyToken(kind: BackendKind) async throws {
        let h = try kind.make()
        let input: OrderedInput = ["Alias": .string("alice"), "Type": .string("PERSONAL"),
                                   "Plan": .structure(["Stages": .list([])]), "IdempotencyToken": .string("t1")]
        let first = try await h.contacts(.createContact, input)
        let digest = try await h.digest()
        #expect(try await h.contacts(.createContact, input) == first)
        #expect(try await h.digest() == digest)
        var other = input
        other["Alias"] = .string("bob")
        try await h.expectContactsError(.validation, .createContact, other)
    }

    /// CreateContactChannel and CreateRotation take tokens too: a retry creates nothing.
    @Test(arguments: BackendKind.allCases)
    func idempotentChannelsAndRotations(kind: BackendKind) async throws {
        let h = try kind.make()
        let alice = try await h.createContact("alice")
        let channel: OrderedInput = [
            "ContactId": .string(alice), "Name": .string("work"), "Type": .string("EMAIL"),
            "DeliveryAddress": .structure(["SimpleAddress": .string("alice@example.com")]), "IdempotencyToken": .string("c1"),
        ]
        let rotation: OrderedInput = [
            "Name": .string("primary"), "ContactIds": .list([.string(alice)]), "TimeZoneId": .string("UTC"),
            "Recurrence": recurrence(daily: [handOff(9)]), "IdempotencyToken": .string("r1"),
        ]
        for (operation, input) in [(ContactsOperation.createContactChannel, channel), (.createRotation, rotation)] {
            let first = try await h.contacts(operation, input)
            let digest = try await h.digest()
            #expect(try await h.contacts(operation, input) == first)
            #expect(try await h.digest() == digest)
        }
        #expect(try await h.driver.outbox().count == 1)
    }

    @Test(arguments: BackendKind.allCases)
    func listPages(kind: BackendKind) async throws {
        let h = try kind.make()
        for alias in ["c", "a", "e", "b", "d"] { try await h.createContact(alias) }
        var aliases: [String] = []
        var token: Value?
        repeat {
            var input: OrderedInput = ["MaxResults": .integer(2)]
            input["NextToken"] = token
            let page = try await h.contacts(.listContacts, input)
            aliases += page["Contacts"]!.list!.map { $0["Alias"]!.string! }
            token = page["NextToken"]
        } while token != nil
        #expect(aliases == ["a", "b", "c", "d", "e"])
        try await h.expectContactsError(.validation, .listContacts, ["NextToken": .string("garbage")])
    }

    @Test(arguments: BackendKind.allCases)
    func tags(kind: BackendKind) async throws {
        let h = try kind.make()
        let alice = try await h.createContact("alice", extra: ["Tags": .list([tag("team", "db")])])
        let rotation = try await RotationConformance.createRotation(h, members: [alice])
        for arn in [alice, rotation] {
            try await h.contacts(.tagResource, ["ResourceARN": .string(arn), "Tags": .list([tag("b", "2"), tag("a", "1")])])
            let tags = try await h.contacts(.listTagsForResource, ["ResourceARN": .string(arn)])["Tags"]!.list!
            #expect(tags.map { $0["Key"]!.string! } == (arn == alice ? ["a", "b", "team"] : ["a", "b"]))
            #expect(tags[0] == .structure(["Key": .string("a"), "Value": .string("1")]))
            try await h.contacts(.untagResource, ["ResourceARN": .string(arn), "TagKeys": .list([.string("a"), .string("zz")])])
            #expect(try await h.contacts(.listTagsForResource, ["ResourceARN": .string(arn)])["Tags"]!.list!.count == (arn == alice ? 2 : 1))
        }
        let missing = h.contactArn("nobody")
        try await h.expectContactsError(.resourceNotFound, .tagResource, ["ResourceARN": .string(missing), "Tags": .list([tag("a", "1")])])
        try await h.expectContactsError(.resourceNotFound, .untagResource, ["ResourceARN": .string(missing), "TagKeys": .list([])])
        try await h.expectContactsError(.resourceNotFound, .listTagsForResource, ["ResourceARN": .string(missing)])
        try await h.expectContactsError(.validation, .listTagsForResource,
                                        ["ResourceARN": .string("arn:aws:ssm-incidents::111122223333:response-plan/x")])
        try await h.expectContactsError(.validation, .tagResource, ["ResourceARN": .string(alice), "Tags": .list([tag("aws:x", "1")])])
        let many = (0..<50).map { tag("k\($0)", "v") }
        try await h.expectContactsError(.serviceQuotaExceeded, .tagResource, ["ResourceARN": .string(alice), "Tags": .list(many)])
        // Deleting a contact takes its tags along.
        try await h.expectContactsError(.conflict, .deleteContact, ["ContactId": .string(alice)])
        try await h.contacts(.deleteRotation, ["RotationId": .string(rotation)])
        try await h.contacts(.deleteContact, ["ContactId": .string(alice)])
        _ = try await h.createContact("alice")
        #expect(try await h.contacts(.listTagsForResource, ["ResourceARN": .string(alice)])["Tags"] == .list([]))
    }

    @Test(arguments: BackendKind.allCases)
    func contactPolicy(kind: BackendKind) async throws {
        let h = try kind.make()
        let alice = try await h.createContact("alice")
        #expect(try await h.contacts(.getContactPolicy, ["ContactArn": .string(alice)]) == .structure(["ContactArn": .string(alice)]))
        let policy = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"444455556666"},"Action":"ssm-contacts:GetContact","Resource":"*"}]}"#
        try await h.contacts(.putContactPolicy, ["ContactArn": .string(alice), "Policy": .string(policy)])
        let got = try await h.contacts(.getContactPolicy, ["ContactArn": .string(alice)])
        #expect(got == .structure(["ContactArn": .string(alice), "Policy": .string(policy)]))
        try await h.expectContactsError(.validation, .putContactPolicy, ["ContactArn": .string(alice), "Policy": .string("not json")])
        try await h.expectContactsError(.resourceNotFound, .putContactPolicy,
                                        ["ContactArn": .string(h.contactArn("nobody")), "Policy": .string(policy)])
        try await h.expectContactsError(.resourceNotFound, .getContactPolicy, ["ContactArn": .string(h.contactArn("nobody"))])
    }

    @Test(arguments: BackendKind.allCases)
    func everyOperationIsServed(kind: BackendKind) async throws {
        let h = try kind.make()
        #expect(ContactsOperation.allCases.count == 39)
        for operation in ContactsOperation.allCases {
            // With no input, every operation either answers or refuses the request: none is unknown.
            do throws(ServiceError) {
                _ = try await h.contacts(operation)
            } catch {
                #expect(error.code != .unknownOperation, "\(operation)")
            }
        }
    }
}

func tag(_ key: String, _ value: String) -> Value { .structure(["Key": .string(key), "Value": .string(value)]) }
