import Backend
import Foundation
import NIOCore
import PostgresNIO

/// `incident-chat store export` and `store import` on a PostgreSQL store.
extension PostgresBackend: StoreExporting {
    public func exportRows(_ visit: (StoreExport.Row) throws -> Void) async throws {
        do {
            try await pool.withSession { session in
                try session.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                defer { if !session.broken { try? session.execute("COMMIT") } }
                for table in StoreExport.tables {
                    for row in try session.query("SELECT * FROM \(table.name) ORDER BY \(table.order)") {
                        var cells: [(column: String, cell: StoreExport.Cell)] = []
                        for cell in row {
                            guard cell.bytes != nil else {
                                cells.append((cell.columnName, .null))
                                continue
                            }
                            switch cell.dataType {
                            case .int8, .int4, .int2: cells.append((cell.columnName, .integer(try cell.decode(Int64.self))))
                            case .bool: cells.append((cell.columnName, .integer(try cell.decode(Bool.self) ? 1 : 0)))
                            case .bytea:
                                cells.append((cell.columnName, .bytes(Array(try cell.decode(ByteBuffer.self).readableBytesView))))
                            default: cells.append((cell.columnName, .text(try cell.decode(String.self))))
                            }
                        }
                        try visit(StoreExport.Row(table: table.name, cells: cells))
                    }
                }
            }
        } catch {
            throw PostgresErrors.map(error, url: settings.redacted, phase: .command)
        }
    }

    public func importRows(_ rows: [StoreExport.Row]) async throws {
        let url = settings.redacted
        try await transaction { store in
            let session = (store as! PostgresStore).session
            for table in StoreExport.tables where table.name != "outbox_relay" {
                let count: Int64 = try session.one("SELECT count(*) FROM \(table.name)").map { try $0[0] } ?? 0
                if count > 0 {
                    throw ServiceError.store("The store \(url) is not empty (its \(table.name) table has rows); import into a new store.")
                }
            }
            for row in rows {
                let columns = row.cells.map(\.column)
                let placeholders = (1...max(1, columns.count)).map { "$\($0)" }.prefix(columns.count).joined(separator: ", ")
                let binds: [PostgresSession.Bind] = row.cells.map { column, cell in
                    switch cell {
                    case .null: return nil
                    case .integer(let i): return StoreExport.booleanColumns.contains(column) ? (i != 0) : i
                    case .text(let s): return s
                    case .bytes(let b): return ByteBuffer(bytes: b)
                    }
                }
                let key = StoreExport.tables.first { $0.name == row.table }!.order
                let updates = columns.map { "\($0) = EXCLUDED.\($0)" }.joined(separator: ", ")
                try session.query("""
                    INSERT INTO \(row.table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))
                    ON CONFLICT (\(key)) DO UPDATE SET \(updates)
                    """, binds)
            }
            // The identities go on after the rows imported.
            for table in StoreExport.tables where table.order == "seq" {
                try session.query("""
                    SELECT setval(pg_get_serial_sequence('\(table.name)', 'seq'), COALESCE(MAX(seq), 0) + 1, false) FROM \(table.name)
                    """)
            }
        }
    }
}
