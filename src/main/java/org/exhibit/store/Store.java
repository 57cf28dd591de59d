package org.exhibit.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.exhibit.model.*;
import org.exhibit.output.JsonWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.*;
import java.time.Instant;
import java.util.*;

/**
 * The analysis records of a corpus over JDBC: one row per document (with its JSON edition), post, quote and
 * mention. SQLite by default, PostgreSQL for a shared store; both run the same SQL. Each document is written in
 * one transaction, so a killed ingest leaves either the whole old version or the whole new one.
 */
public final class Store implements AutoCloseable {
    private static final String[] TABLES = {"posts", "quotes", "mentions", "documents"};
    private final StoreTarget target;
    private final Connection c;

    private Store(StoreTarget target, Connection c) {
        this.target = target;
        this.c = c;
    }

    /** Opens (and with {@code create}, makes) the store and brings its schema up to date. */
    public static Store open(StoreTarget target, boolean create) throws StoreException { return open(target, create, true); }

    /** Opens an existing store without the checks and migrations of {@link #open}: for 'exhibit check' to look at damage. */
    public static Store openUnchecked(StoreTarget target) throws StoreException { return open(target, false, false); }

    private static Store open(StoreTarget target, boolean create, boolean checked) throws StoreException {
        Properties p = new Properties();
        p.putAll(target.properties());
        if (target.directory() != null) {
            if (!create && !Files.isRegularFile(target.directory().resolve(StoreTarget.SQLITE_FILE)))
                throw new StoreException(target.display() + ": no corpus here (run 'exhibit ingest --db " + target.directory() + " FILES' first)");
            try {
                Files.createDirectories(target.directory());
            } catch (IOException e) {
                throw new StoreException(target.display() + ": cannot create the corpus directory: " + e.getMessage());
            }
        }
        if (target.jdbcUrl().startsWith("jdbc:sqlite:")) {
            // WAL survives a killed process with every committed transaction; NORMAL sync is enough for that.
            p.setProperty("journal_mode", "WAL");
            p.setProperty("synchronous", "NORMAL");
            p.setProperty("busy_timeout", "30000");
        }
        try {
            Connection c = DriverManager.getConnection(target.jdbcUrl(), p);
            if (!checked) { c.setAutoCommit(false); return new Store(target, c); }
            if (target.jdbcUrl().startsWith("jdbc:sqlite:")) {
                List<String> problems;
                try {
                    problems = check(c, true);
                } catch (SQLException e) {
                    problems = List.of(firstLine(e));
                }
                if (!problems.isEmpty()) {
                    try { c.close(); } catch (SQLException ignored) { /* already failing */ }
                    throw new StoreException(damaged(target, problems));
                }
            }
            Migrations.apply(c);
            c.setAutoCommit(false);
            return new Store(target, c);
        } catch (SQLException e) {
            String m = firstLine(e);
            if (m.contains("SQLITE_CORRUPT") || m.contains("SQLITE_NOTADB") || m.contains("malformed"))
                throw new StoreException(damaged(target, List.of(m)));
            throw new StoreException(target.display() + ": cannot open the store: " + m);
        }
    }

    /**
     * SQLite's own consistency check: {@code quick_check} (what every open runs: pages, b-trees, no index contents)
     * or the full {@code integrity_check}. The problems it names, at most 20; empty when the file is sound, and for
     * PostgreSQL, which checks its own pages.
     */
    public List<String> check(boolean quick) throws SQLException {
        if (!target.jdbcUrl().startsWith("jdbc:sqlite:")) return List.of();
        List<String> l = check(c, quick);
        if (!c.getAutoCommit()) c.commit();
        return l;
    }

