import Catalog
import Foundation
import JMESPath
import OrderedCollections
import Renderer
import TestSupport

/// Documents the renderer is tested on: realistic ssm-incidents responses, hand-picked
/// edge cases, and generated ones.
enum Documents {
    struct Named: Sendable {
        var name: String
        var title: String
        var document: JSONValue
    }

    static let account = "111122223333"
    static let plan = "arn:aws:ssm-incidents::111122223333:response-plan/database-outage"
    static let incident = "arn:aws:ssm-incidents::111122223333:incident-record/database-outage/6cc4a5f0-5d5e-4b7e-9d57-1f2b0c9a8e11"
    static let t0 = Date(timeIntervalSince1970: 1_795_514_400)  // 2026-11-24T10:00:00Z

    private static func structure(_ members: KeyValuePairs<String, Value?>) -> Value {
        var d = OrderedDictionary<String, Value>()
        for (k, v) in members { if let v { d[k] = v } }
        return .structure(d)
    }

    private static func record(_ n: Int, status: String, impact: Int64, resolved: Bool) -> Value {
        structure([
            "arn": .string(incident.replacingOccurrences(of: "6cc4", with: "6cc\(n)")),
            "creationTime": .timestamp(t0.addingTimeInterval(Double(n) * 60.125)),
            "impact": .integer(impact),
            "incidentRecordSource": structure([
                "createdBy": .string("arn:aws:iam::111122223333:role/responder"),
                "invokedBy": n == 1 ? .string("ssm-incidents.amazonaws.com") : nil,
                "resourceArn": n == 2 ? .string("arn:aws:cloudwatch:us-east-1:111122223333:alarm:db-cpu") : nil,
                "source": .string(n == 2 ? "aws.cloudwatch" : "aws.ssm-incidents.custom"),
            ]),
            "resolvedTime": resolved ? .timestamp(t0.addingTimeInterval(3600)) : nil,
            "status": .string(status),
            "title": .string(n == 3 ? "Latence élevée sur l’API 東京 — clients affectés" : "Database outage \(n)"),
        ])
    }

