package org.exhibit.analysis.citations;

import org.exhibit.analysis.Layer;
import org.exhibit.analysis.Stage;
import org.exhibit.analysis.entities.PersonNames;
import org.exhibit.model.Citation;
import org.exhibit.model.Citation.Kind;
import org.exhibit.model.Document;
import org.exhibit.model.Evidence;
import org.exhibit.model.Flag;
import org.exhibit.model.Post;
import org.exhibit.model.Quote;
import org.exhibit.model.QuoteKind;
import org.exhibit.model.Span;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Set;

/**
 * Citations as findings of their own, post by post: free-form references ({@link ReferenceParser}), works named
 * by title ({@link TitleFinder}), Ibid./op. cit./Id., and footnote markers ({@link FootnoteMarkers}). An Ibid.
 * resolves to the nearest work cited before it in the same post (inside the same quote when there is one there);
 * never across posts; when no work was cited before it, the last title in quotation marks serves (flag
 * "antecedent-uncited"); such a title, known only by its shape, is listed only when a repeat cites it. Flags: "antecedent-far" when that work is far back, "unresolved" when there is none,
 * "note-absent" on a marker whose note the thread lacks.
 */
public final class CitationFinder implements Stage {
    /** An Ibid. further than this from its work is flagged; further than {@link #MAX_DISTANCE}, left unresolved. */
    public static final int FAR = 2500;
    public static final int MAX_DISTANCE = 15000;

    // The lookahead names the first letters of the words: a position that starts none is left at once.
    static final Pattern REPEAT = Pattern.compile(
            "(?=[IiEeТтOoLl])(?<![\\p{L}])(?<word>[Ii]bid(?:em)?|IBID|[Ee]bd|[Ee]benda|[Тт]ам\\s+же|[Oo]p\\.\\s?[Cc]it|[Ll]oc\\.\\s?[Cc]it|Id)(?![\\p{L}])\\.?(?:\\*|_|\\[/i]|</i>)?"
            + "(?:\\s*,?\\s*(?:(?:" + PageRanges.PREFIX + "|at)\\s*(?<pages>" + PageRanges.LIST + ")|(?<bare>\\d{1,4}(?:\\s*(?:---|--|-|–)\\s*\\d{1,4})?)(?![\\d\\p{L}])))?");
    private static final Pattern NAME_BEFORE_OPCIT = Pattern.compile("([A-Z][\\p{L}'’\\-]+)\\s*,?\\s*$");

    @Override public String name() { return "citations"; }
    @Override public Set<Layer> requires() { return Layer.withReader(Layer.QUOTES); }
    @Override public Set<Layer> assigns() { return Set.of(Layer.CITATIONS); }

    @Override public void apply(Document doc) {
        List<Span> regions = new ArrayList<>();
        for (Post p : doc.posts()) regions.add(p.body());
        if (regions.isEmpty()) regions.add(new Span(0, doc.text().length()));
        Map<Integer, Span> notes = FootnoteMarkers.notes(doc.text(), 0, doc.text().length());
        List<Citation> all = new ArrayList<>();
        List<Quote> titles = new ArrayList<>();
        for (Quote q : doc.quotes()) if (q.kind() == QuoteKind.TITLE) titles.add(q);
        for (Span r : regions) {
            try {
                all.addAll(region(doc, r.start(), r.end(), notes, titles));
            } catch (RuntimeException | StackOverflowError e) {
                // One unreadable post must not cost the thread its other findings; say which post it was.
                doc.flags().add(new Flag("citations-skipped", "citations not read in this post: " + e.getClass().getSimpleName(),
                        new Evidence(r, doc.text().substring(r.start(), Math.min(r.end(), r.start() + 80)))));
            }
        }
        all.sort((a, b) -> a.span().compareTo(b.span()));
        doc.citations().addAll(all);
    }

