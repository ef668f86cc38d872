import Backend
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO

/// Turns a failure of the PostgreSQL store into the service error a caller
/// sees: an `InternalServerException` (which SDKs retry) that names the store
/// by its URL without a password and says whether anything changed.
enum PostgresErrors {
    enum Phase {
        /// Opening the store: connecting, migrating.
        case opening
        /// Running a command.
        case command
    }

    /// A transaction that met concurrent ones on every attempt.
    struct Conflicted: Error {
        var attempts: Int
        var underlying: any Error
    }

    /// The connection went while COMMIT was under way: the command may have been applied.
    struct OutcomeUnknown: Error {
        var underlying: any Error
    }

    /// A serialization failure (40001) or a deadlock (40P01): the transaction may run again.
    static func isConflict(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError, error.code == .server,
              let state = error.serverInfo?[.sqlState] else { return false }
        return state == "40001" || state == "40P01"
    }

    static func map(_ error: any Error, url: String, phase: Phase) -> ServiceError {
        if let error = error as? ServiceError { return error }
        if let newer = error as? PostgresSchema.NewerSchema {
            return .store("The store \(newer.url) was written by a newer IncidentChat (schema version \(newer.stored); this build knows up to \(PostgresSchema.version)). It was left untouched: use a newer incident-chat, or another --store.")
        }
        if error is OutcomeUnknown {
            return .store("The connection to the store \(url) was lost while the command was being committed: it may or may not have been applied. Read before trying again (a clientToken makes a retry safe).")
        }
        if let conflicted = error as? Conflicted {
            return .store("The command on the store \(url) met concurrent commands \(conflicted.attempts) times running and was given up; nothing was changed. Try again.")
        }
        let cause = (error as? PSQLError)?.underlying ?? error
        if cause is NIOSSLError || cause is BoringSSLError {
            return .store("The PostgreSQL server at \(url) failed the TLS check (\(cause)): its certificate is not signed by one that sslrootcert (or the system) trusts, or is not for this host.")
        }
        if let psql = error as? PSQLError {
            if psql.code == .server {
                let state = psql.serverInfo?[.sqlState] ?? ""
                let message = psql.serverInfo?[.message] ?? "\(psql)"
                switch state {
                case "28P01", "28000":
                    return .store("The PostgreSQL server at \(url) refused the sign-in (\(message)). Check the user, and the password in PGPASSFILE, ~/.pgpass or PGPASSWORD.")
                case "3D000":
                    return .store("The database of \(url) does not exist (\(message)). Create it (createdb), or name another in the URL.")
                case "42501":
                    return .store("The store \(url) refused the command: permission denied (\(message)); nothing was changed.")
                case _ where state.hasPrefix("57P0") && phase == .command:
                    return .store("The connection to the store \(url) was lost in the middle of the command (the server ended it: \(message)); the command was not applied. Try again: the connection is opened anew.")
                case "57P01", "57P02", "57P03":
                    return .store("The PostgreSQL server at \(url) is shutting down or starting (\(message)); nothing was changed. Try again.")
                case "22021", "22P05":
                    return .store("The store \(url) cannot keep a text with a NUL character (\(message)); nothing was changed.")
                default:
                    return .store("The store \(url) failed (\(state.isEmpty ? "" : "SQLSTATE \(state): ")\(message)); nothing was changed.")
                }
            }
            if psql.code == .sslUnsupported {
                return .store("The PostgreSQL server at \(url) does not offer TLS, which the URL's sslmode asks for; use sslmode=prefer or disable, or turn ssl on in the server.")
            }
            if phase == .opening {
                return .store("The PostgreSQL server at \(url) cannot be reached (\(describe(psql))). Check that it runs and that the host and port are right.")
            }
            return .store("The connection to the store \(url) was lost in the middle of the command (\(describe(psql))); the command was not applied. Try again: the connection is opened anew.")
        }
        if phase == .opening {
            return .store("The PostgreSQL server at \(url) cannot be reached (\(error)). Check that it runs and that the host and port are right.")
        }
        return .store("The store \(url) failed (\(error)); nothing was changed. Try again.")
    }

    private static func describe(_ error: PSQLError) -> String {
        if let underlying = error.underlying { return "\(underlying)" }
        return "\(error.code)"
    }
}
