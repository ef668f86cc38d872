import GRDB

/// The tables of a store and the migrations that build them. A migration is
/// never edited once released: a change of schema is a new migration.
enum SQLiteSchema {
    /// The schema version this build writes (`PRAGMA user_version`).
    static let version = 1

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE replication_set (
                    account TEXT PRIMARY KEY NOT NULL,
                    arn TEXT NOT NULL,
                    created_by TEXT NOT NULL,
                    created_time INTEGER NOT NULL,
                    deletion_protected INTEGER NOT NULL,
                    last_modified_by TEXT NOT NULL,
                    last_modified_time INTEGER NOT NULL,
                    status TEXT NOT NULL,
                    regions BLOB NOT NULL
                ) WITHOUT ROWID;
                CREATE TABLE response_plan (
                    arn TEXT PRIMARY KEY NOT NULL,
                    account TEXT NOT NULL,
                    name TEXT NOT NULL,
                    display_name TEXT,
                    template BLOB NOT NULL,
                    chat_channel BLOB,
                    engagements BLOB,
                    actions BLOB,
                    integrations BLOB
                ) WITHOUT ROWID;
                CREATE UNIQUE INDEX response_plan_by_name ON response_plan(account, name);
                CREATE TABLE incident (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    arn TEXT NOT NULL UNIQUE,
                    account TEXT NOT NULL,
                    response_plan_arn TEXT NOT NULL,
                    title TEXT NOT NULL,
                    summary TEXT,
                    status TEXT NOT NULL,
                    impact INTEGER NOT NULL,
                    dedupe_string TEXT NOT NULL,
                    creation_time INTEGER NOT NULL,
                    resolved_time INTEGER,
                    last_modified_by TEXT NOT NULL,
                    last_modified_time INTEGER NOT NULL,
                    created_by TEXT NOT NULL,
                    invoked_by TEXT,
                    source_resource_arn TEXT,
                    source TEXT NOT NULL,
                    chat_channel BLOB,
                    notification_targets BLOB NOT NULL,
                    automation_executions BLOB NOT NULL,
                    trigger_details BLOB
                );
                CREATE INDEX incident_by_creation ON incident(account, creation_time, seq);
                CREATE TABLE timeline_event (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    incident INTEGER NOT NULL,
                    event_id TEXT NOT NULL,
                    event_time INTEGER NOT NULL,
                    event_type TEXT NOT NULL,
                    event_data TEXT NOT NULL,
                    event_updated_time INTEGER NOT NULL,
                    event_references BLOB
                );
                CREATE INDEX timeline_event_by_time ON timeline_event(incident, event_time, seq);
                CREATE UNIQUE INDEX timeline_event_by_id ON timeline_event(incident, event_id);
                CREATE TABLE related_item (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    incident INTEGER NOT NULL,
                    generated_id TEXT,
                    title TEXT,
                    identifier BLOB NOT NULL
                );
                CREATE INDEX related_item_by_incident ON related_item(incident, seq);
                CREATE TABLE tag (
                    resource_arn TEXT NOT NULL,
                    key TEXT NOT NULL,
                    value TEXT NOT NULL,
                    PRIMARY KEY (resource_arn, key)
                ) WITHOUT ROWID;
                CREATE TABLE resource_policy (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    resource_arn TEXT NOT NULL,
                    policy_id TEXT NOT NULL,
                    document TEXT NOT NULL,
                    region TEXT NOT NULL
                );
                CREATE INDEX resource_policy_by_resource ON resource_policy(resource_arn, seq);
                CREATE TABLE idempotency (
                    account TEXT NOT NULL,
                    operation TEXT NOT NULL,
                    token TEXT NOT NULL,
                    fingerprint INTEGER NOT NULL,
                    response BLOB NOT NULL,
                    PRIMARY KEY (account, operation, token)
                ) WITHOUT ROWID;
                PRAGMA user_version = 1;
                """)
        }
        return migrator
    }

    /// Brings the store up to this build's schema. A store written by a newer
    /// build is refused before anything is written to it.
    static func prepare(_ queue: DatabaseQueue, path: String, readOnly: Bool) throws {
        let migrator = self.migrator
        let complete = try queue.writeWithoutTransaction { db in
            let stored = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            let superseded = try db.tableExists("grdb_migrations") && migrator.hasBeenSuperseded(db)
            if stored > version || superseded {
                throw NewerSchema(path: path, stored: stored)
            }
            if !readOnly, try String.fetchOne(db, sql: "PRAGMA journal_mode") != "wal" {
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            }
            return try db.tableExists("grdb_migrations") && migrator.hasCompletedMigrations(db)
        }
        // An up-to-date store is only read here, so a read-only store still opens.
        if !complete {
            if readOnly { throw OlderSchema(path: path) }
            try migrator.migrate(queue)
        }
    }

    /// A store opened read-only that lacks this build's schema.
    struct OlderSchema: Error {
        var path: String
    }

    /// A store from a newer build of IncidentChat.
    struct NewerSchema: Error {
        var path: String
        var stored: Int
    }
}
