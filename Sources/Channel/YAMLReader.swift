import Catalog
import Foundation
import Syntax
import Yams
import YAMLBounds

/// Reads a YAML (or JSON) file into nodes that keep their line and column,
/// and turns each wrong shape into a `ConfigurationError` naming the field.
struct YAMLReader {
    let file: SourceFile

    init(file: SourceFile) {
        self.file = file
    }

    /// The root node, or nil for an empty document.
    func root() throws(ConfigurationError) -> Node? {
        let text = String(decoding: file.bytes, as: UTF8.self)
        // Before Yams composes (recursively) and before any walk over the tree
        // (which would expand every alias): bounded depth and expanded size.
        if let violation = YAMLBounds.check(text, aliases: .bounded) {
            throw ConfigurationError(.tooLarge, field: "", message: violation.message,
                                     range: SourceRange(at: file.location(line: violation.line, column: violation.column)),
                                     in: file, suggestion: violation.suggestion)
        }
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw syntaxError(error)
        } catch {
            throw ConfigurationError(.syntax, field: "", message: "not YAML: \(error)", range: start, in: file)
        }
    }

    private var start: SourceRange { SourceRange(at: file.location(line: 1, column: 1)) }

    private func syntaxError(_ error: YamlError) -> ConfigurationError {
        func at(_ mark: Mark) -> SourceRange { SourceRange(at: file.location(line: mark.line, column: mark.column)) }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let detail = context.map { " (\($0.text) that starts at line \($0.mark.line))" } ?? ""
            // At the end of the file a caret under nothing helps no one: point where the construct began.
            let place = file.lineBytes(containing: at(mark).start.offset).allSatisfy({ $0 == 0x20 || $0 == 0x0D }) ? context?.mark ?? mark : mark
            return ConfigurationError(.syntax, field: "", message: "not valid YAML: \(problem)\(detail)", range: at(place), in: file)
        case .reader(let problem, let offset, _, _):
            let location = offset.map { file.location(of: $0) } ?? start.start
            return ConfigurationError(.syntax, field: "", message: "not readable as UTF-8 text: \(problem)", range: SourceRange(at: location), in: file)
        default:
            return ConfigurationError(.syntax, field: "", message: "not valid YAML: \(error)", range: start, in: file)
        }
    }

    // MARK: errors

    func error(_ kind: ConfigurationError.Kind, _ field: String, _ message: String, at node: Node?, suggestion: String? = nil) -> ConfigurationError {
        ConfigurationError(kind, field: field, message: message, range: node.map { file.range(of: $0) } ?? start, in: file, suggestion: suggestion)
    }

    func wrongType(_ field: String, expected: String, _ node: Node) -> ConfigurationError {
        error(.wrongType, field, "expected \(expected), found \(describe(node))", at: node)
    }

    /// How a node reads in an error message.
    func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let s):
            if isNull(node) { return "nothing (null)" }
            return "\"\(s.string)\""
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        @unknown default: return "a YAML node"
        }
    }

    // MARK: typed access

    /// An explicit null (`~`, `null` or nothing): the field counts as absent.
    func isNull(_ node: Node) -> Bool {
        guard case .scalar(let s) = node, s.style == .plain || s.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(s.string)
    }

    /// The pairs of a mapping in file order, keys as strings.
    func mapping(_ node: Node, _ field: String) throws(ConfigurationError) -> [(key: String, keyNode: Node, value: Node)] {
        guard case .mapping(let m) = node else { throw wrongType(field, expected: "a mapping", node) }
        var pairs: [(key: String, keyNode: Node, value: Node)] = []
        var seen: [String: Node] = [:]
        for (key, value) in m {
            guard case .scalar(let k) = key else { throw error(.wrongType, field, "a key must be a plain name, found \(describe(key))", at: key) }
            // Checked here rather than left to the YAML library, whose versions differ on it
            // (with a dictionary: a mapping of 50,000 keys is not 10^9 comparisons).
            if let first = seen[k.string] {
                let line = first.mark.map { " (first at line \($0.line))" } ?? ""
                throw error(.syntax, join(field, k.string), "the key '\(k.string)' appears twice in one mapping\(line)", at: key)
            }
            seen[k.string] = key
            pairs.append((k.string, key, value))
        }
        return pairs
    }

    /// Checks that a mapping has only known keys (case-sensitive, with a did-you-mean).
    func checkKeys(_ pairs: [(key: String, keyNode: Node, value: Node)], allowed: [String], _ field: String, what: String) throws(ConfigurationError) {
        for pair in pairs where !allowed.contains(pair.key) {
            let candidates = DidYouMean.candidates(for: pair.key, among: allowed)
            let suggestion = candidates.isEmpty ? "known fields: \(allowed.joined(separator: ", "))" : "did you mean \(candidates.map { "'\($0)'" }.joined(separator: " or "))?"
            throw error(.unknownField, join(field, pair.key), "unknown field '\(pair.key)' in \(what)", at: pair.keyNode, suggestion: suggestion)
        }
    }

    func sequence(_ node: Node, _ field: String) throws(ConfigurationError) -> [Node] {
        guard case .sequence(let s) = node else { throw wrongType(field, expected: "a list", node) }
        return Array(s)
    }

    /// A scalar's text. Numbers and booleans count as their text (`account: 111122223333`).
    func string(_ node: Node, _ field: String) throws(ConfigurationError) -> String {
        guard case .scalar(let s) = node, !isNull(node) else { throw wrongType(field, expected: "a string", node) }
        return s.string
    }

    /// A non-empty scalar.
    func nonEmptyString(_ node: Node, _ field: String) throws(ConfigurationError) -> String {
        let s = try string(node, field)
        if s.isEmpty { throw error(.invalidValue, field, "must not be empty", at: node) }
        return s
    }

    func bool(_ node: Node, _ field: String) throws(ConfigurationError) -> Bool {
        guard case .scalar(let s) = node, s.style == .plain || s.style == .any else { throw wrongType(field, expected: "true or false", node) }
        switch s.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw wrongType(field, expected: "true or false", node)
        }
    }

    func number(_ node: Node, _ field: String) throws(ConfigurationError) -> Double {
        guard case .scalar(let s) = node, s.style == .plain || s.style == .any, let d = Double(s.string), d.isFinite else {
            throw wrongType(field, expected: "a number", node)
        }
        return d
    }

    /// A string or a list of strings (IAM's `Action`, `Resource`, condition values).
    func strings(_ node: Node, _ field: String) throws(ConfigurationError) -> [(String, Node)] {
        switch node {
        case .scalar:
            return [(try string(node, field), node)]
        case .sequence(let items):
            var out: [(String, Node)] = []
            for (i, item) in items.enumerated() {
                out.append((try string(item, "\(field)[\(i)]"), item))
            }
            return out
        default:
            throw wrongType(field, expected: "a string or a list of strings", node)
        }
    }

    func join(_ field: String, _ key: String) -> String { field.isEmpty ? key : field + "." + key }
}
