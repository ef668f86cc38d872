/// Where a value sits in a request. One type for the checker and the wire,
/// written two ways:
///
/// - inside an option, as the checker's messages write it:
///   `--filters[0].condition.equals` (`ValuePath(option:)`);
/// - inside a request, as the services write it in their messages:
///   `incidentTemplate.impact`, `filters.1.member.key` (`ValuePath()`).
///
/// The steps are kept, and the text is put together only when a message needs it.
public struct ValuePath: Sendable, Hashable, CustomStringConvertible {
    public enum Step: Sendable, Hashable {
        case member(String)
        /// A list element, counted from 0.
        case index(Int)
        /// A map entry.
        case key(String)
    }

    /// The option the value was given to, when it came from a command.
    public let option: String?
    public private(set) var steps: [Step] = []

    /// The top of a request.
    public init() { option = nil }
    /// The value of an option (`--filters`).
    public init(option: String) { self.option = option }

    public func member(_ name: String) -> ValuePath {
        var copy = self
        copy.steps.append(.member(name))
        return copy
    }

    public func index(_ i: Int) -> ValuePath {
        var copy = self
        copy.steps.append(.index(i))
        return copy
    }

    public func key(_ key: String) -> ValuePath {
        var copy = self
        copy.steps.append(.key(key))
        return copy
    }

    /// The option form for a path that starts at an option, the service form otherwise.
    public var description: String { option == nil ? serviceText : optionText }

    /// `--filters[0].condition.equals`; a map entry is `--tags.team`, as botocore names it.
    public var optionText: String {
        var out = "--" + (option ?? "input")
        for step in steps {
            switch step {
            case .member(let name), .key(let name): out += "." + name
            case .index(let i): out += "[\(i)]"
            }
        }
        return out
    }

    /// `filters.1.member.key` (list elements counted from 1, as the services
    /// count); the whole request is `input`.
    public var serviceText: String {
        guard !steps.isEmpty else { return "input" }
        var parts: [String] = []
        parts.reserveCapacity(steps.count)
        for step in steps {
            switch step {
            case .member(let name), .key(let name): parts.append(name)
            case .index(let i): parts.append("\(i + 1).member")
            }
        }
        return parts.joined(separator: ".")
    }
}
