import Catalog

/// UpdateRelatedItems and ListRelatedItems (StartIncident adds items too).
extension IncidentsCommand {
    func updateRelatedItems() throws -> Value {
        let arn = try input.requiredString("incidentRecordArn")
        guard let update = try input.structure("relatedItemsUpdate"), update.count == 1 else {
            throw ServiceError.validation("relatedItemsUpdate takes exactly one of itemToAdd or itemToRemove.")
        }
        let incident = try incident(arn: arn)
        if let item = update["itemToAdd"] {
            try addRelatedItem(item, to: incident)
        } else if let identifier = update["itemToRemove"] {
            var found: Int64?
            try store.scanRelatedItems(incidentSeq: incident.seq, afterSeq: nil) { existing in
                if Self.sameIdentifier(existing.identifier, identifier) { found = existing.seq; return false }
                return true
            }
            guard let found else {
                throw ServiceError.notFound(.incidentRecord, arn, "Incident record \(arn) has no related item \(Self.describe(identifier)).")
            }
            try store.deleteRelatedItem(seq: found)
        } else {
            throw ServiceError.validation("relatedItemsUpdate takes exactly one of itemToAdd or itemToRemove.")
        }
        return emptyOutput
    }

    /// Lists an incident's related items in the order they were added; an
    /// incident that does not exist has none.
    func listRelatedItems() throws -> Value {
        let arn = try input.requiredString("incidentRecordArn")
        let limit = try input.pageSize(limit: 100)
        let after = try input.string("nextToken").map { try PageToken.readInts($0, scope: queryScope, count: 1)[0] }
        guard let incidentSeq = try store.incidentSeq(arn: arn) else {
            return structure(("relatedItems", .list([])))
        }
        let page = try Page<RelatedItemRecord>(limit: limit) { visit in
            try store.scanRelatedItems(incidentSeq: incidentSeq, afterSeq: after, visit)
        }
        let items = page.items.map { item in
            structure(("generatedId", .text(item.generatedId)), ("identifier", item.identifier), ("title", .text(item.title)))
        }
        return structure(
            ("nextToken", page.hasMore ? .string(PageToken.make(scope: queryScope, [String(page.items.last!.seq)])) : nil),
            ("relatedItems", .list(items)))
    }

    // MARK: Helpers

    /// Adds a `RelatedItem`; an item with the same identifier already there is a conflict.
    func addRelatedItem(_ item: Value, to incident: IncidentRecordRow) throws {
        guard let identifier = item["identifier"], identifier["type"]?.string != nil, identifier["value"] != nil else {
            throw ServiceError.validation("A related item needs an identifier with a type and a value.")
        }
        var duplicate = false
        try store.scanRelatedItems(incidentSeq: incident.seq, afterSeq: nil) { existing in
            duplicate = Self.sameIdentifier(existing.identifier, identifier)
            return !duplicate
        }
        if duplicate {
            throw ServiceError.conflict(.incidentRecord, incident.arn,
                "Incident record \(incident.arn) already has the related item \(Self.describe(identifier)).")
        }
        _ = try store.insertRelatedItem(RelatedItemRecord(
            incidentSeq: incident.seq, generatedId: item["generatedId"]?.string, title: item["title"]?.string,
            identifier: identifier))
    }

    static func sameIdentifier(_ a: Value, _ b: Value) -> Bool {
        a["type"] == b["type"] && a["value"] == b["value"]
    }

    static func describe(_ identifier: Value) -> String {
        let type = identifier["type"]?.string ?? "?"
        let value = identifier["value"]?.members?.values.first
        let text = value?.string ?? value?["id"]?.string ?? "…"
        return "\(type) \(text)"
    }
}
