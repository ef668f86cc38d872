import Catalog

/// Checks an operation's output against the model: every member known, in the
/// model's order, required members present, types and enum values right, all
/// the way down. Returns the problems found (none when the output conforms).
enum OutputShapeCheck {
    static func problems(_ output: Value, operation: OperationName) -> [String] {
        let model = Catalog.shared[operation.service]
        guard let id = model[operation].output else {
            return output == .structure([:]) ? [] : ["\(operation) has no output shape"]
        }
        var out: [String] = []
        check(output, model[id], model, operation.name, &out)
        return out
    }

    private static func check(_ value: Value, _ shape: Shape, _ model: ServiceModel, _ path: String, _ out: inout [String]) {
        switch (shape.kind, value) {
        case (.structure, .structure(let members)), (.union, .structure(let members)):
            var last = -1
            for (name, member) in members {
                guard let i = shape.memberIndex(of: name) else {
                    out.append("\(path).\(name) is not a member of \(shape.name)")
                    continue
                }
                if i < last { out.append("\(path).\(name) is out of model order") }
                last = i
                check(member, model[shape.members[i].shape], model, "\(path).\(name)", &out)
            }
            for i in shape.requiredMembers where members[shape.members[i].name] == nil {
                out.append("\(path).\(shape.members[i].name) is required but missing")
            }
        case (.list, .list(let items)):
            for (i, item) in items.enumerated() { check(item, model[shape.element!], model, "\(path)[\(i)]", &out) }
        case (.map, .map(let entries)):
            for (key, item) in entries {
                check(.string(key), model[shape.key!], model, "\(path) key", &out)
                check(item, model[shape.value!], model, "\(path)[\(key)]", &out)
            }
        case (.string, .string(let s)):
            if !shape.enumValues.isEmpty, !shape.allows(enumValue: s) { out.append("\(path) = \(s) is not in \(shape.name)") }
        case (.integer, .integer), (.long, .integer), (.boolean, .boolean), (.timestamp, .timestamp),
             (.float, .double), (.double, .double), (.blob, .blob):
            break
        default:
            out.append("\(path) is a \(value) where \(shape.name) (\(shape.kind)) belongs")
        }
    }
}
