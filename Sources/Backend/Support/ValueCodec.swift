import Catalog
import Foundation
import OrderedCollections

/// A compact binary form of `Value`, for the nested members that a store keeps
/// whole (chat channels, templates, references). Round-trips exactly.
public enum ValueCodec {
    public static func encode(_ value: Value) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        write(value, into: &out)
        return out
    }

    public static func decode(_ bytes: [UInt8]) throws -> Value {
        var cursor = 0
        let value = try read(bytes, &cursor)
        guard cursor == bytes.count else { throw DecodingFailure() }
        return value
    }

    /// Thrown when stored bytes are not a value this codec wrote.
    public struct DecodingFailure: Error {}

    private enum Tag: UInt8 {
        case string = 1, integer, double, boolean, timestamp, blob, list, map, structure
    }

    private static func write(_ value: Value, into out: inout [UInt8]) {
        switch value {
        case .string(let s):
            out.append(Tag.string.rawValue)
            writeBytes(Array(s.utf8), into: &out)
        case .integer(let i):
            out.append(Tag.integer.rawValue)
            writeUInt64(UInt64(bitPattern: i), into: &out)
        case .double(let d):
            out.append(Tag.double.rawValue)
            writeUInt64(d.bitPattern, into: &out)
        case .boolean(let b):
            out.append(Tag.boolean.rawValue)
            out.append(b ? 1 : 0)
        case .timestamp(let t):
            out.append(Tag.timestamp.rawValue)
            writeUInt64(t.timeIntervalSince1970.bitPattern, into: &out)
        case .blob(let b):
            out.append(Tag.blob.rawValue)
            writeBytes(b, into: &out)
        case .list(let items):
            out.append(Tag.list.rawValue)
            writeLength(items.count, into: &out)
            for item in items { write(item, into: &out) }
        case .map(let members), .structure(let members):
            if case .map = value { out.append(Tag.map.rawValue) } else { out.append(Tag.structure.rawValue) }
            writeLength(members.count, into: &out)
            for (key, member) in members {
                writeBytes(Array(key.utf8), into: &out)
                write(member, into: &out)
            }
        }
    }

    private static func writeLength(_ n: Int, into out: inout [UInt8]) {
        var n = UInt64(n)
        repeat {
            var byte = UInt8(n & 0x7F)
            n >>= 7
            if n != 0 { byte |= 0x80 }
            out.append(byte)
        } while n != 0
    }

    private static func writeBytes(_ bytes: [UInt8], into out: inout [UInt8]) {
        writeLength(bytes.count, into: &out)
        out.append(contentsOf: bytes)
    }

    private static func writeUInt64(_ v: UInt64, into out: inout [UInt8]) {
        for shift in stride(from: 0, to: 64, by: 8) { out.append(UInt8(truncatingIfNeeded: v >> UInt64(shift))) }
    }

    private static func readLength(_ b: [UInt8], _ c: inout Int) throws -> Int {
        var n: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard c < b.count, shift < 64 else { throw DecodingFailure() }
            let byte = b[c]
            c += 1
            n |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { break }
            shift += 7
        }
        guard n <= UInt64(b.count) else { throw DecodingFailure() }
        return Int(n)
    }

    private static func readBytes(_ b: [UInt8], _ c: inout Int) throws -> ArraySlice<UInt8> {
        let n = try readLength(b, &c)
        guard c + n <= b.count else { throw DecodingFailure() }
        defer { c += n }
        return b[c..<c + n]
    }

    private static func readString(_ b: [UInt8], _ c: inout Int) throws -> String {
        String(decoding: try readBytes(b, &c), as: UTF8.self)
    }

    private static func readUInt64(_ b: [UInt8], _ c: inout Int) throws -> UInt64 {
        guard c + 8 <= b.count else { throw DecodingFailure() }
        var v: UInt64 = 0
        for i in 0..<8 { v |= UInt64(b[c + i]) << UInt64(8 * i) }
        c += 8
        return v
    }

    private static func read(_ b: [UInt8], _ c: inout Int) throws -> Value {
        guard c < b.count, let tag = Tag(rawValue: b[c]) else { throw DecodingFailure() }
        c += 1
        switch tag {
        case .string: return .string(try readString(b, &c))
        case .integer: return .integer(Int64(bitPattern: try readUInt64(b, &c)))
        case .double: return .double(Double(bitPattern: try readUInt64(b, &c)))
        case .boolean:
            guard c < b.count else { throw DecodingFailure() }
            c += 1
            return .boolean(b[c - 1] != 0)
        case .timestamp: return .timestamp(Date(timeIntervalSince1970: Double(bitPattern: try readUInt64(b, &c))))
        case .blob: return .blob(Array(try readBytes(b, &c)))
        case .list:
            let n = try readLength(b, &c)
            var items: [Value] = []
            items.reserveCapacity(n)
            for _ in 0..<n { items.append(try read(b, &c)) }
            return .list(items)
        case .map, .structure:
            let n = try readLength(b, &c)
            var members = OrderedDictionary<String, Value>()
            members.reserveCapacity(n)
            for _ in 0..<n {
                let key = try readString(b, &c)
                members[key] = try read(b, &c)
            }
            return tag == .map ? .map(members) : .structure(members)
        }
    }
}
