import Catalog
import OrderedCollections
import Syntax

/// Hides the values of sensitive members: those whose shapes the service
/// models mark sensitive, and those the channel names in `redact`.
///
/// A command's text is parsed, and the words of each option that carries a
/// sensitive member (or a structure holding one) become `****`; everything
/// else stays as typed.
public struct Redactor: Sendable {
    public static let mask = "****"
    /// Member names (API names) hidden beside the models' sensitive shapes.
    public var extraMembers: Set<String>

    public init(extraMembers: [String] = []) {
        self.extraMembers = Set(extraMembers)
    }

    /// The command text with sensitive option values masked.
    public func redact(command text: String) -> String { redaction(of: text).text }

    /// The text of `command`, parsed from `file`, with its sensitive option
    /// values masked: the command is not parsed again.
    public func redact(_ command: Command, in file: SourceFile) -> String { redaction(of: command, in: file).text }

    /// A command's text with its sensitive values masked, and those values
    /// (to hide wherever else they appear): the words are found once.
    public func redaction(of text: String) -> (text: String, secrets: [String]) {
        let file = SourceFile(name: SourceFile.chatName, text: text)
        let words = sensitiveWords(in: file)
        return (masked(file, 0..<file.bytes.count, words), secrets(words, in: file))
    }

    /// The same for `command`, parsed from `file`, without parsing it again.
    public func redaction(of command: Command, in file: SourceFile) -> (text: String, secrets: [String]) {
        let words = sensitiveWords(of: command, in: file)
        return (masked(file, command.range.bytes, words), secrets(words, in: file))
    }

    /// The bytes of `whole` in `file` with each word that lies inside it masked.
    private func masked(_ file: SourceFile, _ whole: Range<Int>, _ words: [(range: Range<Int>, text: String)]) -> String {
        var bytes = Array(file.bytes[whole])
        let ranges = Set(words.map(\.range)).filter { $0.lowerBound >= whole.lowerBound && $0.upperBound <= whole.upperBound }
        for range in ranges.sorted(by: { $0.lowerBound > $1.lowerBound }) {
            bytes.replaceSubrange((range.lowerBound - whole.lowerBound)..<(range.upperBound - whole.lowerBound), with: Array(Self.mask.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The values of the sensitive options of a command, as typed and as
    /// read (without their quotes), to hide wherever else they appear (in
    /// the reason a command was refused).
    public func secrets(in text: String) -> [String] { redaction(of: text).secrets }

    /// The secrets of `command`, parsed from `file`, without parsing it again.
    public func secrets(of command: Command, in file: SourceFile) -> [String] { redaction(of: command, in: file).secrets }

    private func secrets(_ words: [(range: Range<Int>, text: String)], in file: SourceFile) -> [String] {
        var out: [String] = []
        for (range, read) in words where range.upperBound <= file.bytes.count {
            out.append(String(decoding: file.bytes[range], as: UTF8.self))
            out.append(read)
        }
        return out.filter { !$0.isEmpty && $0 != Self.mask }
    }

    /// The text with each secret replaced by `****`, longest first.
    public func mask(_ secrets: [String], in text: String) -> String {
        var out = text
        for secret in Set(secrets).sorted(by: { $0.count > $1.count }) where !secret.isEmpty {
            out = out.replacingOccurrences(of: secret, with: Self.mask)
        }
        return out
    }

    /// The words to hide, where they are and as they read: the values of
    /// options that carry a sensitive member, also inside the command an
    /// alias is created with.
    private func sensitiveWords(in file: SourceFile) -> [(range: Range<Int>, text: String)] {
        guard let command = Parser.parseMessage(file).command else { return [] }
        return sensitiveWords(of: command, in: file)
    }

    private func sensitiveWords(of command: Command, in file: SourceFile) -> [(range: Range<Int>, text: String)] {
        if command.service.text == "alias", ["create", "update"].contains(command.operation.text),
           let name = command.arguments.first {
            // A quoted command is hidden whole when it holds a secret.
            if command.arguments.count == 2, command.options.isEmpty, command.arguments[1].isQuoted {
                let word = command.arguments[1]
                let inner = sensitiveWords(in: SourceFile(name: SourceFile.chatName, text: word.text))
                return inner.isEmpty ? [] : [(word.range.bytes, word.text)] + inner.map { (word.range.bytes, $0.text) }
            }
            let rest = SourceRange(start: name.range.end, end: command.range.end)
            let start = rest.start.offset
            let body = String(decoding: file.bytes[rest.bytes], as: UTF8.self)
            return sensitiveWords(in: SourceFile(name: SourceFile.chatName, text: body))
                .map { (($0.range.lowerBound + start)..<($0.range.upperBound + start), $0.text) }
        }
        guard let service = Catalog.shared.service(named: command.service.text),
              let operation = service.operation(named: command.operation.text) else { return [] }
        var words: [(range: Range<Int>, text: String)] = []
        for option in command.options {
            guard let member = operation.option(named: option.name).map({ $0.memberName }),
                  let input = service.input(of: operation), let m = input.member(named: member),
                  isSensitive(member: m, in: service) else { continue }
            for word in option.values { words.append((word.range.bytes, word.text)) }
        }
        return words
    }

    /// The request with sensitive values replaced by `****`, at any depth.
    public func redact(_ request: Request) -> Request {
        let service = Catalog.shared[request.service]
        guard let input = service.input(of: service[request.operation]) else { return request }
        var copy = request
        copy.input = redactMembers(request.input, shape: input, in: service)
        return copy
    }

    private func redactMembers(_ members: OrderedDictionary<String, Value>, shape: Shape, in service: ServiceModel) -> OrderedDictionary<String, Value> {
        var out = members
        for (name, value) in members {
            guard let member = shape.member(named: name) else { continue }
            let memberShape = service.shape(of: member)
            if extraMembers.contains(name) || memberShape.isSensitive {
                out[name] = .string(Self.mask)
            } else {
                out[name] = redactValue(value, shape: memberShape, in: service)
            }
        }
        return out
    }

    private func redactValue(_ value: Value, shape: Shape, in service: ServiceModel) -> Value {
        switch value {
        case .structure(let m) where shape.hasMembers:
            return .structure(redactMembers(m, shape: shape, in: service))
        case .list(let items):
            guard let element = shape.element.map({ service[$0] }) else { return value }
            if element.isSensitive { return .list(items.map { _ in .string(Self.mask) }) }
            return .list(items.map { redactValue($0, shape: element, in: service) })
        case .map(let entries):
            guard let valueShape = shape.value.map({ service[$0] }) else { return value }
            var out = entries
            for (k, v) in entries { out[k] = valueShape.isSensitive ? .string(Self.mask) : redactValue(v, shape: valueShape, in: service) }
            return .map(out)
        default:
            return value
        }
    }

    /// Whether a member is sensitive or holds something sensitive.
    func isSensitive(member: Member, in service: ServiceModel) -> Bool {
        var seen: Set<String> = []
        return extraMembers.contains(member.name) || holdsSensitive(service.shape(of: member), in: service, seen: &seen)
    }

    private func holdsSensitive(_ shape: Shape, in service: ServiceModel, seen: inout Set<String>) -> Bool {
        if shape.isSensitive { return true }
        guard seen.insert(shape.name).inserted else { return false }
        for m in shape.members {
            if extraMembers.contains(m.name) || holdsSensitive(service.shape(of: m), in: service, seen: &seen) { return true }
        }
        for id in [shape.element, shape.key, shape.value].compactMap({ $0 }) {
            if holdsSensitive(service[id], in: service, seen: &seen) { return true }
        }
        return false
    }
}
