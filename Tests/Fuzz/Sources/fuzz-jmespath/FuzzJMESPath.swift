import FuzzSupport
import JMESPath

/// A document most expressions find something in.
let document = try! JSONValue(parsing: """
    {"incidentRecordSummaries": [
      {"arn": "arn:aws:ssm-incidents::111122223333:incident-record/db/6cc4", "title": "Database failover",
       "status": "OPEN", "impact": 1, "creationTime": 1764000000.5, "tags": {"team": "db", "sev": "1"},
       "incidentRecordSource": {"createdBy": "alice", "source": "aws.ssm-incidents.custom"}},
      {"arn": "arn:aws:ssm-incidents::111122223333:incident-record/web/a1b2", "title": "Web 5xx",
       "status": "RESOLVED", "impact": 3, "creationTime": 1764003600, "tags": {}, "related": [1, 2.5, "x", null, true, [[]]]}
    ], "nextToken": null, "count": 2, "empty": [], "s": "abc"}
    """)

/// A JMESPath expression compiled, then evaluated on a fixed document.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJMESPath(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: bytes(data, size), as: UTF8.self)
    guard let expression = try? JMESPath.Expression(compiling: text) else { return 0 }
    if let result = try? expression.evaluate(on: document) { _ = result.serialized(.compact) }
    return 0
}

@main
enum FuzzJMESPathMain {
    static func main() { runFuzzer(fuzzJMESPath) }
}
