import Yams
import YAMLBounds

/// `--cli-input-json` and `--cli-input-yaml`: a whole input given as one
/// document, read into a `ValueNode` whose members fill in what the explicit
/// options did not set.
enum InputDocument {
    struct Failure: Error {
        var code: DiagnosticCode
        var message: String
        var offset: Int?
    }

    static func json(_ text: String) -> Result<ValueNode, Failure> {
        switch JSONInput.read(text) {
        case .success(let node): return .success(node)
        case .failure(let f): return .failure(Failure(code: f.code, message: "invalid JSON: " + f.message, offset: f.offset))
        }
    }

    static func yaml(_ text: String) -> Result<ValueNode, Failure> {
        // Before Yams composes (recursively): no nesting beyond the JSON reader's limit,
        // and no anchors or aliases in a command's input.
        if let violation = YAMLBounds.check(text, aliases: .refused, depth: JSONInput.maxDepth) {
            let fix = violation.suggestion.map { ": " + $0 } ?? ""
            let code: DiagnosticCode = violation.kind == .tooDeep ? .nestingTooDeep : .invalidYAML
            return .failure(Failure(code: code, message: "line \(violation.line), column \(violation.column): \(violation.message)\(fix)",
                                    offset: violation.offset))
        }
        do {
            guard let node = try Yams.compose(yaml: text) else { return .success(ValueNode(.object([]), 0..<0)) }
            return .success(try convert(node, depth: 0))
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(Failure(code: .invalidYAML, message: "invalid YAML: \(error)", offset: nil))
        }
    }

    private static func convert(_ node: Yams.Node, depth: Int) throws -> ValueNode {
        if depth > JSONInput.maxDepth {
            throw Failure(code: .nestingTooDeep, message: "the document nests deeper than \(JSONInput.maxDepth) levels", offset: nil)
        }
        let span = 0..<0
        switch node {
        case .scalar(let scalar):
            switch node.tag.description {
            case Tag.Name.null.rawValue: return ValueNode(.null, span)
            case Tag.Name.bool.rawValue: return ValueNode(Bool.construct(from: scalar).map { .boolean($0) } ?? .string(scalar.string), span)
            case Tag.Name.int.rawValue:
                if let i = Int64(scalar.string) ?? Int.construct(from: scalar).map(Int64.init) { return ValueNode(.integer(i), span) }
                return ValueNode(.bigInteger(scalar.string), span)
            case Tag.Name.float.rawValue: return ValueNode(Double.construct(from: scalar).map { .double($0) } ?? .string(scalar.string), span)
            default: return ValueNode(.string(scalar.string), span)
            }
        case .mapping(let mapping):
            var entries: [ValueNode.Entry] = []
            var positions: [String: Int] = [:]
            for (key, value) in mapping {
                let name = key.string ?? "\(key)"
                let converted = try convert(value, depth: depth + 1)
                if let at = positions[name] { entries[at].value = converted } else {
                    positions[name] = entries.count
                    entries.append(ValueNode.Entry(key: name, keySpan: span, value: converted))
                }
            }
            return ValueNode(.object(entries), span)
        case .sequence(let sequence):
            return ValueNode(.list(try sequence.map { try convert($0, depth: depth + 1) }), span)
        }
    }
}
