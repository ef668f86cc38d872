@testable import Syntax
import Foundation
import TestSupport

/// Reads the project's EBNF grammars (`Grammar/*.ebnf`) and generates random
/// sentences from them, so that tests exercise the grammar as written.
struct EBNF: Sendable {
    indirect enum Expr: Sendable {
        case terminal(String)
        case reference(String)
        case sequence([Expr])
        case choice([Expr])
        case optional(Expr)
        case repeated(Expr)
        case special(String)
        case except(Expr, [String])
    }

    var productions: [String: Expr] = [:]
    /// Marks an excluded `? class ?` among an exception's terminals.
    static let specialMarker = "\u{0}?"

    /// Reads the files in order; a later definition of a production replaces an earlier one.
    init(files: [URL]) throws {
        for file in files {
            var reader = Reader(text: try String(contentsOf: file, encoding: .utf8))
            try reader.productions(into: &productions)
        }
    }

    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    private struct Reader {
        var chars: [Character]
        var i = 0
        init(text: String) { chars = Array(text) }

        mutating func skipSpaceAndComments() {
            while i < chars.count {
                if chars[i].isWhitespace { i += 1; continue }
                if chars[i] == "(", i + 1 < chars.count, chars[i + 1] == "*" {
                    i += 2
                    while i + 1 < chars.count, !(chars[i] == "*" && chars[i + 1] == ")") { i += 1 }
                    i += 2
                    continue
                }
                return
            }
        }

        mutating func name() -> String {
            var s = ""
            while i < chars.count, chars[i].isLetter || chars[i].isNumber || chars[i] == "-" || chars[i] == "_" {
                s.append(chars[i]); i += 1
            }
            return s
        }

        mutating func productions(into table: inout [String: Expr]) throws {
            while true {
                skipSpaceAndComments()
                guard i < chars.count else { return }
                let n = name()
                guard !n.isEmpty else { throw ParseError(description: "expected a production name near \(String(chars[i..<min(i + 20, chars.count)]))") }
                skipSpaceAndComments()
                guard i < chars.count, chars[i] == "=" else { throw ParseError(description: "expected = after \(n)") }
                i += 1
                table[n] = try choice()
                skipSpaceAndComments()
                guard i < chars.count, chars[i] == ";" else { throw ParseError(description: "expected ; after \(n)") }
                i += 1
            }
        }

        mutating func choice() throws -> Expr {
            var options = [try sequence()]
            while true {
                skipSpaceAndComments()
                guard i < chars.count, chars[i] == "|" else { break }
                i += 1
                options.append(try sequence())
            }
            return options.count == 1 ? options[0] : .choice(options)
        }

        mutating func sequence() throws -> Expr {
            var items: [Expr] = []
            while true {
                skipSpaceAndComments()
                guard i < chars.count, !";|)]}".contains(chars[i]) else { break }
                var term = try factor()
                skipSpaceAndComments()
                if i < chars.count, chars[i] == "-" {
                    i += 1
                    skipSpaceAndComments()
                    var excluded: [String] = []
                    let ex = try factor()
                    func literals(_ e: Expr) throws -> [String] {
                        switch e {
                        case .terminal(let t): return [t]
                        case .choice(let cs): return try cs.flatMap(literals)
                        // `? option-text ?`: a predicate on the text (see `SentenceGenerator`).
                        case .special(let name): return [EBNF.specialMarker + name]
                        default: throw ParseError(description: "an exception must be terminals or a ? class ?")
                        }
                    }
                    excluded = try literals(ex)
                    term = .except(term, excluded)
                }
                items.append(term)
            }
            return items.count == 1 ? items[0] : .sequence(items)
        }

        mutating func factor() throws -> Expr {
            let c = chars[i]
            switch c {
            case "\"", "'":
                i += 1
                var s = ""
                while i < chars.count, chars[i] != c { s.append(chars[i]); i += 1 }
                i += 1
                return .terminal(s)
            case "[", "{", "(":
                i += 1
                let inner = try choice()
                skipSpaceAndComments()
                let close: Character = c == "[" ? "]" : c == "{" ? "}" : ")"
                guard i < chars.count, chars[i] == close else { throw ParseError(description: "expected \(close)") }
                i += 1
                return c == "[" ? .optional(inner) : c == "{" ? .repeated(inner) : inner
            case "?":
                i += 1
                var s = ""
                while i < chars.count, chars[i] != "?" { s.append(chars[i]); i += 1 }
                i += 1
                return .special(s.trimmingCharacters(in: .whitespaces))
            default:
                let n = name()
                guard !n.isEmpty else { throw ParseError(description: "unexpected \(c)") }
                return .reference(n)
            }
        }
    }
}

/// Generates sentences of a grammar. Repetitions and recursion are bounded so
/// that sentences stay short; character classes are the grammar's own.
struct SentenceGenerator {
    let grammar: EBNF
    var random: SeededRandom
    var maxDepth = 12

