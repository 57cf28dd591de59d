package org.exhibit.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exhibit.analysis.Pipeline;
import org.exhibit.output.JsonWriter;
import org.exhibit.read.Compressed;
import org.exhibit.read.Failures;
import org.exhibit.read.InputException;
import org.exhibit.read.Readers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Threads opened through the web: read with the same readers as files, analysed, and kept in the thread store
 * under {@code u-} and the start of their SHA-256, so the same text always gets the same URL. With a directory,
 * each is also written there as {@code ID.exhibit.json} and read back at start, so the URLs survive a restart.
 * File names in that directory come only from the hash, never from the request.
 */
public final class Uploads {
    public static final Pattern ID = Pattern.compile("u-[0-9a-f]{20}");
    public static final long DEFAULT_MAX_BYTES = 5L << 20;

    /** Where an analysed upload is also stored: the corpus being served. */
    public interface Sink { void add(String id, org.exhibit.model.Document doc, long bytes) throws Exception; }

    /** An upload added to a corpus is stored under this path: the prefix, its id, a slash and its name. */
    public static final String CORPUS_PREFIX = "web-upload/";

    private final ThreadStore threads;
    private final Path dir;
    private final long maxBytes;
    private volatile Sink sink;

    public Uploads(ThreadStore threads, Path dir, long maxBytes) {
        this.threads = threads;
        this.dir = dir;
        this.maxBytes = maxBytes;
    }

    public long maxBytes() { return maxBytes; }

    public Path directory() { return dir; }

    /**
     * From now on each new upload is also given to {@code to} (the served corpus's store and index), read under the
     * path {@code web-upload/ID/NAME}. When that fails the upload is still shown and the failure is reported on one line.
     */
    public void addTo(Sink to) { this.sink = to; }

    /** Says on one line that an upload is shown but could not be added to the corpus. */
    static void notAdded(String name, String id, Throwable why) {
        System.err.println("exhibit: " + name + ": shown at /threads/" + id + " but not added to the corpus: "
                + String.valueOf(why.getMessage()).lines().findFirst().orElse(why.getClass().getSimpleName()));
    }

    /** The name to show for a stored edition: its source path, without the corpus prefix. */
    static String shownName(JsonNode edition, String id) {
        String p = edition.path("source").path("path").asText(id);
        if (p.startsWith(CORPUS_PREFIX) && p.indexOf('/', CORPUS_PREFIX.length()) > 0) p = p.substring(p.indexOf('/', CORPUS_PREFIX.length()) + 1);
        return p.isEmpty() ? id : p;
    }

