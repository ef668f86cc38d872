import Backend
import GRDB

/// Turns a failure of the store into the service error a caller sees: an
/// `InternalServerException` that names the store and says what to do.
enum SQLiteErrors {
    static func map(_ error: any Error, path: String) -> ServiceError {
        if let error = error as? ServiceError { return error }
        if let newer = error as? SQLiteSchema.NewerSchema {
            return .store("The store \(newer.path) was written by a newer IncidentChat (schema version \(newer.stored); this build knows up to \(SQLiteSchema.version)). It was left untouched: use a newer incident-chat, or another --store.")
        }
        if let older = error as? SQLiteSchema.OlderSchema {
            return .store("The store \(older.path) is opened read-only but needs its schema created or upgraded first; open it once with write access.")
        }
        guard let db = error as? DatabaseError else {
            return .store("The store \(path) failed: \(error).")
        }
        let detail = db.message.map { " (\($0))" } ?? ""
        switch db.resultCode {
        case .SQLITE_READONLY:
            return .store("The store \(path) is read-only\(detail); nothing was changed. Make it writable, or use another --store.")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .store("The store \(path) is locked by another process\(detail); nothing was changed. Try again when it is done.")
        case .SQLITE_FULL:
            return .store("The store \(path) can't grow: the disk is full\(detail); nothing was changed.")
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return .store("The store \(path) is damaged or is not an IncidentChat store\(detail). Nothing was changed; restore it from a backup or use another --store.")
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            return .store("The store \(path) can't be opened\(detail). Check that its folder exists and is writable.")
        case .SQLITE_IOERR:
            return .store("The store \(path) could not be read or written\(detail); nothing was changed.")
        default:
            return .store("The store \(path) failed\(detail); nothing was changed.")
        }
    }
}
