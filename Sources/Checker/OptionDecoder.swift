import Catalog
import Constraints
import Syntax
import Text

/// Turns the words of one operation option into a typed value, following the
/// AWS CLI's argument processing (awscli's `argprocess`, `paramfile` and
/// `arguments`):
///
/// - a scalar takes one word: integers and doubles as Python's `int()` and
///   `float()` read them, timestamps as ISO 8601 or epoch seconds, blobs as
///   the word's UTF-8 bytes;
/// - a structure or a map takes one word: JSON when it starts with `{`,
///   the shorthand syntax otherwise;
/// - a list takes any number of words: one JSON array, or one JSON object or
///   shorthand word per element for lists of structures, or one word per item
///   for lists of scalars (a comma does not split them, as in the CLI);
/// - a single `file://` or `fileb://` word is replaced by the file's contents
///   first, and the contents decoded like a typed word.
struct OptionDecoder {
    let service: ServiceModel
    let patterns: PatternTable
    let context: CheckContext

    /// The decoded value, or nil with diagnostics.
    func decode(option: ModelOption, words: [ValueText], optionRange: SourceRange,
                into diagnostics: inout [Diagnostic]) -> Value? {
        let shapeID = option.shape
        let shape = service[shapeID]
        let path = ValuePath(option: option.name)

        if shape.kind == .list {
            return list(words, shapeID, shape, path, optionRange, &diagnostics)
        }
        guard let word = words.first else {
            diagnostics.append(.error(.missingValue, "--\(option.name) needs a value (\(ShapeSyntax(service: service).typeName(shapeID)))",
                                      at: optionRange))
            return nil
        }
        if words.count > 1 {
            let extra = words[1].word.range.union(words[words.count - 1].word.range)
            diagnostics.append(.error(.tooManyValues,
                "--\(option.name) takes one value, got \(words.count)", at: extra,
                suggestion: Self.oneValueSuggestion(words.map(\.text), shape: shape)))
            return nil
        }
        // Fast path: a literal string word, the common case.
        if shape.kind == .string && word.splices.isEmpty && !word.fromFile && !ParamFile.isReference(word.text) {
            var failed = false
            let before = diagnostics.count
            Constraints(service: service, patterns: patterns)
                .check(string: word.text, shape: shape, id: shapeID, path: path, range: word.wholeRange, into: &diagnostics)
            failed = diagnostics.count > before
            return failed ? nil : .string(word.text)
        }
        guard let (node, source) = load(word, &diagnostics) else { return nil }
        if shape.hasMembers || shape.kind == .map {
            return complex(node, source, shapeID, shape, path, &diagnostics)
        }
        return scalar(node, source, shapeID, path, &diagnostics)
    }

    /// How to give several words as the one value an option takes: quoted
    /// for a string (`"Custom Event"`); for a timestamp typed with a space
    /// between the date and the time (`2023-03-31 T20:30:00.000`, as the
    /// Incident Manager guide's own example has it), the time as one word.
    static func oneValueSuggestion(_ texts: [String], shape: Shape) -> String? {
        switch shape.kind {
        case .string:
            return "quote the value to keep its spaces: \"\(texts.joined(separator: " "))\""
        case .timestamp where texts.count == 2:
            let time = texts[1].first == "T" || texts[1].first == "t" ? texts[1] : "T" + texts[1]
            let joined = texts[0] + time
            guard TimestampParser.parse(joined) != nil else { return nil }
            return "write the date and the time as one word: \(joined)"
        default:
            return nil
        }
    }

    /// A literal word for a string option, checked without building a
    /// `ValueText`; nil when the word needs the general path (a file, another
    /// type) or failed its constraints (`.none` then carries diagnostics).
    @inline(__always)
    func decodeLiteralString(option: ModelOption, word: Word, into diagnostics: inout [Diagnostic]) -> Value?? {
        let shape = service[option.shape]
        guard shape.kind == .string, !ParamFile.isReference(word.text) else { return nil }
        let before = diagnostics.count
        Constraints(service: service, patterns: patterns).check(string: word.text, shape: shape, id: option.shape,
            path: ValuePath(option: option.name), range: word.range, into: &diagnostics)
        return diagnostics.count > before ? .some(nil) : .some(.string(word.text))
    }

    /// A literal word for an integer option (`--max-results 10`, `--impact 2`)
    /// that reads as an integer within the model's range: the common case,
    /// decoded without the general path's copies (a `ValueText`, a
    /// `ValueNode`, a `ShapeDecoder`). nil for everything else, which the
    /// general path decodes and explains.
    @inline(__always)
    func decodeLiteralInteger(option: ModelOption, word: Word) -> Value? {
        let shape = service[option.shape]
        guard shape.kind == .integer || shape.kind == .long,
              case .value(let value) = PythonNumbers.integer(word.text) else { return nil }
        if let lo = shape.min, value < lo { return nil }
        if let hi = shape.max, value > hi { return nil }
        return .integer(value)
    }

