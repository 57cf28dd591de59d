package org.exhibit.index;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.*;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.exhibit.store.StoredDocument;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The full-text index of a corpus, written from the store's rows. Each commit records in its user data the
 * highest store sequence number it contains ({@code seq}); the store is written first, so after a crash the
 * index catches up by re-indexing every document stored after that checkpoint. Re-indexing a path deletes what
 * the index had for it first, so nothing is ever indexed twice.
 */
public final class CorpusIndex implements AutoCloseable {
    public static final String SEQ = "seq";
    private final Path dir;
    private final Directory directory;
    private final IndexWriter writer;
    private long committed;
    private long pending;

    private CorpusIndex(Path dir, Directory directory, IndexWriter writer, long committed) {
        this.dir = dir;
        this.directory = directory;
        this.writer = writer;
        this.committed = committed;
        this.pending = committed;
    }

    /** Opens the index for writing; the write lock also keeps two ingests off one corpus. */
    public static CorpusIndex open(Path dir) throws IOException {
        String damage = damage(dir);
        if (damage != null) {
            // The store holds everything the index is made from: start it again and let the caller re-index. Under
            // the write lock, and checked again there, so a commit another writer was making is not taken for damage.
            try (FSDirectory d = FSDirectory.open(dir); org.apache.lucene.store.Lock lock = d.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
                damage = damage(dir);
                if (damage != null) for (String f : d.listAll()) if (!f.equals(IndexWriter.WRITE_LOCK_NAME)) d.deleteFile(f);
            } catch (LockObtainFailedException e) {
                throw new IOException(dir + ": another ingest is writing this corpus");
            }
        }
        CorpusIndex ix = openWriter(dir);
        ix.rebuilt = damage;
        return ix;
    }

    /** Deletes the index in {@code dir} (under its write lock), so the next open rebuilds it from the store. */
    public static void discard(Path dir) throws IOException {
        if (!java.nio.file.Files.isDirectory(dir)) return;
        try (FSDirectory d = FSDirectory.open(dir); org.apache.lucene.store.Lock lock = d.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            for (String f : d.listAll()) if (!f.equals(IndexWriter.WRITE_LOCK_NAME)) d.deleteFile(f);
        } catch (LockObtainFailedException e) {
            throw new IOException(dir + ": another ingest is writing this corpus");
        }
    }

    /** Why the index was found damaged and started afresh at open, or null when it was sound. */
    public String rebuiltBecause() { return rebuilt; }

    private String rebuilt;

    /**
     * What is wrong with the index in {@code dir}, or null when it is sound or absent. Cheap, for every open: the
     * latest commit must read, and each of its files must be whole (its footer and checksum where they belong,
     * so a truncated or missing segment file shows); {@link #verify} reads every byte against its checksum.
     */
    public static String damage(Path dir) {
        if (!java.nio.file.Files.isDirectory(dir)) return null;
        try (FSDirectory d = FSDirectory.open(dir)) {
            if (!DirectoryReader.indexExists(d)) return null;
            org.apache.lucene.index.SegmentInfos infos = org.apache.lucene.index.SegmentInfos.readLatestCommit(d);
            for (String f : infos.files(false)) {
                try (org.apache.lucene.store.IndexInput in = d.openInput(f, org.apache.lucene.store.IOContext.READONCE)) {
                    org.apache.lucene.codecs.CodecUtil.retrieveChecksum(in);
                }
            }
            return null;
        } catch (IOException | RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + firstLine(e.getMessage());
        }
    }

