import Foundation

/// Where a PostgreSQL store is and how to sign in, read as libpq reads it: a
/// URL `postgres://USER@HOST:PORT/DB` (or `postgresql://`), then the standard
/// environment variables (`PGHOST`, `PGPORT`, `PGUSER`, `PGDATABASE`,
/// `PGPASSWORD`, `PGSSLMODE`, `PGCONNECT_TIMEOUT`) for what the URL leaves out,
/// then the password file (`PGPASSFILE`, else `~/.pgpass`). A password in the
/// URL is refused: it would show in `ps` and in shell histories.
///
///     let settings = try PostgresSettings(url: "postgres://ops@db.internal:5432/incidents")
///     settings.redacted   // "postgres://ops@db.internal:5432/incidents"
///
/// URL query parameters: `sslmode` (disable, prefer, require, verify-ca,
/// verify-full), `sslrootcert` (the PEM file of the certificates that
/// verify-ca and verify-full trust; else the system's), `host` (a socket folder, as libpq takes it), `schema` (the
/// PostgreSQL schema the store's tables live in; default `public`),
/// `connect_timeout` (seconds), `pool` (connections, default 4).
public struct PostgresSettings: Sendable, Equatable {
    public enum TLSMode: String, Sendable {
        case disable, prefer, require
        /// `require` that also checks that a trusted authority signed the server's certificate.
        case verifyCA = "verify-ca"
        /// `verify-ca` that also checks that the certificate is for the URL's host.
        case verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    /// A folder holding the server's Unix socket (`host` starting with `/`).
    public var socketDirectory: String?
    public var user: String
    public var database: String
    public var password: String?
    public var schema: String
    public var tls: TLSMode
    /// The certificates (a PEM file) that `verify-ca` and `verify-full` trust; nil: the system's.
    public var rootCertificates: String?
    public var connectTimeout: TimeInterval
    public var poolSize: Int

    /// The error a bad URL or password file gives; its text says what to change.
    public struct Invalid: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// Whether `text` names a PostgreSQL store rather than an SQLite file.
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgres://") || text.hasPrefix("postgresql://")
    }

