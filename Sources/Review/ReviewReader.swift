import Backend
import Catalog
import Foundation
import JMESPath
import OrderedCollections

/// Sends one read request to an Incident Manager (a backend, a batch, a session's pipeline).
public typealias ReviewSend = (Request) async throws(ServiceError) -> Value

/// Reads the facts of a review through the services' own read operations:
/// GetIncidentRecord, ListTimelineEvents and GetTimelineEvent,
/// ListRelatedItems, ListIncidentFindings and BatchGetIncidentFindings, and
/// from ssm-contacts ListEngagements, ListPagesByEngagement,
/// ListPageResolutions and GetContact. It works on any backend, since it only
/// sends requests; an unknown incident is the service's
/// `ResourceNotFoundException`, as GetIncidentRecord throws it.
public struct ReviewReader {
    let send: ReviewSend

    public init(send: @escaping ReviewSend) {
        self.send = send
    }

    /// The facts of incident `arn`. With an `eventLimit`, what a picture
    /// needs: only the newest events, and the engagements and pages, without
    /// related items or findings.
    public func facts(of arn: String, eventLimit: Int? = nil) async throws(ServiceError) -> ReviewFacts {
        let record = try await send(Request(.incidents(.getIncidentRecord), input: ["arn": .string(arn)]))
        guard let incident = record["incidentRecord"] else {
            throw ServiceError(.resourceNotFound, "Incident record \(arn) does not exist.", resourceIdentifier: arn,
                               resourceType: "INCIDENT_RECORD")
        }
        var facts = ReviewFacts(
            arn: incident["arn"]?.string ?? arn, title: incident["title"]?.string ?? "",
            status: incident["status"]?.string ?? "OPEN", impact: Int(incident["impact"]?.integer ?? 0),
            summary: incident["summary"]?.string, created: incident["creationTime"]?.timestamp ?? Date(timeIntervalSince1970: 0),
            resolved: incident["resolvedTime"]?.timestamp,
            createdBy: incident["incidentRecordSource"]?["createdBy"]?.string.map(Self.name(ofPrincipal:)))
        facts.events = try await events(of: facts.arn, limit: eventLimit)
        facts.engagements = try await engagements(of: facts.arn)
        if eventLimit != nil { return facts }
        facts.relatedItems = try await relatedItems(of: facts.arn)
        facts.findings = try await findings(of: facts.arn)
        return facts
    }

    /// The newest open incident, else the newest one; nil when there is none.
    public func newestIncident() async throws(ServiceError) -> String? {
        let open: Value = .list([.structure([
            "key": .string("status"),
            "condition": .structure(["equals": .structure(["stringValues": .list([.string("OPEN")])])]),
        ])])
        for filters in [open, nil] {
            var input: OrderedDictionary<String, Value> = ["maxResults": .integer(1)]
            if let filters { input["filters"] = filters }
            let page = try await send(Request(.incidents(.listIncidentRecords), input: input))
            if let arn = page["incidentRecordSummaries"]?.list?.first?["arn"]?.string { return arn }
        }
        return nil
    }

    // MARK: Pages of a list

    /// Every item of a paginated list operation: `input` with the token
    /// member set page after page, `items` gathered until `stop` says enough.
    private func all(_ operation: OperationName, _ input: OrderedDictionary<String, Value>,
                     items: String, token: String, stop: ([Value]) -> Bool = { _ in false }) async throws(ServiceError) -> [Value] {
        var gathered: [Value] = []
        var next: String?
        repeat {
            var request = Request(operation, input: input)
            if let next { request.input[token] = .string(next) }
            let page = try await send(request)
            gathered += page[items]?.list ?? []
            next = page[token]?.string
        } while next != nil && !stop(gathered)
        return gathered
    }

    // MARK: The timeline

