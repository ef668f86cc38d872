import Catalog
import OrderedCollections

/// CreateContact, GetContact, ListContacts, UpdateContact, DeleteContact.
extension ContactsCommand {
    static var contactTypes: Set<String> { ["PERSONAL", "ESCALATION", "ONCALL_SCHEDULE"] }

    func createContact() throws -> Value {
        let alias = try input.requiredString("Alias")
        let type = try input.requiredString("Type")
        guard Self.contactTypes.contains(type) else {
            throw ContactsError.invalid("Type", "Type must be PERSONAL, ESCALATION or ONCALL_SCHEDULE; got \(type).")
        }
        let arn = ContactsARN.make(context, "contact/\(alias)")
        if try store.contact(arn: arn) != nil {
            throw ContactsError.conflict(.contact, arn, "A contact with alias \(alias) already exists in \(context.region); aliases are unique in an account and Region.")
        }
        let plan = try readPlan(try input.requiredStructure("Plan"), type: type, contactArn: arn)
        try store.putContact(ContactRecord(arn: arn, account: context.accountId, region: context.region, alias: alias,
                                           displayName: try input.string("DisplayName"), type: type, plan: plan))
        if let tags = try input.list("Tags") { try applyTags(try readTags(tags), to: arn) }
        return structure(("ContactArn", .string(arn)))
    }

    func getContact() throws -> Value {
        let contact = try contact(id: try input.requiredString("ContactId"))
        return structure(
            ("ContactArn", .string(contact.arn)),
            ("Alias", .string(contact.alias)),
            ("DisplayName", .text(contact.displayName)),
            ("Type", .string(contact.type)),
            ("Plan", contact.plan.value))
    }

    /// The account's contacts in the caller's Region, by alias.
    func listContacts() throws -> Value {
        let size = try pageSize()
        let prefix = try input.string("AliasPrefix")
        let type = try input.string("Type")
        let contacts = try store.contacts(account: context.accountId, region: context.region)
            .filter { contact in
                (prefix.map { contact.alias.hasPrefix($0) } ?? true) && (type.map { contact.type == $0 } ?? true)
            }
            .sorted { $0.alias < $1.alias }
        let page = try paginate(contacts, size: size, key: \.alias)
        return structure(
            ("NextToken", page.nextToken),
            ("Contacts", .list(page.items.map { contact in
                structure(("ContactArn", .string(contact.arn)), ("Alias", .string(contact.alias)),
                          ("DisplayName", .text(contact.displayName)), ("Type", .string(contact.type)))
            })))
    }

    func updateContact() throws -> Value {
        var contact = try contact(id: try input.requiredString("ContactId"))
        if let displayName = try input.string("DisplayName") { contact.displayName = displayName }
        if let plan = try input.structure("Plan") {
            contact.plan = try readPlan(plan, type: contact.type, contactArn: contact.arn)
        }
        try store.putContact(contact)
        return emptyOutput
    }

    /// Deletes a contact with its channels, tags and policy. A contact that an
    /// escalation plan engages or a rotation has as a member can't go.
    func deleteContact() throws -> Value {
        let contact = try contact(id: try input.requiredString("ContactId"))
        for other in try store.contacts(account: contact.account, region: contact.region) where other.arn != contact.arn {
            for (i, stage) in other.plan.stages.enumerated() where stage.targets.contains(.contact(contactArn: contact.arn, isEssential: true))
                || stage.targets.contains(.contact(contactArn: contact.arn, isEssential: false)) {
                throw ContactsError.conflict(.contact, contact.arn, "Contact \(contact.alias) is engaged by stage \(i) of \(other.alias); remove it from that plan first.")
            }
        }
        for rotation in try store.rotations(account: contact.account, region: contact.region)
            where rotation.contactIds.contains(contact.arn) {
            throw ContactsError.conflict(.contact, contact.arn, "Contact \(contact.alias) is a member of rotation \(rotation.name); remove it from the rotation first.")
        }
        for channel in try store.contactChannels(contactArn: contact.arn) {
            try store.deleteContactChannel(arn: channel.arn)
        }
        try store.removeAllTags(resourceArn: contact.arn)
        try store.deleteContact(arn: contact.arn)
        return emptyOutput
    }

    // MARK: Helpers