    /// Responses shaped like the service's, converted as the CLI presents them.
    static let realistic: [Named] = {
        let listIncidents = structure([
            "incidentRecordSummaries": .list((1...3).map { record($0, status: $0 == 2 ? "RESOLVED" : "OPEN", impact: Int64($0), resolved: $0 == 2) }),
            "nextToken": .string("eyJvZmZzZXQiOjN9"),
        ])
        let getIncident = structure([
            "incidentRecord": structure([
                "arn": .string(incident),
                "automationExecutions": .list([structure(["ssmExecutionArn": .string("arn:aws:ssm:us-east-1:111122223333:automation-execution/0c1a")])]),
                "chatChannel": structure(["chatbotSns": .list([.string("arn:aws:sns:us-east-1:111122223333:incident-updates")])]),
                "creationTime": .timestamp(t0),
                "dedupeString": .string("db-outage"),
                "impact": .integer(1),
                "incidentRecordSource": structure([
                    "createdBy": .string("arn:aws:iam::111122223333:user/alice"),
                    "source": .string("aws.ssm-incidents.custom"),
                ]),
                "lastModifiedBy": .string("arn:aws:iam::111122223333:user/bob"),
                "lastModifiedTime": .timestamp(t0.addingTimeInterval(90.5)),
                "notificationTargets": .list([structure(["snsTopicArn": .string("arn:aws:sns:us-east-1:111122223333:incident-updates")])]),
                "status": .string("OPEN"),
                "summary": .string("Primary database in us-east-1 stopped accepting connections at 09:58 UTC; failover to the standby is in progress and writes are queued."),
                "title": .string("Database outage"),
            ]),
        ])
        let listEvents = structure([
            "eventSummaries": .list([
                structure([
                    "eventId": .string("8d0c7a5e-1b2c-4d3e-9f00-000000000001"),
                    "eventReferences": .list([]),
                    "eventTime": .timestamp(t0),
                    "eventType": .string("Custom Event"),
                    "eventUpdatedTime": .timestamp(t0.addingTimeInterval(0.25)),
                    "incidentRecordArn": .string(incident),
                ]),
                structure([
                    "eventId": .string("8d0c7a5e-1b2c-4d3e-9f00-000000000002"),
                    "eventReferences": .list([structure(["relatedItemId": .string("runbook-1")]),
                                              structure(["resource": .string("arn:aws:rds:us-east-1:111122223333:db:primary")])]),
                    "eventTime": .timestamp(t0.addingTimeInterval(120)),
                    "eventType": .string("SSM Incident Record Update"),
                    "eventUpdatedTime": .timestamp(t0.addingTimeInterval(120)),
                    "incidentRecordArn": .string(incident),
                ]),
            ]),
        ])
        let getEvent = structure([
            "event": structure([
                "eventData": .string("\"Failover started\""),
                "eventId": .string("8d0c7a5e-1b2c-4d3e-9f00-000000000001"),
                "eventReferences": .list([]),
                "eventTime": .timestamp(t0),
                "eventType": .string("Custom Event"),
                "eventUpdatedTime": .timestamp(t0),
                "incidentRecordArn": .string(incident),
            ]),
        ])
        let getPlan = structure([
            "actions": .list([structure(["ssmAutomation": structure([
                "documentName": .string("AWSIncidents-CriticalIncidentRunbookTemplate"),
                "documentVersion": .string("$DEFAULT"),
                "dynamicParameters": .map(["IncidentRecordArn": structure(["variable": .string("INCIDENT_RECORD_ARN")])]),
                "parameters": .map(["Environment": .list([.string("prod"), .string("eu-west-1")])]),
                "roleArn": .string("arn:aws:iam::111122223333:role/automation"),
                "targetAccount": .string("RESPONSE_PLAN_OWNER_ACCOUNT"),
            ])])]),
            "arn": .string(plan),
            "chatChannel": structure(["chatbotSns": .list([.string("arn:aws:sns:us-east-1:111122223333:incident-updates")])]),
            "displayName": .string("Database outage"),
            "engagements": .list([.string("arn:aws:ssm-contacts:us-east-1:111122223333:contact/dba")]),
            "incidentTemplate": structure([
                "dedupeString": .string("db-outage"),
                "impact": .integer(2),
                "incidentTags": .map(["team": .string("data"), "severity": .string("high")]),
                "notificationTargets": .list([structure(["snsTopicArn": .string("arn:aws:sns:us-east-1:111122223333:incident-updates")])]),
                "summary": .string("The primary database is down."),
                "title": .string("Database outage"),
            ]),
            "integrations": .list([]),
            "name": .string("database-outage"),
        ])
        let listPlans = structure([
            "responsePlanSummaries": .list([
                structure(["arn": .string(plan), "displayName": .string("Database outage"), "name": .string("database-outage")]),
                structure(["arn": .string(plan.replacingOccurrences(of: "database-outage", with: "api-latency")), "name": .string("api-latency")]),
            ]),
        ])
        let replicationSet = structure([
            "replicationSet": structure([
                "arn": .string("arn:aws:ssm-incidents::111122223333:replication-set/3ac0e1ca-0a3e-4c3a-8c3a-6e2f0d1b2c3d"),
                "createdBy": .string("arn:aws:iam::111122223333:user/alice"),
                "createdTime": .timestamp(t0.addingTimeInterval(-86_400 * 30)),
                "deletionProtected": .boolean(false),
                "lastModifiedBy": .string("arn:aws:iam::111122223333:user/alice"),
                "lastModifiedTime": .timestamp(t0.addingTimeInterval(-86_400 * 30 + 0.000_123)),
                "regionMap": .map([
                    "us-east-1": structure(["sseKmsKeyId": .string("DefaultKey"), "status": .string("ACTIVE"),
                                            "statusUpdateDateTime": .timestamp(t0.addingTimeInterval(-86_400 * 30))]),
                    "eu-west-1": structure(["sseKmsKeyId": .string("DefaultKey"), "status": .string("CREATING"),
                                            "statusMessage": .string("Replicating"),
                                            "statusUpdateDateTime": .timestamp(t0)]),
                ]),
                "status": .string("UPDATING"),
            ]),
        ])
        let relatedItems = structure([
            "relatedItems": .list([
                structure(["generatedId": .string("runbook-1"),
                           "identifier": structure(["type": .string("OTHER"), "value": structure(["url": .string("https://wiki.example.com/runbooks/db-failover")])]),
                           "title": .string("Failover runbook")]),
                structure(["identifier": structure(["type": .string("METRIC"), "value": structure(["metricDefinition": .string("{\"namespace\":\"AWS/RDS\",\"metric\":\"CPUUtilization\"}")])])]),
            ]),
        ])
        let tags = structure(["tags": .map(["team": .string("data"), "cost-center": .string("1234"), "on-call": .string("yes")])])
        let created = structure(["arn": .string(plan)])
        let policy = structure(["resourcePolicies": .list([structure([
            "policyDocument": .string("{\"Version\":\"2012-10-17\",\"Statement\":[]}"),
            "policyId": .string("d2ab7cbe"),
            "ramResourceShareRegion": .string("us-east-1"),
        ])])])
        let blob = structure(["payload": .blob(Array("hello, incident".utf8)), "size": .integer(15)])
        return [
            Named(name: "list-incident-records", title: "ListIncidentRecords", document: listIncidents.jsonValue),
            Named(name: "get-incident-record", title: "GetIncidentRecord", document: getIncident.jsonValue),
            Named(name: "list-timeline-events", title: "ListTimelineEvents", document: listEvents.jsonValue),
            Named(name: "get-timeline-event", title: "GetTimelineEvent", document: getEvent.jsonValue),
            Named(name: "get-response-plan", title: "GetResponsePlan", document: getPlan.jsonValue),
            Named(name: "list-response-plans", title: "ListResponsePlans", document: listPlans.jsonValue),
            Named(name: "get-replication-set", title: "GetReplicationSet", document: replicationSet.jsonValue),
            Named(name: "list-related-items", title: "ListRelatedItems", document: relatedItems.jsonValue),
            Named(name: "list-tags-for-resource", title: "ListTagsForResource", document: tags.jsonValue),
            Named(name: "create-response-plan", title: "CreateResponsePlan", document: created.jsonValue),
            Named(name: "get-resource-policies", title: "GetResourcePolicies", document: policy.jsonValue),
            Named(name: "blob-member", title: "GetBlob", document: blob.jsonValue),
            Named(name: "update-incident-record", title: "UpdateIncidentRecord", document: [:]),
        ]
    }()

