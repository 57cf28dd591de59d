package org.exhibit.analysis.quotes;

import org.exhibit.model.Marker;
import org.exhibit.model.Span;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds displayed quotations in a run of paragraphs, following the printer's conventions that survive copy-paste:
 * a quotation opens at the start of a paragraph (or after a short introduction ending in a colon), each further
 * paragraph of it opens again with a mark, and only the last one closes. Inside a quotation, a new quotation
 * starts only after an introducing colon; a first-person paragraph after such a colon with no marks at all is a
 * block quotation.
 */
final class DisplayedQuotes {
    /** How many paragraphs ahead a quotation is read turn by turn before only the lookup decides where it ends. */
    private static final int DIALOGUE_REACH = 50;

    private DisplayedQuotes() {}

    private static final Pattern FOOTNOTE_TAIL = Pattern.compile("(\\(\\d{1,3}\\)|\\[\\d{1,3}\\]|(?<=[\"”’'.])\\d{1,2}|(?<![¹²³⁴⁵⁶⁷⁸⁹⁰])[¹²³⁴⁵⁶⁷⁸⁹⁰]++)\\s*$"); // a superscript run is tried from its start only (else quadratic)
    /** A parenthesised reference after a quotation: "(Conquest, The Great Terror, London, 1968, p. 43)", "(Ibid.)". */
    private static final Pattern CITATION_TAIL = Pattern.compile("\\s*\\((?:[Ii]bid|[Ii]d\\.|op\\. cit|[^()]{0,200}?(?:\\bpp?\\.\\s*\\d|\\b1[5-9]\\d\\d\\b|\\b20\\d\\d\\b))[^()]{0,200}\\)\\s*\\.?\\s*$");
    static final int MAX_INTRO_WORDS = 40;
    /** A speech verb in a same-line introduction ("Molotov admitted in his talks with Chuev: ..."). */
    private static final Pattern SAYS = Pattern.compile("(?i)\\b(wrote|writes|said|says|stated|states|admitted|admits|declared|declares|told|recalled|recalls|explained|explains|replied|answered|added|adds|noted|notes|put it|testified|testifies|argued|argues|concluded|according to)\\b");

