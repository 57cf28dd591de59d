package org.exhibit.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ibm.icu.text.Transliterator;
import org.exhibit.analysis.Pipeline;
import org.exhibit.model.Document;
import org.exhibit.output.JsonWriter;
import org.exhibit.read.InputException;
import org.exhibit.read.Readers;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The threads a server shows, each under a short URL-safe id, as JSON editions (the tree {@link JsonWriter} makes).
 * Requests only ever look ids up in this map, so nothing a client sends reaches the file system.
 */
public final class ThreadStore {
    /** Ids are made from file names and are the only thing a URL can name. */
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,79}");
    public static final String EDITION_SUFFIX = ".exhibit.json";

    public record Entry(String id, String name, ObjectNode edition) {}

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** A snapshot: uploads may add threads while a page lists them. */
    public synchronized Collection<Entry> all() { return List.copyOf(entries.values()); }

    public synchronized Entry get(String id) { return id == null ? null : entries.get(id); }

    public synchronized int size() { return entries.size(); }

    /** Adds (or keeps) a thread under exactly this id, as uploads do: the same content always gets the same id. */
    public synchronized Entry put(String id, String name, ObjectNode edition) {
        if (!ID.matcher(id).matches()) throw new IllegalArgumentException("bad thread id " + id);
        return entries.computeIfAbsent(id, k -> new Entry(id, name, edition));
    }

    /** Forgets a thread (an upload leaving memory); true when it was there. */
    public synchronized boolean remove(String id) { return entries.remove(id) != null; }

    /** Adds a document under an id made from {@code name}; returns the entry. */
    public Entry add(String name, Document doc) { return add(name, JsonWriter.toJson(doc)); }

    public synchronized Entry add(String name, ObjectNode edition) {
        String base = slug(name);
        String id = base;
        for (int n = 2; entries.containsKey(id); n++) id = base + "-" + n;
        Entry e = new Entry(id, name, edition);
        entries.put(id, e);
        return e;
    }

    /** Reads and analyses each file; a file that cannot be read is reported to {@code errors} on one line. */
    public int addFiles(List<Path> files, String format, Consumer<String> errors) {
        int added = 0;
        for (Path f : files) {
            try {
                Document doc = org.exhibit.read.Failures.isolate(f.toString(), () -> Pipeline.standard().run(Readers.read(f, format)));
                add(f.getFileName() == null ? f.toString() : f.getFileName().toString(), doc);
                added++;
            } catch (InputException e) {
                errors.accept(e.getMessage());
            }
        }
        return added;
    }

    /**
     * Adds every {@code NAME.exhibit.json} edition in a directory (what {@code exhibit analyze --out DIR} writes).
     * Throws when the directory itself is unusable; a bad edition is reported and skipped.
     */
    public int addDirectory(Path dir, Consumer<String> errors) throws InputException {
        if (!Files.exists(dir)) throw new InputException(dir + ": no such directory");
        if (!Files.isDirectory(dir)) throw new InputException(dir + ": is not a directory; --db takes a folder of *" + EDITION_SUFFIX + " editions");
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*" + EDITION_SUFFIX)) {
            for (Path p : ds) if (Files.isRegularFile(p)) files.add(p);
        } catch (IOException e) {
            throw new InputException(dir + ": cannot be listed: " + e.getMessage());
        }
        if (files.isEmpty())
            throw new InputException(dir + ": holds no *" + EDITION_SUFFIX + " editions (write them with 'exhibit analyze --out " + dir + " FILE...')");
        Collections.sort(files);
        int added = 0;
        for (Path p : files) {
            String file = p.getFileName().toString();
            JsonNode node;
            try {
                node = JsonWriter.mapper().readTree(p.toFile());
            } catch (IOException e) {
                errors.accept(p + ": is not valid JSON: " + firstLine(e.getMessage()));
                continue;
            }
            if (node == null || !node.isObject() || !node.path("text").isTextual() || !node.path("posts").isArray()) {
                errors.accept(p + ": is not an Exhibit edition (expected a JSON object with 'text' and 'posts')");
                continue;
            }
            add(file.substring(0, file.length() - EDITION_SUFFIX.length()), (ObjectNode) node);
            added++;
        }
        return added;
    }

    static String slug(String name) {
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        if (dot > 0) name = name.substring(0, dot); // thread.txt -> thread
        String s = Ascii.FOLD.transliterate(name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[^a-z0-9]+", "");
        if (s.length() > 60) s = s.substring(0, 60);
        s = s.replaceAll("[._-]+$", "");
        return s.isEmpty() ? "thread" : s;
    }

    /** Folds any script to ASCII for ids (Cyrillic file names stay readable in URLs); built on first use. */
    private static final class Ascii {
        static final Transliterator FOLD = Transliterator.getInstance("Any-Latin; Latin-ASCII");
    }

    private static String firstLine(String s) { return s == null ? "" : s.lines().findFirst().orElse(""); }
}
