import JSON
import Backend
import Catalog
import Constraints
import Foundation
import OrderedCollections
import Time

/// Gives a JSON body the model's types: objects become structures, unions and
/// maps, numbers become integers, doubles or timestamps, strings become
/// strings, blobs (base64) or timestamps.
///
/// A value of the wrong JSON type is a protocol error (`typeError`): the JSON
/// 1.1 services answer `SerializationException`, rest-json ones
/// `ValidationException`. Members the model does not know are ignored, as the
/// services do; `null` members count as absent.
struct JSONValueDecoder {
    let service: ServiceModel
    /// The code for a value of the wrong type.
    let typeError: ServiceError.Code

    /// With `bodyOnly`, members bound to the URI, query or headers are not taken from the body.
    func decodeStructure(_ json: JSON, shape: Shape, path: ValuePath, bodyOnly: Bool = false) throws(ServiceError) -> OrderedDictionary<String, Value> {
        guard case .object(let members) = json else {
            throw mismatch(json, expected: "an object", path: path)
        }
        var slots = [Value?](repeating: nil, count: shape.members.count)
        for (key, value) in members {
            guard let index = shape.memberIndex(of: key) else { continue }
            if case .null = value { continue }
            if bodyOnly && shape.members[index].location != .body { continue }
            if slots[index] != nil {
                throw ServiceError(typeError, "The member '\(path.member(key))' is given twice.")
            }
            let member = shape.members[index]
            slots[index] = try decode(value, member: member, path: path.member(key))
        }
        var out = OrderedDictionary<String, Value>(minimumCapacity: members.count)
        for (index, slot) in slots.enumerated() {
            if let slot { out[shape.members[index].name] = slot }
        }
        // Unions with other than one member are the constraint engine's (ConstraintValidator).
        return out
    }

    func decode(_ json: JSON, member: Member, path: ValuePath) throws(ServiceError) -> Value {
        let shape = service.shape(of: member)
        if shape.kind == .timestamp {
            return try timestamp(json, format: member.timestampFormat ?? shape.timestampFormat ?? .unixTimestamp, path: path)
        }
        return try decode(json, shape: shape, path: path)
    }

    func decode(_ json: JSON, shape: Shape, path: ValuePath) throws(ServiceError) -> Value {
        switch shape.kind {
        case .structure, .union:
            return .structure(try decodeStructure(json, shape: shape, path: path))
        case .list:
            guard case .array(let elements) = json else { throw mismatch(json, expected: "an array", path: path) }
            let element = service[shape.element!]
            var out: [Value] = []
            out.reserveCapacity(elements.count)
            for (i, item) in elements.enumerated() {
                if case .null = item { throw ServiceError(typeError, "Null is not allowed at '\(path.index(i))'.") }
                out.append(try decode(item, shape: element, path: path.index(i)))
            }
            return .list(out)
        case .map:
            guard case .object(let entries) = json else { throw mismatch(json, expected: "an object", path: path) }
            let valueShape = service[shape.value!]
            var out = OrderedDictionary<String, Value>(minimumCapacity: entries.count)
            for (key, item) in entries {
                if case .null = item { continue }
                if out[key] != nil { throw ServiceError(typeError, "The key '\(key)' is given twice at '\(path)'.") }
                out[key] = try decode(item, shape: valueShape, path: path.key(key))
            }
            return .map(out)
        case .string:
            guard case .string(let s) = json else { throw mismatch(json, expected: "a string", path: path) }
            return .string(s)
        case .integer, .long:
            let integer: Int64
            switch json {
            case .integer(let i): integer = i
            case .double(let d) where d == d.rounded() && abs(d) < 9.2e18: integer = Int64(d)
            default: throw mismatch(json, expected: "an integer", path: path)
            }
            if shape.kind == .integer, integer < Int64(Int32.min) || integer > Int64(Int32.max) {
                throw ServiceError(typeError, "The value \(integer) at '\(path)' does not fit in a 32-bit integer.")
            }
            return .integer(integer)
        case .float, .double:
            switch json {
            case .integer(let i): return .double(Double(i))
            case .double(let d): return .double(d)
            case .string("NaN"): return .double(.nan)
            case .string("Infinity"): return .double(.infinity)
            case .string("-Infinity"): return .double(-.infinity)
            default: throw mismatch(json, expected: "a number", path: path)
            }
        case .boolean:
            guard case .bool(let b) = json else { throw mismatch(json, expected: "a boolean", path: path) }
            return .boolean(b)
        case .timestamp:
            return try timestamp(json, format: shape.timestampFormat ?? .unixTimestamp, path: path)
        case .blob:
            guard case .string(let s) = json else { throw mismatch(json, expected: "a base64 string", path: path) }
            guard let data = Data(base64Encoded: s) else {
                throw ServiceError(typeError, "The value at '\(path)' is not valid base64.")
            }
            return .blob(Array(data))
        }
    }

    private func outOfRange(_ text: String, path: ValuePath) -> ServiceError {
        ServiceError(typeError, "The timestamp \(text) at '\(path)' is not a time \(InstantRange.description).")
    }

    private func timestamp(_ json: JSON, format: TimestampFormat, path: ValuePath) throws(ServiceError) -> Value {
        switch json {
        case .integer(let i):
            guard let date = Date(checkedEpochSeconds: Double(i)) else { throw outOfRange(String(i), path: path) }
            return .timestamp(date)
        case .double(let d):
            guard let date = Date(checkedEpochSeconds: d) else { throw outOfRange(String(d), path: path) }
            return .timestamp(date)
        case .string(let s):
            // Epoch seconds are the default in bodies; a model may ask for strings.
            if let date = (format == .rfc822 ? HTTPDate.parse(s) : ISO8601.parse(s)) {
                guard InstantRange.contains(date) else { throw outOfRange("'\(s)'", path: path) }
                return .timestamp(date)
            }
            throw ServiceError(typeError, "The value '\(s)' at '\(path)' is not a timestamp.")
        default:
            throw mismatch(json, expected: "a timestamp", path: path)
        }
    }

    private func mismatch(_ json: JSON, expected: String, path: ValuePath) -> ServiceError {
        ServiceError(typeError, "Expected \(expected) at '\(path)', found \(json.typeName == "array" || json.typeName == "object" ? "an" : "a") \(json.typeName).")
    }
}
