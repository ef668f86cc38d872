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
    public func redact(command text: String) -> String {
        let file = SourceFile(name: SourceFile.chatName, text: text)
        guard let command = Parser.parseMessage(file).command,
              let service = Catalog.shared.service(named: command.service.text),
              let operation = service.operation(named: command.operation.text) else { return text }
        var ranges: [Range<Int>] = []
        for option in command.options {
            guard let member = operation.option(named: option.name).map({ $0.memberName }),
                  let input = service.input(of: operation), let m = input.member(named: member),
                  isSensitive(member: m, in: service) else { continue }
            for word in option.values { ranges.append(word.range.bytes) }
        }
        guard !ranges.isEmpty else { return text }
        var bytes = file.bytes
        for range in ranges.sorted(by: { $0.lowerBound > $1.lowerBound }) where range.upperBound <= bytes.count {
            bytes.replaceSubrange(range, with: Array(Self.mask.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The request with sensitive values replaced by `****`, at any depth.
    public func redact(_ request: Request) -> Request {
        let service = Catalog.shared[request.service]
        guard let operation = service.operation(apiName: request.operation), let input = service.input(of: operation) else { return request }
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
