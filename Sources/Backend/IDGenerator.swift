import Foundation

/// Makes the identifiers the service invents (incident ids, event ids, policy
/// ids). Injected so that a seeded generator makes every output reproducible.
public protocol IDGenerator: Sendable {
    /// A fresh UUID.
    func uuid() -> UUID
}

extension IDGenerator {
    /// A fresh UUID in the lowercase form the service prints.
    public func uuidString() -> String {
        let u = uuid().uuid
        let bytes = [u.0, u.1, u.2, u.3, u.4, u.5, u.6, u.7, u.8, u.9, u.10, u.11, u.12, u.13, u.14, u.15]
        let digits = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: 36) { out in
            var i = 0
            for (n, byte) in bytes.enumerated() {
                if n == 4 || n == 6 || n == 8 || n == 10 {
                    out[i] = UInt8(ascii: "-")
                    i += 1
                }
                out[i] = digits[Int(byte >> 4)]
                out[i + 1] = digits[Int(byte & 0x0F)]
                i += 2
            }
            return i
        }
    }
}

/// Random UUIDs (version 4).
///
/// Drawn from a pool of random bytes refilled 4 KB at a time: Foundation's
/// `UUID()` opens, reads and closes /dev/urandom for every identifier on
/// Linux, three system calls a timeline event.
public struct RandomIDGenerator: IDGenerator {
    public init() {}
    public func uuid() -> UUID { RandomBytePool.shared.uuid() }
}

/// Random bytes from the system's generator, fetched in blocks.
private final class RandomBytePool: @unchecked Sendable {
    static let shared = RandomBytePool()
    private let lock = NSLock()
    private var bytes = [UInt8](repeating: 0, count: 4096)
    /// The first byte not handed out yet.
    private var next = 4096

    func uuid() -> UUID {
        var raw: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                  UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        lock.withLock {
            if next + 16 > bytes.count {
                bytes.withUnsafeMutableBytes { arc4random_buf($0.baseAddress!, $0.count) }
                next = 0
            }
            bytes.withUnsafeBytes { source in
                withUnsafeMutableBytes(of: &raw) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[next..<(next + 16)])) }
            }
            next += 16
        }
        raw.6 = (raw.6 & 0x0F) | 0x40 // version 4
        raw.8 = (raw.8 & 0x3F) | 0x80 // RFC 4122 variant
        return UUID(uuid: raw)
    }
}

/// UUIDs drawn from a seeded generator (SplitMix64): the same seed gives the
/// same sequence on every machine.
public final class SeededIDGenerator: IDGenerator, @unchecked Sendable {
    private let lock = NSLock()
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    private func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public func uuid() -> UUID {
        let (a, b) = lock.withLock { (next(), next()) }
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in 0..<8 {
            bytes[i] = UInt8(truncatingIfNeeded: a >> (56 - 8 * UInt64(i)))
            bytes[8 + i] = UInt8(truncatingIfNeeded: b >> (56 - 8 * UInt64(i)))
        }
        bytes[6] = (bytes[6] & 0x0F) | 0x40 // version 4
        bytes[8] = (bytes[8] & 0x3F) | 0x80 // RFC 4122 variant
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
