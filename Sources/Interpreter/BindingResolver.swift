import Checker
import JMESPath
import Syntax

/// Gives `$name.path` the value a binding holds and `${NAME}` the environment's.
///
/// A string goes in as it is; a number or boolean as its JSON text; an object
/// or a list as compact JSON, so that it can stand for a structured option.
struct BindingResolver: ReferenceResolver {
    let bindings: [String: JSONValue]
    /// Nil for a message from a chat channel, which may not read the
    /// environment of the machine it runs on.
    let environment: [String: String]?

    /// Why `${NAME}` has no value in a chat message.
    static let chatReadsNoEnvironment = "a message from a chat channel cannot read environment variables"

    func resolve(_ reference: Reference) -> Resolution {
        switch reference.kind {
        case .environment:
            guard let environment else {
                return .failure("\(reference.spelling): \(Self.chatReadsNoEnvironment)")
            }
            guard let value = environment[reference.name] else {
                return .failure("the environment variable \(reference.name) is not set")
            }
            return .text(value)
        case .binding:
            guard var value = bindings[reference.name] else {
                let known = bindings.keys.sorted()
                return .failure("nothing is bound to $\(reference.name)"
                    + (known.isEmpty ? "; bind a result with: let \(reference.name) = @aws ..." : " (bound: \(known.map { "$" + $0 }.joined(separator: ", ")))"))
            }
            var path = "$" + reference.name
            for component in reference.path {
                switch component {
                case .field(let field):
                    guard case .object(let object) = value else {
                        return .failure("\(path) is \(Self.describe(value)), which has no field \(field)")
                    }
                    guard let next = object[field] else {
                        let fields = object.keys.prefix(12).joined(separator: ", ")
                        return .failure("\(path) has no field \(field)" + (fields.isEmpty ? "" : " (it has: \(fields))"))
                    }
                    value = next
                    path += "." + field
                case .index(let index):
                    guard case .array(let items) = value else {
                        return .failure("\(path) is \(Self.describe(value)), not a list")
                    }
                    guard index < items.count else {
                        return .failure("\(path) has \(items.count) item\(items.count == 1 ? "" : "s"); [\(index)] is past the end")
                    }
                    value = items[index]
                    path += "[\(index)]"
                }
            }
            return .text(Self.text(of: value))
        }
    }

    static func text(of value: JSONValue) -> String {
        switch value {
        case .string(let s): s
        case .null: ""
        default: value.serialized(.compact)
        }
    }

    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "a list"
        case .object: "an object"
        }
    }
}
