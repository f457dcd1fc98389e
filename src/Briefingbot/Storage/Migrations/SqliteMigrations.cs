namespace Briefingbot.Storage.Migrations;

/// <summary>
/// The SQLite schema, as versioned migrations. Keep in step with <see cref="PostgresMigrations"/>: same tables, same
/// columns, same version numbers; only the types differ (timestamps/dates/times as ISO text, booleans as 0/1).
/// Never edit an applied migration: add the next version.
/// </summary>
/// <remarks>
/// Quartz.NET's persistent store lives in the same database file, in its own QRTZ_ tables. They are not migrations
/// of ours: Quartz creates them at start from its own scripts (<c>ProvisionSchema()</c> in
/// <c>BriefingsServiceCollectionExtensions.AddBriefingScheduler</c>).
/// </remarks>
public static class SqliteMigrations
{
    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "initial schema", """
            CREATE TABLE store_counters (
                name TEXT PRIMARY KEY,
                value INTEGER NOT NULL
            );
            INSERT INTO store_counters (name, value) VALUES ('letter_version', 0);

            CREATE TABLE conversation_references (
                conversation_id TEXT PRIMARY KEY,
                channel_id TEXT,
                service_url TEXT,
                tenant_id TEXT,
                bot_id TEXT,
                reference_json TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );

            CREATE TABLE admins (
                aad_object_id TEXT PRIMARY KEY,
                name TEXT,
                added_by TEXT NOT NULL,
                added_at TEXT NOT NULL
            );

            CREATE TABLE audit_log (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                occurred_at TEXT NOT NULL,
                actor_aad_object_id TEXT NOT NULL,
                actor_name TEXT,
                action TEXT NOT NULL,
                details TEXT NOT NULL
            );

            CREATE TABLE topics (
                name TEXT PRIMARY KEY,
                query TEXT NOT NULL,
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );

            CREATE TABLE subscriptions (
                conversation_id TEXT PRIMARY KEY,
                tenant_id TEXT,
                topics TEXT NOT NULL,
                day_of_week INTEGER NOT NULL CHECK (day_of_week BETWEEN 0 AND 6),
                time_of_day TEXT NOT NULL,
                time_zone TEXT NOT NULL,
                status TEXT NOT NULL,
                status_reason TEXT,
                created_by TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );
            CREATE INDEX ix_subscriptions_status ON subscriptions (status);

            CREATE TABLE deliveries (
                conversation_id TEXT NOT NULL,
                period_key TEXT NOT NULL,
                state TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                claimed_by TEXT,
                claimed_at TEXT NOT NULL,
                completed_at TEXT,
                activity_id TEXT,
                error TEXT,
                PRIMARY KEY (conversation_id, period_key)
            );
            CREATE INDEX ix_deliveries_state ON deliveries (state, claimed_at);

            CREATE TABLE promises (
                number INTEGER PRIMARY KEY AUTOINCREMENT,
                promise_key TEXT NOT NULL UNIQUE,
                letter_id TEXT NOT NULL,
                sentence TEXT NOT NULL,
                start_offset INTEGER NOT NULL,
                end_offset INTEGER NOT NULL,
                actor TEXT,
                what TEXT NOT NULL,
                deadline_phrase TEXT,
                due_date TEXT,
                confidence REAL NOT NULL,
                letter_date TEXT,
                status TEXT NOT NULL,
                fulfilled_by TEXT,
                admin_changed INTEGER NOT NULL DEFAULT 0,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );
            CREATE INDEX ix_promises_letter ON promises (letter_id);

            CREATE TABLE promise_status_history (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                number INTEGER NOT NULL REFERENCES promises (number) ON DELETE CASCADE,
                status TEXT NOT NULL,
                link TEXT,
                changed_by TEXT NOT NULL,
                changed_at TEXT NOT NULL
            );
            CREATE INDEX ix_promise_status_history_number ON promise_status_history (number, id);

            CREATE TABLE meetings (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                meeting_key TEXT NOT NULL UNIQUE,
                type TEXT NOT NULL,
                start_date TEXT NOT NULL,
                end_date TEXT NOT NULL,
                location TEXT,
                title TEXT,
                origin TEXT NOT NULL,
                cancelled INTEGER NOT NULL DEFAULT 0,
                admin_locked INTEGER NOT NULL DEFAULT 0,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );
            CREATE INDEX ix_meetings_start ON meetings (start_date);

            CREATE TABLE meeting_sources (
                meeting_id INTEGER NOT NULL REFERENCES meetings (id) ON DELETE CASCADE,
                letter_id TEXT NOT NULL,
                mention_text TEXT NOT NULL,
                start_offset INTEGER NOT NULL,
                end_offset INTEGER NOT NULL,
                is_after_letter INTEGER,
                PRIMARY KEY (meeting_id, letter_id)
            );
            CREATE INDEX ix_meeting_sources_letter ON meeting_sources (letter_id);

            CREATE TABLE letters (
                source_file TEXT PRIMARY KEY,
                content_hash TEXT NOT NULL,
                raw_text TEXT NOT NULL,
                version INTEGER NOT NULL UNIQUE,
                deleted INTEGER NOT NULL DEFAULT 0,
                updated_at TEXT NOT NULL
            );
            """),
        new(2, "conversation state", """
            CREATE TABLE conversation_state (
                conversation_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                value TEXT NOT NULL,
                expires_at TEXT NOT NULL,
                PRIMARY KEY (conversation_id, kind)
            );
            CREATE INDEX ix_conversation_state_expires ON conversation_state (expires_at);
            """),
        new(3, "delivery fencing, parts, retry and period in the ledger", """
            ALTER TABLE deliveries ADD COLUMN parts_sent INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE deliveries ADD COLUMN retry_at TEXT;
            ALTER TABLE deliveries ADD COLUMN period_end TEXT;
            CREATE INDEX ix_deliveries_due ON deliveries (state, claimed_at, retry_at);
            """),
        new(4, "live sources (Tweede Kamer open data)", """
            CREATE TABLE source_cursors (
                category TEXT PRIMARY KEY,
                skiptoken TEXT,
                entries INTEGER NOT NULL DEFAULT 0,
                caught_up_at TEXT,
                updated_at TEXT NOT NULL
            );

            CREATE TABLE source_dossiers (
                id TEXT PRIMARY KEY,
                nummer TEXT,
                toevoeging TEXT,
                titel TEXT,
                deleted INTEGER NOT NULL DEFAULT FALSE,
                updated_at TEXT NOT NULL
            );

            CREATE TABLE source_documents (
                id TEXT PRIMARY KEY,
                document_nummer TEXT,
                soort TEXT,
                titel TEXT,
                datum TEXT,
                dossier_id TEXT,
                volgnummer TEXT,
                content_type TEXT,
                state TEXT NOT NULL,
                failure TEXT,
                attempts INTEGER NOT NULL DEFAULT 0,
                letter_file TEXT,
                text_format TEXT,
                updated_at TEXT NOT NULL
            );
            CREATE INDEX ix_source_documents_state ON source_documents (state);

            CREATE TABLE source_files (
                document_id TEXT PRIMARY KEY,
                content_type TEXT,
                origin TEXT NOT NULL,
                content BLOB NOT NULL,
                fetched_at TEXT NOT NULL
            );

            CREATE TABLE source_promises (
                id TEXT PRIMARY KEY,
                nummer TEXT,
                tekst TEXT,
                naam TEXT,
                functie TEXT,
                ministerie TEXT,
                status TEXT,
                aanmaakdatum TEXT,
                datum_nakoming TEXT,
                kamerbrief_nakoming TEXT,
                activiteit_id TEXT,
                deleted INTEGER NOT NULL DEFAULT FALSE,
                updated_at TEXT NOT NULL
            );

            CREATE TABLE source_activities (
                id TEXT PRIMARY KEY,
                nummer TEXT,
                soort TEXT,
                onderwerp TEXT,
                datum TEXT,
                aanvangstijd TEXT,
                eindtijd TEXT,
                status TEXT,
                voortouwnaam TEXT,
                meeting_key TEXT,
                deleted INTEGER NOT NULL DEFAULT FALSE,
                updated_at TEXT NOT NULL
            );

            CREATE TABLE source_runs (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                source TEXT NOT NULL,
                started_at TEXT NOT NULL,
                finished_at TEXT,
                outcome TEXT NOT NULL,
                entries INTEGER NOT NULL DEFAULT 0,
                letters INTEGER NOT NULL DEFAULT 0,
                failures INTEGER NOT NULL DEFAULT 0,
                summary TEXT,
                error TEXT
            );
            CREATE INDEX ix_source_runs_started ON source_runs (started_at);
            """),
        // Version 5: new letters (issue 18 item 5, issue 14 item 11). When a letter first entered the corpus, which
        // conversations asked for an alert within the hour (abonneer direct), and the alert ledger (one alert per
        // letter per conversation: claimed before sending, marked sent after, fenced by the claim token).
        new(5, "letter arrivals and instant alerts", """
            CREATE TABLE letter_arrivals (
                letter_id TEXT PRIMARY KEY,
                first_seen_at TEXT NOT NULL,
                letter_date TEXT,
                back_catalogue INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX ix_letter_arrivals_first_seen ON letter_arrivals (first_seen_at);

            CREATE TABLE instant_alert_subscriptions (
                conversation_id TEXT PRIMARY KEY,
                enabled_at TEXT NOT NULL,
                enabled_by TEXT NOT NULL
            );

            CREATE TABLE letter_alerts (
                conversation_id TEXT NOT NULL,
                letter_id TEXT NOT NULL,
                state TEXT NOT NULL,
                attempts INTEGER NOT NULL,
                claim_token TEXT NOT NULL,
                claimed_at TEXT NOT NULL,
                completed_at TEXT,
                activity_id TEXT,
                error TEXT,
                PRIMARY KEY (conversation_id, letter_id)
            );
            CREATE INDEX ix_letter_alerts_state ON letter_alerts (state, claimed_at);
            """),
        // Version 7 (issue 15): meetings beyond EU Councils and dates less precise than a day. kind NULL = derived from
        // type (rows written before this version); date_precision day | month | inferred; date_source marks inferred
        // dates (e.g. the table of NATO summits).
        new(7, "meeting kind and date precision", """
            ALTER TABLE meetings ADD COLUMN kind TEXT;
            ALTER TABLE meetings ADD COLUMN date_precision TEXT NOT NULL DEFAULT 'day';
            ALTER TABLE meetings ADD COLUMN date_source TEXT;
            """),
        // Version 8 (issue 14 item 13): the display name last seen for each user (from.name of their activities), so
        // admin lists and promise histories show "Alex Wilber" instead of an Entra object id. user_id is the id as the
        // audit log and the promise history record it (aadObjectId, else the channel's user id), trimmed and lower
        // case. Seeded with the names the audit log and the admins table already hold.
        new(8, "user names", """
            CREATE TABLE user_names (
                user_id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );
            INSERT INTO user_names (user_id, name, updated_at)
            SELECT lower(trim(a.actor_aad_object_id)), trim(a.actor_name), a.occurred_at
            FROM audit_log a
            JOIN (SELECT MAX(id) AS id FROM audit_log WHERE actor_name IS NOT NULL AND trim(actor_name) <> ''
                  GROUP BY lower(trim(actor_aad_object_id))) latest ON latest.id = a.id
            WHERE true
            ON CONFLICT (user_id) DO NOTHING;
            INSERT INTO user_names (user_id, name, updated_at)
            SELECT lower(trim(aad_object_id)), trim(name), added_at
            FROM admins
            WHERE name IS NOT NULL AND trim(name) <> ''
            ON CONFLICT (user_id) DO NOTHING;
            """),
        // Version 9 (issue 16): the parts of a multi-part briefing as first rendered (JSON array of activities), kept
        // from the first part sent until the row is Sent, so a retry sends the remaining parts of that same rendering.
        new(9, "rendered parts of a delivery", """
            ALTER TABLE deliveries ADD COLUMN parts_json TEXT;
            """),
        // Version 10: the Teams team of a channel's subscription (channelData.team.id when it was made or changed), so
        // removing the bot from a team turns off every channel's subscription, not only the General channel's.
        new(10, "team of a subscription", """
            ALTER TABLE subscriptions ADD COLUMN team_id TEXT;
            CREATE INDEX ix_subscriptions_team ON subscriptions (team_id);
            """),
        // Version 11: a meeting an admin moved to another date points to its new row, so the letters that prepare it
        // (which name the old date, also after re-extraction) still count as the new meeting's.
        new(11, "moved meetings", """
            ALTER TABLE meetings ADD COLUMN moved_to INTEGER;
            CREATE INDEX ix_meetings_moved_to ON meetings (moved_to);
            """),
        // Version 12: the indexes this database's stores were fed from (LetterIngestor tells a new or replaced database
        // about every letter of an index it does not know: the ingest skips unchanged letters, so it would never hear).
        new(12, "index feeds", """
            CREATE TABLE index_feeds (
                index_id TEXT PRIMARY KEY,
                fed_at TEXT NOT NULL
            );
            """),
    ];
}
