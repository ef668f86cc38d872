import Backend
import Foundation
import GRDB

/// `incident-chat store export` and `store import` on an SQLite store.
extension SQLiteBackend: StoreExporting {
    public func exportRows(_ visit: (StoreExport.Row) throws -> Void) async throws {
        try await transaction { store in
            let db = (store as! SQLiteStore).db
            for table in StoreExport.tables {
                let rows = try Row.fetchCursor(db, sql: "SELECT * FROM \(table.name) ORDER BY \(table.order)")
                while let row = try rows.next() {
                    var cells: [(column: String, cell: StoreExport.Cell)] = []
                    for (column, value) in row {
                        switch value.storage {
                        case .null: cells.append((column, .null))
                        case .int64(let i): cells.append((column, .integer(i)))
                        case .double(let x): cells.append((column, .integer(Int64(x))))
                        case .string(let s): cells.append((column, .text(s)))
                        case .blob(let b): cells.append((column, .bytes([UInt8](b))))
                        }
                    }
                    try visit(StoreExport.Row(table: table.name, cells: cells))
                }
            }
        }
    }

    public func importRows(_ rows: [StoreExport.Row]) async throws {
        try await transaction { store in
            let db = (store as! SQLiteStore).db
            for table in StoreExport.tables where table.name != "outbox_relay" {
                if try Int.fetchOne(db, sql: "SELECT count(*) FROM \(table.name)") ?? 0 > 0 {
                    throw ServiceError.store("The store \(path) is not empty (its \(table.name) table has rows); import into a new store.")
                }
            }
            for row in rows {
                let columns = row.cells.map(\.column)
                let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
                let arguments = StatementArguments(row.cells.map { (_, cell) -> (any DatabaseValueConvertible)? in
                    switch cell {
                    case .null: return nil
                    case .integer(let i): return i
                    case .text(let s): return s
                    case .bytes(let b): return Data(b)
                    }
                })
                try db.execute(sql: "INSERT OR REPLACE INTO \(row.table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))",
                               arguments: arguments)
            }
        }
    }
}
