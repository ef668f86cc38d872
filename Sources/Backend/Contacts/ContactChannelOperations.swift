import Catalog

/// CreateContactChannel, GetContactChannel, ListContactChannels,
/// UpdateContactChannel, DeleteContactChannel, and activation:
/// SendActivationCode, ActivateContactChannel, DeactivateContactChannel.
///
/// Activation codes go to the local outbox (``OutboxMessage``), where the
/// interpreter shows them; nothing is sent anywhere.
extension ContactsCommand {
    static var channelTypes: Set<String> { ["EMAIL", "SMS", "VOICE"] }

    func createContactChannel() throws -> Value {
        let contactId = try input.requiredString("ContactId")
        guard ContactsARN.resourceType(of: contactId) == "contact", let contact = try store.contact(arn: contactId) else {
            throw ContactsError.invalid("ContactId", "Contact \(contactId) does not exist: ContactId must be the ARN of a PERSONAL contact.")
        }
        guard contact.type == "PERSONAL" else {
            throw ContactsError.invalid("ContactId", "Only PERSONAL contacts have contact channels; \(contact.alias) is \(contact.type).")
        }
        let name = try input.requiredString("Name")
        let type = try input.requiredString("Type")
        guard Self.channelTypes.contains(type) else {
            throw ContactsError.invalid("Type", "Type must be EMAIL, SMS or VOICE; got \(type).")
        }
        let address = try deliveryAddress(type: type, required: true)!
        let channels = try store.contactChannels(contactArn: contact.arn)
        if let same = channels.first(where: { $0.name == name }) {
            throw ContactsError.conflict(.contactChannel, same.arn, "Contact \(contact.alias) already has a channel named \(name).")
        }
        if let same = channels.first(where: { $0.type == type && $0.address == address }) {
            throw ContactsError.conflict(.contactChannel, same.arn, "Contact \(contact.alias) already has the \(type) channel \(address) (\(same.name)).")
        }
        let arn = ContactsARN.sibling(of: contact.arn, "contact-channel/\(contact.alias)/\(ids.uuidString())")
        var channel = ContactChannelRecord(arn: arn, contactArn: contact.arn, name: name, type: type, address: address)
        if try input.boolean("DeferActivation") != true { try sendCode(&channel) }
        try store.putContactChannel(channel)
        return structure(("ContactChannelArn", .string(arn)))
    }

    /// Its output names the contact first (the `ContactChannel` shape of lists names the channel first).
    func getContactChannel() throws -> Value {
        let c = try channel(id: try input.requiredString("ContactChannelId"))
        return structure(
            ("ContactArn", .string(c.contactArn)),
            ("ContactChannelArn", .string(c.arn)),
            ("Name", .string(c.name)),
            ("Type", .string(c.type)),
            ("DeliveryAddress", structure(("SimpleAddress", .string(c.address)))),
            ("ActivationStatus", .string(c.activated ? "ACTIVATED" : "NOT_ACTIVATED")))
    }

    /// A contact's channels, by name.
    func listContactChannels() throws -> Value {
        let size = try pageSize()
        let contact = try contact(id: try input.requiredString("ContactId"))
        let channels = try store.contactChannels(contactArn: contact.arn).sorted { $0.name < $1.name }
        let page = try paginate(channels, size: size, key: \.name)
        return structure(("NextToken", page.nextToken), ("ContactChannels", .list(page.items.map(channelValue))))
    }

    /// A new address must be activated again: a code goes to it.
    func updateContactChannel() throws -> Value {
        var channel = try channel(id: try input.requiredString("ContactChannelId"))
        let others = try store.contactChannels(contactArn: channel.contactArn).filter { $0.arn != channel.arn }
        if let name = try input.string("Name") {
            if others.contains(where: { $0.name == name }) {
                throw ContactsError.conflict(.contactChannel, channel.arn, "The contact already has another channel named \(name).")
            }
            channel.name = name
        }
        if let address = try deliveryAddress(type: channel.type, required: false), address != channel.address {
            if others.contains(where: { $0.type == channel.type && $0.address == address }) {
                throw ContactsError.conflict(.contactChannel, channel.arn, "The contact already has the \(channel.type) channel \(address).")
            }
            channel.address = address
            channel.activated = false
            try sendCode(&channel)
        }
        try store.putContactChannel(channel)
        return emptyOutput
    }

