/// A place in a source: a byte offset, and the 1-based line and column
/// (columns count Unicode scalars, so a caret lines up under what a person sees).
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var offset: Int
    public var line: Int
    public var column: Int

    public init(offset: Int, line: Int, column: Int) {
        self.offset = offset
        self.line = line
        self.column = column
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool { a.offset < b.offset }
    public var description: String { "\(line):\(column)" }
}

/// A half-open range of bytes in a source, with the locations of both ends.
public struct SourceRange: Sendable, Hashable, CustomStringConvertible {
    public var start: SourceLocation
    public var end: SourceLocation

    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }

    /// An empty range at one place.
    public init(at location: SourceLocation) {
        self.init(start: location, end: location)
    }

    public var bytes: Range<Int> { start.offset..<end.offset }
    public var isEmpty: Bool { start.offset == end.offset }
    public var description: String { "\(start)-\(end)" }

    /// The smallest range that covers both.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(start: min(start, other.start), end: max(end, other.end))
    }
}
