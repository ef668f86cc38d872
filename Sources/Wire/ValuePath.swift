/// Where a value sits in a request, written as the services write it in their
/// messages: `incidentTemplate.impact`, `filters.1.member.key`.
struct ValuePath: CustomStringConvertible {
    private(set) var parts: [String] = []

    func appending(member name: String) -> ValuePath {
        var copy = self
        copy.parts.append(name)
        return copy
    }

    /// A list element (1-based, as the services count).
    func appending(index: Int) -> ValuePath {
        var copy = self
        copy.parts.append("\(index + 1).member")
        return copy
    }

    func appending(key: String) -> ValuePath {
        var copy = self
        copy.parts.append(key)
        return copy
    }

    var description: String { parts.isEmpty ? "input" : parts.joined(separator: ".") }
}
