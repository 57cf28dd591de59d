-- The board or site a document comes from (ingest --board, or the site named by an HTML page), for filters.
ALTER TABLE documents ADD COLUMN board TEXT;
CREATE INDEX documents_board ON documents (board);

-- Passages shared between documents (exhibit reuse --db): one row per witness of a cluster. Offsets are code
-- points into the document's text; earliest marks the cluster's earliest dated witness.
CREATE TABLE reuse (
    cluster   INTEGER NOT NULL,
    ord       INTEGER NOT NULL,
    path      TEXT NOT NULL,
    post_id   TEXT,
    published TEXT,
    start_cp  INTEGER NOT NULL,
    end_cp    INTEGER NOT NULL,
    text      TEXT NOT NULL,
    earliest  INTEGER NOT NULL,
    PRIMARY KEY (cluster, ord)
);
CREATE INDEX reuse_path ON reuse (path);
