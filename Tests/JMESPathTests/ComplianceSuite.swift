import Foundation
@testable import JMESPath

/// The official compliance suite, read from the test fixtures.
enum ComplianceSuite {
    struct Case: Sendable, CustomStringConvertible {
        let file: String
        let given: JSONValue
        let expression: String
        let result: JSONValue?
        let error: String?
        let bench: String?

        var description: String { "\(file): \(expression)" }
    }

    static var directory: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures/compliance")
    }

    /// The names of the suite's files (without `schema.json`, which describes them).
    static let files: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".json") && $0 != "schema.json" }.sorted()
    }()

    static func cases(in file: String) throws -> [Case] {
        let data = try Data(contentsOf: directory.appendingPathComponent(file))
        guard case .array(let suites) = try JSONValue(parsing: [UInt8](data)) else { return [] }
        var cases: [Case] = []
        for suite in suites {
            let given = suite["given"] ?? .null
            for c in suite["cases"]?.array ?? [] {
                cases.append(Case(file: file, given: given, expression: c["expression"]?.string ?? "",
                                  result: c["result"], error: c["error"]?.string, bench: c["bench"]?.string))
            }
        }
        return cases
    }
}