    public init(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment,
                home: String = NSHomeDirectory()) throws(Invalid) {
        guard Self.isURL(text), let components = URLComponents(string: text) else {
            throw Invalid(description: "\(Self.redact(text)) is not a PostgreSQL URL; write postgres://USER@HOST:PORT/DATABASE")
        }
        if components.password != nil {
            throw Invalid(description: "\(Self.redact(text)) holds a password; a password never goes on the command line. Put it in ~/.pgpass (or the file PGPASSFILE names, mode 0600) or in PGPASSWORD, and write the URL without it")
        }
        var query: [String: String] = [:]
        for item in components.queryItems ?? [] { query[item.name] = item.value ?? "" }
        let known: Set<String> = ["sslmode", "sslrootcert", "host", "schema", "connect_timeout", "pool", "port", "user", "dbname"]
        if let unknown = query.keys.sorted().first(where: { !known.contains($0) }) {
            throw Invalid(description: "\(Self.redact(text)): unknown parameter \(unknown); known: \(known.sorted().joined(separator: ", "))")
        }
        func nonEmpty(_ s: String?) -> String? { s.flatMap { $0.isEmpty ? nil : $0 } }
        let hostText = nonEmpty(components.percentEncodedHost?.removingPercentEncoding) ?? nonEmpty(query["host"])
            ?? nonEmpty(environment["PGHOST"]) ?? "localhost"
        if hostText.hasPrefix("/") {
            socketDirectory = hostText
            host = "localhost"
        } else {
            socketDirectory = nil
            host = hostText
        }
        let portText = components.port.map(String.init) ?? nonEmpty(query["port"]) ?? nonEmpty(environment["PGPORT"]) ?? "5432"
        guard let port = Int(portText), (1...65535).contains(port) else {
            throw Invalid(description: "\(Self.redact(text)): the port \(portText) is not a number from 1 to 65535")
        }
        self.port = port
        user = nonEmpty(components.user?.removingPercentEncoding) ?? nonEmpty(query["user"]) ?? nonEmpty(environment["PGUSER"])
            ?? nonEmpty(environment["USER"]) ?? "postgres"
        let path = String(components.path.drop(while: { $0 == "/" }))
        database = nonEmpty(path.removingPercentEncoding) ?? nonEmpty(query["dbname"]) ?? nonEmpty(environment["PGDATABASE"]) ?? user
        schema = nonEmpty(query["schema"]) ?? "public"
        guard schema.range(of: "^[a-z_][a-z0-9_]{0,62}$", options: .regularExpression) != nil else {
            throw Invalid(description: "\(Self.redact(text)): the schema \(schema) must be a lower-case identifier (letters, digits, _)")
        }
        let mode = nonEmpty(query["sslmode"]) ?? nonEmpty(environment["PGSSLMODE"]) ?? "prefer"
        switch mode {
        case "disable", "allow": tls = .disable
        case "prefer": tls = .prefer
        case "require": tls = .require
        case "verify-ca": tls = .verifyCA
        case "verify-full": tls = .verifyFull
        default:
            throw Invalid(description: "\(Self.redact(text)): sslmode \(mode) is not one of disable, prefer, require, verify-ca, verify-full")
        }
        rootCertificates = nonEmpty(query["sslrootcert"]) ?? nonEmpty(environment["PGSSLROOTCERT"])
        if let file = rootCertificates, !FileManager.default.isReadableFile(atPath: file) {
            throw Invalid(description: "\(Self.redact(text)): sslrootcert \(file) cannot be read (no such file, or not readable)")
        }
        let timeoutText = nonEmpty(query["connect_timeout"]) ?? nonEmpty(environment["PGCONNECT_TIMEOUT"]) ?? "10"
        guard let timeout = TimeInterval(timeoutText), timeout > 0, timeout <= 3600 else {
            throw Invalid(description: "\(Self.redact(text)): connect_timeout \(timeoutText) is not a number of seconds from 1 to 3600")
        }
        connectTimeout = timeout
        let poolText = nonEmpty(query["pool"]) ?? "4"
        guard let pool = Int(poolText), (1...64).contains(pool) else {
            throw Invalid(description: "\(Self.redact(text)): pool \(poolText) is not a number of connections from 1 to 64")
        }
        poolSize = pool
        if let fromEnvironment = environment["PGPASSWORD"], !fromEnvironment.isEmpty {
            password = fromEnvironment
        } else {
            let file = nonEmpty(environment["PGPASSFILE"]) ?? (home as NSString).appendingPathComponent(".pgpass")
            password = try Self.passwordFile(file, host: socketDirectory ?? host, port: port, database: database, user: user)
        }
    }

    /// The URL as it is shown in messages: never with a password.
    public var redacted: String {
        let schemaPart = schema == "public" ? "" : "schema=\(schema)"
        if let socketDirectory {
            return "postgres://\(user)@/\(database)?host=\(socketDirectory)&port=\(port)" + (schemaPart.isEmpty ? "" : "&" + schemaPart)
        }
        return "postgres://\(user)@\(host):\(port)/\(database)" + (schemaPart.isEmpty ? "" : "?" + schemaPart)
    }

    /// A URL with any password in it replaced by `***`.
    public static func redact(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "***"
        return components.string ?? "postgres://***"
    }

    /// The password for this connection in a libpq password file
    /// (`host:port:database:user:password`, `*` matches anything, `\:` and
    /// `\\` escape). A file that others may read is ignored, as libpq does.
    static func passwordFile(_ path: String, host: String, port: Int, database: String, user: String) throws(Invalid) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        if let mode = attributes[.posixPermissions] as? Int, mode & 0o077 != 0 {
            FileHandle.standardError.write(Data("warning: the password file \(path) may be read by others (chmod 0600 it); it is ignored\n".utf8))
            return nil
        }
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        for line in text.split(whereSeparator: \.isNewline) {
            if line.hasPrefix("#") { continue }
            let fields = splitPasswordLine(String(line))
            guard fields.count == 5 else { continue }
            let hostMatches = fields[0] == "*" || fields[0] == host || (fields[0] == "localhost" && host.hasPrefix("/"))
            if hostMatches, fields[1] == "*" || fields[1] == String(port), fields[2] == "*" || fields[2] == database,
               fields[3] == "*" || fields[3] == user {
                return fields[4]
            }
        }
        return nil
    }

    static func splitPasswordLine(_ line: String) -> [String] {
        var fields: [String] = [""]
        var escaped = false
        for c in line {
            if escaped {
                fields[fields.count - 1].append(c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == ":" && fields.count < 5 {
                fields.append("")
            } else {
                fields[fields.count - 1].append(c)
            }
        }
        return fields
    }
}
