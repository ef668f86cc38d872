import GRDB

/// The tables of a store and the migrations that build them. A migration is
/// never edited once released: a change of schema is a new migration.
enum SQLiteSchema {
    /// The schema version this build writes (`PRAGMA user_version`).
    static let version = 5

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
        migrator.registerMigration("v2-contacts") { db in
            try db.execute(sql: contactsTables)
        }
        migrator.registerMigration("v3-channel-data") { db in
            try db.execute(sql: """
                CREATE TABLE channel_data (
                    account TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    key TEXT NOT NULL,
                    value TEXT NOT NULL,
                    PRIMARY KEY (account, kind, key)
                ) WITHOUT ROWID;
                PRAGMA user_version = 3;
                """)
        }
        // The scheduler's indexes: the step due first is the first entry, ties by ARN.
        migrator.registerMigration("v4-due-order") { db in
            try db.execute(sql: """
                DROP INDEX engagement_due;
                CREATE INDEX engagement_due ON engagement(next_stage_due, arn) WHERE next_stage_due IS NOT NULL;
                DROP INDEX page_due;
                CREATE INDEX page_due ON page(next_stage_due, arn) WHERE next_stage_due IS NOT NULL;
                PRAGMA user_version = 4;
                """)
        }
        // How far delivery relays have taken the outbox. What a store held
        // before counts as taken: an upgrade does not page anybody again.
        migrator.registerMigration("v5-outbox-relay") { db in
            try db.execute(sql: """
                CREATE TABLE outbox_relay (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    seq INTEGER NOT NULL
                );
                INSERT INTO outbox_relay (id, seq) SELECT 1, COALESCE(MAX(seq), 0) FROM outbox;
                PRAGMA user_version = 5;
                """)
        }
        return migrator
    }

    /// ssm-contacts (schema version 2). Rows keep their insertion order in
    /// `seq`; an upsert keeps a row's `seq`. Nested structures (plans,
    /// recurrences, resolution paths, member lists) are kept whole as values.
    static let contactsTables = """
        CREATE TABLE contact (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            arn TEXT NOT NULL UNIQUE,
            account TEXT NOT NULL,
            region TEXT NOT NULL,
            alias TEXT NOT NULL,
            display_name TEXT,
            type TEXT NOT NULL,
            plan BLOB NOT NULL,
            policy TEXT
        );
        CREATE INDEX contact_by_account ON contact(account, region, seq);
        CREATE TABLE contact_channel (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            arn TEXT NOT NULL UNIQUE,
            contact_arn TEXT NOT NULL,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            address TEXT NOT NULL,
            activated INTEGER NOT NULL,
            activation_code TEXT
        );
        CREATE INDEX contact_channel_by_contact ON contact_channel(contact_arn, seq);
        CREATE TABLE engagement (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            arn TEXT NOT NULL UNIQUE,
            account TEXT NOT NULL,
            region TEXT NOT NULL,
            contact_arn TEXT NOT NULL,
            sender TEXT NOT NULL,
            subject TEXT NOT NULL,
            content TEXT NOT NULL,
            public_subject TEXT,
            public_content TEXT,
            incident_id TEXT,
            start_time INTEGER NOT NULL,
            stop_time INTEGER,
            next_stage INTEGER NOT NULL,
            next_stage_due INTEGER
        );
        CREATE INDEX engagement_by_account ON engagement(account, region, seq);
        CREATE INDEX engagement_due ON engagement(next_stage_due) WHERE next_stage_due IS NOT NULL;
        CREATE TABLE page (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            arn TEXT NOT NULL UNIQUE,
            engagement_arn TEXT NOT NULL,
            contact_arn TEXT NOT NULL,
            account TEXT NOT NULL,
            region TEXT NOT NULL,
            sent_time INTEGER NOT NULL,
            delivery_time INTEGER,
            read_time INTEGER,
            accept_code TEXT NOT NULL,
            essential INTEGER NOT NULL,
            resolution BLOB NOT NULL,
            next_stage INTEGER NOT NULL,
            next_stage_due INTEGER
        );
        CREATE INDEX page_by_engagement ON page(engagement_arn, seq);
        CREATE INDEX page_by_contact ON page(contact_arn, seq);
        CREATE INDEX page_due ON page(next_stage_due) WHERE next_stage_due IS NOT NULL;
        CREATE TABLE page_receipt (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            page_arn TEXT NOT NULL,
            contact_channel_arn TEXT,
            type TEXT NOT NULL,
            info TEXT,
            time INTEGER NOT NULL
        );
        CREATE INDEX page_receipt_by_page ON page_receipt(page_arn, seq);
        CREATE TABLE rotation (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            arn TEXT NOT NULL UNIQUE,
            account TEXT NOT NULL,
            region TEXT NOT NULL,
            name TEXT NOT NULL,
            contact_ids BLOB NOT NULL,
            start_time INTEGER NOT NULL,
            time_zone_id TEXT NOT NULL,
            recurrence BLOB NOT NULL
        );
        CREATE INDEX rotation_by_account ON rotation(account, region, seq);
        CREATE TABLE rotation_override (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            rotation_arn TEXT NOT NULL,
            id TEXT NOT NULL,
            new_contact_ids BLOB NOT NULL,
            start_time INTEGER NOT NULL,
            end_time INTEGER NOT NULL,
            create_time INTEGER NOT NULL,
            UNIQUE (rotation_arn, id)
        );
        CREATE TABLE outbox (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            account TEXT NOT NULL,
            contact_channel_arn TEXT NOT NULL,
            contact_arn TEXT NOT NULL,
            channel_type TEXT NOT NULL,
            address TEXT NOT NULL,
            kind TEXT NOT NULL,
            code TEXT NOT NULL,
            page_arn TEXT,
            subject TEXT,
            body TEXT NOT NULL,
            time INTEGER NOT NULL
        );
        CREATE INDEX outbox_by_channel ON outbox(contact_channel_arn, seq);
        PRAGMA user_version = 2;
        """

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
