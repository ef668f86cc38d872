import JMESPath

/// `--output table`, as `awscli/table.py`'s `MultiTable` draws it: a box titled with
/// the operation's name; an object's scalars as one row under a header of their keys;
/// nested values as indented sections titled with their key; lists of objects as rows.
/// Too wide for the terminal, single-row sections turn vertical (key, value).
enum TableOutput {
    static func render(_ document: JSONValue, title: String, colors: Bool, width: Int) -> String {
        var builder = TableBuilder()
        guard builder.build(title: title, document, indentLevel: 0) else { return "" }
        var drawing = TableDrawing(sections: builder.sections, colors: colors, terminalWidth: width)
        return drawing.draw()
    }
}

/// One box of the table: an optional title, a header row and rows of text.
struct TableSection {
    /// `nil` for the untitled sections the CLI makes for lists nested in lists; Python
    /// measures that title as the four letters of `None`.
    var title: String? = ""
    var headers: [String] = []
    var rows: [[String]] = []
    var indentLevel = 0
    private var columnCount: Int?
    private var maxWidths: [Int] = []

    init(title: String?, indentLevel: Int) {
        self.title = title
        self.indentLevel = indentLevel
    }

    var titleWidth: Int { title.map(PythonText.displayWidth) ?? 4 }

    mutating func addHeader(_ headers: [String]) {
        updateMaxWidths(headers)
        if columnCount == nil { columnCount = headers.count }
        self.headers = headers
    }

    /// Adds a row. The CLI fails on a row whose length differs from the first; here the
    /// row is cut or padded to fit instead.
    mutating func addRow(_ row: [String]) {
        if columnCount == nil { columnCount = row.count }
        var row = row
        if let columnCount, row.count != columnCount {
            row = Array(row.prefix(columnCount)) + Array(repeating: "", count: max(0, columnCount - row.count))
        }
        rows.append(row)
        updateMaxWidths(row)
    }

    private mutating func updateMaxWidths(_ row: [String]) {
        if maxWidths.isEmpty {
            maxWidths = row.map(PythonText.displayWidth)
            return
        }
        for (i, element) in row.enumerated() {
            let w = PythonText.displayWidth(element)
            if i < maxWidths.count { maxWidths[i] = max(maxWidths[i], w) } else { maxWidths.append(w) }
        }
    }

    /// Column widths with `padding` added, scaled to add up to `total` when given
    /// (rounding half to even, then trimming or widening columns one by one).
    func columnWidths(padding: Int, total: Int? = nil) -> [Int] {
        let unscaled = maxWidths.map { $0 + padding }
        guard let total, !unscaled.isEmpty else { return unscaled }
        let scale = Double(total) / Double(unscaled.reduce(0, +))
        var scaled = unscaled.map { Int((scale * Double($0)).rounded(.toNearestOrEven)) }
        var offBy = scaled.reduce(0, +) - total
        while offBy != 0 {
            let order: [Int] = offBy < 0 ? Array(scaled.indices.reversed()) : Array(scaled.indices)
            for i in order {
                if offBy > 0 { scaled[i] -= 1; offBy -= 1 } else { scaled[i] += 1; offBy += 1 }
                if offBy == 0 { break }
            }
        }
        return scaled
    }

    /// The width the section needs: padded columns, borders and indentation, or its title.
    var totalWidth: Int {
        let columns = columnWidths(padding: 0).reduce(0) { $0 + $1 + 4 } + 2 + 2 * indentLevel
        return max(titleWidth + 2 + 2 * indentLevel, columns)
    }
}

/// Walks a document into sections as the CLI's `TableFormatter` does.
struct TableBuilder {
    private(set) var sections: [TableSection] = []

    private mutating func newSection(_ title: String?, indentLevel: Int) {
        sections.append(TableSection(title: title, indentLevel: indentLevel))
    }

    private mutating func addRow(_ row: [String]) {
        if sections.isEmpty { newSection("", indentLevel: 0) }
        sections[sections.count - 1].addRow(row)
    }

