package org.exhibit.analysis.quotes;

import org.exhibit.Limits;
import org.exhibit.analysis.Stage;
import org.exhibit.model.Document;
import org.exhibit.model.Evidence;
import org.exhibit.model.Flag;
import org.exhibit.model.Marker;
import org.exhibit.model.Post;
import org.exhibit.model.Quote;
import org.exhibit.model.QuoteKind;
import org.exhibit.model.Span;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.exhibit.analysis.Layer;

/**
 * Finds every quoted passage of every post and builds the quote tree. Markup quotes that a reader already found
 * (BBCode, HTML, Markdown) are kept; in post text it adds Invision tag blocks, displayed quotations, interview
 * transcripts and run-in quotations, then numbers all quotes in text order and links each to its enclosing quote.
 */
public final class QuoteFinder implements Stage {
    @Override public String name() { return "quotes"; }
    @Override public Set<Layer> requires() { return Layer.withReader(); }
    @Override public Set<Layer> assigns() { return Set.of(Layer.QUOTES); }

    @Override public void apply(Document doc) {
        String text = doc.text();
        List<Quote> all = new ArrayList<>(doc.quotes());
        java.util.Map<String, PriorPosts> priors = PriorPosts.forDocument(doc);
        List<Span> skipped = new ArrayList<>();
        List<Span> tooDeep = new ArrayList<>(); // passages left unread below the depth limit
        // Quotes a reader found in the markup, by start: each post looks up its own instead of scanning them all.
        List<Quote> declared = new ArrayList<>(all);
        declared.sort((a, b) -> a.span().compareTo(b.span()));
        for (Post post : doc.posts()) {
            List<Span> markup = new ArrayList<>();
            List<Quote> readerQuotes = new ArrayList<>();
            int lo = 0, hi = declared.size();
            while (lo < hi) { int mid = (lo + hi) >>> 1; if (declared.get(mid).span().start() < post.body().start()) lo = mid + 1; else hi = mid; }
            for (int k = lo; k < declared.size() && declared.get(k).span().start() <= post.body().end(); k++)
                if (post.body().contains(declared.get(k).span())) { markup.add(declared.get(k).outer()); readerQuotes.add(declared.get(k)); }
            PriorPosts prior = priors.get(post.id());
            for (Span seg : SelfRepeat.segments(text, post.body()))
                for (Span part : withoutLongParagraphs(text, seg, skipped))
                    all.addAll(new Segment(text, post.id(), part, markup, readerQuotes, prior, tooDeep).find());
        }
        if (!skipped.isEmpty()) {
            Span shown = new Span(skipped.get(0).start(), skipped.get(0).start() + 80);
            doc.flags().add(new Flag("line-limit", skipped.size() + " paragraphs longer than " + Limits.maxLineChars()
                    + " characters were not searched for quotes (" + Limits.howToSet(Limits.MAX_LINE_CHARS) + ")",
                    new Evidence(shown, doc.slice(shown))));
        }
        withoutTrailingReferences(doc, all);
        Reproductions.find(doc, all); // words of earlier posts, marked or not
        doc.quotes().clear();
        doc.quotes().addAll(limitDepth(number(all, doc), doc, tooDeep));
    }

    /**
     * The parts of a segment between paragraphs longer than {@link Limits#maxLineChars()}: such a paragraph is
     * not prose anyone quotes from (a minified page, a pasted dump), and searching it would cost time without bound.
     */
    static List<Span> withoutLongParagraphs(String text, Span seg, List<Span> skipped) {
        int max = Limits.maxLineChars();
        if (seg.length() <= max) return List.of(seg);
        List<Span> parts = new ArrayList<>();
        int from = seg.start();
        for (Para p : Para.of(text, seg.start(), seg.end())) {
            if (p.end() - p.start() <= max) continue;
            if (p.start() > from) parts.add(new Span(from, p.start()));
            skipped.add(p.span());
            from = p.end();
        }
        if (from < seg.end()) parts.add(new Span(from, seg.end()));
        return parts;
    }

