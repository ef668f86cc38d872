@testable import Checker
import Foundation
import Testing

/// `--cli-input-yaml` is bounded before Yams composes it: nesting as deep as the
/// JSON reader allows and no deeper, and no anchors or aliases at all (a command
/// writes its values out), whatever their size.
@Suite struct YAMLInputTests {
    static let update = "@aws ssm-incidents update-incident-record --arn arn:aws:ssm-incidents::111122223333:incident-record/db/6cc4"

    /// The alias bomb of issue 14: 340 bytes that stand for 9^8 values.
    static let aliasBomb: String = {
        let names = Array("abcdefgh")
        var parts = ["a: &a [x,x,x,x,x,x,x,x,x]"]
        for i in 1..<names.count {
            parts.append("\(names[i]): &\(names[i]) [" + Array(repeating: "*\(names[i - 1])", count: 9).joined(separator: ",") + "]")
        }
        return "{" + parts.joined(separator: ", ") + "}"
    }()

    private func failure(_ text: String) -> InputDocument.Failure? {
        if case .failure(let f) = InputDocument.yaml(text) { return f }
        return nil
    }

    @Test(arguments: [257, 10_000, 200_000])
    func deepFlowNestingIsRefused(depth: Int) throws {
        for text in [String(repeating: "[", count: depth), String(repeating: "{a: ", count: depth) + "x"] {
            let f = try #require(failure(text))
            #expect(f.code == .nestingTooDeep)
            #expect(f.message.contains("nests deeper than 256 levels"))
            // At the collection that is one too deep.
            #expect(f.offset == text.utf8.count / depth * 256)
        }
    }

    @Test(arguments: [257, 10_000])
    func deepBlockNestingIsRefused(depth: Int) throws {
        let f = try #require(failure(String(repeating: "- ", count: depth) + "x\n"))
        #expect(f.code == .nestingTooDeep)
        #expect(f.offset == 2 * 256)
        let mapping = (0..<depth).map { String(repeating: " ", count: $0) + "k:\n" }.joined() + String(repeating: " ", count: depth) + "x\n"
        if depth < 1000 { #expect(try #require(failure(mapping)).code == .nestingTooDeep) }
    }

    @Test func nestingUpToTheLimitIsRead() throws {
        let text = String(repeating: "[", count: 256) + String(repeating: "]", count: 256)
        guard case .success(var node) = InputDocument.yaml(text) else { Issue.record("256 levels refused"); return }
        var depth = 1
        while case .list(let items) = node.kind, let first = items.first { node = first; depth += 1 }
        #expect(depth == 256)
        #expect(failure("[" + text + "]")?.code == .nestingTooDeep)
    }

    @Test func theAliasBombIsRefusedAtItsFirstAlias() throws {
        let started = Date()
        // Without its anchors: refused at the first alias, not expanded.
        let bare = Self.aliasBomb.replacingOccurrences(of: #"&[a-h] "#, with: "", options: .regularExpression)
        #expect(!bare.contains("&"))
        let f = try #require(failure(bare))
        #expect(f.code == .invalidYAML)
        #expect(f.message.contains("a YAML alias (*a) is not allowed in command input"))
        #expect(f.message.contains("write the value out"))
        #expect(f.offset == Array(bare.utf8).firstIndex(of: UInt8(ascii: "*")))
        #expect(Date().timeIntervalSince(started) < 5)
        // With its anchor, the anchor is what is refused, before any alias.
        let g = try #require(failure(Self.aliasBomb))
        #expect(g.message.contains("a YAML anchor (&a) is not allowed in command input"))
        #expect(g.offset == 4)
    }

    @Test func aliasesAndAnchorsAreRefusedThroughTheChecker() {
        let (result, _) = Support.check(Self.update + " --cli-input-yaml '\(Self.aliasBomb)'")
        #expect(result.diagnostics.map(\.code) == ["invalid-yaml"])
        #expect(result.diagnostics.first?.message.hasPrefix("--cli-input-yaml: line 1, column 5: a YAML anchor (&a)") == true)
        let alias = Support.check(Self.update + " --cli-input-yaml 'title: &t x\nsummary: *t'").result.diagnostics
        #expect(alias.map(\.code) == ["invalid-yaml"])
        #expect(Support.codes(Self.update + " --cli-input-yaml '\(String(repeating: "[", count: 10_000))'") == ["nesting-too-deep"])
        #expect(Support.codes(Self.update + " --cli-input-yaml '\(String(repeating: "- ", count: 10_000))x'") == ["nesting-too-deep"])
        // An asterisk or ampersand inside a value is text, not an alias.
        #expect(Support.codes(Self.update + " --cli-input-yaml 'title: \"*a &b\"\nsummary: a*b&c'").isEmpty)
    }
}