    private mutating func addHeader(_ headers: [String]) {
        if sections.isEmpty { newSection("", indentLevel: 0) }
        sections[sections.count - 1].addHeader(headers)
    }

    /// Adds `current` under `title` (no new section when `nil`); false when it is empty
    /// or false-like, which the CLI does not print.
    @discardableResult
    mutating func build(title: String?, _ current: JSONValue, indentLevel: Int) -> Bool {
        guard current.isPythonTruthy else { return false }
        if let title { newSection(title, indentLevel: indentLevel) }
        switch current {
        case .array(let elements):
            if elements.first?.object != nil {
                buildList(elements, indentLevel: indentLevel, title: title)
            } else {
                for item in elements {
                    switch item {
                    case .array(let inner) where inner.allSatisfy(\.isScalar):
                        addRow(inner.map(PythonText.str))
                    case .array:
                        build(title: nil, item, indentLevel: 0)
                    case .object(let object):
                        // Python iterates an object's keys here.
                        addRow(object.keys)
                    default:
                        addRow([PythonText.str(item)])
                    }
                }
            }
        case .object(let object):
            buildObject(object, indentLevel: indentLevel)
        default:
            break
        }
        return true
    }

    private mutating func buildObject(_ object: JSONObject, indentLevel: Int) {
        let (headers, more) = groupKeys(object)
        if headers.count == 1 {
            addRow([headers[0], PythonText.str(object[headers[0]]!)])
        } else if !headers.isEmpty {
            addHeader(headers)
            addRow(headers.map { PythonText.str(object[$0]!) })
        }
        for key in more { build(title: key, object[key]!, indentLevel: indentLevel + 1) }
    }

    private mutating func buildList(_ elements: [JSONValue], indentLevel: Int, title: String?) {
        var headerSet = Set<String>(), moreSet = Set<String>()
        for case .object(let object) in elements {
            let (h, m) = groupKeys(object)
            headerSet.formUnion(h)
            moreSet.formUnion(m)
        }
        let headers = headerSet.sorted(by: PythonText.precedes)
        let more = moreSet.sorted(by: PythonText.precedes)
        addHeader(headers)
        var first = true
        for element in elements {
            if !first && !more.isEmpty {
                newSection(title, indentLevel: indentLevel)
                addHeader(headers)
            }
            first = false
            let object = element.object ?? JSONObject()
            addRow(headers.map { object[$0].map(PythonText.str) ?? "" })
            for key in more {
                if let value = object[key] { build(title: key, value, indentLevel: indentLevel + 1) }
            }
        }
    }

    /// The keys with scalar values and those with nested values, each in order.
    private func groupKeys(_ object: JSONObject) -> ([String], [String]) {
        var headers: [String] = [], more: [String] = []
        for (key, value) in object.entries {
            if value.isScalar { headers.append(key) } else { more.append(key) }
        }
        return (headers.sorted(by: PythonText.precedes), more.sorted(by: PythonText.precedes))
    }
}

/// Draws sections as `MultiTable.render` does. With colours, every write is followed by
/// a reset, as colorama's auto-reset stream does under the CLI's `--color on`.
struct TableDrawing {
    var sections: [TableSection]
    let colors: Bool
    let terminalWidth: Int
    private var out = ""

    init(sections: [TableSection], colors: Bool, terminalWidth: Int) {
        self.sections = sections
        self.colors = colors
        self.terminalWidth = terminalWidth
    }

    private static let reset = "\u{1B}[0m"

    mutating func draw() -> String {
        var maxWidth = sections.map(\.totalWidth).max() ?? 0
        if maxWidth > terminalWidth {
            turnVertical()
            maxWidth = sections.map(\.totalWidth).max() ?? 0
        }
        write(String(repeating: "-", count: maxWidth) + "\n")
        for section in sections { drawSection(section, width: maxWidth) }
        return out
    }

