package org.exhibit.index;

import org.exhibit.model.Document;
import org.exhibit.store.Store;
import org.exhibit.store.StoreException;
import org.exhibit.store.StoreTarget;
import org.exhibit.store.StoredDocument;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

/**
 * A store and its full-text index, kept in step. A document goes to the store first (one transaction), then to
 * the index, which commits in batches; {@link #open} re-indexes whatever the store has beyond the index's last
 * commit, so a killed ingest resumes without losing or duplicating anything.
 */
public final class Corpus implements AutoCloseable {
    private final Store store;
    private final CorpusIndex index;
    private int commitEvery = 200;
    private long commitMillis = 5_000;
    private int uncommitted;
    private long lastCommit = System.currentTimeMillis();

    private Corpus(Store store, CorpusIndex index) {
        this.store = store;
        this.index = index;
    }

    /** Where the index lives when not given: inside a corpus directory, else ./exhibit-index for a server store. */
    public static Path defaultIndex(StoreTarget target) {
        return target.directory() != null ? target.directory().resolve("index") : Path.of("exhibit-index").toAbsolutePath();
    }

    /** Opens (creating if needed) a corpus for writing and brings its index up to the store. */
    public static Corpus open(StoreTarget target, Path indexDir) throws StoreException, IOException, SQLException {
        Store store = Store.open(target, true);
        CorpusIndex index;
        try {
            index = CorpusIndex.open(indexDir);
        } catch (IOException e) {
            store.close();
            throw e;
        }
        Corpus c = new Corpus(store, index);
        try {
            c.recovered = c.recover();
        } catch (IOException | SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private int recovered;

    /**
     * What opening did to the index, for the user: null when nothing, else that a damaged index was rebuilt from
     * the store or that documents stored by an interrupted run were indexed now.
     */
    public String recoveryNote() {
        if (index.rebuiltBecause() != null)
            return index.dir() + ": the search index was damaged (" + index.rebuiltBecause() + "); rebuilt it from the store ("
                    + recovered + " documents)";
        if (recovered > 0) return index.dir() + ": resuming: indexed " + recovered + " documents the store had beyond the index (an earlier run was interrupted)";
        return null;
    }

    public Store store() { return store; }
    public CorpusIndex index() { return index; }

    /** Commits the index after this many documents or this many milliseconds, whichever comes first. */
    public Corpus commitEvery(int documents, long millis) {
        this.commitEvery = Math.max(1, documents);
        this.commitMillis = millis;
        return this;
    }

    /** Re-indexes every document stored after the index's checkpoint; returns how many. */
    public int recover() throws IOException, SQLException {
        if (index.committedSeq() > storeSeq()) {
            // The index is ahead of this store (the store was replaced): it describes other data, rebuild it.
            index.clear();
        }
        int n = catchUp();
        if (n > 0 || index.indexedSeq() != index.committedSeq()) commit();
        return n;
    }

    /**
     * Indexes every version stored after what the index holds, in seq order: this writer's and, on a shared
     * store, other writers'. The checkpoint moves only to the last seq listed, so a version that changes while
     * being read is simply indexed again next time.
     */
    private int catchUp() throws IOException, SQLException {
        List<Store.Change> changes = store.changesAfter(index.indexedSeq());
        for (Store.Change ch : changes) {
            StoredDocument d = store.load(ch.path());
            if (d != null) index.replace(d); else index.delete(ch.path());
        }
        if (!changes.isEmpty()) index.indexedThrough(changes.get(changes.size() - 1).seq());
        return changes.size();
    }

    private long storeSeq() throws SQLException {
        try (var ps = store.connection().prepareStatement("SELECT seq FROM checkpoints WHERE name = 'documents'");
             var rs = ps.executeQuery()) {
            long s = rs.next() ? rs.getLong(1) : 0;
            store.connection().commit();
            return s;
        }
    }

    /** Stores and indexes an analysed document, replacing the earlier version of its path. */
    public void put(Document doc, long bytes) throws IOException, SQLException { put(doc, null, bytes); }

    /** Stores and indexes an analysed document from a board (null when unknown). */
    public void put(Document doc, String board, long bytes) throws IOException, SQLException {
        store.put(doc, board, bytes);
        catchUp();
        uncommitted++;
        if (uncommitted >= commitEvery || System.currentTimeMillis() - lastCommit >= commitMillis) commit();
    }

    public void commit() throws IOException, SQLException {
        long seq = index.commit();
        store.checkpoint("index " + index.dir(), seq);
        uncommitted = 0;
        lastCommit = System.currentTimeMillis();
    }

    /** Commits and closes. */
    @Override public void close() throws IOException, SQLException {
        try {
            commit();
        } finally {
            try {
                index.close();
            } finally {
                store.close();
            }
        }
    }
}
