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
 * A folder of original texts, one work per file, indexed by word 5-gram shingles: plain .txt (which may begin with
 * metadata lines {@code Title:}, {@code Author:}, {@code Year:}), HTML (title and author meta), TEI XML (titleStmt)
 * and EPUB (OPF metadata, spine order). The title is otherwise the file name.
 */
public final class Library {
    public record Work(String path, String title, String author, Integer year, NormalisedWords words) {}

    public static final int N = 5;
    private final List<Work> works = new ArrayList<>();
    private long[] keys = new long[0], vals = new long[0];
    private int size;

    public static Library load(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) throw new IOException(dir + ": is not a directory of texts");
        Library lib = new Library();
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).filter(p -> p.toString().toLowerCase(Locale.ROOT).matches(".*\\.(txt|html?|xhtml|xml|tei|epub)$")).sorted().toList();
        }
        for (Path f : files) {
            String name = f.getFileName().toString(), lower = name.toLowerCase(Locale.ROOT);
            String title = name.replaceFirst("\\.[^.]+$", "");
            if (lower.endsWith(".txt")) {
                lib.add(f.toString(), Files.readString(f, StandardCharsets.UTF_8), title);
                continue;
            }
            org.jsoup.nodes.Document d;
            if (lower.endsWith(".epub")) d = epub(f);
            else if (lower.endsWith(".xml") || lower.endsWith(".tei")) d = Jsoup.parse(Files.readString(f, StandardCharsets.UTF_8), "", org.jsoup.parser.Parser.xmlParser());
            else d = Jsoup.parse(Files.readString(f, StandardCharsets.UTF_8));
            String t = first(d, "titleStmt > title, metadata title, dc|title, title");
            String a = first(d, "titleStmt > author, metadata creator, dc|creator");
            if (a == null) { var m = d.selectFirst("meta[name=author]"); if (m != null) a = m.attr("content"); }
            var body = d.selectFirst("text, body");
            lib.works.add(new Work(f.toString(), t == null ? title : t, a, null, NormalisedWords.of(body == null ? d.text() : body.text())));
        }
        lib.index();
        return lib;
    }

    static String first(org.jsoup.nodes.Document d, String css) {
        var e = d.selectFirst(css);
        return e == null || e.text().isBlank() ? null : e.text().strip();
    }

    /** An EPUB as one document: its OPF metadata, then its XHTML files in spine order. */
    static org.jsoup.nodes.Document epub(Path f) throws IOException {
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(f.toFile())) {
            java.util.zip.ZipEntry opfEntry = z.stream().filter(e -> e.getName().endsWith(".opf")).findFirst()
                    .orElseThrow(() -> new IOException(f + ": is not an EPUB (no .opf package file)"));
            var opf = Jsoup.parse(new String(z.getInputStream(opfEntry).readAllBytes(), StandardCharsets.UTF_8), "", org.jsoup.parser.Parser.xmlParser());
            String base = opfEntry.getName().contains("/") ? opfEntry.getName().substring(0, opfEntry.getName().lastIndexOf('/') + 1) : "";
            java.util.Map<String, String> hrefs = new java.util.HashMap<>();
            for (var item : opf.select("manifest > item")) hrefs.put(item.attr("id"), item.attr("href"));
            org.jsoup.nodes.Document out = Jsoup.parse("<html><head></head><body></body></html>");
            var meta = out.head().appendElement("metadata");
            String t = first(opf, "metadata title, dc|title"), a = first(opf, "metadata creator, dc|creator");
            if (t != null) meta.appendElement("title").text(t);
            if (a != null) meta.appendElement("creator").text(a);
            for (var ref : opf.select("spine > itemref")) {
                String href = hrefs.get(ref.attr("idref"));
                if (href == null) continue;
                java.util.zip.ZipEntry e = z.getEntry(base + href);
                if (e == null) continue;
                var page = Jsoup.parse(new String(z.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8));
                out.body().appendElement("div").text(page.body() == null ? page.text() : page.body().text());
            }
            return out;
        }
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
        works.add(new Work(path, title, author, year, NormalisedWords.of(text, at, text.length())));
    }

    public void index() {
        int total = 0;
        for (Work w : works) total += Math.max(0, w.words().size() - N + 1);
        keys = new long[total]; vals = new long[total];
        size = 0;
        for (int i = 0; i < works.size(); i++) {
            NormalisedWords w = works.get(i).words();
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