    /// Query results and other edge cases, written out.
    static let edges: [Named] = {
        let list = Documents.realistic[0].document
        let query = { (expression: String) -> JSONValue in
            (try? JMESPath.search(expression, in: list)) ?? .null
        }
        let cases: [(String, JSONValue)] = [
            ("query-string", query("incidentRecordSummaries[0].arn")),
            ("query-number", query("incidentRecordSummaries[0].impact")),
            ("query-zero", 0),
            ("query-float", 2.5),
            ("query-true", true),
            ("query-false", false),
            ("query-null", nil),
            ("query-empty-string", ""),
            ("query-list-of-strings", query("incidentRecordSummaries[].status")),
            ("query-list-of-lists", query("incidentRecordSummaries[].[title, impact, status]")),
            ("query-list-of-objects", query("incidentRecordSummaries[].{T: title, I: impact}")),
            ("query-empty-list", []),
            ("query-empty-object", [:]),
            ("query-nested-lists", [[["a", "b"], ["c", "d"]], [["e", "f"]]]),
            ("query-mixed-scalars", ["a", 1, 2.5, true, nil]),
            ("query-scalars-and-lists", ["a", ["b"], "c", ["d"]]),
            ("object-one-scalar", ["only": "one"]),
            ("object-only-nested", ["inner": ["a": 1, "b": [1, 2]]]),
            ("object-empty-members", ["list": [], "map": [:], "name": "x"]),
            ("heterogeneous-list", ["items": [["a": 1, "b": [1, 2]], ["a": [3], "c": "x"], ["b": "scalar", "d": nil]]]),
            ("list-of-lists-in-object", ["rows": [["a", "b"], ["c", "d"]]]),
            ("list-of-objects-at-root", [["k": "v1", "n": 1], ["k": "v2", "m": ["x": true]]]),
            ("unicode", ["名前": "東京タワー", "café": "crème brûlée", "emoji": "fire 🔥 here", "greek": "αβγ", "ascii": "plain"]),
            ("quotes-and-escapes", ["single": "it's", "double": "say \"hi\"", "both": "it's \"x\"", "backslash": "a\\b",
                                    "newline": "line one\nline two", "tab": "a\tb", "control": "bell\u{07}", "nbsp": "a\u{A0}b"]),
            ("yaml-lookalikes", ["t": "true", "y": "yes", "n": "null", "tilde": "~", "int": "123", "float": "1.5", "exp": "1e3",
                                 "octal": "0o17", "hex": "0x1F", "date": "2026-11-24", "stamp": "2026-11-24T10:00:00+00:00",
                                 "version": "1.2.3", "colon": "a: b", "hash": "a #b", "dash": "- x", "lead": " x", "trail": "x ",
                                 "star": "*x", "bang": "!x", "empty": "", "dots": "...", "dashes": "---x", "pct": "%x", "at": "@x",
                                 "url": "https://example.com/a?b=c#d", "colon-end": "key:", "underscore": "1_000"]),
            ("long-strings", ["words": .string(String(repeating: "incident response needs calm words ", count: 6)),
                              "nospace": .string(String(repeating: "x", count: 130)),
                              "quoted": .string("'" + String(repeating: "quoted words that run on ", count: 5)),
                              "special": .string("tab\t" + String(repeating: "and more words ", count: 8)),
                              "multiline": "first line\nsecond line\n\nfourth line after a blank",
                              "trailing-newline": "ends with a newline\n",
                              String(repeating: "k", count: 130): "a long key"]),
            ("numbers", ["zero": 0, "negative": -42, "big": 9_007_199_254_740_991, "half": 0.5, "third": 0.3333333333333333,
                         "tiny": 1e-05, "huge": 1.5e+300, "negative-float": -2.75]),
        ]
        return cases.map { Named(name: $0.0, title: "EdgeCase", document: $0.1) }
    }()