    /// The contact a `ContactId` (its ARN) names, or `ResourceNotFoundException`.
    func contact(id: String, member: String = "ContactId") throws -> ContactRecord {
        guard ContactsARN.resourceType(of: id) == "contact" else {
            throw ContactsError.invalid(member, "\(member) must be the ARN of a contact (arn:aws:ssm-contacts:REGION:ACCOUNT:contact/ALIAS); got \(id).")
        }
        guard let contact = try store.contact(arn: id) else {
            throw ContactsError.notFound(.contact, id, "Contact \(id) does not exist.")
        }
        return contact
    }

    /// Checks a `Plan` against the contact's type and turns it into a record.
    func readPlan(_ plan: OrderedDictionary<String, Value>, type: String, contactArn: String) throws -> PlanRecord {
        let stages = plan["Stages"]?.list ?? []
        let rotationIds = plan["RotationIds"]?.list?.compactMap(\.string) ?? []
        if type == "ONCALL_SCHEDULE", !stages.isEmpty {
            throw ContactsError.invalid("Plan.Stages", "An ONCALL_SCHEDULE contact has rotations, not stages: give Plan.RotationIds only.")
        }
        var records: [StageRecord] = []
        for (i, stage) in stages.enumerated() {
            let field = "Plan.Stages.\(i).Targets"
            let targets = stage["Targets"]?.list ?? []
            guard !targets.isEmpty else {
                throw ContactsError.invalid(field, "Stage \(i) has no targets: give every stage at least one \(type == "PERSONAL" ? "contact channel" : "contact") to engage.")
            }
            var targetRecords: [TargetRecord] = []
            for (j, target) in targets.enumerated() {
                guard let record = TargetRecord(value: target) else {
                    throw ContactsError.invalid("\(field).\(j)", "Target \(j) of stage \(i) must have exactly one of ChannelTargetInfo and ContactTargetInfo.")
                }
                try checkTarget(record, type: type, contactArn: contactArn, field: "\(field).\(j)")
                targetRecords.append(record)
            }
            records.append(StageRecord(durationInMinutes: stage["DurationInMinutes"]?.integer ?? 0, targets: targetRecords))
        }
        switch type {
        case "ONCALL_SCHEDULE":
            guard !rotationIds.isEmpty else {
                throw ContactsError.invalid("Plan.RotationIds", "An ONCALL_SCHEDULE contact needs at least one rotation in Plan.RotationIds.")
            }
            for id in rotationIds where try store.rotation(arn: id) == nil {
                throw ContactsError.invalid("Plan.RotationIds", "Rotation \(id) does not exist.")
            }
        default:
            guard rotationIds.isEmpty else {
                throw ContactsError.invalid("Plan.RotationIds", "Only ONCALL_SCHEDULE contacts have rotations; a \(type) contact has stages.")
            }
        }
        return PlanRecord(stages: records, rotationIds: rotationIds)
    }

    private func checkTarget(_ target: TargetRecord, type: String, contactArn: String, field: String) throws {
        switch (target, type) {
        case (.channel(let channelArn, _), "PERSONAL"):
            guard let channel = try store.contactChannel(arn: channelArn), channel.contactArn == contactArn else {
                throw ContactsError.invalid(field, "Contact channel \(channelArn) is not a channel of \(ContactsARN.alias(of: contactArn)); a personal plan engages the contact's own channels.")
            }
        case (.contact(let arn, _), "ESCALATION"):
            guard arn != contactArn else {
                throw ContactsError.invalid(field, "An escalation plan can't engage itself.")
            }
            guard let target = try store.contact(arn: arn) else {
                throw ContactsError.invalid(field, "Contact \(arn) does not exist.")
            }
            guard target.type != "ESCALATION" else {
                throw ContactsError.invalid(field, "An escalation plan engages PERSONAL and ONCALL_SCHEDULE contacts; \(target.alias) is itself an escalation plan.")
            }
        case (.channel, _):
            throw ContactsError.invalid(field, "Only a PERSONAL contact's plan engages contact channels; a \(type) plan engages contacts (ContactTargetInfo).")
        case (.contact, _):
            throw ContactsError.invalid(field, "A \(type) contact's plan engages its own contact channels (ChannelTargetInfo), not other contacts.")
        }
    }
}
