/// Where a value sits inside an option, as messages write it:
/// `--filters[0].condition.equals`. The text is put together only when a
/// message needs it.
struct ValuePath: Sendable, CustomStringConvertible {
    private let option: String
    private var rest = ""

    init(option: String) { self.option = option }

    func member(_ name: String) -> ValuePath {
        var copy = self
        copy.rest += "." + name
        return copy
    }

    func index(_ i: Int) -> ValuePath {
        var copy = self
        copy.rest += "[\(i)]"
        return copy
    }

    /// A map entry: `--tags.team`, as botocore names it.
    func key(_ key: String) -> ValuePath { member(key) }

    var description: String { "--" + option + rest }
}
