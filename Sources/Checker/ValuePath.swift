/// Where a value sits inside an option, as messages write it:
/// `--filters[0].condition.equals`.
struct ValuePath: Sendable, CustomStringConvertible {
    private(set) var text: String

    init(option: String) { text = "--" + option }

    func member(_ name: String) -> ValuePath {
        var copy = self
        copy.text += "." + name
        return copy
    }

    func index(_ i: Int) -> ValuePath {
        var copy = self
        copy.text += "[\(i)]"
        return copy
    }

    /// A map entry: `--tags.team`, as botocore names it.
    func key(_ key: String) -> ValuePath { member(key) }

    var description: String { text }
}
