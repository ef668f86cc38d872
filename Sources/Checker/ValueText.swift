import Syntax

/// The text of one value word after its references are spliced in (or after
/// it was read from a file), with the way back from a UTF-8 offset of the
/// text to a range in the source, so that a diagnostic can point at the
/// offending part of a JSON or shorthand value.
struct ValueText {
    var text: String
    let word: Word
    let file: SourceFile
    /// Spliced reference values: their span in `text` and the reference's range.
    var splices: [(span: Range<Int>, range: SourceRange)] = []
    /// The text is a file's contents: everything points at the word.
    var fromFile = false

    init(literal word: Word, in file: SourceFile) {
        self.text = word.text
        self.word = word
        self.file = file
    }

    /// The source range of a span of `text`.
    func range(of span: Range<Int>) -> SourceRange {
        if fromFile { return word.range }
        var shift = 0
        for splice in splices {
            if splice.span.contains(span.lowerBound) || (splice.span.isEmpty && splice.span.lowerBound == span.lowerBound) {
                return splice.range
            }
            if splice.span.upperBound <= span.lowerBound { shift += splice.span.count }
        }
        let lower = span.lowerBound - shift
        let upperText = Swift.max(lower, span.upperBound - shift)
        let map = word.sourceMap
        let startOffset = map.sourceOffset(forText: lower)
        var endOffset = upperText > lower ? map.sourceOffset(forText: upperText - 1) + 1 : startOffset
        while endOffset < file.bytes.count && file.bytes[endOffset] & 0xC0 == 0x80 { endOffset += 1 }
        let clampedStart = Swift.min(Swift.max(startOffset, word.range.start.offset), word.range.end.offset)
        let clampedEnd = Swift.min(Swift.max(endOffset, clampedStart), word.range.end.offset)
        if clampedStart == word.range.start.offset && clampedEnd == word.range.end.offset { return word.range }
        return SourceRange(start: file.location(of: clampedStart), end: file.location(of: clampedEnd))
    }

    /// The range of a whole value (the word itself).
    var wholeRange: SourceRange { word.range }
}

/// The outcome of splicing a word's references.
enum SplicedWord {
    case text(ValueText)
    /// Some reference is known only when the command runs.
    case deferred
    case failed([Diagnostic])
}

extension ValueText {
    /// Splices the values of the word's references into its text.
    static func splice(_ word: Word, in file: SourceFile, resolver: (any ReferenceResolver)?) -> SplicedWord {
        if word.interpolations.isEmpty { return .text(ValueText(literal: word, in: file)) }
        guard let resolver else {
            let diagnostics = word.interpolations.map { i in
                Diagnostic.error(.referencesUnavailable,
                                 "\(i.reference.spelling): references to bindings and variables are only available in runbooks and the REPL",
                                 at: i.reference.range,
                                 suggestion: "write the value itself, or quote it ('\(i.reference.spelling)') to mean the text")
            }
            return .failed(diagnostics)
        }
        let utf8 = Array(word.text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 32)
        var splices: [(span: Range<Int>, range: SourceRange)] = []
        var diagnostics: [Diagnostic] = []
        var deferred = false
        var cursor = 0
        for interpolation in word.interpolations.sorted(by: { $0.offset < $1.offset }) {
            let at = Swift.min(Swift.max(interpolation.offset, cursor), utf8.count)
            out += utf8[cursor..<at]
            cursor = at
            switch resolver.resolve(interpolation.reference) {
            case .text(let value):
                let start = out.count
                out += value.utf8
                splices.append((start..<out.count, interpolation.reference.range))
            case .deferred:
                deferred = true
            case .failure(let message):
                diagnostics.append(.error(.unresolvedReference, "\(interpolation.reference.spelling): \(message)",
                                          at: interpolation.reference.range))
            }
        }
        out += utf8[cursor...]
        if !diagnostics.isEmpty { return .failed(diagnostics) }
        if deferred { return .deferred }
        var value = ValueText(literal: word, in: file)
        value.text = String(decoding: out, as: UTF8.self)
        value.splices = splices
        return .text(value)
    }
}