    /// A literal word for a timestamp option that reads as one: the general
    /// path would give the same value, through the same copies as above.
    @inline(__always)
    func decodeLiteralTimestamp(option: ModelOption, word: Word) -> Value? {
        guard service[option.shape].kind == .timestamp, !ParamFile.isReference(word.text),
              let date = TimestampParser.parse(word.text) else { return nil }
        return .timestamp(date)
    }

    /// The word's text, or the contents of the file it names.
    private func load(_ word: ValueText, _ diagnostics: inout [Diagnostic]) -> (ValueNode, ValueText)? {
        do {
            switch try ParamFile.load(word.text, origin: context.origin) {
            case nil:
                return (ValueNode(.string(word.text), 0..<word.text.utf8.count), word)
            case .text(let text)?:
                var source = word
                source.text = text
                source.fromFile = true
                return (ValueNode(.string(text), 0..<text.utf8.count), source)
            case .bytes(let bytes)?:
                var source = word
                source.fromFile = true
                return (ValueNode(.bytes(bytes), 0..<word.text.utf8.count), source)
            }
        } catch {
            diagnostics.append(.error(error.code, error.message, at: word.wholeRange, suggestion: error.suggestion))
            return nil
        }
    }

    private func scalar(_ node: ValueNode, _ source: ValueText, _ id: ShapeID, _ path: ValuePath,
                        _ diagnostics: inout [Diagnostic]) -> Value? {
        if case .bytes = node.kind, service[id].kind != .blob {
            diagnostics.append(.error(.fileNotText, "\(path): fileb:// gives binary data; this option takes \(ShapeSyntax(service: service).typeName(id))",
                                      at: source.wholeRange, suggestion: "use file:// for a text file"))
            return nil
        }
        // A word is a string as the shorthand's values are: the same conversions apply.
        var decoder = ShapeDecoder(service: service, patterns: patterns, source: source, mode: .shorthand)
        let value = decoder.decode(node, shape: id, path: path)
        diagnostics += decoder.diagnostics
        return value
    }

    /// A structure, union or map: JSON or shorthand.
    private func complex(_ node: ValueNode, _ source: ValueText, _ id: ShapeID, _ shape: Shape, _ path: ValuePath,
                         _ diagnostics: inout [Diagnostic]) -> Value? {
        guard case .string(let text) = node.kind else {
            diagnostics.append(.error(.fileNotText, "\(path): fileb:// gives binary data; this option takes JSON or shorthand",
                                      at: source.wholeRange, suggestion: "use file:// for a text file"))
            return nil
        }
        let stripped = text.trimmingPythonSpace
        if stripped.hasPrefix("{") || stripped.hasPrefix("[") {
            guard stripped.hasPrefix("{") else {
                diagnostics.append(.error(.invalidJSON, "\(path): expected a JSON object, got a JSON array", at: source.wholeRange,
                                          suggestion: ShapeSyntax(service: service).shorthand(id).map { "write shorthand (\($0)) or a JSON object" }))
                return nil
            }
            return json(text, source, id, path, &diagnostics)
        }
        // A structure of one string member named Value takes the bare string.
        if shape.kind == .structure, shape.members.count == 1, shape.members[0].name == "Value",
           service[shape.members[0].shape].kind == .string, !text.contains("=") {
            return .structure(["Value": .string(text)])
        }
        return shorthand(text, source, id, path, &diagnostics)
    }