    /// Generated documents: nested structures, lists of structures, empty lists and maps,
    /// unicode, numbers, booleans, nulls and long strings. Lists are kept of one kind
    /// (objects, scalars, or equally long lists of scalars), which the CLI needs.
    static func generated(count: Int, seed: UInt64) -> [Named] {
        var random = SeededRandom(seed: seed)
        return (0..<count).map { i in
            Named(name: "generated-\(i)", title: random.pick(["ListIncidentRecords", "GetIncidentRecord", "Op", "長いタイトル"]),
                  document: object(&random, depth: 0))
        }
    }

    private static let keys = ["arn", "title", "status", "impact", "creationTime", "items", "Name", "value", "tags",
                               "summary", "id", "b", "A", "z", "名前", "clé", "eventData", "nested", "x-y", "key with space"]
    private static let words = ["OPEN", "RESOLVED", "db", "a", "Database outage", "Latence élevée", "東京", "🔥 fire",
                                "it's", "\"quoted\"", "true", "null", "123", "1.5", "2026-11-24T10:00:00+00:00", "",
                                "a: b", "#tag", "- item", " padded ", "tab\there", "two\nlines", "ÄÖÜ ß", "x,y",
                                "arn:aws:ssm-incidents::111122223333:incident-record/db/6cc4"]

    private static func scalar(_ r: inout SeededRandom) -> JSONValue {
        switch r.next(below: 10) {
        case 0: return .null
        case 1: return .bool(r.chance(50))
        case 2: return .number(Double(r.next(below: 2_000_001)) - 1_000_000)
        case 3: return .number(r.pick([0.5, -1.25, 3.14159, 1e-05, 2.5e+20, 0.1, 100.125]))
        case 4: return .number(Double(r.next(below: 6)))
        case 5:
            var s = ""
            for _ in 0..<(12 + r.next(below: 10)) { s += r.pick(["incident", "response", "écrit", "東京", "plan", "x"]) + " " }
            return .string(s.trimmingCharacters(in: .whitespaces))
        default: return .string(r.pick(words))
        }
    }

    private static func object(_ r: inout SeededRandom, depth: Int) -> JSONValue {
        var o = JSONObject()
        for _ in 0..<(1 + r.next(below: depth == 0 ? 6 : 4)) { o.set(r.pick(keys), value(&r, depth: depth + 1)) }
        return .object(o)
    }

    private static func value(_ r: inout SeededRandom, depth: Int) -> JSONValue {
        let roll = depth >= 4 ? 0 : r.next(below: 10)
        switch roll {
        case 6: return r.chance(20) ? [:] : object(&r, depth: depth)
        case 7:  // a list of objects, sometimes with different keys
            if r.chance(15) { return [] }
            return .array((0..<(1 + r.next(below: 3))).map { _ in object(&r, depth: depth) })
        case 8:  // a list of scalars
            return .array((0..<r.next(below: 4)).map { _ in scalar(&r) })
        case 9:  // a list of equally long lists of scalars
            let width = 1 + r.next(below: 3)
            return .array((0..<(1 + r.next(below: 3))).map { _ in .array((0..<width).map { _ in scalar(&r) }) })
        default: return scalar(&r)
        }
    }
}
