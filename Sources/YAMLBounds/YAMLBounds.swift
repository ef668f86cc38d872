import CYaml

/// Measures a YAML document before a composer (Yams) builds its tree, so that
/// no document can exhaust the stack or the memory of whatever reads it.
///
/// Yams composes recursively (a frame or more a level: 10,000 `[` overflow the
/// stack) and shares the node of an anchor among its aliases, so a few hundred
/// bytes of aliases of aliases become billions of nodes to any walk over the
/// tree. This pass reads libyaml's events in a loop, without recursion, and
/// stops at the first of:
/// - a collection nested deeper than `depth` levels;
/// - more than `nodes` nodes once every alias is counted as the nodes of its
///   anchor (the size of each anchor is recorded when its node ends);
/// - an anchor or an alias, when they are refused (command input).
///
/// A syntax error is not reported here: the composer reports it, with its own
/// words, and gets no further into the document than this pass did.
public enum YAMLBounds {
    /// The deepest nesting of collections a document may have (the JSON readers' limit).
    public static let maximumDepth = 256
    /// The most nodes a document may stand for, aliases expanded.
    public static let maximumExpandedNodes = 100_000

    public enum Aliases: Sendable {
        /// Anchors and aliases are allowed; the expanded size is bounded (channel files).
        case bounded
        /// Any anchor or alias is refused (command input: a value is written out).
        case refused
    }

    public struct Violation: Error, Sendable, Equatable, CustomStringConvertible {
        public enum Kind: Sendable, Equatable {
            /// Collections nested deeper than the limit.
            case tooDeep
            /// More nodes than the limit, aliases expanded (`throughAliases`: an alias took it past).
            case tooManyNodes(throughAliases: Bool)
            /// An anchor (`&name`) where anchors are refused.
            case anchor(String)
            /// An alias (`*name`) where aliases are refused.
            case alias(String)
        }

        public var kind: Kind
        /// What went wrong, without the place (callers add it).
        public var message: String
        /// What to do about it, when there is something to do.
        public var suggestion: String?
        /// 1-based line and column (in Unicode scalars, as libyaml and Yams' `Mark` count them).
        public var line: Int
        public var column: Int
        /// The UTF-8 offset of `line` and `column` in the text (lines end at "\n").
        public var offset: Int

        public var description: String { "\(line):\(column): \(message)" }
    }

    /// The first violation of the bounds in the first document of `text`, or nil
    /// when the document is within them (or is not YAML: the composer says why).
    public static func check(_ text: String, aliases: Aliases, depth: Int = maximumDepth,
                             nodes: Int = maximumExpandedNodes) -> Violation? {
        var utf8 = Array(text.utf8)
        guard !utf8.isEmpty else { return nil }
        let found = utf8.withUnsafeMutableBufferPointer { buffer -> (Violation.Kind, line: Int, column: Int)? in
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var measure = Measure(aliases: aliases, depth: depth, nodes: nodes)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else { return nil }
                defer { yaml_event_delete(&event) }
                switch measure.take(event) {
                case .next: continue
                case .done: return nil
                case .violation(let kind):
                    return (kind, Int(event.start_mark.line) + 1, Int(event.start_mark.column) + 1)
                }
            }
        }
        guard let (kind, line, column) = found else { return nil }
        let offset = Self.offset(line: line, column: column, in: utf8)
        switch kind {
        case .tooDeep:
            return Violation(kind: kind, message: "the document nests deeper than \(depth) levels", line: line, column: column, offset: offset)
        case .tooManyNodes(let throughAliases) where throughAliases:
            return Violation(kind: kind, message: "the document stands for more than \(nodes) values once its aliases are expanded",
                             suggestion: "repeat fewer aliases of large anchors",
                             line: line, column: column, offset: offset)
        case .tooManyNodes:
            return Violation(kind: kind, message: "the document holds more than \(nodes) values",
                             line: line, column: column, offset: offset)
        case .anchor(let name):
            return Violation(kind: kind, message: "a YAML anchor (&\(name)) is not allowed in command input",
                             suggestion: "write the value out in full, without anchors and aliases",
                             line: line, column: column, offset: offset)
        case .alias(let name):
            return Violation(kind: kind, message: "a YAML alias (*\(name)) is not allowed in command input",
                             suggestion: "write the value out in full where the alias stands",
                             line: line, column: column, offset: offset)
        }
    }

    /// The UTF-8 offset of a 1-based line and column counted in Unicode
    /// scalars (as libyaml's marks count them), clamped to the text.
    public static func offset(line: Int, column: Int, in bytes: [UInt8]) -> Int {
        var offset = 0
        var currentLine = 1
        while currentLine < line && offset < bytes.count {
            if bytes[offset] == UInt8(ascii: "\n") { currentLine += 1 }
            offset += 1
        }
        var currentColumn = 1
        while currentColumn < column && offset < bytes.count && bytes[offset] != UInt8(ascii: "\n") {
            offset += 1
            while offset < bytes.count && bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            currentColumn += 1
        }
        return offset
    }
}

/// The running measure of one document: its open collections, its node count
/// and the expanded size of each anchor seen so far.
private struct Measure {
    enum Step {
        case next
        case done
        case violation(YAMLBounds.Violation.Kind)
    }

    let aliases: YAMLBounds.Aliases
    let depth: Int
    let nodes: Int
    /// The open collections: the anchor each one defines, and the count when it started.
    var open: [(anchor: String?, start: Int)] = []
    var count = 0
    var sizes: [String: Int] = [:]
    /// Whether an alias has been counted (the message then says so).
    var sawAlias = false

    init(aliases: YAMLBounds.Aliases, depth: Int, nodes: Int) {
        self.aliases = aliases
        self.depth = depth
        self.nodes = nodes
    }

    mutating func take(_ event: yaml_event_t) -> Step {
        switch event.type {
        case YAML_DOCUMENT_END_EVENT, YAML_STREAM_END_EVENT:
            // One document is composed; the composer refuses a second one on its own.
            return .done
        case YAML_SCALAR_EVENT:
            let anchor = name(event.data.scalar.anchor)
            if let refused = refuse(anchor: anchor) { return refused }
            count += 1
            if let anchor { sizes[anchor] = 1 }
        case YAML_ALIAS_EVENT:
            let alias = name(event.data.alias.anchor) ?? ""
            if aliases == .refused { return .violation(.alias(alias)) }
            // An alias of an anchor not yet closed (or never made) is the composer's error; count it as one node.
            count += sizes[alias] ?? 1
            sawAlias = true
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            let anchor = name(event.type == YAML_SEQUENCE_START_EVENT ? event.data.sequence_start.anchor : event.data.mapping_start.anchor)
            if let refused = refuse(anchor: anchor) { return refused }
            if open.count >= depth { return .violation(.tooDeep) }
            open.append((anchor, count))
            count += 1
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            if let (anchor, start) = open.popLast(), let anchor { sizes[anchor] = count - start }
        default:
            return .next
        }
        return count > nodes ? .violation(.tooManyNodes(throughAliases: sawAlias)) : .next
    }

    private func refuse(anchor: String?) -> Step? {
        guard let anchor, aliases == .refused else { return nil }
        return .violation(.anchor(anchor))
    }

    private func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
