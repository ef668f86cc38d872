/// A fixed set of names, looked up by their UTF-8 bytes in constant time.
///
/// Open addressing over a table at most a quarter full, with a hash of the
/// length and the first and last eight bytes; a hit is confirmed by comparing
/// bytes. Lookups take a `String`, a `Substring` or raw bytes (a lexer's slice
/// of its input), and never allocate.
public struct NameTable: Sendable {
    /// The names, in the order given; a lookup returns a position here.
    public let names: [String]
    private let bytes: [UInt8]
    private let starts: [Int32]
    private let slots: [Int32]
    private let mask: Int

    /// A table of these names; a later duplicate is ignored.
    public init(_ names: [String]) {
        self.names = names
        var bytes: [UInt8] = []
        var starts: [Int32] = [0]
        for name in names {
            bytes.append(contentsOf: name.utf8)
            starts.append(Int32(bytes.count))
        }
        var size = 4
        while size < names.count * 4 { size <<= 1 }
        var slots = [Int32](repeating: -1, count: size)
        let mask = size - 1
        bytes.withUnsafeBytes { all in
            for i in names.indices {
                let key = UnsafeRawBufferPointer(rebasing: all[Int(starts[i])..<Int(starts[i + 1])])
                var slot = Int(truncatingIfNeeded: Self.hash(key)) & mask
                var duplicate = false
                while slots[slot] >= 0 {
                    let other = Int(slots[slot])
                    let otherKey = UnsafeRawBufferPointer(rebasing: all[Int(starts[other])..<Int(starts[other + 1])])
                    if Self.equal(key, otherKey) { duplicate = true; break }
                    slot = (slot + 1) & mask
                }
                if !duplicate { slots[slot] = Int32(i) }
            }
        }
        self.bytes = bytes
        self.starts = starts
        self.slots = slots
        self.mask = mask
    }

    public var count: Int { names.count }

    /// The position of the name spelled by these bytes.
    @inlinable @inline(__always)
    public func index(of key: UnsafeRawBufferPointer) -> Int? {
        _index(of: key)
    }

    /// The position of this name.
    @inline(__always)
    public func index(of name: String) -> Int? {
        if let found = name.utf8.withContiguousStorageIfAvailable({ _index(of: UnsafeRawBufferPointer($0)) }) {
            return found
        }
        return Array(name.utf8).withUnsafeBytes { _index(of: $0) }
    }

    /// The position of this name.
    @inline(__always)
    public func index(of name: Substring) -> Int? {
        if let found = name.utf8.withContiguousStorageIfAvailable({ _index(of: UnsafeRawBufferPointer($0)) }) {
            return found
        }
        return Array(name.utf8).withUnsafeBytes { _index(of: $0) }
    }

    public func contains(_ name: String) -> Bool { index(of: name) != nil }

    @usableFromInline
    func _index(of key: UnsafeRawBufferPointer) -> Int? {
        var slot = Int(truncatingIfNeeded: Self.hash(key)) & mask
        return bytes.withUnsafeBytes { all -> Int? in
            while true {
                let entry = Int(slots[slot])
                if entry < 0 { return nil }
                let start = Int(starts[entry]), end = Int(starts[entry + 1])
                if end - start == key.count,
                   Self.equal(key, UnsafeRawBufferPointer(rebasing: all[start..<end])) {
                    return entry
                }
                slot = (slot + 1) & mask
            }
        }
    }

    @inline(__always)
    static func hash(_ key: UnsafeRawBufferPointer) -> UInt64 {
        let n = key.count
        var h = UInt64(truncatingIfNeeded: n) &* 0x9E37_79B9_7F4A_7C15
        if n >= 8 {
            let first = key.loadUnaligned(fromByteOffset: 0, as: UInt64.self)
            let last = key.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
            h ^= first &* 0xFF51_AFD7_ED55_8CCD
            h = (h ^ (h >> 29)) &+ last &* 0xC4CE_B9FE_1A85_EC53
        } else {
            var word: UInt64 = 0
            for i in 0..<n { word = word << 8 | UInt64(key[i]) }
            h ^= word &* 0xFF51_AFD7_ED55_8CCD
        }
        h ^= h >> 32
        h &*= 0x9E37_79B9_7F4A_7C15
        h ^= h >> 29
        return h
    }

    @inline(__always)
    static func equal(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
        let n = a.count
        if n != b.count { return false }
        var i = 0
        while i + 8 <= n {
            if a.loadUnaligned(fromByteOffset: i, as: UInt64.self) != b.loadUnaligned(fromByteOffset: i, as: UInt64.self) {
                return false
            }
            i += 8
        }
        while i < n {
            if a[i] != b[i] { return false }
            i += 1
        }
        return true
    }
}
