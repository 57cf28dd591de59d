package org.exhibit.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.exhibit.index.Search;
import org.exhibit.output.JsonWriter;
import org.exhibit.read.Readers;
import org.exhibit.store.Store;
import org.exhibit.store.StoreException;
import org.exhibit.store.StoreTarget;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A corpus made by {@code exhibit ingest}, read-only for the web view: its documents as threads (id {@code c-} and
 * the start of the SHA-256 of the stored path), search over its index, quotes by person and by work, and the reuse
 * clusters its editions record. Every lookup goes through a map or an SQL parameter. Searches run side by side
 * (Lucene's searcher is shared by threads), and SQL lookups take one of a few read connections
 * ({@link #READERS}; SQLite in WAL mode lets readers run together), so concurrent requests do not queue on one
 * connection.
 */
public final class CorpusView implements AutoCloseable {
    static final int LIMIT = 500;
    /** Read connections to the store: requests beyond this wait for one. */
    static final int READERS = 4;

    public record Doc(String id, String path, String format, int posts, int quotes) {}
    public record Count(String key, String name, long count) {}
    public record QuoteRow(String thread, String quote, int ord, String kind, String speaker, String work, String author,
                           String published, String text, String role) {
        String url() { return "/threads/" + thread + "#q-" + ord; }
    }
    public record Cluster(String kind, Double similarity, List<ClusterPart> parts) {}

    /** A page of a long list: numbered from 1, {@code size} rows each (at most {@link #LIMIT}). */
    public record Page(int number, int size) {
        public static final int DEFAULT_SIZE = 100;
        public static final Page FIRST = new Page(1, LIMIT);

        public Page {
            number = Math.max(1, number);
            size = Math.max(1, Math.min(LIMIT, size));
        }

        public int offset() { return (int) Math.min(Integer.MAX_VALUE, (long) (number - 1) * size); }

        /** From {@code ?page=N&per=M}; anything unreadable is the first page of the default size. */
        static Page of(Map<String, String> q) { return new Page(number(q.get("page"), 1), number(q.get("per"), DEFAULT_SIZE)); }

        private static int number(String s, int dflt) {
            try { return s == null ? dflt : Integer.parseInt(s.strip()); } catch (NumberFormatException e) { return dflt; }
        }
    }

    /** The rows of one page and how many there are in all. */
    public record Slice<T>(List<T> items, long total, Page page) {
        public boolean hasNext() { return (long) page.offset() + items.size() < total; }
        public long pages() { return Math.max(1, (total + page.size() - 1) / page.size()); }

        static <T> Slice<T> of(List<T> all, Page page) {
            int from = Math.min(all.size(), page.offset()), to = Math.min(all.size(), from + page.size());
            return new Slice<>(List.copyOf(all.subList(from, to)), all.size(), page);
        }
    }
    public record ClusterPart(String thread, String name, String post, String quote, String anchor, String text) {}

    private final Store store;
    private final java.util.concurrent.BlockingQueue<Store> readers = new java.util.concurrent.LinkedBlockingQueue<>();
    private final List<Store> opened = new ArrayList<>();
    private final Search search;
    private final Path indexDir;
    private final Map<String, String> idToPath = new java.util.concurrent.ConcurrentHashMap<>(), pathToId = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Doc> docs = new java.util.concurrent.CopyOnWriteArrayList<>();
    private List<Cluster> clusters;
    // the grouped lists are computed once and then paged; an upload added to the corpus clears them
    private List<Count> people, works;
    /** Writes uploads into the corpus: opened at the first one (it holds the index's write lock from then on). */
    private org.exhibit.index.Corpus writer;
    /**
     * Uploads are added one at a time on this thread, outside the upload's own time budget: a request that runs out
     * of time is interrupted, and an interrupt in the middle of an index write would close the index under it.
     */
    private final java.util.concurrent.ExecutorService writes = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "exhibit-corpus-writer");
        t.setDaemon(true);
        return t;
    });

    private CorpusView(Store store, Search search, Path indexDir) {
        this.store = store;
        this.search = search;
        this.indexDir = indexDir;
    }

    /** Whether a directory holds a corpus (its SQLite store). */
    public static boolean isCorpus(Path dir) { return dir != null && Files.isRegularFile(dir.resolve(StoreTarget.SQLITE_FILE)); }

    /** Opens the corpus in a directory made by {@code exhibit ingest --db DIR}, with its index in DIR/index. */
    public static CorpusView open(Path dir) throws StoreException, IOException {
        return open(StoreTarget.parse(dir.toString()), dir.resolve("index"));
    }

    /**
     * Opens a corpus in any store {@code exhibit ingest} writes (a directory's SQLite file or a PostgreSQL server)
     * with the search index in {@code indexDir}. Read-only: the store is neither created nor migrated beyond what
     * opening it for reading does.
     */
    public static CorpusView open(StoreTarget target, Path indexDir) throws StoreException, IOException {
        if (target.directory() != null && !isCorpus(target.directory()))
            throw new StoreException(target.display() + ": no corpus here (make one with 'exhibit ingest --db " + target.directory() + " FILES')");
        Store store = Store.open(target, false);
        Search search;
        try {
            search = Search.open(indexDir);
        } catch (IOException e) {
            try { store.close(); } catch (SQLException ignored) { /* already failing */ }
            throw e;
        }
        CorpusView v = new CorpusView(store, search, indexDir);
        v.readers.add(store);
        v.opened.add(store);
        // the first connection checked the store and its schema; the others only read
        for (int i = 1; i < READERS; i++) {
            try {
                Store r = Store.openUnchecked(store.target());
                v.readers.add(r);
                v.opened.add(r);
            } catch (StoreException e) {
                break; // fewer readers: still correct
            }
        }
        String where = target.display();
        try (PreparedStatement ps = store.connection().prepareStatement("SELECT path, format, post_count, quote_count FROM documents ORDER BY path");
             ResultSet rs = ps.executeQuery()) {
            List<Doc> all = new ArrayList<>();
            while (rs.next()) {
                String path = rs.getString(1), id = idFor(path);
                v.idToPath.put(id, path);
                v.pathToId.put(path, id);
                all.add(new Doc(id, path, rs.getString(2), rs.getInt(3), rs.getInt(4)));
            }
            v.docs.addAll(all);
            store.connection().commit();
        } catch (SQLException e) {
            v.close();
            throw new StoreException(where + ": cannot list the corpus: " + e.getMessage());
        }
        return v;
    }

    public List<Doc> documents() { return docs; }

    /**
     * The thread id of a stored path: {@code c-} and the start of the path's SHA-256, or for an upload added from
     * the web view ({@code web-upload/u-HASH/NAME}) its upload id, so its hits lead to the upload's own page.
     */
    static String idFor(String path) {
        if (path.startsWith(Uploads.CORPUS_PREFIX)) {
            int slash = path.indexOf('/', Uploads.CORPUS_PREFIX.length());
            String id = slash < 0 ? null : path.substring(Uploads.CORPUS_PREFIX.length(), slash);
            if (id != null && Uploads.ID.matcher(id).matches()) return id;
        }
        return "c-" + Readers.sha256(path.getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 20);
    }

    /**
     * Queues an analysed upload to be added to the corpus: stored (replacing an earlier version of its path), indexed
     * and committed, then searchable; a failure is reported on one line and the upload stays shown. The first one
     * opens the corpus for writing, which fails while an {@code exhibit ingest} writes to the same index.
     */
    public java.util.concurrent.Future<?> addLater(String uploadId, org.exhibit.model.Document doc, long bytes) {
        return writes.submit(() -> {
            try {
                add(uploadId, doc, bytes);
            } catch (Exception | StackOverflowError | OutOfMemoryError e) { // NOPMD: the upload is shown all the same
                Uploads.notAdded(shortName(doc.source().path()), uploadId, e);
            }
        });
    }

    /** As {@link #addLater}, in the calling thread. */
    public synchronized void add(String uploadId, org.exhibit.model.Document doc, long bytes) throws IOException, SQLException, StoreException {
        String path = doc.source().path();
        if (!idFor(path).equals(uploadId)) throw new IllegalArgumentException(path + ": not the corpus path of upload " + uploadId);
        if (writer == null) writer = org.exhibit.index.Corpus.open(store.target(), indexDir);
        writer.put(doc, bytes);
        writer.commit();
        search.refresh();
        Doc d = new Doc(uploadId, path, doc.source().format(), doc.posts().size(), doc.quotes().size());
        docs.removeIf(o -> o.path().equals(path));
        docs.add(d);
        idToPath.put(uploadId, path);
        pathToId.put(path, uploadId);
        people = null;
        works = null;
    }

    String idOf(String path) { return pathToId.get(path); }

    static String shortName(String path) {
        if (path == null) return "";
        return path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
    }

    /** A corpus document as a thread, or null for an unknown id. */
    public ThreadStore.Entry thread(String id) {
        String path = idToPath.get(id);
        if (path == null) return null;
        try {
            String ed = with(st -> st.edition(path));
            if (ed == null) return null;
            JsonNode node = JsonWriter.mapper().readTree(ed);
            return node instanceof ObjectNode o ? new ThreadStore.Entry(id, shortName(path), o) : null;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot load " + shortName(path), e);
        }
    }

    /** The index of a quote (or post) in its edition's array, which is its anchor on the thread page; null if unknown. */
    public Integer ordinal(String path, boolean quote, String id) {
        if (path == null || id == null) return null;
        List<Integer> n = new ArrayList<>();
        try {
            query(quote ? "SELECT ord FROM quotes WHERE path = ? AND quote_id = ?" : "SELECT ord FROM posts WHERE path = ? AND post_id = ?",
                    List.of(path, id), rs -> n.add(rs.getInt(1)));
        } catch (SQLException e) {
            return null;
        }
        return n.isEmpty() ? null : n.get(0);
    }

    /** Runs a search with the CLI's filters; snippets are escaped HTML with the matches in {@code <mark>}. */
    public Search.Result search(String query, Search.Filters f, int limit) throws ParseException, IOException {
        return search.search(query, f, limit, new Snippets());
    }

    /** People who speak in or are mentioned by the corpus's quotes, most quoted first: the first page. */
    public synchronized List<Count> people() throws SQLException { return people(Page.FIRST).items(); }

    public synchronized Slice<Count> people(Page page) throws SQLException {
        if (people == null) people = allPeople();
        return Slice.of(people, page);
    }

    private List<Count> allPeople() throws SQLException {
        Map<String, Count> byKey = new LinkedHashMap<>();
        query("SELECT COALESCE(speaker_entity, '~' || speaker), MIN(speaker), COUNT(*) FROM quotes WHERE speaker IS NOT NULL "
                + "GROUP BY COALESCE(speaker_entity, '~' || speaker)", List.of(), rs -> byKey.put(rs.getString(1), new Count(rs.getString(1), rs.getString(2), rs.getLong(3))));
        query("SELECT entity, MIN(name), COUNT(*) FROM mentions WHERE type = 'person' AND entity IS NOT NULL GROUP BY entity", List.of(), rs -> {
            Count c = byKey.get(rs.getString(1));
            byKey.put(rs.getString(1), new Count(rs.getString(1), c != null ? c.name() : rs.getString(2), rs.getLong(3) + (c == null ? 0 : c.count())));
        });
        List<Count> out = new ArrayList<>(byKey.values());
        out.sort((a, b) -> a.count() != b.count() ? Long.compare(b.count(), a.count()) : String.valueOf(a.name()).compareTo(String.valueOf(b.name())));
        return out;
    }

    /** The person's name for a key from {@link #people}, or null when the corpus has none. */
    public String personName(String key) throws SQLException {
        List<String> n = new ArrayList<>();
        if (key.startsWith("~")) query("SELECT speaker FROM quotes WHERE speaker_entity IS NULL AND speaker = ? LIMIT 1", List.of(key.substring(1)), rs -> n.add(rs.getString(1)));
        else {
            query("SELECT speaker FROM quotes WHERE speaker_entity = ? LIMIT 1", List.of(key), rs -> n.add(rs.getString(1)));
            if (n.isEmpty()) query("SELECT name FROM mentions WHERE entity = ? LIMIT 1", List.of(key), rs -> n.add(rs.getString(1)));
        }
        return n.isEmpty() ? null : n.get(0);
    }

    /** Quotes whose speaker is the person or that mention them, in corpus order. */
    public List<QuoteRow> personQuotes(String key) throws SQLException { return personQuotes(key, Page.FIRST).items(); }

    public Slice<QuoteRow> personQuotes(String key, Page page) throws SQLException {
        if (key.startsWith("~"))
            return quotes("q.speaker_entity IS NULL AND q.speaker = ?", "'speaker'", List.of(key.substring(1)), page);
        return quotes("q.speaker_entity = ? OR EXISTS (SELECT 1 FROM mentions m WHERE m.path = q.path AND m.entity = ? "
                        + "AND m.start_cp >= q.start_cp AND m.end_cp <= q.end_cp)",
                "CASE WHEN q.speaker_entity = ? THEN 'speaker' ELSE 'mentioned' END", List.of(key, key, key), page);
    }

    /** Works the quotes come from, most quoted first. */
    public synchronized List<Count> works() throws SQLException { return works(Page.FIRST).items(); }

    public synchronized Slice<Count> works(Page page) throws SQLException {
        if (works == null) {
            List<Count> out = new ArrayList<>();
            query("SELECT work_title, MIN(work_author), COUNT(*) FROM quotes WHERE work_title IS NOT NULL GROUP BY work_title ORDER BY COUNT(*) DESC, work_title",
                    List.of(), rs -> out.add(new Count(rs.getString(1), rs.getString(2), rs.getLong(3))));
            works = out;
        }
        return Slice.of(works, page);
    }

    public List<QuoteRow> workQuotes(String title) throws SQLException { return workQuotes(title, Page.FIRST).items(); }

    public Slice<QuoteRow> workQuotes(String title, Page page) throws SQLException {
        return quotes("q.work_title = ?", "'work'", List.of(title), page);
    }

    private Slice<QuoteRow> quotes(String where, String role, List<String> params, Page page) throws SQLException {
        // the role expression's parameter comes first in the statement
        List<String> ps = new ArrayList<>();
        if (role.contains("?")) ps.add(params.get(params.size() - 1));
        ps.addAll(role.contains("?") ? params.subList(0, params.size() - 1) : params);
        List<QuoteRow> out = new ArrayList<>();
        query("SELECT q.path, q.quote_id, q.ord, q.kind, q.speaker, q.work_title, p.author, p.published, q.text, " + role
                        + " FROM quotes q LEFT JOIN posts p ON p.path = q.path AND p.post_id = q.post_id WHERE " + where
                        + " ORDER BY q.path, q.ord LIMIT " + page.size() + " OFFSET " + page.offset(), ps,
                rs -> out.add(new QuoteRow(pathToId.get(rs.getString(1)), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10))));
        long[] total = {out.size()};
        if (page.offset() > 0 || out.size() == page.size())
            query("SELECT COUNT(*) FROM quotes q WHERE " + where, role.contains("?") ? params.subList(0, params.size() - 1) : params,
                    rs -> total[0] = rs.getLong(1));
        return new Slice<>(out, total[0], page);
    }

    /**
     * The reuse clusters recorded in the stored editions (read once, then kept). Read generically from each
     * edition's {@code reuse} array, so whatever kinds the reuse stage records appear.
     */
    public synchronized List<Cluster> clusters() throws SQLException, IOException { return clusters(Page.FIRST).items(); }

    /**
     * A page of reuse clusters: those {@code exhibit reuse --db} stored for the corpus (read a page at a time, so a
     * corpus of any size answers at once), else the reuse recorded inside the editions.
     */
    public Slice<Cluster> clusters(Page page) throws SQLException, IOException {
        long[] stored = {0};
        query("SELECT COUNT(DISTINCT cluster) FROM reuse", List.of(), rs -> stored[0] = rs.getLong(1));
        if (stored[0] > 0) {
            Map<Long, List<ClusterPart>> byCluster = new LinkedHashMap<>();
            query("SELECT cluster, path, post_id, text FROM reuse WHERE cluster > " + page.offset() + " AND cluster <= "
                    + ((long) page.offset() + page.size()) + " ORDER BY cluster, ord", List.of(), rs -> {
                String path = rs.getString(2);
                byCluster.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new ClusterPart(pathToId.get(path), shortName(path), rs.getString(3), null, null, rs.getString(4)));
            });
            List<Cluster> out = new ArrayList<>();
            for (List<ClusterPart> parts : byCluster.values()) out.add(new Cluster("shared passage", null, parts));
            return new Slice<>(out, stored[0], page);
        }
        return Slice.of(editionClusters(), page);
    }

    private synchronized List<Cluster> editionClusters() throws SQLException, IOException {
        if (clusters != null) return clusters;
        List<Cluster> out = new ArrayList<>();
        for (Doc d : docs) {
            String ed = with(st -> st.edition(d.path()));
            if (ed == null) continue;
            JsonNode reuse = Edition.array(JsonWriter.mapper().readTree(ed), "reuse");
            int ri = 0;
            for (JsonNode r : reuse) {
                List<ClusterPart> parts = new ArrayList<>();
                int pj = 0;
                for (JsonNode p : Edition.array(r, "parts")) {
                    String other = Edition.str(p, "document");
                    String thread = other == null ? d.id() : pathToId.get(other);
                    String name = other == null ? shortName(d.path()) : shortName(other);
                    parts.add(new ClusterPart(thread, name, Edition.str(p, "post"), Edition.str(p, "quote"),
                            other == null ? "r-" + ri + "-" + pj : null, Edition.str(p, "text")));
                    pj++;
                }
                out.add(new Cluster(Edition.str(r, "kind"), Edition.num(r, "similarity"), parts));
                ri++;
                if (out.size() >= 5 * LIMIT) break;
            }
        }
        clusters = out;
        return out;
    }

    private interface Row { void accept(ResultSet rs) throws SQLException; }

    private interface StoreCall<T> { T apply(Store st) throws SQLException; }

    /** Runs one lookup on a free read connection, waiting for one when all are taken. */
    private <T> T with(StoreCall<T> call) throws SQLException {
        Store st;
        try {
            st = readers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a connection to the corpus");
        }
        try {
            return call.apply(st);
        } finally {
            readers.add(st);
        }
    }

    private void query(String sql, List<String> params, Row row) throws SQLException {
        with(st -> {
            try (PreparedStatement ps = st.connection().prepareStatement(sql)) {
                for (int i = 0; i < params.size(); i++) ps.setString(i + 1, params.get(i));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) row.accept(rs);
                }
            } finally {
                st.connection().commit();
            }
            return null;
        });
    }

    @Override public void close() {
        writes.shutdown();
        try {
            if (!writes.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS)) writes.shutdownNow();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeAll();
    }

    private synchronized void closeAll() {
        if (writer != null) try { writer.close(); } catch (IOException | SQLException ignored) { /* closing */ }
        try { search.close(); } catch (IOException ignored) { /* closing */ }
        for (Store st : opened) try { st.close(); } catch (SQLException ignored) { /* closing */ }
    }

    /** Snippets as HTML: the text escaped (controls shown as labels) by {@link Html}, then the matches marked. */
    static final class Snippets extends PassageFormatter {
        @Override public Object format(Passage[] passages, String content) {
            StringBuilder sb = new StringBuilder();
            if (passages.length == 0) { Html.appendText(sb, content, 0, content.length()); return sb.toString(); }
            for (Passage p : passages) {
                if (sb.length() > 0) sb.append(" … ");
                int end = Math.min(p.getEndOffset(), content.length()), pos = Math.min(p.getStartOffset(), end);
                for (int i = 0; i < p.getNumMatches(); i++) {
                    int ms = Math.max(pos, p.getMatchStarts()[i]), me = Math.min(end, p.getMatchEnds()[i]);
                    if (me <= ms) continue;
                    Html.appendText(sb, content, pos, ms);
                    sb.append("<mark>");
                    Html.appendText(sb, content, ms, me);
                    sb.append("</mark>");
                    pos = me;
                }
                Html.appendText(sb, content, pos, end);
            }
            return sb.toString();
        }
    }
}
