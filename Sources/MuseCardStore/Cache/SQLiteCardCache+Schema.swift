import GRDB

extension SQLiteCardCache {
    /// Every schema version, in order; never edit a shipped migration, add a new one.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE cardholder (
                    profile TEXT NOT NULL, partner_id TEXT NOT NULL, user_id TEXT NOT NULL,
                    label TEXT, last_opened REAL,
                    PRIMARY KEY (profile, partner_id, user_id));
                CREATE TABLE card (
                    profile TEXT NOT NULL, partner_id TEXT NOT NULL, user_id TEXT NOT NULL, card_id TEXT NOT NULL,
                    record_json TEXT, fetched_at REAL, last_error TEXT, added_at REAL NOT NULL,
                    PRIMARY KEY (profile, partner_id, user_id, card_id));
                CREATE TABLE journal (
                    profile TEXT NOT NULL, partner_id TEXT NOT NULL, request_id TEXT NOT NULL,
                    kind TEXT NOT NULL, user_id TEXT NOT NULL, card_id TEXT, state TEXT NOT NULL,
                    parameters_json TEXT NOT NULL, detail TEXT, created_at REAL NOT NULL, updated_at REAL NOT NULL,
                    PRIMARY KEY (profile, partner_id, request_id));
                """)
        }
        // v2: when the last error happened, and a quick way to the pending journal.
        migrator.registerMigration("v2") { db in
            try db.execute(sql: """
                ALTER TABLE card ADD COLUMN last_error_at REAL;
                CREATE INDEX journal_pending ON journal (profile, partner_id, state, created_at);
                """)
        }
        // The cardholder index: what `/v1/carduser/query` said, to find a cardholder by xid, email, phone or name.
        migrator.registerMigration("cardholder-profile") { db in
            try db.execute(sql: """
                ALTER TABLE cardholder ADD COLUMN xid TEXT;
                ALTER TABLE cardholder ADD COLUMN first_name TEXT;
                ALTER TABLE cardholder ADD COLUMN last_name TEXT;
                ALTER TABLE cardholder ADD COLUMN email TEXT;
                ALTER TABLE cardholder ADD COLUMN phone TEXT;
                ALTER TABLE cardholder ADD COLUMN kyc_status TEXT;
                CREATE INDEX cardholder_xid ON cardholder (profile, partner_id, xid);
                """)
        }
        // A cardholder's cards in list order without sorting them all, so the first screenful
        // of a cardholder with thousands of cards is read without touching the rest.
        migrator.registerMigration("card-list-order") { db in
            try db.execute(sql: "CREATE INDEX card_list_order ON card (profile, partner_id, user_id, added_at)")
        }
        return migrator
    }
}