    /**
     * @param paras  the paragraphs, in order; for a nested search the first one is the enclosing quote's first
     * @param ends   per paragraph, where its quotable text ends (before a glued QUOTE tag)
     * @param nested true inside a quotation: paragraph-initial marks are continuations there
     * @param blockStart true when paras[0] opens a quote block, so an introduction on its first line is allowed
     */
    static List<Displayed> find(String text, List<Para> paras, int[] ends, boolean nested, boolean blockStart) {
        List<Displayed> out = new ArrayList<>();
        int n = paras.size();
        int[] closers = null; // made when first needed
        for (int i = nested ? 1 : 0; i < n; i++) {
            Para p = paras.get(i);
            int pEnd = ends[i];
            boolean prevColon = i > 0 && endsWithColon(text, paras.get(i - 1), ends[i - 1]);
            List<QuoteMarks.Mark> marks = QuoteMarks.scanStrict(text, p.start(), pEnd);
            QuoteMarks.Mark opener = firstMark(marks, p.start());
            boolean inlineIntro = false;
            if (opener == null) {
                QuoteMarks.Mark afterColon = openerAfterColon(text, p, marks);
                if (afterColon != null && !nested) {
                    QuoteMarks.Mark closer = closerOf(afterColon, marks);
                    boolean closesAtEnd = closer != null && closer.equals(closerAtEnd(text, p, pEnd));
                    boolean unclosed = closer == null;
                    int words = WordCounts.count(text.substring(afterColon.end(), pEnd));
                    boolean introduced = SAYS.matcher(text.substring(p.start(), afterColon.pos())).find();
                    if ((blockStart && i == 0 && (unclosed || closesAtEnd)) || (closesAtEnd && (words >= 20 || introduced && words >= 6))) {
                        opener = afterColon;
                        inlineIntro = true;
                    }
                }
                if (opener == null) {
                    if (prevColon && (nested || blockStart) && WordCounts.firstPerson(p.text())
                            && !WordCounts.firstPerson(paras.get(i - 1).text()) && marks.isEmpty()) {
                        out.add(new Displayed(Marker.BLOCK, new Span(p.start(), pEnd), null, null, i, i, List.of(), List.of()));
                    }
                    continue;
                }
            }
            QuoteMarks.Mark closer = closerOf(opener, marks);
            QuoteMarks.Mark atEnd = closerAtEnd(text, p, pEnd);
            int last;
            QuoteMarks.Mark finalCloser;
            List<Integer> used = new ArrayList<>(List.of(opener.pos()));
            if (closer != null && closer.equals(atEnd)) {
                if (nested && !prevColon) continue;
                last = i;
                finalCloser = closer;
            } else {
                if (nested && !prevColon) continue;
                if (closer != null && !prevColon && !inlineIntro) continue; // closes mid-paragraph: run in, not displayed
                last = -1;
                finalCloser = null;
                for (int j = i; j < n && j - i < DIALOGUE_REACH; j++) {
                    QuoteMarks.Mark end = closerAtEnd(text, paras.get(j), ends[j]);
                    if (j > i) {
                        List<QuoteMarks.Mark> jm = QuoteMarks.scanStrict(text, paras.get(j).start(), ends[j]);
                        QuoteMarks.Mark cont = firstMark(jm, paras.get(j).start());
                        if (cont != null && !opensOwnQuotation(cont, jm, end)) used.add(cont.pos());
                    }
                    boolean nextOpens = j + 1 < n && startsWithOpener(text, paras.get(j + 1), ends[j + 1]);
                    // A quotation whose opening mark this paragraph's last mark closes is complete, and a next paragraph
                    // that opens and closes its own quotation is a quotation of its own (a dialogue turn), not a
                    // continuation by the multi-paragraph convention.
                    if (end != null && nextOpens && !continuesQuotation(text, paras.get(j + 1), ends[j + 1])
                            && closes(text, opener, end, paras.get(i).start(), end.end())) nextOpens = false;
                    if (end != null && !nextOpens && (j > i || QuoteMarks.compatible(opener.mark(), end.mark()))) {
                        last = j;
                        finalCloser = end;
                        break;
                    }
                }
                if (last < 0 && i + DIALOGUE_REACH < n) {
                    // Further on only the multi-paragraph convention decides: the first later paragraph that can close
                    // it, looked up rather than searched, since a thread of openers that never close would otherwise
                    // rescan every later paragraph from each one.
                    if (closers == null) closers = closers(text, paras, ends);
                    int k = closers[i + DIALOGUE_REACH];
                    if (k >= 0) {
                        last = k;
                        finalCloser = closerAtEnd(text, paras.get(k), ends[k]);
                        for (int j = i + DIALOGUE_REACH; j <= k; j++) {
                            QuoteMarks.Mark cont = firstMark(QuoteMarks.scanStrict(text, paras.get(j).start(), ends[j]), paras.get(j).start());
                            if (cont != null) used.add(cont.pos());
                        }
                    }
                }
                if (last < 0) continue; // never closed: not a quotation we can bound
            }
            used.add(finalCloser.pos());
            Span span = new Span(opener.end(), finalCloser.pos());
            if (span.length() == 0) continue;
            Displayed d = new Displayed(QuoteMarks.markerFor(opener.mark()), span,
                    new Span(opener.pos(), opener.end()), new Span(finalCloser.pos(), finalCloser.end()), i, last, used, List.of());
            // Nested displayed quotations and block quotations inside this one.
            if (last > i) {
                List<Para> inner = paras.subList(i, last + 1);
                int[] innerEnds = java.util.Arrays.copyOfRange(ends, i, last + 1);
                innerEnds[innerEnds.length - 1] = finalCloser.end();
                for (Displayed child : find(text, inner, innerEnds, true, false))
                    d.nested().add(shift(child, i));
            }
            out.add(d);
            i = last;
        }
        return out;
    }

    /**
     * For each paragraph j, the first paragraph at or after it whose end closes a quotation (a closing mark at its
     * end, and the next paragraph does not open one), or -1: one pass from the back.
     */
    private static int[] closers(String text, List<Para> paras, int[] ends) {
        int n = paras.size();
        int[] next = new int[n + 1];
        next[n] = -1;
        boolean opens = false; // whether paragraph j + 1 starts with an opener
        for (int j = n - 1; j >= 0; j--) {
            boolean closes = !opens && closerAtEnd(text, paras.get(j), ends[j]) != null;
            next[j] = closes ? j : next[j + 1];
            opens = startsWithOpener(text, paras.get(j), ends[j]);
        }
        return next;
    }

    private static Displayed shift(Displayed d, int by) {
        List<Displayed> kids = new ArrayList<>();
        for (Displayed k : d.nested()) kids.add(shift(k, by));
        return new Displayed(d.marker(), d.span(), d.open(), d.close(), d.firstPara() + by, d.lastPara() + by, d.usedMarks(), kids);
    }

