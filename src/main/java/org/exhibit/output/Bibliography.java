package org.exhibit.output;

import org.exhibit.model.*;

import java.text.Normalizer;
import java.util.*;

/**
 * The works a document cites or quotes from, merged: citations (references and titles) and the works and
 * source posts of quotes. Shared by the TEI {@code listBibl} and the CSL-JSON bibliography so both agree on ids.
 */
public final class Bibliography {
    /** One work. Fields may be null when the thread does not say. {@code post} is set for a quoted forum post. */
    public static final class Entry {
        public final String id;
        String title, author, place, pages;
        Integer year;
        String published; // forum posts: ISO date-time
        Post post;
        boolean interview; // quoted as a question/answer transcript

        Entry(String id) { this.id = id; }

        public String title() { return title; }
        public String author() { return author; }
        public String place() { return place; }
        public String pages() { return pages; }
        public Integer year() { return year; }
        public Post post() { return post; }
        public String published() { return published; }

        void merge(String title, String author, String place, Integer year, String pages) {
            if (this.title == null) this.title = blankToNull(title);
            if (this.author == null) this.author = blankToNull(author);
            if (this.place == null) this.place = blankToNull(place);
            if (this.year == null) this.year = year;
            if (this.pages == null) this.pages = blankToNull(pages);
        }

        /** The CSL item type, guessed from what the thread says about the work. */
        public String cslType() {
            if (post != null) return "post";
            if (interview) return "interview";
            String t = ((title == null ? "" : title) + " " + (author == null ? "" : author)).toLowerCase(Locale.ROOT);
            if (t.matches(".*\\b(trial|court|proceedings|tribunal|verdict|indictment|v\\.|versus|case of)\\b.*")) return "legal_case";
            if (t.matches(".*\\b(report|commission|committee|hearings?)\\b.*")) return "report";
            if (t.matches(".*\\binterview(ed)?\\b.*")) return "interview";
            if (t.matches(".*\\b(journal|review|quarterly|magazine|bulletin)\\b.*")) return "article-journal";
            if (title != null && (year != null || place != null || author != null)) return "book";
            return "manuscript";
        }
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Entry> byKey = new HashMap<>();
    private final Map<Quote, Entry> byQuote = new HashMap<>();
    private final Map<Citation, Entry> byCitation = new HashMap<>();

    public static Bibliography of(Document doc) {
        Bibliography b = new Bibliography();
        for (Citation c : doc.citations()) {
            if (c.kind() == Citation.Kind.REFERENCE || c.kind() == Citation.Kind.TITLE) {
                String title = c.title() != null ? c.title() : c.kind() == Citation.Kind.TITLE ? unquote(c.text()) : null;
                Entry e = b.entry(title, c.author(), c.year());
                if (e != null) { e.merge(title, c.author(), c.place(), c.year(), c.pages()); b.byCitation.put(c, e); }
            }
        }
        for (Citation c : doc.citations()) {
            if (c.resolvesTo() != null && !b.byCitation.containsKey(c)) {
                Entry e = b.byKey.get(key(c.resolvesTo(), null, null));
                if (e != null) b.byCitation.put(c, e);
            }
        }
        for (Quote q : doc.quotesInOrder()) {
            Work w = q.work();
            if (w != null) {
                Entry e = b.entry(w.title(), w.author(), w.year());
                if (e != null) {
                    e.merge(w.title(), w.author(), null, w.year(), w.pages());
                    e.interview |= q.marker() == Marker.INTERVIEW;
                    b.byQuote.put(q, e);
                    continue;
                }
            }
            Post p = q.sourcePost() == null ? null : doc.post(q.sourcePost());
            if (p != null) {
                Entry e = b.byKey.computeIfAbsent("post\u0000" + p.id(), k -> b.add());
                e.post = p;
                e.author = p.author();
                e.published = p.published();
                e.title = "Post " + p.id() + (p.author() == null ? "" : " by " + p.author());
                b.byQuote.put(q, e);
            }
        }
        return b;
    }

    private Entry add() {
        Entry e = new Entry("work-" + (entries.size() + 1));
        entries.add(e);
        return e;
    }

    /** The entry for a work, by title when known, else by author and year; null when there is nothing to go on. */
    private Entry entry(String title, String author, Integer year) {
        String k = key(title, author, year);
        if (k == null) return null;
        Entry e = byKey.get(k);
        if (e == null) { e = add(); byKey.put(k, e); }
        return e;
    }

    static String key(String title, String author, Integer year) {
        if (title != null && !title.isBlank()) return "t\u0000" + norm(title);
        if (author != null && !author.isBlank()) return "a\u0000" + norm(author) + "\u0000" + year;
        return null;
    }

    private static String norm(String s) {
        String t = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        t = t.replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return t.replaceFirst("^(the|a|an) ", "");
    }

    /** The last segment of a path, for titles of files. */
    static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }

    /** A title as written in the thread, without the quotation marks around it. */
    static String unquote(String s) {
        return s == null ? null : s.strip().replaceAll("^[\"'“”‘’«»„`]+|[\"'“”‘’«»„`]+$", "").strip();
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.strip(); }

    public List<Entry> entries() { return Collections.unmodifiableList(entries); }

    /** The entry a quote was taken from (its work, or the earlier post it reproduces), or null. */
    public Entry of(Quote q) { return byQuote.get(q); }

    /** The entry a citation names or repeats (Ibid. resolved by title), or null. */
    public Entry of(Citation c) { return byCitation.get(c); }
}
