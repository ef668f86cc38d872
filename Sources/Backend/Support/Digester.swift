/// A 128-bit FNV-1a hash built up from the fields of stored records, in a
/// fixed order. Fast and stable across runs and machines; not cryptographic.
public struct Digester: Sendable {
    private var high: UInt64 = 0xcbf2_9ce4_8422_2325
    private var low: UInt64 = 0x8422_2325_cbf2_9ce4

    public init() {}

    public mutating func add(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            high = (high ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
            low = (low ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 &+ (high >> 29)
        }
        add(separator: 0xFF)
    }

    public mutating func add(_ string: String) { add(string.utf8) }
    public mutating func add(_ string: String?) { string.map { add($0) } ?? add(separator: 0xFE) }
    public mutating func add(_ value: Int64) { add(withUnsafeBytes(of: value.littleEndian, Array.init)) }
    public mutating func add(_ value: Int64?) { value.map { add($0) } ?? add(separator: 0xFE) }
    public mutating func add(_ bytes: [UInt8]?) { bytes.map { add($0) } ?? add(separator: 0xFE) }

    private mutating func add(separator: UInt8) {
        high = (high ^ UInt64(separator)) &* 0x0000_0100_0000_01B3
        low = (low ^ UInt64(separator)) &* 0x0000_0100_0000_01B3
    }

    /// The digest as 32 hexadecimal digits.
    public var hex: String {
        func pad(_ v: UInt64) -> String {
            let s = String(v, radix: 16)
            return String(repeating: "0", count: 16 - s.count) + s
        }
        return pad(high) + pad(low)
    }

    /// A 64-bit hash of one byte string (for request fingerprints and token checks).
    public static func hash64(_ bytes: some Sequence<UInt8>) -> Int64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return Int64(bitPattern: h)
    }
}
