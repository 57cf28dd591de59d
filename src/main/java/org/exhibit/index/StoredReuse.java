package org.exhibit.index;

import org.exhibit.analysis.reuse.CorpusReuse;
import org.exhibit.model.Document;
import org.exhibit.read.InputException;
import org.exhibit.store.Store;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Corpus reuse over the documents of a store, and its clusters written back to the store's reuse table. */
public final class StoredReuse {
    private StoredReuse() {}

    /** The stored documents, read from their JSON editions (one connection: reads take turns). */
    public static CorpusReuse.Documents documents(Store store) throws SQLException {
        List<String> paths = store.paths();
        long[] sizes = new long[paths.size()];
        var ps = store.connection().prepareStatement("SELECT path, bytes FROM documents");
        java.util.Map<String, Long> bytes = new java.util.HashMap<>();
        try (ps; var rs = ps.executeQuery()) { while (rs.next()) bytes.put(rs.getString(1), rs.getLong(2)); }
        store.connection().commit();
        for (int i = 0; i < sizes.length; i++) sizes[i] = bytes.getOrDefault(paths.get(i), 0L);
        return new CorpusReuse.Documents() {
            @Override public int size() { return paths.size(); }
            @Override public String name(int d) { return paths.get(d); }
            @Override public long bytes(int d) { return sizes[d]; }
            @Override public Document read(int d) throws InputException {
                synchronized (store) {
                    try {
                        Document doc = store.document(paths.get(d));
                        if (doc == null) throw new InputException(paths.get(d) + ": no longer in the store");
                        return doc;
                    } catch (SQLException e) {
                        throw new InputException(paths.get(d) + ": cannot be read from the store: " + e.getMessage().lines().findFirst().orElse(""));
                    }
                }
            }
        };
    }

    /** Replaces the store's reuse table with these clusters, numbered from 1 in order. */
    public static void save(Store store, List<CorpusReuse.Cluster> clusters) throws SQLException {
        List<List<Store.ReuseRow>> rows = new ArrayList<>();
        long id = 0;
        for (CorpusReuse.Cluster c : clusters) {
            id++;
            List<Store.ReuseRow> cl = new ArrayList<>();
            for (CorpusReuse.Side s : c.witnesses())
                cl.add(new Store.ReuseRow(id, s.document(), s.post(), s.published(), s.start(), s.end(), s.text(), s == c.earliest()));
            rows.add(cl);
        }
        store.replaceReuse(rows);
    }
}