    /** Everything cited in [from, to), with repeats resolved inside it; titles: the document's TITLE quotes, in order. */
    static List<Citation> region(Document doc, int from, int to, Map<Integer, Span> notes, List<Quote> titles) {
        String t = doc.text();
        List<Citation> found = new ArrayList<>();
        for (ReferenceParser.Ref r : ReferenceParser.find(t, from, to))
            found.add(new Citation(new Span(r.start(), r.end()), t.substring(r.start(), r.end()), Kind.REFERENCE,
                    r.author(), r.title(), r.place(), r.year(), r.pages(), null, List.of()));
        for (TitleFinder.Title ti : TitleFinder.find(doc, from, to)) {
            Span s = new Span(ti.start(), ti.end());
            if (!overlapsAny(found, s))
                found.add(new Citation(s, t.substring(s.start(), s.end()), Kind.TITLE, ti.author(), ti.title(), null, ti.year(), null, null, List.of()));
        }
        // Titles the quote finder recognised by their shape, where no cue made them a work here.
        for (Quote q : titles) {
            Span s = q.outer();
            if (s.start() < from || s.end() > to || overlapsAny(found, s)) continue;
            String title = ReferenceParser.cleanTitle(q.text(doc));
            if (TitleFinder.looksLikeTitle(title) && !TitleFinder.notAWork(doc, s.start(), s.end()))
                found.add(new Citation(s, t.substring(s.start(), s.end()), Kind.TITLE, null, title, null, null, null, null, List.of(SHAPE_ONLY)));
        }
        found.addAll(repeats(doc, from, to, found));
        found.sort((a, b) -> a.span().compareTo(b.span()));
        List<Citation> resolved = new ArrayList<>();
        for (Citation c : found) resolved.add(c.kind() == Kind.IBID || c.kind() == Kind.OP_CIT ? resolve(doc, c, resolved, from) : c);
        // A title known only by its shape is a citation once a repeat cites it; alone it is no evidence of a work.
        Set<String> repeated = new java.util.HashSet<>();
        for (Citation c : resolved)
            if ((c.kind() == Kind.IBID || c.kind() == Kind.OP_CIT) && c.resolvesTo() != null) repeated.add(c.resolvesTo());
        resolved.removeIf(c -> c.flags().contains(SHAPE_ONLY) && !repeated.contains(c.title()));
        for (FootnoteMarkers.Marker m : FootnoteMarkers.find(t, from, to)) {
            Span s = new Span(m.start(), m.end());
            if (overlapsAny(resolved, s)) continue;
            Span note = notes.get(m.number());
            List<String> flags = note == null ? List.of("note-absent") : List.of();
            String to2 = null;
            if (note != null) for (Citation c : resolved)
                if (note.contains(c.span()) && c.kind() != Kind.FOOTNOTE_MARKER) { to2 = c.title() != null ? c.title() : c.resolvesTo(); break; }
            resolved.add(new Citation(s, t.substring(s.start(), s.end()), Kind.FOOTNOTE_MARKER, null, null, null, null, null, to2, flags));
        }
        resolved.sort((a, b) -> a.span().compareTo(b.span()));
        return resolved;
    }

    private static boolean overlapsAny(List<Citation> l, Span s) {
        for (Citation c : l) if (c.span().overlaps(s)) return true;
        return false;
    }

    /** Ibid., op. cit., loc. cit. and Id., with their pages, their parentheses and, for op. cit., the author named. */
    static List<Citation> repeats(Document doc, int from, int to, List<Citation> taken) {
        String t = doc.text();
        List<Citation> out = new ArrayList<>();
        Matcher m = REPEAT.matcher(t);
        for (int at = from; (at = nextRepeat(m, t, at, from, to)) >= 0; ) {
            String word = m.group("word");
            int s = m.start(), e = m.end();
            if (word.equals("Id")) {
                // Id. only where a citation starts: after a sentence end or an opening parenthesis, with a period.
                if (e <= m.start() + 2 || t.charAt(m.start() + 2) != '.') continue;
                int p = s - 1;
                while (p >= from && t.charAt(p) == ' ') p--;
                if (p >= from && t.charAt(p) != '(' && t.charAt(p) != '\n' && !ReferenceSentences.endsAt(t, p)) continue;
            }
            String lower = word.toLowerCase();
            Kind kind = lower.startsWith("op") || lower.startsWith("loc") ? Kind.OP_CIT : Kind.IBID;
            String author = null;
            if (kind == Kind.OP_CIT) {
                int w0 = Math.max(from, s - 40);
                Matcher a = NAME_BEFORE_OPCIT.matcher(t.substring(w0, s));
                if (a.find() && !PersonNames.STOP.contains(a.group(1))) { author = a.group(1); s = w0 + a.start(); }
            }
            // Enclosing parentheses belong to the citation: "(Ibid., p. 113)".
            int p = s - 1;
            while (p >= from && t.charAt(p) == ' ') p--;
            int q = e;
            while (q < to && t.charAt(q) == ' ') q++;
            if (p >= from && t.charAt(p) == '(' && q < to && t.charAt(q) == ')') { s = p; e = q + 1; }
            else if (e < to && t.charAt(e) == '.' && m.group("pages") != null || m.group("bare") != null && e < to && t.charAt(e) == '.') e++;
            Span span = new Span(s, e);
            if (overlapsAny(taken, span)) continue;
            String pages = m.group("pages") != null ? PageRanges.normalise(m.group("pages")) : m.group("bare") != null ? PageRanges.normalise(m.group("bare")) : null;
            out.add(new Citation(span, t.substring(s, e), kind, author, null, null, null, pages, null, List.of()));
        }
        return out;
    }

    /**
     * The next match of REPEAT in [from, to) at or after {@code at}, as {@code find} over that region would give it,
     * or -1; on success the matcher holds the match and its end is returned. The pattern is tried only where its
     * first two letters are (each of its words is a literal), the letter check before it made by hand.
     */
    static int nextRepeat(Matcher m, String t, int at, int from, int to) {
        for (int i = at; i + 1 < to; i++) {
            if (!repeatStart(t.charAt(i), t.charAt(i + 1))) continue;
            if (i > from && Character.isLetter(i - 2 >= from ? Character.codePointBefore(t, i) : t.charAt(i - 1))) continue;
            m.region(i, to);
            if (m.lookingAt()) return m.end();
        }
        return -1;
    }

