import Channel
import Foundation
import Syntax
import Testing

/// A channel file may use anchors and aliases, but no file may stand for more
/// values than a channel file can sensibly hold, nor nest deeper than the
/// composer can follow: both are refused, at the place, before anything walks
/// the tree.
@Suite struct YAMLBoundsTests {
    /// Eight anchors, each a list of nine aliases of the one before: 9^8 values.
    static func aliasBomb(levels: Int = 8) -> String {
        let names = Array("abcdefghij").prefix(levels).map(String.init)
        var lines = ["a: &a [x,x,x,x,x,x,x,x,x]"]
        for i in 1..<names.count {
            lines.append("\(names[i]): &\(names[i]) [" + Array(repeating: "*\(names[i - 1])", count: 9).joined(separator: ",") + "]")
        }
        return "workspace: acme\n" + lines.joined(separator: "\n") + "\nmembers: *\(names.last!)\n"
    }

    private func refusal(_ text: String, name: String = "c.yaml", directory: URL? = nil) -> ConfigurationError? {
        do {
            _ = try ChannelConfiguration.parse(SourceFile(name: name, text: text), directory: directory)
            return nil
        } catch {
            return error
        }
    }

    @Test func theAliasBombIsRefusedWhereItOutgrowsTheLimit() throws {
        let started = Date()
        let e = try #require(refusal(Self.aliasBomb()))
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(e.kind == .tooLarge)
        #expect(e.exitCode == 253)
        // The anchor e stands for 66,430 values: the first alias of it (line 7, column 8) passes the limit.
        #expect(e.rendered().hasPrefix("c.yaml:7:8:"), "\(e.rendered())")
        #expect(e.rendered().contains("more than 100000 values once its aliases are expanded"))
    }

    @Test func aliasesWithinTheLimitAreAllowed() throws {
        let policy = """
            role:
              policies:
                - &p
                  Version: "2012-10-17"
                  Statement:
                    - Effect: Deny
                      Action: "ssm-incidents:Delete*"
                      Resource: "*"
            guardrails: [*p]
            """
        let d = try ChannelConfiguration.parse(SourceFile(name: "c.yaml", text: policy))
        #expect(d.guardrails.count == 1)
        // Four levels (twice 7,381 values) stay within the limit; the loader then refuses the unknown field.
        let four = try #require(refusal(Self.aliasBomb(levels: 4)))
        #expect(four.kind == .unknownField)
        #expect(four.field == "a")
    }

    @Test(arguments: [257, 10_000, 100_000])
    func deepNestingIsRefused(depth: Int) throws {
        let flow = try #require(refusal("members: " + String(repeating: "[", count: depth)))
        #expect(flow.kind == .tooLarge)
        #expect(flow.rendered().contains("the document nests deeper than 256 levels"))
        // The 256th list inside the root mapping is one too many.
        #expect(flow.rendered().hasPrefix("c.yaml:1:\("members: ".count + 256):"), "\(flow.rendered())")
        let block = try #require(refusal("members:\n" + String(repeating: "- ", count: depth) + "x\n"))
        #expect(block.kind == .tooLarge)
        #expect(block.rendered().hasPrefix("c.yaml:2:\(2 * 255 + 1):"), "\(block.rendered())")
    }

    @Test func nestingUpToTheLimitReachesTheLoader() throws {
        // The root mapping and 255 lists: composed, then refused for what it is.
        let e = try #require(refusal("members: " + String(repeating: "[", count: 255) + String(repeating: "]", count: 255)))
        #expect(e.kind == .wrongType)
    }

    @Test func aPolicyFileIsBoundedToo() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("yaml-bounds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.aliasBomb().write(to: dir.appendingPathComponent("bomb.yaml"), atomically: true, encoding: .utf8)
        try String(repeating: "[", count: 100_000).write(to: dir.appendingPathComponent("deep.yaml"), atomically: true, encoding: .utf8)
        try (String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000))
            .write(to: dir.appendingPathComponent("deep.json"), atomically: true, encoding: .utf8)
        for (name, kind) in [("bomb.yaml", ConfigurationError.Kind.tooLarge), ("deep.yaml", .tooLarge), ("deep.json", .syntax)] {
            let e = try #require(refusal("role:\n  policies: [\"file://\(name)\"]\n", directory: dir))
            #expect(e.kind == kind, "\(name): \(e.rendered())")
            #expect(e.file.name == name)
        }
    }
}

extension YAMLBoundsTests {
    @Test func aFileOfMoreValuesThanTheLimitIsRefusedWithoutAliases() throws {
        let text = "members: [" + Array(repeating: "x", count: 100_001).joined(separator: ",") + "]\n"
        let e = try #require(refusal(text))
        #expect(e.kind == .tooLarge)
        #expect(e.rendered().contains("the document holds more than 100000 values"), "\(e.rendered())")
    }
}

extension YAMLBoundsTests {
    /// libyaml counts a lone CR as a line break and a stray continuation byte as
    /// a column; a diagnostic's line and column are those of its offset all the same.
    @Test func marksAreCountedAsDiagnosticsCountThem() throws {
        let cr = SourceFile(name: "c.yaml", text: "k: \"x\r\r\r")
        let e = try #require(refusal(cr))
        #expect(e.rendered().hasPrefix("c.yaml:1:9: error: not valid YAML"), "\(e.rendered())")
        let stray = SourceFile(name: "c.yaml", bytes: Array("{".utf8) + [0xAF] + Array(": 1}".utf8))
        let f = try #require(refusal(stray))
        #expect(f.kind == .unknownField)
        for location in [f.diagnostic.range.start, f.diagnostic.range.end] {
            #expect(location == stray.location(of: location.offset))
        }
    }

    private func refusal(_ file: SourceFile) -> ConfigurationError? {
        do {
            _ = try ChannelConfiguration.parse(file)
            return nil
        } catch {
            return error
        }
    }
}
