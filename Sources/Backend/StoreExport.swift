import JSON
import Catalog
import Foundation

/// A store's rows as JSON lines, the same for every SQL store, so that
/// `incident-chat store export` from one kind of store and `store import`
/// into another move it whole (SQLite → PostgreSQL → SQLite keeps the digest).
///
///     {"format":"incident-chat-store","version":1}
///     {"table":"incident","row":{"seq":1,"arn":"arn:aws:...","summary":null,"chat_channel":{"bytes":"AAE="}}}
///
/// Integers (booleans as 0 and 1) are JSON numbers, text is a string, a byte
/// string is `{"bytes": BASE64}`, NULL is `null`. Tables come in
/// ``StoreExport/tables`` order, rows in primary-key order.
public enum StoreExport {
    /// One cell of a row.
    public enum Cell: Equatable, Sendable {
        case null
        case integer(Int64)
        case text(String)
        case bytes([UInt8])
    }

    /// One row: its table, and its columns with their cells, in table order.
    public struct Row: Equatable, Sendable {
        public var table: String
        public var cells: [(column: String, cell: Cell)]

        public init(table: String, cells: [(column: String, cell: Cell)]) {
            self.table = table
            self.cells = cells
        }

        public static func == (a: Row, b: Row) -> Bool {
            a.table == b.table && a.cells.map(\.column) == b.cells.map(\.column) && a.cells.map(\.cell) == b.cells.map(\.cell)
        }
    }

    /// The tables exported: every table the digest reads, then the channel's
    /// data and the outbox relay's mark.
    public static let tables: [(name: String, order: String)] =
        StoreDigestTables.all + [("channel_data", "account, kind, key"), ("outbox_relay", "id")]

    /// The columns kept as booleans by stores that have them (exported as 0 and 1).
    public static let booleanColumns: Set<String> = ["deletion_protected", "activated", "essential"]

    public static let header = #"{"format":"incident-chat-store","version":1}"#

    /// What a line that is not an export row says.
    public struct Invalid: Error, CustomStringConvertible {
        public var description: String
    }

    public static func line(_ row: Row) -> String {
        JSON.object([
            ("table", .string(row.table)),
            ("row", .object(row.cells.map { column, cell in
                switch cell {
                case .null: return (column, .null)
                case .integer(let i): return (column, .integer(i))
                case .text(let s): return (column, .string(s))
                case .bytes(let b): return (column, .object([("bytes", .string(Data(b).base64EncodedString()))]))
                }
            })),
        ]).compact
    }

    /// Reads one line (the header gives nil).
    public static func parse(_ line: String, number: Int) throws(Invalid) -> Row? {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed])) as? [String: Any] else {
            throw Invalid(description: "line \(number) is not a JSON object")
        }
        if object["format"] as? String == "incident-chat-store" {
            guard (object["version"] as? NSNumber)?.intValue == 1 else {
                throw Invalid(description: "line \(number): an export of version \(object["version"] ?? "?") (this build reads version 1)")
            }
            return nil
        }
        guard let table = object["table"] as? String, tables.contains(where: { $0.name == table }),
              let row = object["row"] as? [String: Any] else {
            throw Invalid(description: "line \(number) is not a row of a known table")
        }
        var cells: [(column: String, cell: Cell)] = []
        for column in row.keys.sorted() {
            guard column.range(of: "^[a-z_]+$", options: .regularExpression) != nil else {
                throw Invalid(description: "line \(number): \(column) is not a column name")
            }
            let value = row[column]!
            switch value {
            case is NSNull: cells.append((column, .null))
            case let s as String: cells.append((column, .text(s)))
            case let n as NSNumber where String(n.int64Value) == n.stringValue:
                cells.append((column, .integer(n.int64Value)))
            case let d as [String: Any]:
                guard let text = d["bytes"] as? String, let bytes = Data(base64Encoded: text) else {
                    throw Invalid(description: "line \(number): \(column) is neither a value nor {\"bytes\": BASE64}")
                }
                cells.append((column, .bytes([UInt8](bytes))))
            default:
                throw Invalid(description: "line \(number): \(column) holds a value no store keeps")
            }
        }
        return Row(table: table, cells: cells)
    }
}

/// A store whose rows can be exported and imported whole.
public protocol StoreExporting: Sendable {
    /// Every row, table by table (``StoreExport/tables``), in primary-key order, read in one snapshot.
    func exportRows(_ visit: (StoreExport.Row) throws -> Void) async throws
    /// Inserts `rows` into this store, which must hold no incidents, contacts or
    /// channel data yet, in one transaction: all of them or none.
    func importRows(_ rows: [StoreExport.Row]) async throws
}