    private func events(of arn: String, limit: Int?) async throws(ServiceError) -> [TimelineEntry] {
        var summaries = try await all(.incidents(.listTimelineEvents), [
            "incidentRecordArn": .string(arn), "maxResults": .integer(Int64(min(limit ?? 100, 100))),
            "sortBy": .string("EVENT_TIME"), "sortOrder": .string(limit == nil ? "ASCENDING" : "DESCENDING"),
        ], items: "eventSummaries", token: "nextToken", stop: { gathered in limit.map { gathered.count >= $0 } ?? false })
        if let limit, summaries.count > limit { summaries.removeLast(summaries.count - limit) }
        if limit != nil { summaries.reverse() }
        var entries: [TimelineEntry] = []
        entries.reserveCapacity(summaries.count)
        for summary in summaries {
            guard let id = summary["eventId"]?.string else { continue }
            let got = try await send(Request(.incidents(.getTimelineEvent),
                                             input: ["incidentRecordArn": .string(arn), "eventId": .string(id)]))
            let event = got["event"]
            let type = event?["eventType"]?.string ?? summary["eventType"]?.string ?? ""
            let time = event?["eventTime"]?.timestamp ?? summary["eventTime"]?.timestamp ?? Date(timeIntervalSince1970: 0)
            entries.append(Self.entry(id: id, time: time, type: type, data: event?["eventData"]?.string ?? ""))
        }
        return entries
    }

    /// An event as a review shows it: the service's own events in words, a
    /// JSON string's value as its text.
    public static func entry(id: String, time: Date, type: String, data: String) -> TimelineEntry {
        switch type {
        case "SSM Incident Trigger":
            let json = try? JSONValue(parsing: data)
            let by = json?["createdBy"]?.string.map(name(ofPrincipal:))
            var text = "Incident started"
            if let title = json?["title"]?.string { text += ": \(title)" }
            if let impact = json?["impact"]?.number { text += " (impact \(Int(impact)))" }
            return TimelineEntry(id: id, time: time, type: type, text: text, author: by)
        case "SSM Incident Record Update":
            let json = try? JSONValue(parsing: data)
            let by = json?["modifiedBy"]?.string.map(name(ofPrincipal:))
            let changes = (json?["modifiedAttributes"]?.array ?? []).compactMap { change -> AttributeChange? in
                guard let name = change["attributeName"]?.string else { return nil }
                return AttributeChange(attribute: name, from: change["previousValue"]?.string ?? "", to: change["newValue"]?.string ?? "")
            }
            let text = changes.isEmpty ? "Incident updated"
                : changes.map { "\($0.attribute) \($0.from) → \($0.to)" }.joined(separator: "; ")
            return TimelineEntry(id: id, time: time, type: type, text: text, author: by, changes: changes)
        default:
            return TimelineEntry(id: id, time: time, type: type, text: Self.text(ofEventData: data))
        }
    }