    /** Lucene's CheckIndex over the whole index: every file read against its checksum. Problems, empty if sound. */
    public static java.util.List<String> verify(Path dir) {
        if (!java.nio.file.Files.isDirectory(dir)) return java.util.List.of(dir + ": no index");
        try (FSDirectory d = FSDirectory.open(dir)) {
            if (!DirectoryReader.indexExists(d)) return java.util.List.of(dir + ": no index");
            try (org.apache.lucene.index.CheckIndex ci = new org.apache.lucene.index.CheckIndex(d)) {
                ci.setInfoStream(null);
                org.apache.lucene.index.CheckIndex.Status st = ci.checkIndex();
                if (st.clean) return java.util.List.of();
                java.util.List<String> l = new java.util.ArrayList<>();
                for (org.apache.lucene.index.CheckIndex.Status.SegmentInfoStatus seg : st.segmentInfos)
                    if (seg.error != null) l.add("segment " + seg.name + ": " + firstLine(String.valueOf(seg.error.getMessage())));
                if (st.missingSegments) l.add("segments are missing");
                if (l.isEmpty()) l.add(st.totLoseDocCount + " documents unreadable");
                return l;
            }
        } catch (IOException | RuntimeException e) {
            return java.util.List.of(e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String s) { return s == null ? "" : s.lines().findFirst().orElse(""); }

    private static CorpusIndex openWriter(Path dir) throws IOException {
        FSDirectory d = FSDirectory.open(dir);
        try {
            IndexWriterConfig cfg = new IndexWriterConfig(Fields.analyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setCommitOnClose(false)
                    .setRAMBufferSizeMB(64);
            IndexWriter w = new IndexWriter(d, cfg);
            return new CorpusIndex(dir, d, w, committedSeq(w));
        } catch (LockObtainFailedException e) {
            d.close();
            throw new IOException(dir + ": another ingest is writing this corpus");
        } catch (IOException | RuntimeException e) {
            d.close();
            throw e;
        }
    }

    private static long committedSeq(IndexWriter w) {
        for (Map.Entry<String, String> e : w.getLiveCommitData()) if (e.getKey().equals(SEQ)) return Long.parseLong(e.getValue());
        return 0;
    }

    public Path dir() { return dir; }

    /** The store sequence number the last commit covers: everything stored after it must be (re-)indexed. */
    public long committedSeq() { return committed; }

    /** Replaces whatever the index holds for this document's path with its posts and quotes. */
    public void replace(StoredDocument d) throws IOException {
        writer.deleteDocuments(new Term(Fields.PATH, d.path()));
        writer.addDocuments(documents(d));
    }

    /** Drops whatever the index holds for a path. */
    public void delete(String path) throws IOException {
        writer.deleteDocuments(new Term(Fields.PATH, path));
    }

    /** Everything stored up to {@code seq} is now in the index: the next commit records it as the checkpoint. */
    public void indexedThrough(long seq) { pending = Math.max(pending, seq); }

    /** The seq everything up to which has been indexed (committed or not). */
    public long indexedSeq() { return pending; }

    /** Makes everything added so far durable and moves the checkpoint. */
    public long commit() throws IOException {
        if (pending == committed && !writer.hasUncommittedChanges()) return committed;
        writer.setLiveCommitData(Map.of(SEQ, Long.toString(pending)).entrySet());
        writer.commit();
        committed = pending;
        return committed;
    }

    /** Drops everything (uncommitted until {@link #commit}): for an index that describes another store. */
    public void clear() throws IOException {
        writer.deleteAll();
        pending = 0;
    }

    static List<Document> documents(StoredDocument d) {
        List<Document> out = new ArrayList<>();
        for (StoredDocument.PostRow p : d.posts()) {
            Document doc = common(d, "post", p.id(), p.author(), p.published());
            doc.add(new StringField(Fields.ID, d.path() + "#" + p.id(), Field.Store.YES));
            doc.add(new StringField(Fields.KIND, "post", Field.Store.YES));
            boardFields(doc, p);
            persons(doc, d, p.start(), p.end());
            doc.add(new Field(Fields.TEXT, p.text(), Fields.TEXT_TYPE));
            out.add(doc);
        }
        for (StoredDocument.QuoteRow q : d.quotes()) {
            StoredDocument.PostRow p = null;
            for (StoredDocument.PostRow x : d.posts()) if (x.id().equals(q.post())) p = x;
            Document doc = common(d, "quote", q.post(), p == null ? null : p.author(), p == null ? null : p.published());
            doc.add(new StringField(Fields.ID, d.path() + "#" + q.id(), Field.Store.YES));
            doc.add(new StringField(Fields.QUOTE, q.id(), Field.Store.YES));
            if (p != null) boardFields(doc, p);
            doc.add(new StringField(Fields.KIND, q.kind(), Field.Store.YES));
            if (q.speaker() != null) doc.add(new TextField(Fields.SPEAKER, q.speaker(), Field.Store.YES));
            if (q.work() != null) doc.add(new TextField(Fields.WORK, q.work(), Field.Store.YES));
            persons(doc, d, q.start(), q.end());
            doc.add(new Field(Fields.TEXT, q.text(), Fields.TEXT_TYPE));
            out.add(doc);
        }
        return out;
    }

    private static Document common(StoredDocument d, String type, String post, String author, String published) {
        Document doc = new Document();
        doc.add(new StringField(Fields.TYPE, type, Field.Store.YES));
        doc.add(new StringField(Fields.PATH, d.path(), Field.Store.YES));
        if (post != null) doc.add(new StringField(Fields.POST, post, Field.Store.YES));
        if (author != null) doc.add(new TextField(Fields.AUTHOR, author, Field.Store.YES));
        if (published != null) {
            doc.add(new StringField(Fields.PUBLISHED, published, Field.Store.YES));
            doc.add(new org.apache.lucene.document.SortedDocValuesField(Fields.PUBLISHED_DV, new org.apache.lucene.util.BytesRef(published)));
        }
        if (d.board() != null) {
            doc.add(new StringField(Fields.BOARD, d.board().toLowerCase(java.util.Locale.ROOT), Field.Store.NO));
            doc.add(new org.apache.lucene.document.StoredField(Fields.BOARD + "_name", d.board()));
        }
        return doc;
    }

    /** The board's own id and permalink of the post, for hits that lead back to the board. */
    private static void boardFields(Document doc, StoredDocument.PostRow p) {
        if (p.boardId() != null) doc.add(new org.apache.lucene.document.StoredField(Fields.BOARD_ID, p.boardId()));
        if (p.url() != null) doc.add(new org.apache.lucene.document.StoredField(Fields.URL, p.url()));
    }

    private static void persons(Document doc, StoredDocument d, int start, int end) {
        for (StoredDocument.MentionRow m : d.mentions())
            if ("person".equals(m.type()) && m.start() >= start && m.end() <= end)
                doc.add(new TextField(Fields.PERSON, m.name(), Field.Store.NO));
    }

    /** Closes without committing: what was not committed is recovered from the store next time. */
    @Override public void close() throws IOException {
        try {
            writer.rollback();
        } finally {
            directory.close();
        }
    }
}