    private static List<String> check(Connection c, boolean quick) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (var st = c.createStatement(); var rs = st.executeQuery(quick ? "PRAGMA quick_check(20)" : "PRAGMA integrity_check(20)")) {
            while (rs.next()) {
                String r = rs.getString(1);
                if (r == null || r.equalsIgnoreCase("ok")) continue;
                for (String line : r.split("\n")) // one problem a line, without SQLite's "*** in database main ***"
                    if (!line.isBlank() && !line.strip().startsWith("***")) problems.add(line.strip());
            }
        }
        return problems;
    }

    /** The one-line message for a damaged store: what SQLite found and what to do. */
    static String damaged(StoreTarget target, List<String> problems) {
        String file = target.directory() != null ? target.directory().resolve(StoreTarget.SQLITE_FILE).toString() : target.display();
        return file + ": the store is damaged (SQLite: " + problems.get(0) + (problems.size() > 1 ? "; and " + (problems.size() - 1) + " more" : "")
                + "); 'exhibit check --db DIR' lists the damage; restore a backup, or move the file aside and ingest the threads again";
    }

    public StoreTarget target() { return target; }

    /** The connection, for queries this class does not offer. */
    public Connection connection() { return c; }

    /** The SHA-256 of the version stored for this path, or null. */
    public String sha256(String path) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT sha256 FROM documents WHERE path = ?")) {
            ps.setString(1, path);
            try (ResultSet rs = ps.executeQuery()) {
                String sha = rs.next() ? rs.getString(1) : null;
                c.commit();
                return sha;
            }
        }
    }

    /** Stores an analysed document, replacing any earlier version of its path; returns its sequence number. */
    public long put(Document doc, long bytes) throws SQLException { return put(doc, null, bytes); }

    /** Stores an analysed document from a board or site (null when unknown), replacing any earlier version. */
    public long put(Document doc, String board, long bytes) throws SQLException {
        String path = doc.source().path();
        try {
            // Taking the next seq first locks the counter row until commit: writers sharing a server store take
            // turns per document, so seq order is commit order and an index catching up misses nothing.
            long seq = nextSeq();
            for (String t : TABLES) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + t + " WHERE path = ?")) {
                    ps.setString(1, path);
                    ps.executeUpdate();
                }
            }
            for (String t : new String[]{"failures", "reuse"}) {
                // reuse found before no longer fits the new version's offsets; 'exhibit reuse --db' finds it again
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + t + " WHERE path = ?")) {
                    ps.setString(1, path);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO documents (path, sha256, format, bytes, seq, ingested_at, post_count, quote_count, edition, board) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
                ps.setString(1, path);
                ps.setString(2, doc.source().sha256());
                ps.setString(3, doc.source().format());
                ps.setLong(4, bytes);
                ps.setLong(5, seq);
                ps.setString(6, Instant.now().toString());
                ps.setInt(7, doc.posts().size());
                ps.setInt(8, doc.quotes().size());
                ps.setString(9, edition(doc));
                ps.setString(10, board);
                ps.executeUpdate();
            }
            insertPosts(doc, path);
            insertQuotes(doc, path);
            insertMentions(doc, path);
            c.commit();
            return seq;
        } catch (SQLException | RuntimeException | Error e) { // an Error too: the ingest goes on, so nothing half-stored may stay
            rollback(e);
            throw e;
        }
    }

    /** Serialises writers of a shared store for the rest of this transaction (the counter row's lock). */
    private void lock() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE checkpoints SET updated = ? WHERE name = 'documents'")) {
            ps.setString(1, Instant.now().toString());
            ps.executeUpdate();
        }
    }

    private long nextSeq() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE checkpoints SET seq = seq + 1, updated = '" + Instant.now() + "' WHERE name = 'documents'");
            try (ResultSet rs = s.executeQuery("SELECT seq FROM checkpoints WHERE name = 'documents'")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void insertPosts(Document doc, String path) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO posts (path, post_id, ord, author, published, reply_to, start_cp, end_cp, text, board_id, url) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            int ord = 0;
            for (Post p : doc.posts()) {
                ps.setString(1, path);
                ps.setString(2, p.id());
                ps.setInt(3, ord++);
                ps.setString(4, p.author());
                ps.setString(5, p.published());
                ps.setString(6, p.replyTo());
                ps.setInt(7, doc.codePoint(p.body().start()));
                ps.setInt(8, doc.codePoint(p.body().end()));
                ps.setString(9, doc.slice(p.body()));
                ps.setString(10, p.boardId());
                ps.setString(11, p.url());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void insertQuotes(Document doc, String path) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO quotes (path, quote_id, ord, post_id, parent_id, kind, marker, markup_name, speaker, speaker_entity, work_title, work_author, work_year, work_pages, source_post, start_cp, end_cp, text) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            int ord = 0;
            for (Quote q : doc.quotesInOrder()) {
                Speaker s = q.speaker();
                Work w = q.work();
                ps.setString(1, path);
                ps.setString(2, q.id());
                ps.setInt(3, ord++);
                ps.setString(4, q.post());
                ps.setString(5, q.parent());
                ps.setString(6, q.kind().json());
                ps.setString(7, q.marker().label());
                ps.setString(8, q.markupName());
                ps.setString(9, s == null ? null : s.name() != null ? s.name() : s.asWritten());
                ps.setString(10, s == null ? null : s.entity());
                ps.setString(11, w == null ? null : w.title());
                ps.setString(12, w == null ? null : w.author());
                if (w == null || w.year() == null) ps.setNull(13, Types.INTEGER); else ps.setInt(13, w.year());
                ps.setString(14, w == null ? null : w.pages());
                ps.setString(15, q.sourcePost());
                ps.setInt(16, doc.codePoint(q.span().start()));
                ps.setInt(17, doc.codePoint(q.span().end()));
                ps.setString(18, q.text(doc));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void insertMentions(Document doc, String path) throws SQLException {
        Map<String, Entity> entities = new HashMap<>();
        for (Entity e : doc.entities()) entities.put(e.id(), e);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO mentions (path, ord, entity, name, type, start_cp, end_cp) VALUES (?,?,?,?,?,?,?)")) {
            int ord = 0;
            for (Mention m : doc.mentions()) {
                Entity e = m.entity() == null ? null : entities.get(m.entity());
                ps.setString(1, path);
                ps.setInt(2, ord++);
                ps.setString(3, m.entity());
                ps.setString(4, e != null && e.name() != null ? e.name() : m.text());
                ps.setString(5, m.type() != null ? m.type().json() : e != null ? e.type().json() : "unknown");
                ps.setInt(6, doc.codePoint(m.span().start()));
                ps.setInt(7, doc.codePoint(m.span().end()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static String edition(Document doc) {
        try {
            return JsonWriter.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(JsonWriter.toJson(doc));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records a file that could not be read; what is stored for it stays. */
    public void failure(String path, String sha256, String message) throws SQLException {
        try {
            lock();
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM failures WHERE path = ?")) {
                ps.setString(1, path);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO failures (path, sha256, message, failed_at) VALUES (?,?,?,?)")) {
                ps.setString(1, path);
                ps.setString(2, sha256);
                ps.setString(3, message);
                ps.setString(4, Instant.now().toString());
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            rollback(e);
            throw e;
        }
    }

    /** The rows stored for a path, or null when nothing is. */
    public StoredDocument load(String path) throws SQLException {
        String sha, board;
        long seq;
        try (PreparedStatement ps = c.prepareStatement("SELECT sha256, seq, board FROM documents WHERE path = ?")) {
            ps.setString(1, path);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) { c.commit(); return null; }
                sha = rs.getString(1);
                seq = rs.getLong(2);
                board = rs.getString(3);
            }
        }
        List<StoredDocument.PostRow> posts = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT post_id, author, published, start_cp, end_cp, text, board_id, url FROM posts WHERE path = ? ORDER BY ord")) {
            ps.setString(1, path);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) posts.add(new StoredDocument.PostRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getString(6),
                        rs.getString(7), rs.getString(8)));
            }
        }
        List<StoredDocument.QuoteRow> quotes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT quote_id, post_id, kind, speaker, work_title, start_cp, end_cp, text FROM quotes WHERE path = ? ORDER BY ord")) {
            ps.setString(1, path);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) quotes.add(new StoredDocument.QuoteRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getString(8)));
            }
        }
        List<StoredDocument.MentionRow> mentions = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT entity, name, type, start_cp, end_cp FROM mentions WHERE path = ? ORDER BY ord")) {
            ps.setString(1, path);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) mentions.add(new StoredDocument.MentionRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5)));
            }
        }
        c.commit();
        return new StoredDocument(path, sha, seq, posts, quotes, mentions, board);
    }

    /** The JSON edition stored for a path, or null. */
    public String edition(String path) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT edition FROM documents WHERE path = ?")) {
            ps.setString(1, path);
            try (ResultSet rs = ps.executeQuery()) {
                String e = rs.next() ? rs.getString(1) : null;
                c.commit();
                return e;
            }
        }
    }

    /** A stored document version: its path and sequence number. */
    public record Change(String path, long seq) {}

    /** Documents whose stored version is newer than {@code seq}, oldest first: what an index at that checkpoint lacks. */
    public List<Change> changesAfter(long seq) throws SQLException {
        List<Change> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT path, seq FROM documents WHERE seq > ? ORDER BY seq")) {
            ps.setLong(1, seq);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new Change(rs.getString(1), rs.getLong(2)));
            }
        }
        c.commit();
        return out;
    }

    /** Paths whose stored version is newer than {@code seq}, oldest first. */
    public List<String> pathsAfter(long seq) throws SQLException {
        List<String> out = new ArrayList<>();
        for (Change ch : changesAfter(seq)) out.add(ch.path());
        return out;
    }

    /** Every stored path. */
    public List<String> paths() throws SQLException { return pathsAfter(Long.MIN_VALUE); }

    /** Records how far an index has committed (the index's own commit data is authoritative; this is for people). */
    public void checkpoint(String name, long seq) throws SQLException {
        try {
            lock();
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM checkpoints WHERE name = ?")) {
                ps.setString(1, name);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO checkpoints (name, seq, updated) VALUES (?,?,?)")) {
                ps.setString(1, name);
                ps.setLong(2, seq);
                ps.setString(3, Instant.now().toString());
                ps.executeUpdate();
            }
            c.commit();
        } catch (SQLException e) {
            rollback(e);
            throw e;
        }
    }

    public Stats stats(int top) throws SQLException { return stats(top, null); }

    /** Counts over the whole corpus, or over the documents of one board. */
    public Stats stats(int top, String board) throws SQLException {
        String d = board == null ? "" : " WHERE path IN (SELECT path FROM documents WHERE board = ?)";
        String and = board == null ? " WHERE " : d + " AND ";
        long docs = one("SELECT COUNT(*) FROM documents" + (board == null ? "" : " WHERE board = ?"), board);
        long bytes = one("SELECT COALESCE(SUM(bytes), 0) FROM documents" + (board == null ? "" : " WHERE board = ?"), board);
        long posts = one("SELECT COUNT(*) FROM posts" + d, board), quotes = one("SELECT COUNT(*) FROM quotes" + d, board);
        long failures = board == null ? one("SELECT COUNT(*) FROM failures", null) : 0;
        Map<String, Long> byKind = new LinkedHashMap<>();
        for (Stats.Count k : counts("SELECT kind, COUNT(*) FROM quotes" + d + " GROUP BY kind ORDER BY COUNT(*) DESC, kind", Integer.MAX_VALUE, board))
            byKind.put(k.name(), k.count());
        List<Stats.Count> speakers = counts("SELECT speaker, COUNT(*) FROM quotes" + and + "speaker IS NOT NULL GROUP BY speaker ORDER BY COUNT(*) DESC, speaker", top, board);
        List<Stats.Count> works = counts("SELECT work_title, COUNT(*) FROM quotes" + and + "work_title IS NOT NULL GROUP BY work_title ORDER BY COUNT(*) DESC, work_title", top, board);
        List<Stats.Count> authors = counts("SELECT author, COUNT(*) FROM posts" + and + "author IS NOT NULL GROUP BY author ORDER BY COUNT(*) DESC, author", top, board);
        c.commit();
        return new Stats(docs, bytes, posts, quotes, byKind, failures, speakers, works, authors);
    }

    /** Boards and their document counts, most documents first. */
    public List<Stats.Count> boards() throws SQLException {
        List<Stats.Count> out = counts("SELECT board, COUNT(*) FROM documents WHERE board IS NOT NULL GROUP BY board ORDER BY COUNT(*) DESC, board", Integer.MAX_VALUE, null);
        c.commit();
        return out;
    }

    private long one(String sql, String arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (arg != null) ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private List<Stats.Count> counts(String sql, int limit, String arg) throws SQLException {
        List<Stats.Count> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (arg != null) ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && out.size() < limit) out.add(new Stats.Count(rs.getString(1), rs.getLong(2)));
            }
        }
        return out;
    }

    /** A document as reuse needs it: its text (from the JSON edition) and its posts; null when not stored. */
    public Document document(String path) throws SQLException {
        String sha, format, text;
        // SQLite takes the text out of the edition itself, so the whole edition (about three times the text) is
        // neither copied into a Java string nor parsed here
        boolean sqlite = target.jdbcUrl().startsWith("jdbc:sqlite:");
        try (PreparedStatement ps = c.prepareStatement(sqlite ? "SELECT sha256, format, json_extract(edition, '$.text') FROM documents WHERE path = ?"
                : "SELECT sha256, format, edition FROM documents WHERE path = ?")) {
            ps.setString(1, path);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) { c.commit(); return null; }
                sha = rs.getString(1);
                format = rs.getString(2);
                text = sqlite ? rs.getString(3) : editionText(rs.getString(3));
            }
        }
        if (text == null) { c.commit(); return null; }
        int[] cpToChar = new int[text.codePointCount(0, text.length()) + 1];
        for (int cp = 0, ch = 0; cp < cpToChar.length; cp++) {
            cpToChar[cp] = ch;
            if (ch < text.length()) ch += Character.charCount(text.codePointAt(ch));
        }
        List<Post> posts = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT post_id, author, published, start_cp, end_cp, reply_to, board_id, url FROM posts WHERE path = ? ORDER BY ord")) {
            ps.setString(1, path);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int a = Math.min(rs.getInt(4), cpToChar.length - 1), b = Math.min(rs.getInt(5), cpToChar.length - 1);
                    posts.add(new Post(rs.getString(1), rs.getString(2), rs.getString(3), new Span(cpToChar[a], cpToChar[b]), null, rs.getString(6), rs.getString(7), rs.getString(8)));
                }
            }
        }
        c.commit();
        return new Document(new Source(path, format, sha), text, posts);
    }

    /** The "text" field of a JSON edition, read as a stream that stops there (it comes third, before the findings). */
    static String editionText(String edition) {
        try (com.fasterxml.jackson.core.JsonParser p = JsonWriter.mapper().getFactory().createParser(edition)) {
            if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) return null;
            while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("text")) return p.getValueAsString("");
                p.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /** One witness of a reuse cluster, as stored. */
    public record ReuseRow(long cluster, String path, String post, String published, int start, int end, String text, boolean earliest) {}

    /** Replaces every stored reuse cluster with these (each a list of witnesses): one transaction. */
    public void replaceReuse(List<List<ReuseRow>> clusters) throws SQLException {
        try {
            lock();
            try (Statement st = c.createStatement()) { st.executeUpdate("DELETE FROM reuse"); }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO reuse (cluster, ord, path, post_id, published, start_cp, end_cp, text, earliest) VALUES (?,?,?,?,?,?,?,?,?)")) {
                int batch = 0;
                for (List<ReuseRow> cl : clusters) {
                    int ord = 0;
                    for (ReuseRow r : cl) {
                        ps.setLong(1, r.cluster());
                        ps.setInt(2, ord++);
                        ps.setString(3, r.path());
                        ps.setString(4, r.post());
                        ps.setString(5, r.published());
                        ps.setInt(6, r.start());
                        ps.setInt(7, r.end());
                        ps.setString(8, r.text());
                        ps.setInt(9, r.earliest() ? 1 : 0);
                        ps.addBatch();
                        if (++batch % 1000 == 0) ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            rollback(e);
            throw e;
        }
    }

    /** A cluster that a post or quote takes part in: its id, how many witnesses, and its earliest dated one. */
    public record ReuseRef(long cluster, int witnesses, ReuseRow earliest) {}

    /**
     * The reuse clusters overlapping a post or quote (a quote when {@code quote} is given, else the post): what
     * search shows beside a hit.
     */
    public List<ReuseRef> reuseFor(String path, String post, String quote) throws SQLException {
        String sql = quote != null
                ? "SELECT DISTINCT r.cluster FROM reuse r JOIN quotes q ON q.path = r.path AND q.quote_id = ? WHERE r.path = ? AND r.start_cp < q.end_cp AND r.end_cp > q.start_cp ORDER BY r.cluster"
                : "SELECT DISTINCT r.cluster FROM reuse r WHERE r.post_id = ? AND r.path = ? ORDER BY r.cluster";
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, quote != null ? quote : post);
            ps.setString(2, path);
            try (ResultSet rs = ps.executeQuery()) { while (rs.next()) ids.add(rs.getLong(1)); }
        }
        List<ReuseRef> out = new ArrayList<>();
        for (long id : ids) {
            List<ReuseRow> rows = cluster(id);
            ReuseRow first = null;
            for (ReuseRow r : rows) if (r.earliest()) first = r;
            out.add(new ReuseRef(id, rows.size(), first));
        }
        c.commit();
        return out;
    }

    /** The witnesses of one stored cluster. */
    public List<ReuseRow> cluster(long id) throws SQLException {
        List<ReuseRow> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT cluster, path, post_id, published, start_cp, end_cp, text, earliest FROM reuse WHERE cluster = ? ORDER BY ord")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) rows.add(new ReuseRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getString(7), rs.getInt(8) != 0));
            }
        }
        return rows;
    }

    static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    /**
     * Rolls back after {@code failure} without hiding it: SQLite has often rolled back already (a full disk, an
     * I/O error), and "cannot rollback - no transaction is active" would replace the message that says why.
     */
    private void rollback(Throwable failure) {
        try {
            c.rollback();
        } catch (SQLException again) {
            failure.addSuppressed(again);
        }
    }

    @Override public void close() throws SQLException {
        try {
            c.rollback();
        } catch (SQLException none) {
            // nothing to roll back (SQLite ended the transaction itself after an error): closing is what matters
        } finally {
            c.close();
        }
    }
}
