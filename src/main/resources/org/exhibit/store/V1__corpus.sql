-- The corpus schema, written in the SQL that SQLite and PostgreSQL share. Offsets are code points, as in JSON.
-- A document is one file version: its path holds one current version; seq orders versions for the index.
CREATE TABLE documents (
    path        TEXT NOT NULL PRIMARY KEY,
    sha256      TEXT NOT NULL,
    format      TEXT NOT NULL,
    bytes       BIGINT NOT NULL,
    seq         BIGINT NOT NULL,
    ingested_at TEXT NOT NULL,
    post_count  INTEGER NOT NULL,
    quote_count INTEGER NOT NULL,
    edition     TEXT NOT NULL
);
CREATE UNIQUE INDEX documents_sha_path ON documents (sha256, path);
CREATE INDEX documents_seq ON documents (seq);

CREATE TABLE posts (
    path      TEXT NOT NULL,
    post_id   TEXT NOT NULL,
    ord       INTEGER NOT NULL,
    author    TEXT,
    published TEXT,
    reply_to  TEXT,
    start_cp  INTEGER NOT NULL,
    end_cp    INTEGER NOT NULL,
    text      TEXT NOT NULL,
    PRIMARY KEY (path, post_id)
);
CREATE INDEX posts_author ON posts (author);
CREATE INDEX posts_published ON posts (published);

CREATE TABLE quotes (
    path           TEXT NOT NULL,
    quote_id       TEXT NOT NULL,
    ord            INTEGER NOT NULL,
    post_id        TEXT,
    parent_id      TEXT,
    kind           TEXT NOT NULL,
    marker         TEXT NOT NULL,
    markup_name    TEXT,
    speaker        TEXT,
    speaker_entity TEXT,
    work_title     TEXT,
    work_author    TEXT,
    work_year      INTEGER,
    work_pages     TEXT,
    source_post    TEXT,
    start_cp       INTEGER NOT NULL,
    end_cp         INTEGER NOT NULL,
    text           TEXT NOT NULL,
    PRIMARY KEY (path, quote_id)
);
CREATE INDEX quotes_speaker ON quotes (speaker);
CREATE INDEX quotes_work ON quotes (work_title);
CREATE INDEX quotes_kind ON quotes (kind);

-- People, places and organisations named in the text, for "mentions X" filters.
CREATE TABLE mentions (
    path     TEXT NOT NULL,
    ord      INTEGER NOT NULL,
    entity   TEXT,
    name     TEXT NOT NULL,
    type     TEXT NOT NULL,
    start_cp INTEGER NOT NULL,
    end_cp   INTEGER NOT NULL,
    PRIMARY KEY (path, ord)
);
CREATE INDEX mentions_name ON mentions (name);

-- Files that could not be read, so stats and reruns can report them; cleared when the file is stored.
CREATE TABLE failures (
    path    TEXT NOT NULL PRIMARY KEY,
    sha256  TEXT,
    message TEXT NOT NULL,
    failed_at TEXT NOT NULL
);

-- Progress markers: the last document seq each full-text index has committed, and ingest runs.
CREATE TABLE checkpoints (
    name    TEXT NOT NULL PRIMARY KEY,
    seq     BIGINT NOT NULL,
    updated TEXT NOT NULL
);
-- 'documents' counts every stored version, so a replaced file always gets a seq above anything indexed before.
INSERT INTO checkpoints (name, seq, updated) VALUES ('documents', 0, '');
