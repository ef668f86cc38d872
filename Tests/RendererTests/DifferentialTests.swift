import Foundation
import JMESPath
import Renderer
import Testing
import TestSupport

/// Every document through our renderer and through the installed AWS CLI's own
/// formatters (one python3 process for all cases), compared byte for byte.
@Suite(.serialized) struct DifferentialTests {
    typealias Case = AWSCLIReference.Case

    /// The cases, and the reference's answers, computed once for the suite.
    static let cases: [Case] = {
        let documents = Documents.realistic + Documents.edges + Documents.generated(count: 300, seed: 2026)
        var cases: [Case] = []
        for format in ["json", "text", "table", "yaml"] {
            for d in documents { cases.append(Case(name: d.name, document: d.document, title: d.title, format: format)) }
        }
        // Colours and terminal widths: the realistic and edge documents and a share of the generated ones.
        let some = Documents.realistic + Documents.edges + Array(documents.suffix(300).prefix(60))
        for d in some { cases.append(Case(name: d.name, document: d.document, title: d.title, format: "table", color: true)) }
        for width in [40, 120, 200] {
            for d in some { cases.append(Case(name: d.name, document: d.document, title: d.title, format: "table", width: width)) }
        }
        return cases
    }()

    static let answers: [Result<String, ReferenceError>]? = {
        guard AWSCLIReference.isAvailable else { return nil }
        do { return try AWSCLIReference.run(cases) } catch {
            print("notice: the AWS CLI reference failed: \(error)")
            return nil
        }
    }()

    static func ours(_ c: Case) -> String {
        let format = OutputFormat(rawValue: c.format)!
        return Renderer(format: format, colors: c.color, width: c.width).render(c.document, title: c.title)
    }

    /// Compares the cases selected; returns (compared, reference failures, mismatches).
    static func compare(_ select: (Case) -> Bool) -> (Int, [String], [String]) {
        guard let answers else { return (0, [], []) }
        var compared = 0
        var failures: [String] = [], mismatches: [String] = []
        for (c, answer) in zip(cases, answers) where select(c) {
            let label = "\(c.format)\(c.color ? "+color" : "")@\(c.width) \(c.name)"
            switch answer {
            case .failure(let error): failures.append("\(label): \(error)")
            case .success(let expected):
                compared += 1
                let actual = ours(c)
                if !expected.utf8.elementsEqual(actual.utf8) {
                    mismatches.append("\(label): " + TestSupport.Golden.firstDifference(expected: expected, actual: actual))
                }
            }
        }
        return (compared, failures, mismatches)
    }

    static func check(_ what: String, _ select: (Case) -> Bool) {
        let (compared, failures, mismatches) = compare(select)
        print("differential \(what): \(compared) compared, \(mismatches.count) different, \(failures.count) the CLI failed on")
        #expect(failures.isEmpty, "the AWS CLI failed on: \(failures.prefix(5))")
        #expect(mismatches.isEmpty, "\(mismatches.count) differ, e.g.:\n\(mismatches.prefix(8).joined(separator: "\n"))")
        #expect(compared > 0)
    }

    @Test(.enabled(if: AWSCLIReference.isAvailable)) func json() { Self.check("json") { $0.format == "json" } }
    @Test(.enabled(if: AWSCLIReference.isAvailable)) func text() { Self.check("text") { $0.format == "text" } }
    @Test(.enabled(if: AWSCLIReference.isAvailable)) func table() {
        Self.check("table") { $0.format == "table" && !$0.color && $0.width == 80 }
    }
    @Test(.enabled(if: AWSCLIReference.isAvailable)) func tableColours() {
        Self.check("table --color on") { $0.format == "table" && $0.color }
    }
    @Test(.enabled(if: AWSCLIReference.isAvailable)) func tableWidths() {
        Self.check("table widths 40/120/200") { $0.format == "table" && $0.width != 80 }
    }
    /// YAML against PyYAML's emitter set up as AWS CLI v2 sets up ruamel.yaml's.
    @Test(.enabled(if: AWSCLIReference.isAvailable)) func yamlEmitter() { Self.check("yaml (PyYAML as v2's ruamel)") { $0.format == "yaml" } }
}
