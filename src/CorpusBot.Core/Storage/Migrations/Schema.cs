namespace CorpusBot.Core.Storage.Migrations;

/// <summary>
/// The schema, as an append-only list of migrations, sorted by version. Never edit a released step:
/// add a new one. The table schema_migrations records each step applied; <c>PRAGMA user_version</c>
/// holds the highest.
/// </summary>
public static class Schema
{
    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "corpus: documents, chunks, FTS5, embeddings, audit log", """
            CREATE TABLE documents (
                id           TEXT PRIMARY KEY,
                title        TEXT NOT NULL,
                source       TEXT,
                url          TEXT,
                published    TEXT,
                content_hash TEXT NOT NULL,
                text         TEXT NOT NULL,
                added_by     TEXT NOT NULL,
                added_at     TEXT NOT NULL
            ) STRICT;

            CREATE TABLE chunks (
                id           INTEGER PRIMARY KEY,
                document_id  TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                ordinal      INTEGER NOT NULL,
                start_offset INTEGER NOT NULL,
                end_offset   INTEGER NOT NULL,
                text         TEXT NOT NULL,
                UNIQUE (document_id, ordinal),
                CHECK (start_offset >= 0 AND end_offset > start_offset)
            ) STRICT;

            -- External-content FTS5 index over chunks, kept in sync by triggers.
            CREATE VIRTUAL TABLE chunks_fts USING fts5(
                text, content='chunks', content_rowid='id', tokenize='unicode61 remove_diacritics 2');

            -- Term statistics of the index (document frequency per term), for weighting question terms.
            CREATE VIRTUAL TABLE chunks_vocab USING fts5vocab(chunks_fts, 'row');

            CREATE TRIGGER chunks_ai AFTER INSERT ON chunks BEGIN
                INSERT INTO chunks_fts(rowid, text) VALUES (new.id, new.text);
            END;
            CREATE TRIGGER chunks_ad AFTER DELETE ON chunks BEGIN
                INSERT INTO chunks_fts(chunks_fts, rowid, text) VALUES ('delete', old.id, old.text);
            END;

            CREATE TABLE embeddings (
                chunk_id   INTEGER PRIMARY KEY REFERENCES chunks(id) ON DELETE CASCADE,
                model_id   TEXT NOT NULL,
                dimensions INTEGER NOT NULL,
                vector     BLOB NOT NULL
            ) STRICT;
            CREATE INDEX embeddings_model ON embeddings(model_id);

            CREATE TABLE audit_log (
                id          INTEGER PRIMARY KEY,
                at          TEXT NOT NULL,
                actor       TEXT NOT NULL,
                action      TEXT NOT NULL,
                document_id TEXT,
                detail      TEXT
            ) STRICT;
            """),
        new(2, "answer log, feedback and Telegram update journal", """
            CREATE TABLE answers (
                id            INTEGER PRIMARY KEY,
                asked_at      TEXT NOT NULL,
                channel       TEXT NOT NULL,
                chat_id       INTEGER,
                user_id       INTEGER,
                message_id    INTEGER,
                question      TEXT NOT NULL,
                refused       INTEGER NOT NULL,
                reason        TEXT,
                mode          TEXT NOT NULL,
                answer_text   TEXT NOT NULL,
                citations     TEXT NOT NULL,
                elapsed_ms    INTEGER NOT NULL,
                reported      INTEGER NOT NULL DEFAULT 0,
                review_status TEXT NOT NULL DEFAULT 'pending',
                reviewed_by   INTEGER,
                reviewed_at   TEXT
            ) STRICT;
            CREATE INDEX answers_review ON answers(review_status, reported, id);
            CREATE INDEX answers_refused ON answers(refused, id);

            CREATE TABLE feedback (
                answer_id INTEGER NOT NULL REFERENCES answers(id) ON DELETE CASCADE,
                user_id   INTEGER NOT NULL,
                kind      TEXT NOT NULL,
                at        TEXT NOT NULL,
                PRIMARY KEY (answer_id, user_id, kind)
            ) STRICT;

            CREATE TABLE telegram_updates (
                update_id   INTEGER PRIMARY KEY,
                received_at TEXT NOT NULL,
                payload     TEXT NOT NULL,
                status      TEXT NOT NULL DEFAULT 'received',
                handled_at  TEXT
            ) STRICT;
            """),
        new(3, "embeddings keyed by (chunk, model): a reindex writes the new model's vectors beside the old ones", """
            CREATE TABLE embeddings_v3 (
                chunk_id   INTEGER NOT NULL REFERENCES chunks(id) ON DELETE CASCADE,
                model_id   TEXT NOT NULL,
                dimensions INTEGER NOT NULL,
                vector     BLOB NOT NULL,
                PRIMARY KEY (chunk_id, model_id),
                CHECK (dimensions > 0 AND length(vector) = 4 * dimensions)
            ) STRICT;
            INSERT INTO embeddings_v3 (chunk_id, model_id, dimensions, vector)
                SELECT chunk_id, model_id, dimensions, vector FROM embeddings;
            DROP TABLE embeddings;
            ALTER TABLE embeddings_v3 RENAME TO embeddings;
            CREATE INDEX embeddings_model ON embeddings(model_id, chunk_id);
            """),
        new(4, "Telegram: the bot's reply messages per answer; pending updates", """
            CREATE TABLE telegram_replies (
                answer_id  INTEGER NOT NULL REFERENCES answers(id) ON DELETE CASCADE,
                chat_id    INTEGER NOT NULL,
                message_id INTEGER NOT NULL,
                PRIMARY KEY (chat_id, message_id)
            ) STRICT;
            CREATE INDEX telegram_replies_answer ON telegram_replies(answer_id);
            CREATE INDEX telegram_updates_pending ON telegram_updates(update_id) WHERE status = 'received';
            """),
        new(5, "Telegram: durable queue of answer withdrawals; update journal pruned by age", """
            CREATE TABLE IF NOT EXISTS telegram_withdrawals (
                chat_id    INTEGER NOT NULL,
                message_id INTEGER NOT NULL,
                answer_id  INTEGER NOT NULL,
                attempts   INTEGER NOT NULL DEFAULT 0,
                due_at     TEXT NOT NULL,
                last_error TEXT,
                PRIMARY KEY (chat_id, message_id)
            ) STRICT;
            CREATE INDEX IF NOT EXISTS telegram_withdrawals_due ON telegram_withdrawals(due_at);
            CREATE INDEX IF NOT EXISTS telegram_updates_received ON telegram_updates(received_at);
            """, Repeatable: true),
        new(6, "documents: author, and where each page of a PDF starts (for page numbers in citations)", """
            ALTER TABLE documents ADD COLUMN author TEXT;
            ALTER TABLE documents ADD COLUMN page_starts TEXT; -- JSON array of offsets, page 1 first; NULL when not paged
            """),
        new(7, "conversations: the last question per chat and person, for follow-ups", """
            CREATE TABLE conversations (
                chat_id  INTEGER NOT NULL,
                user_id  INTEGER NOT NULL,
                question TEXT NOT NULL,
                asked_at TEXT NOT NULL,
                PRIMARY KEY (chat_id, user_id)
            ) STRICT;
            """),
        new(8, "web console: one-time sign-in links, sessions, data-protection keys, gap decisions; answer notices", """
            CREATE TABLE console_links (
                token_hash TEXT PRIMARY KEY,
                user_id    INTEGER NOT NULL,
                created_at TEXT NOT NULL,
                expires_at TEXT NOT NULL,
                used_at    TEXT
            ) STRICT;
            CREATE TABLE console_sessions (
                id_hash    TEXT PRIMARY KEY,
                user_id    INTEGER NOT NULL,
                created_at TEXT NOT NULL,
                expires_at TEXT NOT NULL
            ) STRICT;
            CREATE INDEX console_sessions_user ON console_sessions(user_id);
            CREATE TABLE console_keys (
                name TEXT PRIMARY KEY,
                xml  TEXT NOT NULL
            ) STRICT;
            CREATE TABLE gap_marks (
                wording   TEXT PRIMARY KEY,
                status    TEXT NOT NULL CHECK (status IN ('add_source', 'out_of_scope')),
                marked_by INTEGER NOT NULL,
                marked_at TEXT NOT NULL
            ) STRICT;
            ALTER TABLE answers ADD COLUMN notice TEXT;
            """),
        new(9, "a counter of changes to the embeddings, so an in-memory vector index can tell it is behind the file", """
            CREATE TABLE embeddings_generation (
                id    INTEGER PRIMARY KEY CHECK (id = 0),
                value INTEGER NOT NULL
            ) STRICT;
            INSERT INTO embeddings_generation (id, value) VALUES (0, 0);
            CREATE TRIGGER embeddings_generation_ai AFTER INSERT ON embeddings BEGIN
                UPDATE embeddings_generation SET value = value + 1 WHERE id = 0;
            END;
            CREATE TRIGGER embeddings_generation_ad AFTER DELETE ON embeddings BEGIN
                UPDATE embeddings_generation SET value = value + 1 WHERE id = 0;
            END;
            CREATE TRIGGER embeddings_generation_au AFTER UPDATE ON embeddings BEGIN
                UPDATE embeddings_generation SET value = value + 1 WHERE id = 0;
            END;
            """),
        new(10, "compact storage: contentless full-text index, passage text only in its document, vectors as float16 with one index", """
            -- Full text without a second copy of the text: contentless, rows deleted by rowid.
            CREATE VIRTUAL TABLE chunks_fts_v10 USING fts5(
                text, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');
            INSERT INTO chunks_fts_v10 (rowid, text) SELECT id, text FROM chunks;
            DROP TRIGGER chunks_ai;
            DROP TRIGGER chunks_ad;
            DROP TABLE chunks_vocab;
            DROP TABLE chunks_fts;
            ALTER TABLE chunks_fts_v10 RENAME TO chunks_fts;
            CREATE VIRTUAL TABLE chunks_vocab USING fts5vocab(chunks_fts, 'row');
            CREATE TRIGGER chunks_ad AFTER DELETE ON chunks BEGIN
                DELETE FROM chunks_fts WHERE rowid = old.id;
            END;

            -- A passage is its document's text between its offsets: the text is not stored twice.
            ALTER TABLE chunks DROP COLUMN text;

            -- Vectors: float16 from now on (float32 rows written before still read), one index instead of two.
            CREATE TABLE embeddings_v10 (
                chunk_id   INTEGER NOT NULL REFERENCES chunks(id) ON DELETE CASCADE,
                model_id   TEXT NOT NULL,
                dimensions INTEGER NOT NULL,
                vector     BLOB NOT NULL,
                UNIQUE (chunk_id, model_id),
                CHECK (dimensions > 0 AND length(vector) IN (2 * dimensions, 4 * dimensions))
            ) STRICT;
            INSERT INTO embeddings_v10 (chunk_id, model_id, dimensions, vector)
                SELECT chunk_id, model_id, dimensions, vector FROM embeddings;
            DROP TABLE embeddings;
            ALTER TABLE embeddings_v10 RENAME TO embeddings;
            CREATE TRIGGER embeddings_generation_ai AFTER INSERT ON embeddings BEGIN
                UPDATE embeddings_generation SET value = value + 1 WHERE id = 0;
            END;
            CREATE TRIGGER embeddings_generation_ad AFTER DELETE ON embeddings BEGIN
                UPDATE embeddings_generation SET value = value + 1 WHERE id = 0;
            END;
            CREATE TRIGGER embeddings_generation_au AFTER UPDATE ON embeddings BEGIN
                UPDATE embeddings_generation SET value = value + 1 WHERE id = 0;
            END;
            UPDATE embeddings_generation SET value = value + 1 WHERE id = 0;
            """),
        new(11, "feeds: followed feeds, the entries seen in each, and documents from URLs with their conditional-GET state", """
            CREATE TABLE feeds (
                id            INTEGER PRIMARY KEY,
                url           TEXT NOT NULL UNIQUE,
                title         TEXT,
                added_by      TEXT NOT NULL,
                added_at      TEXT NOT NULL,
                etag          TEXT,
                last_modified TEXT,
                checked_at    TEXT,
                next_check_at TEXT,
                failures      INTEGER NOT NULL DEFAULT 0,
                last_error    TEXT,
                items         INTEGER NOT NULL DEFAULT 0
            ) STRICT;

            CREATE TABLE feed_items (
                feed_id     INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
                item_key    TEXT NOT NULL,
                url         TEXT,
                document_id TEXT,   -- NULL until stored; no foreign key: the document may be removed and the entry stays seen
                seen_at     TEXT NOT NULL,
                attempts    INTEGER NOT NULL DEFAULT 0,
                error       TEXT,
                PRIMARY KEY (feed_id, item_key)
            ) STRICT;

            -- No foreign key to documents: an update in place deletes and re-inserts the document row.
            CREATE TABLE document_sources (
                document_id   TEXT PRIMARY KEY,
                url           TEXT NOT NULL,
                actor         TEXT NOT NULL,  -- whom re-check updates are audited under: the feed's name, or "refresh"
                etag          TEXT,
                last_modified TEXT,
                checked_at    TEXT NOT NULL,
                last_error    TEXT
            ) STRICT;
            CREATE INDEX document_sources_checked ON document_sources(checked_at);
            """),
        new(12, "Telegram: review cards tracked per answer; the edit queue also re-renders them when a decision is made", """
            CREATE TABLE review_cards (
                chat_id    INTEGER NOT NULL,
                message_id INTEGER NOT NULL,
                answer_id  INTEGER NOT NULL REFERENCES answers(id) ON DELETE CASCADE,
                PRIMARY KEY (chat_id, message_id)
            ) STRICT;
            CREATE INDEX review_cards_answer ON review_cards(answer_id);
            -- 'withdraw': the asker's message becomes the withdrawal notice; 'card': a review card shows the decision, buttons gone.
            ALTER TABLE telegram_withdrawals ADD COLUMN kind TEXT NOT NULL DEFAULT 'withdraw' CHECK (kind IN ('withdraw', 'card'));
            """),
        new(13, "vectors as int8 codes with one scale each (a quarter of float32); float16 and float32 rows of earlier versions still read", """
            -- A row with a scale holds one int8 code a dimension; without, float16 (2 bytes) or float32 (4 bytes) as before.
            CREATE TABLE embeddings_v13 (
                chunk_id   INTEGER NOT NULL REFERENCES chunks(id) ON DELETE CASCADE,
                model_id   TEXT NOT NULL,
                dimensions INTEGER NOT NULL,
                vector     BLOB NOT NULL,
                scale      REAL,
                UNIQUE (chunk_id, model_id),
                CHECK (dimensions > 0 AND (
                    (scale IS NOT NULL AND length(vector) = dimensions)
                    OR (scale IS NULL AND length(vector) IN (2 * dimensions, 4 * dimensions))))
            ) STRICT;
            INSERT INTO embeddings_v13 (chunk_id, model_id, dimensions, vector)
                SELECT chunk_id, model_id, dimensions, vector FROM embeddings ORDER BY chunk_id, model_id;
            DROP TABLE embeddings;
            ALTER TABLE embeddings_v13 RENAME TO embeddings;
            CREATE TRIGGER embeddings_generation_ai AFTER INSERT ON embeddings BEGIN
                UPDATE embeddings_generation SET value = value + 1 WHERE id = 0;
            END;
            CREATE TRIGGER embeddings_generation_ad AFTER DELETE ON embeddings BEGIN
                UPDATE embeddings_generation SET value = value + 1 WHERE id = 0;
            END;
            CREATE TRIGGER embeddings_generation_au AFTER UPDATE ON embeddings BEGIN
                UPDATE embeddings_generation SET value = value + 1 WHERE id = 0;
            END;
            UPDATE embeddings_generation SET value = value + 1 WHERE id = 0;
            """),
        new(15, "answers keep the short answer shown first (JSON; null when none), so review shows what the asker saw", """
            ALTER TABLE answers ADD COLUMN short_answers TEXT;
            """),
];
}
