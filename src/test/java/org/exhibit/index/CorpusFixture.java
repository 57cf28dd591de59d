package org.exhibit.index;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.exhibit.store.StoreTarget;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Helpers shared by the corpus tests: ingest into a directory, and read back everything a corpus holds. */
final class CorpusFixture {
    private CorpusFixture() {}

    static Ingest.Summary ingest(Path corpusDir, List<Path> inputs) throws Exception {
        try (Corpus c = Corpus.open(StoreTarget.parse(corpusDir.toString()), corpusDir.resolve("index"))) {
            return new Ingest(c).pipeline(HandReadings.pipeline()).run(Ingest.expand(inputs), new Ingest.Listener() {});
        }
    }

    /** Copies the test corpus to a folder of its own, so a test can change files. */
    static Path copyCorpus(Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> s = Files.list(HandReadings.corpus())) {
            for (Path p : s.toList()) Files.copy(p, to.resolve(p.getFileName().toString()));
        }
        return to;
    }

    /** Every row of the store that ingest decides (not timestamps or sequence numbers), sorted: equal stores give equal lists. */
    static List<String> rows(Path corpusDir) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + corpusDir.resolve(StoreTarget.SQLITE_FILE))) {
            return rows(c);
        }
    }

    static List<String> rows(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        dump(c, "SELECT 'doc', path, sha256, format, bytes, post_count, quote_count, edition FROM documents", out);
        dump(c, "SELECT 'post', path, post_id, ord, author, published, start_cp, end_cp, text FROM posts", out);
        dump(c, "SELECT 'quote', path, quote_id, post_id, kind, speaker, work_title, start_cp, end_cp, text FROM quotes", out);
        dump(c, "SELECT 'mention', path, ord, entity, name, type, start_cp, end_cp FROM mentions", out);
        dump(c, "SELECT 'failure', path, message FROM failures", out);
        out.sort(null);
        return out;
    }

    static long count(Path corpusDir, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + corpusDir.resolve(StoreTarget.SQLITE_FILE));
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    private static void dump(Connection c, String sql, List<String> out) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) sb.append(i > 1 ? "\t" : "").append(rs.getString(i));
                out.add(sb.toString());
            }
        }
    }

    /** The ids of every live Lucene document, sorted; duplicates stay in, so a doubled document shows. */
    static List<String> indexIds(Path indexDir) throws IOException {
        List<String> ids = new ArrayList<>();
        try (FSDirectory d = FSDirectory.open(indexDir); DirectoryReader r = DirectoryReader.open(d)) {
            StoredFields sf = r.storedFields();
            var live = org.apache.lucene.index.MultiBits.getLiveDocs(r);
            for (int i = 0; i < r.maxDoc(); i++) if (live == null || live.get(i)) ids.add(sf.document(i).get(Fields.ID));
        }
        ids.sort(null);
        return ids;
    }
}