    private func list(_ words: [ValueText], _ id: ShapeID, _ shape: Shape, _ path: ValuePath, _ optionRange: SourceRange,
                      _ diagnostics: inout [Diagnostic]) -> Value? {
        let element = service[shape.element!]
        let complexElements = element.hasMembers || element.kind == .map || element.kind == .list
        var words = words
        if words.count == 1 {
            guard let (node, source) = load(words[0], &diagnostics) else { return nil }
            if source.fromFile {
                guard case .string(let text) = node.kind else {
                    diagnostics.append(.error(.fileNotText, "\(path): fileb:// gives binary data; this option takes a list",
                                              at: source.wholeRange, suggestion: "use file:// for a text file"))
                    return nil
                }
                if text.trimmingPythonSpace.hasPrefix("[") { return json(text, source, id, path, &diagnostics) }
                if complexElements { return shorthand(text, source, id, path, &diagnostics) }
            }
            words = [source]
        }
        var decoder = ShapeDecoder(service: service, patterns: patterns, source: words.first ?? ValueText.empty, mode: .json)
        guard let first = words.first else {
            decoder.constraintsOnEmptyList(shape: shape, path: path, range: optionRange)
            diagnostics += decoder.diagnostics
            return decoder.diagnostics.isEmpty ? .list([]) : nil
        }
        let firstStripped = first.text.trimmingPythonSpace
        let looksJSON = firstStripped.hasPrefix("[") || firstStripped.hasPrefix("{")
        if complexElements && !looksJSON {
            // One shorthand word per element.
            var items: [Value] = []
            var failed = false
            for (i, word) in words.enumerated() {
                if let v = shorthand(word.text, word, shape.element!, path.index(i), &diagnostics) { items.append(v) } else { failed = true }
            }
            Constraints(service: service, patterns: patterns)
                .check(count: items.count, of: "item", plural: "items", shape: shape, path: path, range: optionRange, into: &diagnostics)
            return failed ? nil : .list(items)
        }
        if words.count == 1 && firstStripped.hasPrefix("[") {
            return json(first.text, first, id, path, &diagnostics)
        }
        var items: [Value] = []
        var failed = false
        for (i, word) in words.enumerated() {
            let itemPath = path.index(i)
            if complexElements {
                let opener = element.kind == .list ? "[" : "{"
                guard word.text.leadingPythonSpaceTrimmed.first.map({ String($0) == opener }) ?? false else {
                    diagnostics.append(.error(.invalidJSON,
                        "\(itemPath): expected JSON (the first value was JSON, so every value must be)", at: word.wholeRange))
                    failed = true
                    continue
                }
                if let v = json(word.text, word, shape.element!, itemPath, &diagnostics) { items.append(v) } else { failed = true }
            } else if element.kind == .string && word.splices.isEmpty {
                let before = diagnostics.count
                Constraints(service: service, patterns: patterns).check(string: word.text, shape: element, id: shape.element!,
                                                                         path: itemPath, range: word.wholeRange, into: &diagnostics)
                if diagnostics.count > before { failed = true } else { items.append(.string(word.text)) }
            } else {
                var itemDecoder = ShapeDecoder(service: service, patterns: patterns, source: word, mode: .shorthand)
                if let v = itemDecoder.decode(ValueNode(.string(word.text), 0..<word.text.utf8.count), shape: shape.element!, path: itemPath) {
                    items.append(v)
                } else { failed = true }
                diagnostics += itemDecoder.diagnostics
            }
        }
        Constraints(service: service, patterns: patterns)
            .check(count: words.count, of: "item", plural: "items", shape: shape, path: path, range: optionRange, into: &diagnostics)
        return failed ? nil : .list(items)
    }

    private func json(_ text: String, _ source: ValueText, _ id: ShapeID, _ path: ValuePath,
                      _ diagnostics: inout [Diagnostic]) -> Value? {
        switch JSONInput.read(text) {
        case .failure(let failure):
            let count = text.utf8.count
            let at = failure.offset >= count ? Swift.max(0, count - 1) : failure.offset
            diagnostics.append(.error(failure.code, "\(path): invalid JSON: \(failure.message)",
                                      at: source.range(of: at..<Swift.min(at + 1, text.utf8.count))))
            return nil
        case .success(let node):
            var decoder = ShapeDecoder(service: service, patterns: patterns, source: source, mode: .json)
            let value = decoder.decode(node, shape: id, path: path)
            diagnostics += decoder.diagnostics
            return value
        }
    }

    private func shorthand(_ text: String, _ source: ValueText, _ id: ShapeID, _ path: ValuePath,
                           _ diagnostics: inout [Diagnostic]) -> Value? {
        let origin = context.origin
        do {
            let node = try ShorthandParser.parse(text) { value in
                do {
                    switch try ParamFile.load(value, origin: origin) {
                    case nil: return nil
                    case .text(let t)?: return .string(t)
                    case .bytes(let b)?: return .bytes(b)
                    }
                } catch let error as ParamFile.Failure {
                    throw ShorthandParser.Failure(message: error.message, offset: 0, code: error.code)
                }
            }
            var decoder = ShapeDecoder(service: service, patterns: patterns, source: source, mode: .shorthand)
            let value = decoder.decode(node, shape: id, path: path)
            diagnostics += decoder.diagnostics
            return value
        } catch let failure as ShorthandParser.Failure {
            let count = text.utf8.count
            let at = failure.offset >= count ? Swift.max(0, count - 1) : failure.offset
            let hint = ShapeSyntax(service: service).shorthand(id).map { "the shorthand for this option: \($0)" }
            diagnostics.append(.error(failure.code, "\(path): \(failure.code == .invalidShorthand ? "invalid shorthand: " : "")\(failure.message)",
                                      at: source.range(of: at..<Swift.min(at + 1, text.utf8.count)), suggestion: hint))
            return nil
        } catch {
            diagnostics.append(.error(.invalidShorthand, "\(path): \(error)", at: source.wholeRange))
            return nil
        }
    }
}

extension ShapeDecoder {
    /// An empty list still meets its shape's minimum count.
    mutating func constraintsOnEmptyList(shape: Shape, path: ValuePath, range: SourceRange) {
        constraints.check(count: 0, of: "item", plural: "items", shape: shape, path: path, range: range, into: &diagnostics)
    }
}

extension ValueText {
    /// A stand-in source for values with no word (an empty list).
    static var empty: ValueText {
        let file = SourceFile(name: "", bytes: [])
        let location = SourceLocation(offset: 0, line: 1, column: 1)
        return ValueText(literal: Word(text: "", range: SourceRange(at: location)), in: file)
    }
}