    /// Single-row sections with a header become two columns: header, value.
    private mutating func turnVertical() {
        for (i, section) in sections.enumerated() where section.rows.count == 1 && !section.headers.isEmpty {
            var vertical = TableSection(title: section.title, indentLevel: section.indentLevel)
            for (header, element) in zip(section.headers, section.rows[0]) { vertical.addRow([header, element]) }
            sections[i] = vertical
        }
    }

    private mutating func write(_ text: String) {
        out += text
        if colors { out += Self.reset }
    }

    private var indentChar: String { colors ? "\u{1B}[2m\u{1B}[33m|" + Self.reset : "|" }

    private func styleRow(_ text: String) -> String {
        colors ? "\u{1B}[1m\u{1B}[34m" + text + Self.reset : text
    }

    /// A line inside a section: its indentation bars on both sides.
    private mutating func writeLine(_ text: String, indentLevel: Int) {
        let bars = String(repeating: indentChar, count: indentLevel)
        write(bars)
        write(text)
        write(bars)
        write("\n")
    }

    private mutating func drawSection(_ section: TableSection, width: Int) {
        let width = width - section.indentLevel * 2
        let level = section.indentLevel
        if let title = section.title, !title.isEmpty {
            writeLine(centered(title, width: width, left: "|", right: "|", textWidth: PythonText.displayWidth(title)), indentLevel: level)
            if section.headers.isEmpty && section.rows.isEmpty {
                writeLine("+" + String(repeating: "-", count: max(0, width - 2)) + "+", indentLevel: level)
            }
        }
        if !section.headers.isEmpty {
            let widths = section.columnWidths(padding: 4, total: width)
            var line = ""
            for (i, (w, header)) in zip(widths, section.headers).enumerated() {
                line += centered(header, width: w, left: i == 0 ? "|" : "", right: "|", textWidth: PythonText.displayWidth(header))
            }
            writeLine(rule(widths), indentLevel: level)
            writeLine(line, indentLevel: level)
        }
        if !section.rows.isEmpty {
            let widths = section.columnWidths(padding: 4, total: width)
            guard !widths.isEmpty else { return }
            writeLine(rule(widths), indentLevel: level)
            for row in section.rows {
                var line = ""
                for (i, (w, element)) in zip(widths, row).enumerated() {
                    line += leftAligned(styleRow(element), width: w, left: i == 0 ? "|" : "", right: "|",
                                        textWidth: PythonText.displayWidth(element))
                }
                writeLine(line, indentLevel: level)
            }
            writeLine(rule(widths), indentLevel: level)
        }
    }

    /// `+-----+------+`
    private func rule(_ widths: [Int]) -> String {
        var line = ""
        for (i, w) in widths.enumerated() {
            line += i == 0 ? "+" + String(repeating: "-", count: max(0, w - 2)) + "+"
                           : String(repeating: "-", count: max(0, w - 1)) + "+"
        }
        return line
    }

    private func centered(_ text: String, width: Int, left: String, right: String, textWidth: Int) -> String {
        let start = floorHalf(width) - floorHalf(textWidth) - 1
        let soFar = PythonText.displayWidth(left) + start + textWidth
        let rightSpaces = width - PythonText.displayWidth(right) - soFar
        return left + spaces(start) + text + spaces(rightSpaces) + right
    }

    private func leftAligned(_ text: String, width: Int, left: String, right: String, textWidth: Int) -> String {
        let needed = textWidth + 2 + PythonText.displayWidth(left) + PythonText.displayWidth(right)
        let padding = width - needed >= 0 ? 2 : 0
        let soFar = left.unicodeScalars.count + padding + textWidth
        return left + spaces(padding) + text + spaces(width - soFar - right.unicodeScalars.count) + right
    }

    private func floorHalf(_ n: Int) -> Int { n >= 0 ? n / 2 : -((-n + 1) / 2) }
    private func spaces(_ n: Int) -> String { n > 0 ? String(repeating: " ", count: n) : "" }
}