    static QuoteMarks.Mark firstMark(List<QuoteMarks.Mark> marks, int at) {
        if (marks.isEmpty()) return null;
        QuoteMarks.Mark m = marks.get(0);
        return m.pos() == at && m.canOpen() ? m : null;
    }

    /**
     * A paragraph inside a quotation whose first mark is closed inside the paragraph, before its end ("“I won't
     * talk about it,” the spokesman said." inside a quoted article): that mark opens a quotation of its own, nested
     * in the outer one, and is no continuation mark of it.
     */
    static boolean opensOwnQuotation(QuoteMarks.Mark first, List<QuoteMarks.Mark> marks, QuoteMarks.Mark closerAtEnd) {
        QuoteMarks.Mark close = closerOf(first, marks);
        return close != null && !close.equals(closerAtEnd);
    }

    static boolean continuesQuotation(String text, Para p, int end) {
        List<QuoteMarks.Mark> marks = QuoteMarks.scanStrict(text, p.start(), end);
        QuoteMarks.Mark open = firstMark(marks, p.start());
        return open != null && closerOf(open, marks) == null;
    }

    /** Does {@code close} pair with {@code open} when the marks of text[from, to) are paired? */
    static boolean closes(String text, QuoteMarks.Mark open, QuoteMarks.Mark close, int from, int to) {
        for (QuoteMarks.Pair pr : QuoteMarks.pair(QuoteMarks.scanStrict(text, from, to)))
            if (pr.open().pos() == open.pos()) return pr.close().pos() == close.pos();
        return false;
    }

    static boolean startsWithOpener(String text, Para p, int end) {
        return firstMark(QuoteMarks.scanStrict(text, p.start(), end), p.start()) != null;
    }

    /** The closer paired with this opener inside the same paragraph, or null. */
    static QuoteMarks.Mark closerOf(QuoteMarks.Mark opener, List<QuoteMarks.Mark> marks) {
        for (QuoteMarks.Pair pr : QuoteMarks.pair(marks)) if (pr.open().equals(opener)) return pr.close();
        return null;
    }

    /** The closing mark that ends the paragraph, before any footnote number and final full stop. */
    static QuoteMarks.Mark closerAtEnd(String text, Para p, int end) {
        int e = trimEnd(text, p.start(), end);
        // Both tails are short and end the paragraph: search only the end (look-behinds still see before it).
        int cfrom = Math.max(p.start(), e - 420);
        Matcher cm = CITATION_TAIL.matcher(text).region(cfrom, e).useTransparentBounds(cfrom > p.start());
        if (cm.find()) e = trimEnd(text, p.start(), cm.start());
        int from = Math.max(p.start(), e - 64);
        Matcher fm = FOOTNOTE_TAIL.matcher(text).region(from, e).useTransparentBounds(from > p.start());
        if (fm.find()) e = trimEnd(text, p.start(), fm.start());
        if (e > p.start() && ".,;".indexOf(text.charAt(e - 1)) >= 0 && e - 1 > p.start()
                && QuoteMarks.isQuoteChar(text.charAt(e - 2))) e--;
        if (e <= p.start()) return null;
        List<QuoteMarks.Mark> marks = QuoteMarks.scanStrict(text, p.start(), e);
        if (marks.isEmpty()) return null;
        QuoteMarks.Mark last = marks.get(marks.size() - 1);
        return last.end() == e && last.canClose() ? last : null;
    }

    static boolean endsWithColon(String text, Para p, int end) {
        int e = trimEnd(text, p.start(), end);
        return e > p.start() && text.charAt(e - 1) == ':';
    }

    /** An opener right after "...: " in the paragraph's first MAX_INTRO_WORDS words. */
    static QuoteMarks.Mark openerAfterColon(String text, Para p, List<QuoteMarks.Mark> marks) {
        for (QuoteMarks.Mark m : marks) {
            if (!m.canOpen()) continue;
            int k = m.pos() - 1;
            while (k > p.start() && text.charAt(k) == ' ') k--;
            if (k > p.start() && text.charAt(k) == ':' && WordCounts.count(text.substring(p.start(), k)) <= MAX_INTRO_WORDS) return m;
            return null; // only the first opener can be introduced this way
        }
        return null;
    }

    static int trimEnd(String text, int start, int end) {
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) end--;
        return end;
    }
}
