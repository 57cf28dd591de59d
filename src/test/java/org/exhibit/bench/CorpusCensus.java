package org.exhibit.bench;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.exhibit.index.Fields;
import org.exhibit.store.Store;
import org.exhibit.store.StoreTarget;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

/**
 * What a corpus holds, for the kill test of bench/iac-corpus.sh: documents, posts and quotes in the store, and the
 * index's live entries and distinct ids. Prints one line; exits 0 when every post and quote is indexed exactly once
 * (entries = distinct ids = posts + quotes), else 1. Not a test. usage: CorpusCensus CORPUS_DIR
 */
public final class CorpusCensus {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long docs, posts, quotes;
        try (Store st = Store.open(StoreTarget.parse(dir.toString()), false); Statement s = st.connection().createStatement()) {
            docs = count(s, "documents");
            posts = count(s, "posts");
            quotes = count(s, "quotes");
            st.connection().commit();
        }
        long entries = 0;
        Set<String> ids = new HashSet<>();
        try (FSDirectory d = FSDirectory.open(dir.resolve("index")); DirectoryReader r = DirectoryReader.open(d)) {
            StoredFields sf = r.storedFields();
            var live = org.apache.lucene.index.MultiBits.getLiveDocs(r);
            for (int i = 0; i < r.maxDoc(); i++) {
                if (live != null && !live.get(i)) continue;
                entries++;
                ids.add(sf.document(i, Set.of(Fields.ID)).get(Fields.ID));
            }
        }
        boolean ok = entries == ids.size() && entries == posts + quotes;
        System.out.printf("store: %d documents, %d posts, %d quotes; index: %d entries, %d distinct; %s%n", docs, posts, quotes, entries, ids.size(),
                ok ? "every post and quote indexed once" : "MISMATCH");
        System.exit(ok ? 0 : 1);
    }

    private static long count(Statement s, String table) throws Exception {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) { rs.next(); return rs.getLong(1); }
    }
}