    /// A custom event's data as text: a JSON string's value (as the console
    /// writes them), else the data as it is.
    static func text(ofEventData data: String) -> String {
        let bytes = data.utf8
        // The common case, a JSON string without escapes, needs no parser.
        if bytes.count >= 2, bytes.first == UInt8(ascii: "\""), bytes.last == UInt8(ascii: "\""),
           !bytes.dropFirst().dropLast().contains(where: { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\"") || $0 < 0x20 }) {
            return String(data.dropFirst().dropLast())
        }
        return (try? JSONValue(parsing: data))?.string ?? data
    }

    /// `arn:aws:iam::111122223333:user/alice` → `alice`.
    public static func name(ofPrincipal arn: String) -> String {
        guard arn.hasPrefix("arn:"), let slash = arn.lastIndex(of: "/") else { return arn }
        return String(arn[arn.index(after: slash)...])
    }

    // MARK: Related items and findings

    private func relatedItems(of arn: String) async throws(ServiceError) -> [RelatedItem] {
        try await all(.incidents(.listRelatedItems), ["incidentRecordArn": .string(arn), "maxResults": .integer(100)],
                      items: "relatedItems", token: "nextToken").map { item in
            let identifier = item["identifier"]
            let value = identifier?["value"]
            let text = value?["url"]?.string ?? value?["arn"]?.string ?? value?["metricDefinition"]?.string
                ?? value?["pagerDutyIncidentDetail"]?["id"]?.string ?? ""
            return RelatedItem(title: item["title"]?.string, type: identifier?["type"]?.string ?? "OTHER", value: text)
        }
    }

    private func findings(of arn: String) async throws(ServiceError) -> [Finding] {
        let ids = try await all(.incidents(.listIncidentFindings), ["incidentRecordArn": .string(arn), "maxResults": .integer(20)],
                                items: "findings", token: "nextToken").compactMap { $0["id"]?.string }
        var findings: [Finding] = []
        var start = 0
        while start < ids.count {
            let chunk = ids[start..<min(start + 20, ids.count)]
            start += 20
            let got = try await send(Request(.incidents(.batchGetIncidentFindings), input: [
                "incidentRecordArn": .string(arn), "findingIds": .list(chunk.map(Value.string)),
            ]))
            for finding in got["findings"]?.list ?? [] {
                let details = finding["details"]
                if let deployment = details?["codeDeployDeployment"] {
                    findings.append(Finding(id: finding["id"]?.string ?? "", kind: "CodeDeploy deployment",
                                            resource: deployment["deploymentGroupArn"]?.string,
                                            start: deployment["startTime"]?.timestamp, end: deployment["endTime"]?.timestamp))
                } else if let stack = details?["cloudFormationStackUpdate"] {
                    findings.append(Finding(id: finding["id"]?.string ?? "", kind: "CloudFormation stack update",
                                            resource: stack["stackArn"]?.string,
                                            start: stack["startTime"]?.timestamp, end: stack["endTime"]?.timestamp))
                } else {
                    findings.append(Finding(id: finding["id"]?.string ?? "", kind: "Finding",
                                            start: finding["creationTime"]?.timestamp))
                }
            }
        }
        return findings
    }

    // MARK: Engagements and pages

    private func engagements(of arn: String) async throws(ServiceError) -> [Engagement] {
        var contacts: [String: String] = [:]
        func contactName(_ contactArn: String) async throws(ServiceError) -> String {
            if let known = contacts[contactArn] { return known }
            var name = Self.name(ofPrincipal: contactArn)
            do {
                let contact = try await send(Request(.contacts(.getContact), input: ["ContactId": .string(contactArn)]))
                name = contact["DisplayName"]?.string ?? contact["Alias"]?.string ?? name
            } catch where error.name == "ResourceNotFoundException" {
                // A contact deleted since: its alias from the ARN.
            }
            contacts[contactArn] = name
            return name
        }
        var engagements: [Engagement] = []
        for item in try await all(.contacts(.listEngagements), ["IncidentId": .string(arn), "MaxResults": .integer(1024)],
                                  items: "Engagements", token: "NextToken") {
            guard let engagementArn = item["EngagementArn"]?.string, let contactArn = item["ContactArn"]?.string else { continue }
            var engagement = Engagement(
                arn: engagementArn, contactArn: contactArn, contact: try await contactName(contactArn),
                sender: item["Sender"]?.string ?? "", start: item["StartTime"]?.timestamp ?? Date(timeIntervalSince1970: 0),
                stop: item["StopTime"]?.timestamp)
            for page in try await all(.contacts(.listPagesByEngagement), ["EngagementId": .string(engagementArn), "MaxResults": .integer(1024)],
                                      items: "Pages", token: "NextToken") {
                guard let pageArn = page["PageArn"]?.string, let paged = page["ContactArn"]?.string else { continue }
                let resolution = try await send(Request(.contacts(.listPageResolutions), input: ["PageId": .string(pageArn)]))
                var stage: Int?
                var via: String?
                for step in resolution["PageResolutions"]?.list ?? [] where step["Type"]?.string != "PERSONAL" {
                    if let index = step["StageIndex"]?.integer, let through = step["ContactArn"]?.string {
                        stage = Int(index)
                        via = try await contactName(through)
                        break
                    }
                }
                engagement.pages.append(Page(
                    arn: pageArn, contactArn: paged, contact: try await contactName(paged),
                    sent: page["SentTime"]?.timestamp ?? engagement.start,
                    delivered: page["DeliveryTime"]?.timestamp, read: page["ReadTime"]?.timestamp, stage: stage, via: via))
            }
            engagement.pages.sort { ($0.sent, $0.arn) < ($1.sent, $1.arn) }
            engagements.append(engagement)
        }
        return engagements.sorted { ($0.start, $0.arn) < ($1.start, $1.arn) }
    }
}
