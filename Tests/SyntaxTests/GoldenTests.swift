import Foundation
import Testing
@testable import Syntax
import TestSupport

/// Golden files: each `Golden/NAME.message` (one chat message) or
/// `Golden/NAME.runbook` (a runbook) has `Golden/NAME.expected` beside it,
/// holding the syntax tree and the rendered diagnostics. `UPDATE_GOLDEN=1`
/// rewrites the expected files; `git diff` then shows what changed.
@Suite("Golden syntax trees and diagnostics")
struct GoldenTests {
    static let folder = Repository.root.appendingPathComponent("Tests/SyntaxTests/Golden")

    static var cases: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".message") || $0.hasSuffix(".runbook") }.sorted()
    }

    static func render(_ name: String) throws -> String {
        let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent(name)))
        let isMessage = name.hasSuffix(".message")
        // Messages come from a chat channel: they have no file name.
        let file = SourceFile(name: isMessage ? SourceFile.chatName : name, bytes: bytes)
        let dump = TreeDump()
        var out: String
        let diagnostics: [Diagnostic]
        if isMessage {
            let result = Parser.parseMessage(file)
            out = result.command.map { dump.text($0) } ?? "(no command)\n"
            diagnostics = result.diagnostics
        } else {
            let result = Parser.parseScript(file)
            out = dump.text(result.script)
            diagnostics = result.diagnostics
        }
        if !diagnostics.isEmpty {
            out += "--- diagnostics\n" + DiagnosticRenderer().render(diagnostics, in: file)
        }
        return out
    }

    @Test func thereAreEnoughCases() {
        #expect(Self.cases.count >= 100)
    }

    @Test(arguments: cases)
    func golden(_ name: String) throws {
        let actual = try Self.render(name)
        let expectedURL = Self.folder.appendingPathComponent((name as NSString).deletingPathExtension + ".expected")
        let difference = try Golden.check(actual, at: expectedURL)
        #expect(difference == nil, "\(name) differs from its golden file (UPDATE_GOLDEN=1 rewrites it): \(difference ?? "")")
    }
}
