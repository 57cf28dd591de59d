package org.exhibit.analysis.reuse;

import org.exhibit.analysis.reuse.Aligner;
import org.exhibit.analysis.reuse.Alignment;
import org.exhibit.analysis.reuse.Library;
import org.exhibit.analysis.reuse.NormalisedWords;
import org.exhibit.model.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks quoted passages against a library of original texts. Each passage is aligned (seeded by shared word
 * 5-grams, then word by word) to its best source passage, the work sharing most words with it, and judged:
 * <ul>
 *   <li>{@code accurate}: every word of the source passage is there, none changed;</li>
 *   <li>{@code cut}: source words are left out, marked by an ellipsis or not (each cut says which);</li>
 *   <li>{@code altered}: words changed or added (editorial insertions in square brackets do not count); the quote
 *       gets a {@code misquotation} flag listing them;</li>
 *   <li>{@code not found}: fewer than {@link #minWords} words, or under {@link #minCoverage} of the passage, align.</li>
 * </ul>
 * Quotes with no work yet take the library's bibliographic data.
 */
public final class LibraryVerifier {
    public record Result(String quote, Span span, String verdict, Library.Work work, double similarity, String alignment,
                         List<String> differences, String sourceText) {}

    private static final Pattern ELLIPSIS = Pattern.compile("\\.\\s?\\.\\s?\\.+|…|\\[\\s*(?:\\.\\s?\\.\\s?\\.+|…)\\s*]");
    private static final Pattern BRACKETS = Pattern.compile("\\[[^\\]\\n]{0,80}]");

    public int minWords = 6;
    public double minCoverage = 0.5;
    private final Library library;

    public LibraryVerifier(Library library) { this.library = library; }

    /** Verifies every passage quote of the document; flags and works are added to the quotes. */
    public List<Result> verify(Document doc) {
        List<Result> out = new ArrayList<>();
        for (Quote q : doc.quotesInOrder()) {
            if (q.kind() != QuoteKind.PASSAGE) continue;
            Result r = verify(q.id(), q.span(), q.text(doc));
            out.add(r);
            if (r.work() != null && q.work() == null)
                q.work(new org.exhibit.model.Work(r.work().title(), r.work().author(), r.work().year(), null,
                        new Evidence(q.span(), null), r.similarity()));
            if (r.verdict().equals("altered"))
                q.flags().add(new Flag("misquotation", "differs from " + r.work().title() + ": " + String.join("; ", r.differences()),
                        new Evidence(q.span(), q.text(doc))));
        }
        return out;
    }

    /**
     * Paragraphs outside every quote that the library knows: pasted passages nobody marked as quotations. Only
     * found ones are returned; words around the aligned stretch are the poster's own and do not count.
     */
    public List<Result> verifyUnquoted(Document doc) {
        List<Result> out = new ArrayList<>();
        String t = doc.text();
        int k = 0;
        for (Post p : doc.posts()) {
            int at = p.body().start();
            while (at < p.body().end()) {
                int nl = t.indexOf('\n', at);
                int end = nl < 0 || nl > p.body().end() ? p.body().end() : nl;
                Span line = new Span(at, end);
                at = end + 1;
                boolean quoted = false;
                for (Quote q : doc.quotes()) if (q.span().overlap(line) * 2 > line.length()) quoted = true;
                if (quoted || NormalisedWords.of(t, line.start(), line.end()).size() < minWords) continue;
                Result r = verify("paragraph-" + (++k), line, t.substring(line.start(), line.end()), false);
                if (!r.verdict().equals("not found")) out.add(r);
            }
        }
        return out;
    }

    /** Verifies one quoted passage given as text. */
    public Result verify(String id, Span span, String text) { return verify(id, span, text, true); }

    private Result verify(String id, Span span, String text, boolean strictEdges) {
        NormalisedWords qw = NormalisedWords.of(text);
        int n = Library.N;
        Map<Integer, List<Long>> seedsByWork = new HashMap<>();
        for (int i = 0; i + n <= qw.size(); i++)
            for (long p : library.lookup(qw.shingle(i, n))) {
                int work = (int) (p >>> 32);
                if (seedsByWork.computeIfAbsent(work, k -> new ArrayList<>()).size() < 100_000)
                    seedsByWork.get(work).add((long) i << 32 | (p & 0xffffffffL));
            }
        Alignment best = null;
        Library.Work bestWork = null;
        Aligner aligner = new Aligner();
        aligner.maxGap = 30;    // words the quoter added or changed between anchors
        aligner.band = 20_000;  // words the quoter cut between anchors
        for (var e : seedsByWork.entrySet()) {
            Library.Work w = library.works().get(e.getKey());
            long[] seeds = e.getValue().stream().mapToLong(Long::longValue).toArray();
            for (Alignment al : aligner.align(qw, w.words(), seeds, seeds.length, false))
                if (best == null || al.matched() > best.matched()) { best = al; bestWork = w; }
        }
        if (best == null || best.matched() < minWords || (strictEdges && best.matched() < minCoverage * qw.size()))
            return new Result(id, span, "not found", null, best == null ? 0 : best.similarity(), null, List.of(), null);

        extendEdges(best, qw, bestWork.words());
        boolean[] editorial = marks(text, qw, BRACKETS);
        boolean[] cutBefore = cutMarks(text, qw);
        List<String> diffs = new ArrayList<>();
        boolean altered = false, cut = false;
        NormalisedWords src = bestWork.words();
        for (Alignment.Op o : best.ops()) {
            switch (o.type()) {
                case '~' -> { altered = true; diffs.add("changed: " + surface(qw, o.aFrom(), o.aTo()) + " (source: " + surface(src, o.bFrom(), o.bTo()) + ")"); }
                case '-' -> {
                    boolean ed = true;
                    for (int i = o.aFrom(); i < o.aTo(); i++) ed &= editorial[i];
                    if (ed) diffs.add("editorial insertion: " + surface(qw, o.aFrom(), o.aTo()));
                    else { altered = true; diffs.add("added: " + surface(qw, o.aFrom(), o.aTo())); }
                }
                case '+' -> {
                    cut = true;
                    boolean marked = o.aFrom() < cutBefore.length && cutBefore[o.aFrom()];
                    diffs.add((marked ? "cut, marked: " : "cut, unmarked: ") + (o.bTo() - o.bFrom()) + " words (" + surface(src, o.bFrom(), o.bTo()) + ")");
                }
                default -> { }
            }
        }
        // Quote words outside the aligned stretch: the quoter's own words glued to the passage, or a changed edge.
        int head = best.aStart(), tail = qw.size() - best.aEnd();
        if (head > 2 && strictEdges) { altered = true; diffs.add(0, "not in source: " + surface(qw, 0, head)); }
        if (tail > 2 && strictEdges) { altered = true; diffs.add("not in source: " + surface(qw, best.aEnd(), qw.size())); }
        String verdict = altered ? "altered" : cut ? "cut" : "accurate";
        String sourceText = src.text().substring(src.start(best.bStart()), src.end(best.bEnd() - 1));
        return new Result(id, span, verdict, bestWork, Math.round(best.similarity() * 1000) / 1000.0, best.script(), diffs, sourceText);
    }

    /** A quote's first or last words changed (no anchor reaches them): pair them with the source's neighbours. */
    static void extendEdges(Alignment al, NormalisedWords q, NormalisedWords src) {
        int tail = q.size() - al.aEnd();
        if (tail > 0 && tail <= 3)
            for (int k = 0; k < tail && al.bEnd() < src.size(); k++) {
                int a = al.aEnd(), b = al.bEnd();
                al.add(q.hash(a) == src.hash(b) ? '=' : '~', a, b, 1, 1);
            }
        int head = al.aStart();
        if (head > 0 && head <= 3)
            for (int k = 0; k < head && al.bStart() > 0; k++) {
                int a = al.aStart() - 1, b = al.bStart() - 1;
                al.prepend(q.hash(a) == src.hash(b) ? '=' : '~', a, b, 1, 1);
            }
    }

    static String surface(NormalisedWords w, int from, int to) {
        if (from >= to) return "";
        String s = w.text().substring(w.start(from), w.end(to - 1));
        return s.length() > 120 ? s.substring(0, 60) + " … " + s.substring(s.length() - 50) : s;
    }

    /** Words lying inside a match of the pattern. */
    static boolean[] marks(String text, NormalisedWords w, Pattern p) {
        boolean[] m = new boolean[w.size()];
        Matcher x = p.matcher(text);
        while (x.find())
            for (int i = w.indexAt(x.start()); i < w.size() && w.start(i) < x.end(); i++) m[i] = true;
        return m;
    }

    /** cut[i]: an ellipsis stands between word i-1 and word i (or at the end, for i == size). */
    static boolean[] cutMarks(String text, NormalisedWords w) {
        boolean[] c = new boolean[w.size() + 1];
        Matcher x = ELLIPSIS.matcher(text);
        while (x.find()) c[w.indexAt(x.start())] = true;
        return c;
    }
}
