import JMESPath

/// `--output text`, as `awscli/text.py` writes it: the scalars of an object on one
/// tab-separated line in key order, each nested value after it under its key in upper
/// case; lists of objects as rows sharing the union of their scalar keys; a bare
/// scalar or list of scalars (a query result) on one line.
enum TextOutput {
    static func render(_ document: JSONValue) -> String {
        var out = ""
        write(document, identifier: nil, scalarKeys: nil, to: &out)
        return out
    }

    private static func write(_ item: JSONValue, identifier: String?, scalarKeys: [String]?, to out: inout String) {
        switch item {
        case .object(let object): writeObject(object, identifier: identifier, scalarKeys: scalarKeys, to: &out)
        case .array(let elements): writeList(elements, identifier: identifier, to: &out)
        default: out += PythonText.str(item) + "\n"
        }
    }

    private static func writeList(_ elements: [JSONValue], identifier: String?, to out: inout String) {
        if elements.isEmpty { return }
        if elements.contains(where: { $0.object != nil }) {
            let keys = scalarKeys(of: elements)
            for element in elements { write(element, identifier: identifier, scalarKeys: keys, to: &out) }
        } else if elements.contains(where: { $0.array != nil }) {
            let scalars = elements.filter(\.isScalar)
            if !scalars.isEmpty { writeScalars(scalars, identifier: identifier, to: &out) }
            for nested in elements where !nested.isScalar { write(nested, identifier: identifier, scalarKeys: nil, to: &out) }
        } else {
            writeScalars(elements, identifier: identifier, to: &out)
        }
    }

    private static func writeScalars(_ elements: [JSONValue], identifier: String?, to out: inout String) {
        if let identifier {
            let label = PythonText.upper(identifier)
            for element in elements { out += label + "\t" + PythonText.str(element) + "\n" }
        } else {
            out += elements.map(PythonText.str).joined(separator: "\t") + "\n"
        }
    }

    private static func writeObject(_ object: JSONObject, identifier: String?, scalarKeys: [String]?, to out: inout String) {
        var scalars: [String] = []
        var nested: [(String, JSONValue)] = []
        if let scalarKeys {
            // Rows of a list share its columns; a missing member is an empty field.
            scalars = scalarKeys.map { object[$0].map(PythonText.str) ?? "" }
            let shared = Set(scalarKeys)
            nested = sortedEntries(object).filter { !shared.contains($0.0) }
        } else {
            for (key, value) in sortedEntries(object) {
                if value.isScalar { scalars.append(PythonText.str(value)) } else { nested.append((key, value)) }
            }
        }
        if !scalars.isEmpty {
            if let identifier { scalars.insert(PythonText.upper(identifier), at: 0) }
            out += scalars.joined(separator: "\t") + "\n"
        }
        for (key, value) in nested { write(value, identifier: key, scalarKeys: nil, to: &out) }
    }

    /// The keys with a scalar value in any object of the list, in order.
    private static func scalarKeys(of elements: [JSONValue]) -> [String] {
        var seen = Set<String>()
        for case .object(let object) in elements {
            for (key, value) in object.entries where value.isScalar { seen.insert(key) }
        }
        return seen.sorted(by: PythonText.precedes)
    }

    private static func sortedEntries(_ object: JSONObject) -> [(String, JSONValue)] {
        object.entries.map { ($0.0, $0.1) }.sorted { PythonText.precedes($0.0, $1.0) }
    }
}