    /**
     * Drops quotes nested deeper than {@link Limits#maxQuoteDepth()} (hostile or broken markup, not testimony) and
     * says so in a document flag, so later stages and writers never recurse that deep.
     */
    static List<Quote> limitDepth(List<Quote> numbered, Document doc, List<Span> tooDeep) {
        int max = Limits.maxQuoteDepth();
        java.util.Map<String, Integer> depth = new java.util.HashMap<>();
        List<Quote> kept = new ArrayList<>();
        Span firstDropped = tooDeep.isEmpty() ? null : tooDeep.get(0);
        int dropped = tooDeep.size();
        for (Quote q : numbered) { // parents come before their children
            int d = q.parent() == null ? 1 : depth.get(q.parent()) + 1;
            depth.put(q.id(), d);
            if (d <= max) kept.add(q);
            else if (dropped++ == 0) firstDropped = q.span();
        }
        if (dropped == 0) return numbered;
        if (kept.size() == numbered.size()) kept = numbered; // only unclassified deep passages: numbering stands
        Span shown = new Span(firstDropped.start(), Math.min(firstDropped.end(), firstDropped.start() + 80));
        doc.flags().add(new Flag("nesting-limit", dropped + " quotes nested more than " + max + " levels deep were not analysed ("
                + Limits.howToSet(Limits.MAX_QUOTE_DEPTH) + ")", new Evidence(shown, doc.slice(shown))));
        return kept == numbered ? numbered : number(kept, doc);
    }