    /// A channel that its contact's plan engages can't go: take it out of the plan first.
    func deleteContactChannel() throws -> Value {
        let channel = try channel(id: try input.requiredString("ContactChannelId"))
        if let contact = try store.contact(arn: channel.contactArn) {
            for (i, stage) in contact.plan.stages.enumerated() where stage.targets.contains(where: {
                if case .channel(channel.arn, _) = $0 { true } else { false }
            }) {
                throw ContactsError.invalid("ContactChannelId", "Channel \(channel.name) is engaged by stage \(i) of \(contact.alias)'s plan; update the plan (UpdateContact) before deleting the channel.")
            }
        }
        try store.deleteContactChannel(arn: channel.arn)
        return emptyOutput
    }

    func sendActivationCode() throws -> Value {
        var channel = try channel(id: try input.requiredString("ContactChannelId"))
        guard !channel.activated else {
            throw ContactsError.invalid("ContactChannelId", "Channel \(channel.name) is already activated.")
        }
        try sendCode(&channel)
        try store.putContactChannel(channel)
        return emptyOutput
    }

    func activateContactChannel() throws -> Value {
        var channel = try channel(id: try input.requiredString("ContactChannelId"))
        let code = try input.requiredString("ActivationCode")
        if channel.activated { return emptyOutput }
        guard let expected = channel.activationCode else {
            throw ContactsError.invalid("ActivationCode", "No activation code was sent to channel \(channel.name): call SendActivationCode first.")
        }
        guard code == expected else {
            throw ContactsError.invalid("ActivationCode", "The activation code \(code) is not the one last sent to channel \(channel.name) (see the outbox).")
        }
        channel.activated = true
        channel.activationCode = nil
        try store.putContactChannel(channel)
        return emptyOutput
    }

    /// A deactivated channel is no longer engaged until it is activated again.
    func deactivateContactChannel() throws -> Value {
        var channel = try channel(id: try input.requiredString("ContactChannelId"))
        channel.activated = false
        try store.putContactChannel(channel)
        return emptyOutput
    }

    // MARK: Helpers

    func channel(id: String) throws -> ContactChannelRecord {
        guard ContactsARN.resourceType(of: id) == "contact-channel" else {
            throw ContactsError.invalid("ContactChannelId", "ContactChannelId must be the ARN of a contact channel (arn:aws:ssm-contacts:REGION:ACCOUNT:contact-channel/ALIAS/ID); got \(id).")
        }
        guard let channel = try store.contactChannel(arn: id) else {
            throw ContactsError.notFound(.contactChannel, id, "Contact channel \(id) does not exist.")
        }
        return channel
    }

    /// The `ContactChannel` shape, members in model order.
    func channelValue(_ c: ContactChannelRecord) -> Value {
        structure(
            ("ContactChannelArn", .string(c.arn)),
            ("ContactArn", .string(c.contactArn)),
            ("Name", .string(c.name)),
            ("Type", .string(c.type)),
            ("DeliveryAddress", structure(("SimpleAddress", .string(c.address)))),
            ("ActivationStatus", .string(c.activated ? "ACTIVATED" : "NOT_ACTIVATED")))
    }

    /// `DeliveryAddress.SimpleAddress`, checked against the channel type:
    /// an email address for EMAIL, an E.164 phone number for SMS and VOICE.
    private func deliveryAddress(type: String, required: Bool) throws -> String? {
        guard let address = try input.structure("DeliveryAddress")?["SimpleAddress"]?.string else {
            if required { throw ContactsError.invalid("DeliveryAddress", "DeliveryAddress needs a SimpleAddress.") }
            return nil
        }
        if type == "EMAIL" {
            let parts = address.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
                  !parts[1].hasSuffix("."), !address.contains(" ") else {
                throw ContactsError.invalid("DeliveryAddress.SimpleAddress", "\(address) is not an email address, which an EMAIL channel needs.")
            }
        } else {
            let digits = address.dropFirst()
            guard address.hasPrefix("+"), (8...15).contains(digits.count), digits.allSatisfy(\.isASCII),
                  digits.allSatisfy(\.isNumber), digits.first != "0" else {
                throw ContactsError.invalid("DeliveryAddress.SimpleAddress", "\(address) is not a phone number in E.164 form (+ and 8 to 15 digits, such as +12065550100), which an \(type) channel needs.")
            }
        }
        return address
    }

    /// Puts a fresh activation code into the outbox and remembers it on the channel.
    private func sendCode(_ channel: inout ContactChannelRecord) throws {
        let code = escalation.code()
        channel.activationCode = code
        _ = try store.appendOutbox(OutboxMessage(
            account: ARN(channel.arn)?.account ?? context.accountId, contactChannelArn: channel.arn,
            contactArn: channel.contactArn, channelType: channel.type, address: channel.address, kind: .activationCode,
            code: code, pageArn: nil, subject: "Incident Manager activation code",
            body: "Your activation code for contact channel \(channel.name) is \(code).", time: now))
    }
}
