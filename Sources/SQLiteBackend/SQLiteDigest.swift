import Backend
import Foundation
import GRDB

/// Sums up every row of every table, in primary-key order.
enum SQLiteDigest {
    static let tables: [(name: String, order: String)] = [
        ("replication_set", "account"), ("response_plan", "arn"), ("incident", "seq"), ("timeline_event", "seq"),
        ("related_item", "seq"), ("tag", "resource_arn, key"), ("resource_policy", "seq"),
        ("idempotency", "account, operation, token"),
        ("contact", "seq"), ("contact_channel", "seq"), ("engagement", "seq"), ("page", "seq"), ("page_receipt", "seq"),
        ("rotation", "seq"), ("rotation_override", "seq"), ("outbox", "seq"),
    ]

    static func digest(_ db: Database) throws -> String {
        var d = Digester()
        for table in tables {
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
