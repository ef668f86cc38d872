import Backend
import NIOCore
import PostgresNIO

/// Sums up every row of every table in primary-key order, cell by cell as
/// the SQLite store's digest does (integers and booleans as 64-bit integers,
/// text as UTF-8, byte strings as bytes), so that a PostgreSQL store and an
/// SQLite store with the same rows have the same digest.
enum PostgresDigest {
    static func digest(_ session: PostgresSession) throws -> String {
        var d = Digester()
        for table in StoreDigestTables.all {
            d.add(table.name)
            for row in try session.query("SELECT * FROM \(table.name) ORDER BY \(table.order)") {
                for cell in row {
                    guard cell.bytes != nil else {
                        d.add(nil as String?)
                        continue
                    }
                    switch cell.dataType {
                    case .int8, .int4, .int2: d.add(try cell.decode(Int64.self))
                    case .bool: d.add(Int64(try cell.decode(Bool.self) ? 1 : 0))
                    case .bytea: d.add(Array(try cell.decode(ByteBuffer.self).readableBytesView))
                    default: d.add(try cell.decode(String.self))
                    }
                }
            }
        }
        return d.hex
    }
}
