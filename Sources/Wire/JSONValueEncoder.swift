import JSON
import Catalog
import Foundation
import OrderedCollections
import Time

/// Writes typed values as the JSON protocols send them: structure members in
/// model order, timestamps as epoch seconds unless the model says otherwise,
/// blobs in base64. Members the shape does not know are left out.
struct JSONValueEncoder {
    let service: ServiceModel

    /// The members of a structure that travel in the body, as one JSON object.
    func writeStructure(_ members: OrderedDictionary<String, Value>, shape: Shape, bodyOnly: Bool,
                        into writer: inout JSONWriter) {
        writer.raw(UInt8(ascii: "{"))
        var first = true
        for member in shape.members {
            if bodyOnly && member.location != .body { continue }
            guard let value = members[member.name] else { continue }
            if !first { writer.raw(UInt8(ascii: ",")) }
            first = false
            writer.string(member.name)
            writer.raw(UInt8(ascii: ":"))
            let memberShape = service.shape(of: member)
            if case .timestamp(let date) = value {
                writeTimestamp(date, format: member.timestampFormat ?? memberShape.timestampFormat ?? .unixTimestamp, into: &writer)
            } else {
                write(value, shape: memberShape, into: &writer)
            }
        }
        writer.raw(UInt8(ascii: "}"))
    }

    func write(_ value: Value, shape: Shape, into writer: inout JSONWriter) {
        switch value {
        case .structure(let members):
            if shape.hasMembers {
                writeStructure(members, shape: shape, bodyOnly: false, into: &writer)
            } else {
                writeMap(members, valueShape: shape.value.map { service[$0] }, into: &writer)
            }
        case .map(let entries):
            writeMap(entries, valueShape: shape.value.map { service[$0] }, into: &writer)
        case .list(let elements):
            let element = shape.element.map { service[$0] } ?? shape
            writer.raw(UInt8(ascii: "["))
            for (i, item) in elements.enumerated() {
                if i > 0 { writer.raw(UInt8(ascii: ",")) }
                write(item, shape: element, into: &writer)
            }
            writer.raw(UInt8(ascii: "]"))
        case .string(let s): writer.string(s)
        case .integer(let i):
            if shape.kind == .float || shape.kind == .double { writer.double(Double(i)) } else { writer.integer(i) }
        case .double(let d): writer.double(d)
        case .boolean(let b): writer.bool(b)
        case .timestamp(let date): writeTimestamp(date, format: shape.timestampFormat ?? .unixTimestamp, into: &writer)
        case .blob(let bytes): writer.string(Data(bytes).base64EncodedString())
        }
    }

    private func writeMap(_ entries: OrderedDictionary<String, Value>, valueShape: Shape?, into writer: inout JSONWriter) {
        writer.raw(UInt8(ascii: "{"))
        var first = true
        for (key, item) in entries {
            if !first { writer.raw(UInt8(ascii: ",")) }
            first = false
            writer.string(key)
            writer.raw(UInt8(ascii: ":"))
            if let valueShape { write(item, shape: valueShape, into: &writer) } else { writeUntyped(item, into: &writer) }
        }
        writer.raw(UInt8(ascii: "}"))
    }

    private func writeUntyped(_ value: Value, into writer: inout JSONWriter) {
        switch value {
        case .structure(let m), .map(let m): writeMap(m, valueShape: nil, into: &writer)
        case .list(let l):
            writer.raw(UInt8(ascii: "["))
            for (i, item) in l.enumerated() {
                if i > 0 { writer.raw(UInt8(ascii: ",")) }
                writeUntyped(item, into: &writer)
            }
            writer.raw(UInt8(ascii: "]"))
        case .string(let s): writer.string(s)
        case .integer(let i): writer.integer(i)
        case .double(let d): writer.double(d)
        case .boolean(let b): writer.bool(b)
        case .timestamp(let t): writer.double(EpochSeconds.value(t))
        case .blob(let b): writer.string(Data(b).base64EncodedString())
        }
    }

    func writeTimestamp(_ date: Date, format: TimestampFormat, into writer: inout JSONWriter) {
        switch format {
        case .unixTimestamp: writer.double(EpochSeconds.value(date))
        case .iso8601: writer.string(ISO8601.string(date, fraction: .millisecondsWhenNotZero, rounding: .toMillisecond))
        case .rfc822: writer.string(HTTPDate.string(date))
        }
    }
}
