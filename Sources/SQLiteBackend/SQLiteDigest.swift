import Backend
import Foundation
import GRDB

/// Sums up every row of every table, in primary-key order.
enum SQLiteDigest {
    static func digest(_ db: Database) throws -> String {
        var d = Digester()
        for table in StoreDigestTables.all {
            d.add(table.name)
            let rows = try Row.fetchCursor(db, sql: "SELECT * FROM \(table.name) ORDER BY \(table.order)")
            while let row = try rows.next() {
                for value in row.databaseValues {
                    switch value.storage {
                    case .null: d.add(nil as String?)
                    case .int64(let i): d.add(i)
                    case .double(let x): d.add(Int64(bitPattern: x.bitPattern))
                    case .string(let s): d.add(s)
                    case .blob(let b): d.add([UInt8](b))
                    }
                }
            }
        }
        return d.hex
    }
}