    /** Loads the uploads stored in the directory before; a bad file is reported and skipped. */
    public int load(Consumer<String> errors) throws InputException {
        if (dir == null || !Files.isDirectory(dir)) return 0;
        int n = 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "u-*" + ThreadStore.EDITION_SUFFIX)) {
            for (Path p : ds) {
                String file = p.getFileName().toString();
                String id = file.substring(0, file.length() - ThreadStore.EDITION_SUFFIX.length());
                if (!ID.matcher(id).matches()) continue;
                try {
                    JsonNode node = JsonWriter.mapper().readTree(p.toFile());
                    if (node == null || !node.isObject() || !node.path("text").isTextual()) {
                        errors.accept(p + ": is not an Exhibit edition; skipped");
                        continue;
                    }
                    threads.put(id, shownName(node, id), (ObjectNode) node);
                    remember(id, node.path("text").asText().length());
                    n++;
                } catch (IOException e) {
                    errors.accept(p + ": cannot be read: " + e.getMessage().lines().findFirst().orElse(""));
                }
            }
        } catch (IOException e) {
            throw new InputException(dir + ": cannot be listed: " + e.getMessage());
        }
        return n;
    }

    /** The id an upload of these bytes gets. */
    static String idOf(byte[] bytes, String format) {
        String f = format == null || format.isBlank() ? "auto" : format.strip().toLowerCase(java.util.Locale.ROOT);
        String sha = f.equals("auto") ? Readers.sha256(bytes) : Readers.sha256(concat((f + "\n").getBytes(StandardCharsets.UTF_8), bytes));
        return "u-" + sha.substring(0, 20);
    }

    /**
     * Reads, analyses, stores and (with a directory) persists an upload; the same bytes return the stored entry.
     * Throws the one-line message the command line gives for the same input.
     */
    public ThreadStore.Entry open(String name, byte[] bytes, String format) throws InputException, IOException {
        String id = idOf(bytes, format);
        ThreadStore.Entry known = get(id);
        if (known != null) return known;
        byte[] data = bytes;
        String readAs = name;
        if (Compressed.kind(name) != null && Compressed.looksCompressed(bytes)) {
            // The cap is on what the readers get: a small .gz must not inflate past it.
            try {
                data = Compressed.decompressAtMost(name, bytes, maxBytes);
            } catch (Compressed.Bomb b) {
                throw new TooLarge(name + ": decompresses to more than the server's upload limit of " + (maxBytes >> 20)
                        + " MB (exhibit serve --max-upload-mb)");
            }
            readAs = Compressed.inner(name); // read as what it holds: a second layer is not inflated again
        }
        byte[] input = data;
        Sink to = sink;
        String as = to == null ? readAs : CORPUS_PREFIX + id + "/" + readAs;
        org.exhibit.model.Document[] doc = new org.exhibit.model.Document[1];
        ObjectNode edition;
        try {
            edition = Failures.isolate(name, () -> JsonWriter.toJson(doc[0] = Pipeline.standard().run(Readers.read(as, input, format))));
        } catch (TooLarge big) {
            throw big;
        } catch (InputException bad) { // the message names the upload as the client named it
            throw as.equals(readAs) ? bad : new InputException(String.valueOf(bad.getMessage()).replace(as, readAs), bad.getCause());
        }
        if (dir != null) {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".upload-", ".tmp");
            try {
                JsonWriter.mapper().writeValue(tmp.toFile(), edition);
                Files.move(tmp, dir.resolve(id + ThreadStore.EDITION_SUFFIX), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
        ThreadStore.Entry e = threads.put(id, name, edition);
        remember(id, bytes.length);
        if (to != null) {
            try {
                to.add(id, doc[0], bytes.length);
            } catch (Exception | StackOverflowError | OutOfMemoryError failed) { // NOPMD: the upload is shown all the same
                notAdded(name, id, failed);
            }
        }
        return e;
    }

    /** An upload too large once decompressed (a 413, as a body over the limit). */
    public static final class TooLarge extends InputException {
        TooLarge(String message) { super(message); }
    }

    /**
     * Uploads kept in memory, least recently used first, with the input bytes each came from. An edition takes
     * about 30 times its input on the heap, so the server keeps at most {@link #MEMORY_INPUT_BYTES} of input's
     * worth (and {@link #MEMORY_ENTRIES} uploads); older ones leave memory and, with a directory, are read back
     * from their file when asked for; without one they are gone.
     */
    private final LinkedHashMap<String, Long> recent = new LinkedHashMap<>(16, 0.75f, true);
    private long recentBytes;
    static final long MEMORY_INPUT_BYTES = 8L << 20;
    static final int MEMORY_ENTRIES = 64;

    private synchronized void remember(String id, long bytes) {
        Long old = recent.put(id, Math.max(1, bytes));
        recentBytes += Math.max(1, bytes) - (old == null ? 0 : old);
        var it = recent.entrySet().iterator();
        while ((recentBytes > Math.max(MEMORY_INPUT_BYTES, maxBytes) || recent.size() > MEMORY_ENTRIES) && it.hasNext()) {
            var eldest = it.next();
            if (eldest.getKey().equals(id)) continue; // the upload just made stays
            it.remove();
            recentBytes -= eldest.getValue();
            threads.remove(eldest.getKey());
        }
    }

    /** How many uploads are in memory now (for tests and the bench). */
    public synchronized int inMemory() { return recent.size(); }

    /** An upload by id: in memory, or read back from the directory after it left memory; null when unknown. */
    public ThreadStore.Entry get(String id) {
        ThreadStore.Entry e = threads.get(id);
        if (e != null) {
            synchronized (this) { recent.get(id); } // touch
            return e;
        }
        if (dir == null || id == null || !ID.matcher(id).matches()) return null;
        Path p = dir.resolve(id + ThreadStore.EDITION_SUFFIX);
        if (!Files.isRegularFile(p)) return null;
        try {
            JsonNode node = JsonWriter.mapper().readTree(p.toFile());
            if (node == null || !node.isObject() || !node.path("text").isTextual()) return null;
            e = threads.put(id, shownName(node, id), (ObjectNode) node);
            remember(id, node.path("text").asText().length());
            return e;
        } catch (IOException ex) {
            return null;
        }
    }

    /** A name a client gave, reduced to a short file name fit for messages. */
    static String cleanName(String name, String fallback) {
        if (name == null) return fallback;
        String n = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1)
                .replaceAll("[\\p{Cc}\\p{Cf}]", "").strip();
        if (n.length() > 100) n = n.substring(0, 100);
        return n.isEmpty() ? fallback : n;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = new byte[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
