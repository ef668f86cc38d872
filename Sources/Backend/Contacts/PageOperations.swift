import Catalog

/// AcceptPage, DescribePage, ListPagesByContact, ListPagesByEngagement,
/// ListPageReceipts, ListPageResolutions.
extension ContactsCommand {
    /// Acknowledges a page: a DELIVERED or READ receipt, the page's delivery
    /// (and read) time, and the end of its stages. An essential page also ends
    /// the escalation of its engagement.
    func acceptPage() throws -> Value {
        var page = try page(id: try input.requiredString("PageId"))
        let type = try input.requiredString("AcceptType")
        guard type == "DELIVERED" || type == "READ" else {
            throw ContactsError.invalid("AcceptType", "AcceptType must be DELIVERED or READ; got \(type).")
        }
        let code = try input.requiredString("AcceptCode")
        let validation = try input.string("AcceptCodeValidation") ?? "IGNORE"
        guard validation == "IGNORE" || validation == "ENFORCE" else {
            throw ContactsError.invalid("AcceptCodeValidation", "AcceptCodeValidation must be IGNORE or ENFORCE; got \(validation).")
        }
        if validation == "ENFORCE", code != page.acceptCode {
            throw ContactsError.invalid("AcceptCode", "The accept code \(code) is not the code sent with page \(page.arn).")
        }
        var channelArn: String?
        if let id = try input.string("ContactChannelId") {
            let channel = try channel(id: id)
            guard channel.contactArn == page.contactArn else {
                throw ContactsError.invalid("ContactChannelId", "Channel \(channel.name) does not belong to the paged contact \(ContactsARN.alias(of: page.contactArn)).")
            }
            channelArn = channel.arn
        }
        _ = try store.insertReceipt(ReceiptRecord(pageArn: page.arn, contactChannelArn: channelArn, type: type,
                                                  info: try input.string("Note"), time: now))
        if page.deliveryTime == nil { page.deliveryTime = now }
        if type == "READ", page.readTime == nil { page.readTime = now }
        page.nextStageDue = nil
        try store.putPage(page)
        if page.essential, let engagement = try store.engagement(arn: page.engagementArn) {
            try escalation.endEscalation(of: engagement)
        }
        return emptyOutput
    }

    func describePage() throws -> Value {
        let page = try page(id: try input.requiredString("PageId"))
        let e = try store.engagement(arn: page.engagementArn)
        return structure(
            ("PageArn", .string(page.arn)),
            ("EngagementArn", .string(page.engagementArn)),
            ("ContactArn", .string(page.contactArn)),
            ("Sender", .string(e?.sender ?? "")),
            ("Subject", .string(e?.subject ?? "")),
            ("Content", .string(e?.content ?? "")),
            ("PublicSubject", .text(e?.publicSubject)),
            ("PublicContent", .text(e?.publicContent)),
            ("IncidentId", .text(e?.incidentId)),
            ("SentTime", .time(page.sentTime)),
            ("ReadTime", .time(page.readTime)),
            ("DeliveryTime", .time(page.deliveryTime)))
    }

    /// The pages a contact received, newest first.
    func listPagesByContact() throws -> Value {
        let size = try pageSize()
        let contact = try contact(id: try input.requiredString("ContactId"))
        let pages = try store.pages(contactArn: contact.arn).enumerated()
            .map { (key: SortKey.descending($0.element.sentTime) + SortKey.descending(Int64($0.offset)), page: $0.element) }
            .sorted { $0.key < $1.key }
        return try pageList(pages, size: size)
    }

    /// The pages of an engagement, in the order they were sent.
    func listPagesByEngagement() throws -> Value {
        let size = try pageSize()
        let engagement = try engagement(id: try input.requiredString("EngagementId"))
        let pages = try store.pages(engagementArn: engagement.arn).enumerated()
            .map { (key: SortKey.ascending($0.element.sentTime) + SortKey.ascending(Int64($0.offset)), page: $0.element) }
            .sorted { $0.key < $1.key }
        return try pageList(pages, size: size)
    }

    /// What happened to a page on its channels, oldest first.
    func listPageReceipts() throws -> Value {
        let size = try pageSize()
        let page = try page(id: try input.requiredString("PageId"))
        let receipts = try store.receipts(pageArn: page.arn).sorted { $0.seq < $1.seq }
        let result = try paginate(receipts, size: size) { SortKey.ascending($0.seq) }
        return structure(
            ("NextToken", result.nextToken),
            ("Receipts", .list(result.items.map { r in
                structure(("ContactChannelArn", .text(r.contactChannelArn)), ("ReceiptType", .string(r.type)),
                          ("ReceiptInfo", .text(r.info)), ("ReceiptTime", .time(r.time)))
            })))
    }

    /// How the engagement reached the paged contact: escalation plan, on-call
    /// schedule, person, outermost first.
    func listPageResolutions() throws -> Value {
        let page = try page(id: try input.requiredString("PageId"))
        let steps = Array(page.resolution.enumerated())
        let result = try paginate(steps, size: 100) { SortKey.ascending(Int64($0.offset)) }
        return structure(
            ("NextToken", result.nextToken),
            ("PageResolutions", .list(result.items.map { _, step in
                structure(("ContactArn", .string(step.contactArn)), ("Type", .string(step.type)),
                          ("StageIndex", step.stageIndex.map(Value.integer)))
            })))
    }

    // MARK: Helpers

    func page(id: String) throws -> PageRecord {
        guard ContactsARN.resourceType(of: id) == "page" else {
            throw ContactsError.invalid("PageId", "PageId must be the ARN of a page (arn:aws:ssm-contacts:REGION:ACCOUNT:page/ALIAS/ID); got \(id).")
        }
        guard let page = try store.page(arn: id) else {
            throw ContactsError.notFound(.page, id, "Page \(id) does not exist.")
        }
        return page
    }

    private func pageList(_ pages: [(key: String, page: PageRecord)], size: Int) throws -> Value {
        let result = try paginate(pages, size: size, key: \.key)
        var engagements: [String: EngagementRecord] = [:]
        var summaries: [Value] = []
        for (_, page) in result.items {
            if engagements[page.engagementArn] == nil {
                engagements[page.engagementArn] = try store.engagement(arn: page.engagementArn)
            }
            let e = engagements[page.engagementArn]
            summaries.append(structure(
                ("PageArn", .string(page.arn)),
                ("EngagementArn", .string(page.engagementArn)),
                ("ContactArn", .string(page.contactArn)),
                ("Sender", .string(e?.sender ?? "")),
                ("IncidentId", .text(e?.incidentId)),
                ("SentTime", .time(page.sentTime)),
                ("DeliveryTime", .time(page.deliveryTime)),
                ("ReadTime", .time(page.readTime))))
        }
        return structure(("NextToken", result.nextToken), ("Pages", .list(summaries)))
    }
}