    /** Sorts, removes duplicates, assigns ids q1.. in text order and sets each quote's parent. */
    static List<Quote> number(List<Quote> found, Document doc) {
        List<Quote> sorted = new ArrayList<>(found);
        sorted.sort((a, b) -> a.span().compareTo(b.span()));
        List<Quote> out = new ArrayList<>();
        Set<Span> seen = new HashSet<>();
        for (Quote q : sorted) if (seen.add(q.span())) out.add(q.withId("q" + (out.size() + 1)));
        // The parent is the nearest earlier quote whose outer extent contains the span. Every earlier quote starts at
        // or before it (sorted by start, markers only widen), so that is the nearest earlier one whose outer end
        // reaches the span's end: a stack of outer ends, decreasing upwards, answers it in log time instead of a
        // backward scan that was quadratic on threads with many quotes.
        int[] stack = new int[out.size()];
        int[] ends = new int[out.size()];
        int top = 0;
        for (int i = 0; i < out.size(); i++) {
            Quote q = out.get(i);
            int lo = 0, hi = top - 1, at = -1; // the topmost stack entry with ends >= q's end
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (ends[stack[mid]] >= q.span().end()) { at = mid; lo = mid + 1; } else hi = mid - 1;
            }
            q.parent(at < 0 ? null : out.get(stack[at]).id());
            ends[i] = q.outer().end();
            while (top > 0 && ends[stack[top - 1]] <= ends[i]) top--;
            stack[top++] = i;
        }
        return out;
    }

    /** One segment of a post: a run of text that quotes cannot cross. */
    private static final class Segment {
        final String text, post;
        final List<Para> paras;
        final int[] ends;
        final List<Span> markup;
        final List<Quote> readerQuotes;
        final PriorPosts prior;
        final List<Quote> out = new ArrayList<>();
        final Set<Integer> usedMarks = new HashSet<>();
        final Set<Integer> intros = new HashSet<>();
        final boolean[] covered;

        private Span seg;
        final List<Span> tooDeep;

        Segment(String text, String post, Span seg, List<Span> markup, List<Quote> readerQuotes, PriorPosts prior, List<Span> tooDeep) {
            this.readerQuotes = readerQuotes;
            this.tooDeep = tooDeep;
            this.text = text;
            this.post = post;
            this.paras = splitHeaders(text, Para.of(text, seg.start(), seg.end()));
            this.ends = QuoteTags.ends(paras);
            this.markup = markup;
            this.prior = prior;
            this.covered = new boolean[paras.size()];
            this.seg = seg;
        }

        private static final java.util.regex.Pattern HEADER_WITH_TEXT =
                java.util.regex.Pattern.compile("^QUOTE\\s*(?:\\([^)]*\\)|(?!\\())[ \\t]*(?=\\S)");

        /** "QUOTE(name @ date) text..." on one line: the header and the quoted text become two paragraphs. */
        static List<Para> splitHeaders(String text, List<Para> ps) {
            List<Para> out = new ArrayList<>();
            for (Para p : ps) {
                java.util.regex.Matcher m = HEADER_WITH_TEXT.matcher(p.text());
                if (m.find() && m.end() < p.text().length() && !p.text().startsWith("QUOTE", m.end())) {
                    int cut = p.start() + m.end();
                    int hEnd = cut;
                    while (hEnd > p.start() && Character.isWhitespace(text.charAt(hEnd - 1))) hEnd--;
                    out.add(new Para(p.start(), hEnd, text.substring(p.start(), hEnd)));
                    out.add(new Para(cut, p.end(), text.substring(cut, p.end())));
                } else out.add(p);
            }
            return out;
        }

        /** Displayed quotations inside a markup quote ("[quote]He wrote: "..."[/quote]"), Markdown prefixes skipped. */
        private void insideMarkup(Quote rq) {
            List<Para> ps = new ArrayList<>();
            for (Para p : Para.of(text, rq.span().start(), rq.span().end())) {
                int s = p.start();
                while (s < p.end() && (text.charAt(s) == '>' || text.charAt(s) == ' ')) s++;
                if (s < p.end()) ps.add(new Para(s, p.end(), text.substring(s, p.end())));
            }
            if (ps.isEmpty()) return;
            int[] es = QuoteTags.ends(ps);
            for (Displayed d : DisplayedQuotes.find(text, ps, es, false, true)) {
                // A quotation that is the whole markup quote says the same thing twice: keep the markup one.
                if (d.span().length() * 10 >= (rq.span().length() - 2) * 9) { usedMarks.addAll(d.usedMarks()); continue; }
                displayed(d);
            }
        }

        List<Quote> find() {
            for (int i = 0; i < paras.size(); i++)
                for (Span m : markup) if (m.overlaps(paras.get(i).span())) covered[i] = true;
            if (markup.isEmpty()) {
                for (Block b : QuoteTags.scan(text, paras, ends, prior, intros)) block(b);
                for (int i = 0; i < paras.size(); i++) if (QuoteTags.isHeader(paras.get(i))) covered[i] = true;
            }
            for (Quote rq : readerQuotes) if (seg.contains(rq.span())) insideMarkup(rq);
            posterRegions();
            runIns();
            return out;
        }

        private void block(Block b) {
            List<Para> ps = paras.subList(b.first(), b.last() + 1);
            int[] es = java.util.Arrays.copyOfRange(ends, b.first(), b.last() + 1);
            List<Displayed> ds = DisplayedQuotes.find(text, ps, es, false, true);
            for (int i = b.first(); i <= b.last(); i++) covered[i] = true;
            if (!ds.isEmpty() && ds.get(0).firstPara() == 0 && ds.get(0).marker() != Marker.BLOCK) {
                Displayed d = ds.get(0);
                // The block is this one quotation (the tag and its quotation marks say the same thing).
                add(new Quote(null, post, d.span(), QuoteKind.PASSAGE, b.marker(), b.open() != null ? b.open() : d.open(),
                        d.lastPara() == ps.size() - 1 && b.close() != null ? b.close() : d.close(), List.of(), b.name(), b.date(), null));
                usedMarks.addAll(d.usedMarks());
                for (Displayed k : d.nested()) displayed(k);
                int rest = b.first() + d.lastPara() + 1;
                if (rest <= b.last()) {
                    for (int i = rest; i <= b.last(); i++) covered[i] = false;
                    if (b.close() != null) { // the closing tag belongs to a pasted passage after the poster's words
                        int from = QuoteTags.closingOnlyStart(text, paras, ends, rest, b.last(), intros);
                        block(new Block(from, b.last(), null, b.close(), Marker.QUOTE_CLOSING_ONLY, null, null));
                    }
                }
                return;
            }
            Span span = new Span(paras.get(b.first()).start(), ends[b.last()]);
            add(new Quote(null, post, span, QuoteKind.PASSAGE, b.marker(), b.open(), b.close(), List.of(), b.name(), b.date(), null));
            for (Displayed d : ds) displayed(d);
        }

        private void displayed(Displayed d) {
            add(new Quote(null, post, d.span(), QuoteKind.PASSAGE, d.marker(), d.open(), d.close()));
            usedMarks.addAll(d.usedMarks());
            for (Displayed k : d.nested()) displayed(k);
        }

        /** Paragraphs outside blocks are the poster's, except displayed quotations and interviews among them. */
        private void posterRegions() {
            int i = 0;
            while (i < paras.size()) {
                if (covered[i]) { i++; continue; }
                int j = i;
                while (j + 1 < paras.size() && !covered[j + 1]) j++;
                List<Para> ps = paras.subList(i, j + 1);
                int[] es = java.util.Arrays.copyOfRange(ends, i, j + 1);
                boolean[] taken = new boolean[ps.size()];
                for (Displayed d : DisplayedQuotes.find(text, ps, es, false, false)) {
                    displayed(d);
                    for (int k = d.firstPara(); k <= d.lastPara(); k++) taken[k] = true;
                }
                Set<Integer> excluded = new HashSet<>();
                for (int k = 0; k < ps.size(); k++) if (taken[k] || intros.contains(i + k)) excluded.add(k);
                for (int[] run : Interviews.find(ps, excluded)) {
                    Span span = new Span(ps.get(run[0]).start(), es[run[1]]);
                    add(new Quote(null, post, span, QuoteKind.PASSAGE, Marker.INTERVIEW, null, null));
                }
                i = j + 1;
            }
        }

        private void runIns() {
            Set<Span> have = new HashSet<>();
            for (Quote q : out) have.add(q.span());
            for (RunInQuotes.RunIn r : RunInQuotes.find(text, paras, ends, usedMarks, tooDeep)) {
                if (!have.add(r.span())) continue;
                QuoteKind kind = r.kind();
                // Words of an earlier post quoted in passing are a passage: the thread quoting itself.
                if (kind == QuoteKind.PHRASE && reproducesEarlierPost(r.span())) kind = QuoteKind.PASSAGE;
                add(new Quote(null, post, r.span(), kind, r.marker(), r.open(), r.close()));
            }
        }

        private boolean reproducesEarlierPost(Span s) {
            if (prior == null || prior.isEmpty()) return false;
            PriorPosts.Match m = prior.match(text, s);
            // Words that stood in quotation marks in the earlier post too were its quotation, copied along with
            // it (a phrase of a quoted passage), not the earlier poster's words quoted again.
            return m != null && m.passage().length() * 10 >= s.length() * 8 && !inQuotationMarks(text, m.original());
        }

        /** Whether a quotation mark opens right before or closes right after the span (spaces and punctuation between). */
        private static boolean inQuotationMarks(String text, Span s) {
            int i = s.start() - 1;
            for (int k = 0; k < 3 && i >= 0 && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '(' || text.charAt(i) == '['); k++) i--;
            if (i >= 0 && QuoteMarks.isQuoteChar(text.charAt(i)) && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) return true;
            int j = s.end();
            for (int k = 0; k < 4 && j < text.length() && ".,;:!?…) ".indexOf(text.charAt(j)) >= 0; k++) j++;
            return j < text.length() && QuoteMarks.isQuoteChar(text.charAt(j)) && !apostrophe(text, j);
        }

        private static boolean apostrophe(String text, int i) {
            char c = text.charAt(i);
            return (c == '\'' || c == '\u2019') && i > 0 && i + 1 < text.length()
                    && Character.isLetterOrDigit(text.charAt(i - 1)) && Character.isLetter(text.charAt(i + 1));
        }

        private void add(Quote q) { out.add(q); }
    }

    /**
     * A passage whose last words are a parenthesised reference to its source ends before it: the reference is the
     * poster's citation, read by the citation finder and by attribution as the citation after the passage.
     */
    static void withoutTrailingReferences(Document doc, List<Quote> all) {
        String text = doc.text();
        for (int i = 0; i < all.size(); i++) {
            Quote q = all.get(i);
            if (q.kind() != QuoteKind.PASSAGE) continue;
            int open = org.exhibit.analysis.citations.CitationFinder.trailingReference(text, q.span().start(), q.span().end());
            if (open < 0) continue;
            int end = open;
            while (end > q.span().start() && Character.isWhitespace(text.charAt(end - 1))) end--;
            if (end - q.span().start() < 20) continue; // nothing but the reference: leave it
            List<Span> ex = new ArrayList<>();
            for (Span e : q.exclusions()) if (e.end() <= end) ex.add(e);
            Quote t = new Quote(q.id(), q.post(), new Span(q.span().start(), end), q.kind(), q.marker(), q.openMarker(), q.closeMarker(),
                    ex, q.markupName(), q.markupDate(), q.markupPost());
            all.set(i, t);
        }
    }
}
