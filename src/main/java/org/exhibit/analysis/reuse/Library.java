package org.exhibit.analysis.reuse;

import org.jsoup.Jsoup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A folder of original texts, one work per file (plain .txt, or .html/.htm/.xml read as text), indexed by word
 * 5-gram shingles. A text file may begin with metadata lines {@code Title:}, {@code Author:}, {@code Year:}; the
 * title is otherwise the file name.
 */
public final class Library {
    public record Work(String path, String title, String author, Integer year, Words words) {}

    public static final int N = 5;
    private final List<Work> works = new ArrayList<>();
    private long[] keys = new long[0], vals = new long[0];
    private int size;

    public static Library load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) throw new IOException(dir + ": is not a directory of texts");
        Library lib = new Library();
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).filter(p -> p.toString().toLowerCase(Locale.ROOT).matches(".*\\.(txt|html?|xml)$")).sorted().toList();
        }
        for (Path f : files) {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            if (!f.toString().toLowerCase(Locale.ROOT).endsWith(".txt")) text = Jsoup.parse(text).text();
            lib.add(f.toString(), text, f.getFileName().toString().replaceFirst("\\.[^.]+$", ""));
        }
        lib.index();
        return lib;
    }

    /** Adds one work; call {@link #index()} after the last. */
    public void add(String path, String text, String defaultTitle) {
        String title = defaultTitle, author = null;
        Integer year = null;
        int at = 0;
        while (at < text.length()) {
            int nl = text.indexOf('\n', at);
            String line = (nl < 0 ? text.substring(at) : text.substring(at, nl)).strip();
            var m = java.util.regex.Pattern.compile("(?i)^(title|author|year)\\s*:\\s*(.+)$").matcher(line);
            if (!m.matches()) break;
            switch (m.group(1).toLowerCase(Locale.ROOT)) {
                case "title" -> title = m.group(2).strip();
                case "author" -> author = m.group(2).strip();
                default -> { try { year = Integer.parseInt(m.group(2).strip()); } catch (NumberFormatException ignored) { } }
            }
            at = nl < 0 ? text.length() : nl + 1;
        }
        works.add(new Work(path, title, author, year, Words.of(text, at, text.length())));
    }

    public void index() {
        int total = 0;
        for (Work w : works) total += Math.max(0, w.words().size() - N + 1);
        keys = new long[total]; vals = new long[total];
        size = 0;
        for (int i = 0; i < works.size(); i++) {
            Words w = works.get(i).words();
            for (int p = 0; p + N <= w.size(); p++) { keys[size] = w.shingle(p, N); vals[size] = (long) i << 32 | p; size++; }
        }
        Postings.sort(keys, vals, size);
    }

    public List<Work> works() { return works; }

    /** Postings (work << 32 | position) of one shingle. */
    public long[] lookup(long shingle) {
        int lo = 0, hi = size;
        while (lo < hi) { int m = (lo + hi) >>> 1; if (keys[m] < shingle) lo = m + 1; else hi = m; }
        int e = lo;
        while (e < size && keys[e] == shingle) e++;
        return Arrays.copyOfRange(vals, lo, e);
    }
}