    /** Can a word of REPEAT (Ibid, IBID, ebd, Ebenda, Там же, op. cit, loc. cit, Id) begin with these two letters? */
    private static boolean repeatStart(char c, char d) {
        return switch (c) {
            case 'I' -> d == 'b' || d == 'B' || d == 'd';
            case 'i', 'E', 'e' -> d == 'b';
            case 'Т', 'т' -> d == 'а';
            case 'O', 'o' -> d == 'p';
            case 'L', 'l' -> d == 'o';
            default -> false;
        };
    }

    /** Fills resolvesTo and author from the nearest earlier work in the same post, preferring the same quote. */
    /** Flag of a title known only by its Title Case shape: listed, but too weak to be what an Ibid. repeats. */
    static final String SHAPE_ONLY = "shape-only";

    static Citation resolve(Document doc, Citation c, List<Citation> before, int from) {
        Quote inner = innermost(doc, c.span().start());
        Citation best = null, bestInQuote = null;
        for (Citation o : before) {
            if (o.span().end() > c.span().start() || workName(o) == null || o.flags().contains(SHAPE_ONLY)) continue;
            if (c.kind() == Kind.OP_CIT && c.author() != null && (o.author() == null || !lastWord(o.author()).equalsIgnoreCase(lastWord(c.author()))))
                continue;
            if (best == null || o.span().end() > best.span().end()) best = o;
            if (inner != null && inner.span().contains(o.span()) && (bestInQuote == null || o.span().end() > bestInQuote.span().end()))
                bestInQuote = o;
        }
        Citation w = bestInQuote != null ? bestInQuote : best;
        List<String> flags = new ArrayList<>();
        if (w == null) { // only titles known by their shape: the nearest will do, flagged as such
            for (Citation o : before)
                if (o.span().end() <= c.span().start() && o.flags().contains(SHAPE_ONLY) && (w == null || o.span().end() > w.span().end())) w = o;
            if (w != null) flags.add("antecedent-uncited");
        }
        if (w == null && c.kind() == Kind.IBID) {
            // No cited work before it: the last work named in quotation marks will do, flagged as such.
            TitleFinder.Title ti = TitleFinder.lastQuotedTitle(doc, Math.max(from, c.span().start() - MAX_DISTANCE), c.span().start());
            if (ti != null) {
                w = new Citation(new Span(ti.start(), ti.end()), doc.text().substring(ti.start(), ti.end()), Kind.TITLE,
                        ti.author(), ti.title(), null, ti.year(), null, null, List.of());
                flags.add("antecedent-uncited");
            }
        }
        String resolvesTo = null, author = c.author();
        if (w == null) flags.add("unresolved");
        else {
            int d = c.span().start() - w.span().end();
            if (d > MAX_DISTANCE) flags.add("unresolved");
            else {
                if (d > FAR) flags.add("antecedent-far");
                resolvesTo = workName(w);
                if (w.author() != null) author = w.author();
            }
        }
        return new Citation(c.span(), c.text(), c.kind(), author, null, null, null, c.pages(), resolvesTo, List.copyOf(flags));
    }

    /** The title a citation names, or "Author Year" for an author-date reference; null when it names no work. */
    static String workName(Citation c) {
        return switch (c.kind()) {
            case REFERENCE -> c.title() != null ? c.title() : c.author() != null && c.year() != null ? c.author() + " " + c.year() : null;
            case TITLE -> c.title();
            case IBID, OP_CIT -> c.resolvesTo();
            default -> null;
        };
    }

    private static String lastWord(String s) {
        String[] w = s.strip().split("\\s+");
        return w[w.length - 1];
    }

    private static Quote innermost(Document doc, int offset) {
        Quote best = null;
        for (Quote q : doc.quotes())
            if (q.span().contains(offset) && (best == null || best.span().contains(q.span()))) best = q;
        return best;
    }

    /**
     * Where a parenthesised reference that closes the stretch [from, to) begins ("... the end of an epoch.
     * (Churchill, The Gathering Storm, London, 1948, p. 367)"), or -1: a block quotation often carries its source
     * on its last line, and those words are the poster's citation, not the quoted author's.
     */
    public static int trailingReference(String text, int from, int to) {
        int end = to;
        while (end > from && Character.isWhitespace(text.charAt(end - 1))) end--;
        if (end > from && (text.charAt(end - 1) == '.')) end--;
        if (end <= from || text.charAt(end - 1) != ')') return -1;
        int open = text.lastIndexOf('(', end - 1);
        if (open < from || end - open > 300 || text.substring(open, end).indexOf('\n') >= 0) return -1;
        for (ReferenceParser.Ref r : ReferenceParser.find(text, open, end))
            if (r.start() <= open + 1 && r.end() >= end - 1) return open;
        return -1;
    }
}
