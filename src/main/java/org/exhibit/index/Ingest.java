package org.exhibit.index;

import org.exhibit.analysis.Pipeline;
import org.exhibit.model.Document;
import org.exhibit.read.InputException;
import org.exhibit.read.Readers;

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
    }

    public record Summary(int stored, int replaced, int unchanged, int failed, long posts, long quotes, long bytes, long millis) {
        public int files() { return stored + replaced + unchanged + failed; }
    }

    private final Corpus corpus;
    private String format = "auto";
    private long pauseMillis;
    private Pipeline pipeline = Pipeline.standard();

    public Ingest(Corpus corpus) { this.corpus = corpus; }

    public Ingest format(String format) { this.format = format; return this; }

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
                if (!Files.isRegularFile(f) || size > Readers.MAX_BYTES) Readers.read(f, format); // throws the user's message
                byte[] data = readBytes(f, name);
                sha = Readers.sha256(data);
                String old = corpus.store().sha256(name);
                if (sha.equals(old)) {
                    unchanged++;
                    listener.file(f, Outcome.UNCHANGED, null, size, 0, 0);
                } else {
                    Document doc = Readers.read(name, data, format);
                    try {
                        pipeline.run(doc);
                    } catch (RuntimeException e) {
                        throw new InputException(name + ": analysis failed: " + e, e);
                    }
                    corpus.put(doc, data.length);
                    if (old == null) stored++; else replaced++;
                    posts += doc.posts().size();
                    quotes += doc.quotes().size();
                    listener.file(f, old == null ? Outcome.STORED : Outcome.REPLACED, null, size, doc.posts().size(), doc.quotes().size());
                }
            } catch (InputException e) {
                failed++;
                corpus.store().failure(name, sha, e.getMessage());
                listener.file(f, Outcome.FAILED, e.getMessage(), size, 0, 0);
            }
            bytes += size;
            if (pauseMillis > 0) {
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        corpus.commit();
        return new Summary(stored, replaced, unchanged, failed, posts, quotes, bytes, System.currentTimeMillis() - t0);
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
