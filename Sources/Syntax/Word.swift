/// One word of a command after shell-style splitting and the chat rewrites:
/// quotes removed, escapes applied, Slack markup decoded.
///
/// `text` is the literal text. A word may also hold references to bindings
/// or environment variables (`$incident.incidentRecordArn`, `${HOME}`), which
/// are resolved later; each sits at a UTF-8 offset of `text`.
public struct Word: Sendable, Hashable {
    public var text: String
    public var interpolations: [Interpolation]
    public var range: SourceRange
    /// Some part of the word was quoted (so it is never an option or a keyword).
    public var isQuoted: Bool
    /// Where the text's bytes came from, to point inside a value (a JSON
    /// member, a shorthand key) from a diagnostic.
    public var sourceMap: SourceMap

    public init(text: String, interpolations: [Interpolation] = [], range: SourceRange, isQuoted: Bool = false, sourceMap: SourceMap? = nil) {
        self.text = text
        self.interpolations = interpolations
        self.range = range
        self.isQuoted = isQuoted
        self.sourceMap = sourceMap ?? SourceMap(start: range.start.offset)
    }

    /// The word has no references: its text is its value.
    public var isLiteral: Bool { interpolations.isEmpty }
}

/// A reference inside a word and where in the word's text it stands.
public struct Interpolation: Sendable, Hashable {
    /// UTF-8 offset in `Word.text` where the reference's value goes.
    public var offset: Int
    public var reference: Reference

    public init(offset: Int, reference: Reference) {
        self.offset = offset
        self.reference = reference
    }
}

/// `$name.field[0].other` (a binding and a path into its value) or
/// `${NAME}` (an environment variable).
public struct Reference: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case binding
        case environment
    }

    public enum PathComponent: Sendable, Hashable {
        case field(String)
        case index(Int)
    }

    public var kind: Kind
    public var name: String
    public var path: [PathComponent]
    public var range: SourceRange

    public init(kind: Kind, name: String, path: [PathComponent] = [], range: SourceRange) {
        self.kind = kind
        self.name = name
        self.path = path
        self.range = range
    }

    /// The reference as written in canonical form.
    public var spelling: String {
        switch kind {
        case .environment:
            return "${\(name)}"
        case .binding:
            var s = "$" + name
            for component in path {
                switch component {
                case .field(let f): s += "." + f
                case .index(let i): s += "[\(i)]"
                }
            }
            return s
        }
    }
}

/// Maps UTF-8 offsets of a word's text back to byte offsets in the source.
///
/// The map is piecewise: each segment says that text offset `text` came from
/// source offset `source`, and the bytes after it follow one for one until the
/// next segment. Most words have a single segment.
public struct SourceMap: Sendable, Hashable {
    public struct Segment: Sendable, Hashable {
        public var text: Int32
        public var source: Int32
    }

    public private(set) var first: Int32
    public private(set) var rest: [Segment]

    public init(start: Int) {
        first = Int32(truncatingIfNeeded: start)
        rest = []
    }

    /// Records that text offset `text` comes from source offset `source`
    /// (called where the bytes stop following one for one).
    mutating func note(text: Int, source: Int) {
        if text == 0 && rest.isEmpty {
            first = Int32(truncatingIfNeeded: source)
            return
        }
        rest.append(Segment(text: Int32(truncatingIfNeeded: text), source: Int32(truncatingIfNeeded: source)))
    }

    /// The source byte offset of a text offset.
    public func sourceOffset(forText offset: Int) -> Int {
        var base = (text: 0, source: Int(first))
        // Segments are in text order; the last one at or before `offset` rules.
        for segment in rest where Int(segment.text) <= offset {
            base = (Int(segment.text), Int(segment.source))
        }
        return base.source + (offset - base.text)
    }
}
