package org.exhibit.index;

import org.exhibit.analysis.Pipeline;
import org.exhibit.model.Document;
import org.exhibit.read.Failures;
import org.exhibit.read.InputException;
import org.exhibit.read.Compressed;
import org.exhibit.read.Readers;
import org.exhibit.read.ThreadKeys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads, analyses and stores files into a {@link Corpus}. A file whose bytes are already stored under its path is
 * skipped; a changed one replaces its old version; one that cannot be read is reported and recorded, and what the
 * store had for it stays.
 */
public final class Ingest {
    public enum Outcome { STORED, REPLACED, UNCHANGED, FAILED }

    /** Told about each file as it is done, for progress output. */
    public interface Listener {
        default void started(int files, long bytes) {}
        default void file(Path file, Outcome outcome, String message, long bytes, int posts, int quotes) {}
        /** One thread of a dump that is split into threads; {@link #file} follows for the dump, with no posts. */
        default void thread(String name, Outcome outcome, String message, int posts, int quotes) {}
    }

    public record Summary(int stored, int replaced, int unchanged, int failed, long posts, long quotes, long bytes, long millis) {
        public int files() { return stored + replaced + unchanged + failed; }
    }

    private final Corpus corpus;
    private String format = "auto";
    private String board;
    private long pauseMillis;
    private Pipeline pipeline = Pipeline.standard();

    public Ingest(Corpus corpus) { this.corpus = corpus; }

    public Ingest format(String format) { this.format = format; return this; }

    /** The board or site every file of this ingest comes from; null (default) takes it from each file where it says. */
    public Ingest board(String board) { this.board = board == null || board.isBlank() ? null : board.strip(); return this; }

    /** The analysis to run (default {@link Pipeline#standard()}). */
    public Ingest pipeline(Pipeline pipeline) { this.pipeline = pipeline; return this; }

    /** Waits after each file: lets tests and demos interrupt an ingest part-way. */
    public Ingest pauseMillis(long millis) { this.pauseMillis = millis; return this; }

    /** The files named, with folders walked (sorted, hidden files left out); names that do not exist stay, to be reported. */
    public static List<Path> expand(List<Path> args) throws IOException {
        Set<Path> out = new LinkedHashSet<>();
        for (Path a : args) {
            if (Files.isDirectory(a)) {
                try (Stream<Path> s = Files.walk(a)) {
                    s.filter(Files::isRegularFile)
                            .filter(p -> !a.relativize(p).toString().matches("(^|.*/)\\..*"))
                            .sorted().forEach(p -> out.add(p.toAbsolutePath().normalize()));
                }
            } else out.add(a.toAbsolutePath().normalize());
        }
        return new ArrayList<>(out);
    }

    public Summary run(List<Path> files, Listener listener) throws IOException, SQLException {
        long t0 = System.currentTimeMillis();
        long total = 0;
        for (Path f : files) total += size(f);
        listener.started(files.size(), total);
        int stored = 0, replaced = 0, unchanged = 0, failed = 0;
        long posts = 0, quotes = 0, bytes = 0;
        for (Path f : files) {
            String name = f.toAbsolutePath().normalize().toString();
            long size = size(f);
            String sha = null;
            try {
                if (Files.isRegularFile(f) && ThreadKeys.isDump(name)) {
                    int[] n = new int[6]; // stored, replaced, unchanged, failed, posts, quotes
                    int threads = Dumps.split(f, name, t -> {
                        Outcome o;
                        String message = null;
                        int p = 0, q = 0;
                        try {
                            Document doc = store(t.name(), t.bytes(), t.format());
                            o = doc == null ? Outcome.UNCHANGED : lastOutcome;
                            if (doc != null) { p = doc.posts().size(); q = doc.quotes().size(); }
                        } catch (InputException | RuntimeException | Error e) {
                            o = Outcome.FAILED;
                            message = Failures.of(t.name(), e).getMessage();
                            corpus.store().failure(t.name(), Readers.sha256(t.bytes()), message);
                        }
                        n[o.ordinal()]++;
                        n[4] += p;
                        n[5] += q;
                        listener.thread(t.name(), o, message, p, q);
                    });
                    if (threads > 0) {
                        stored += n[0]; replaced += n[1]; unchanged += n[2]; failed += n[3]; posts += n[4]; quotes += n[5];
                        listener.file(f, n[3] > 0 ? Outcome.FAILED : n[0] + n[1] > 0 ? Outcome.STORED : Outcome.UNCHANGED,
                                n[3] > 0 ? name + ": " + n[3] + " of " + threads + " threads could not be read" : null, size, 0, 0);
                        bytes += size;
                        pause();
                        continue;
                    }
                }
                if (!Files.isRegularFile(f) || (size > Readers.MAX_BYTES && !Compressed.isCompressed(f))) Readers.read(f, format); // throws the user's message
                byte[] data = Compressed.isCompressed(f) ? Compressed.readAll(f) : readBytes(f, name);
                sha = Readers.sha256(data);
                Document doc = store(name, data, format);
                if (doc == null) {
                    unchanged++;
                    listener.file(f, Outcome.UNCHANGED, null, size, 0, 0);
                } else {
                    if (lastOutcome == Outcome.STORED) stored++; else replaced++;
                    posts += doc.posts().size();
                    quotes += doc.quotes().size();
                    listener.file(f, lastOutcome, null, size, doc.posts().size(), doc.quotes().size());
                }
            } catch (InputException | RuntimeException | Error e) {
                // Whatever one file's reading or analysis throws is that file's error; the rest are still stored.
                String message = Failures.of(name, e).getMessage();
                failed++;
                corpus.store().failure(name, sha, message);
                listener.file(f, Outcome.FAILED, message, size, 0, 0);
            }
            bytes += size;
            if (!pause()) break;
        }
        corpus.commit();
        return new Summary(stored, replaced, unchanged, failed, posts, quotes, bytes, System.currentTimeMillis() - t0);
    }

    private Outcome lastOutcome;

    /**
     * Reads, analyses and stores one document unless the same bytes are stored under its name: returns it, or
     * null when unchanged; {@link #lastOutcome} says whether it was new or replaced.
     */
    private Document store(String name, byte[] data, String format) throws InputException, IOException, SQLException {
        String sha = Readers.sha256(data);
        String old = corpus.store().sha256(name);
        if (sha.equals(old)) return null;
        Document doc = pipeline.analyse(name, () -> Readers.read(name, data, format));
        corpus.put(doc, board != null ? board : Boards.of(doc, data), data.length);
        lastOutcome = old == null ? Outcome.STORED : Outcome.REPLACED;
        return doc;
    }

    /** Waits after a file when asked to; false when interrupted. */
    private boolean pause() {
        if (pauseMillis <= 0) return true;
        try {
            Thread.sleep(pauseMillis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static byte[] readBytes(Path f, String name) throws InputException {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw new InputException(name + ": cannot be read: " + e.getMessage());
        }
    }

    private static long size(Path f) {
        try {
            return Files.isRegularFile(f) ? Files.size(f) : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