    init(grammar: EBNF, seed: UInt64) {
        self.grammar = grammar
        self.random = SeededRandom(seed: seed)
    }

    mutating func generate(_ start: String) -> String {
        var out = ""
        emit(.reference(start), depth: 0, into: &out)
        return out
    }

    private mutating func emit(_ e: EBNF.Expr, depth: Int, into out: inout String) {
        switch e {
        case .terminal(let t):
            out += t
        case .reference(let name):
            guard let body = grammar.productions[name] else { fatalError("no production \(name)") }
            emit(body, depth: depth + 1, into: &out)
        case .sequence(let items):
            for item in items { emit(item, depth: depth, into: &out) }
        case .choice(let options):
            // Deep in the tree, prefer the simplest option to end the recursion.
            let pick = depth > maxDepth ? options.min { size($0) < size($1) }! : options.randomElement(using: &random)!
            emit(pick, depth: depth, into: &out)
        case .optional(let inner):
            if depth <= maxDepth, Bool.random(using: &random) { emit(inner, depth: depth, into: &out) }
        case .repeated(let inner):
            let count = depth > maxDepth ? 0 : Int.random(in: 0...3, using: &random)
            for _ in 0..<count { emit(inner, depth: depth, into: &out) }
        case .special(let name):
            out.unicodeScalars.append(character(name))
        case .except(let inner, let excluded):
            for _ in 0..<20 {
                var attempt = ""
                emit(inner, depth: depth, into: &attempt)
                if !excluded.contains(attempt) && !excluded.contains(where: { isSpecial($0, attempt) }) { out += attempt; return }
            }
            fatalError("could not avoid \(excluded)")
        }
    }

    /// Whether `text` is of the excluded class `marker` names.
    private func isSpecial(_ marker: String, _ text: String) -> Bool {
        guard marker.hasPrefix(EBNF.specialMarker) else { return false }
        switch marker.dropFirst(EBNF.specialMarker.count) {
        case "option-text":
            // The word's text, once the lexer has removed its quotes and escapes.
            var lexer = Lexer(bytes: Array(text.utf8), mode: .message)
            if case .option = lexer.next() { return true }
            return false
        default:
            fatalError("no class \(marker.dropFirst(EBNF.specialMarker.count)) to exclude")
        }
    }

    /// A rough measure of how much an expression can grow, to end recursion.
    private func size(_ e: EBNF.Expr) -> Int {
        switch e {
        case .terminal, .special: 1
        case .reference: 3
        case .sequence(let items): items.map(size).reduce(0, +)
        case .choice(let options): options.map(size).min() ?? 0
        case .optional, .repeated: 0
        case .except(let inner, _): size(inner)
        }
    }

    private static let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".unicodeScalars)
    private static let digits = Array("0123456789".unicodeScalars)
    private static let nonASCIILetters = Array("éüßЖ日本".unicodeScalars)
    private static let bareStart = letters + digits + nonASCIILetters + Array("_:/@%+,=^~*?!".unicodeScalars)
    private static let bareChar = bareStart + Array("-.#>}]".unicodeScalars)
    private static let anyText = letters + digits + nonASCIILetters + Array(" -_.,:;!?/()=+*#@%^~|`\u{00A0}\"'$\\{}[]<>&\t".unicodeScalars) + ["\u{1F525}"]

    private mutating func pick(_ set: [Unicode.Scalar], excluding: String = "") -> Unicode.Scalar {
        let excluded = Set(excluding.unicodeScalars)
        while true {
            let c = set.randomElement(using: &random)!
            if !excluded.contains(c) { return c }
        }
    }

    private mutating func character(_ name: String) -> Unicode.Scalar {
        switch name {
        case "letter": return pick(Self.letters)
        case "digit": return pick(Self.digits)
        case "upper-or-digit": return pick(Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".unicodeScalars))
        case "nbsp": return "\u{00A0}"
        case "bare-start": return pick(Self.bareStart)
        case "bare-char": return pick(Self.bareChar)
        case "single-char": return pick(Self.anyText, excluding: "'‘’&<")
        case "double-char": return pick(Self.anyText, excluding: "\"“”\\$&<")
        case "double-escapable": return pick(Array("\"\\$`".unicodeScalars))
        case "escapable": return pick(Self.anyText)
        case "bracket-char": return pick(Self.bareChar + Array(":,.-".unicodeScalars), excluding: "{}[]\"'\\$&<")
        case "bracket-string-char": return pick(Self.anyText, excluding: "\"'\\$&<")
        case "link-char": return pick(Self.letters + Self.digits + Array("./-_?=%@:~".unicodeScalars))
        case "comment-char": return pick(Self.anyText)
        default: fatalError("unknown character class \(name)")
        }
    }
}

/// Where the repository's files are, from this source file's path.
enum Repository {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func grammar(_ names: String...) throws -> EBNF {
        try EBNF(files: names.map { root.appendingPathComponent("Grammar").appendingPathComponent($0) })
    }
}
