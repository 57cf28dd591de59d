package org.exhibit.analysis.quotes;

import org.exhibit.model.Marker;
import org.exhibit.model.Span;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Quote blocks marked by text copies of Invision boards: a {@code QUOTE} or {@code QUOTE(name @ date)} line opens
 * a block, a {@code QUOTE} glued to the end of a line closes one. Copies rarely keep the closing tag, so a block
 * without one ends where the poster's own voice resumes: at the short introduction before the next tag, where the
 * text of an earlier post it reproduces ends, or before the sign-off at the end of the post.
 */
final class QuoteTags {
    private QuoteTags() {}

    private static final Pattern HEADER = Pattern.compile("^QUOTE\\s*+(?:\\(([^)@]*+)(?:@([^)]*+))?\\))?\\s*+$"); // groups stripped by blankToNull; possessive: no backtracking on long lines
    private static final Pattern VB_QUOTE = Pattern.compile("^Quote:?$", Pattern.CASE_INSENSITIVE);
    /** Text copies of phpBB ("name wrote:"), XenForo ("name said:") and SMF ("Quote from: name on date") quote headers. */
    private static final Pattern WROTE_HEADER = Pattern.compile("^(?:Quote from:\\s*(.{1,60}?)\\s+on\\s+(.{4,60})|([\\p{L}\\p{N}_.\\-]+(?: [\\p{L}\\p{N}_.\\-]+){0,2}) (?:wrote|said)(?: on (.{4,60}?))?:)$");
    private static final Set<String> NOT_A_POSTER = Set.of("here", "is", "what", "he", "she", "they", "it", "this", "that", "the",
            "and", "also", "then", "as", "who", "which", "someone", "somebody", "everyone", "one", "i", "you", "we", "has", "had", "have");
    /** XenForo text copies end each quote with this line. */
    private static final Pattern EXPAND = Pattern.compile("^Click to expand\\.\\.\\.$");
    private static final Pattern VB_POSTED = Pattern.compile("^Originally Posted by\\s++(.+)$", Pattern.CASE_INSENSITIVE); // group stripped: a lazy group before \s* was quadratic
    private static final Pattern GLUED = Pattern.compile("(?<=\\S)QUOTE\\s*$");
    /** Phrases with which a poster turns to the reader: a resumed voice, not quoted text. */
    private static final Pattern READER_ADDRESS = Pattern.compile("(?i)\\b(there you have it|see (ya|yeah|you)\\b|cheers|regards|thanks|thank you|this thread|this board|this forum|comrades|should show you|note also|in my opinion|IMO|I think|I believe|please)\\b");

    static final int MAX_INTRO_WORDS = 60;
    /** Words with which a poster directs the reader. */
    private static final Pattern READER_DIRECTIVE = Pattern.compile("(?i)\\b(should|must|anyone|everyone|you|compare|consider|remember)\\b");
    /** A reply that opens by pointing back at what was just quoted. */
    private static final Pattern POINTS_BACK = Pattern.compile("^(That is|That's|This is|This shows|So there|In other words|Note that|Notice that|As you can see|Which shows|Which proves|See\\?)\\b");
    static final int MAX_EXTRA_INTRO_WORDS = 15;

    /** Where each paragraph's own text ends (a glued closing tag is cut off). */
    static int[] ends(List<Para> paras) {
        int[] e = new int[paras.size()];
        for (int i = 0; i < paras.size(); i++) {
            Para p = paras.get(i);
            // Only the tail can match (QUOTE, then white space to the end): search there, not the whole paragraph.
            String t = p.text();
            int k = t.length();
            while (k > 0 && (Character.isWhitespace(t.charAt(k - 1)) || t.charAt(k - 1) == '\u0085')) k--;
            Matcher m = GLUED.matcher(t).region(Math.max(0, k - 16), t.length()).useTransparentBounds(true);
            e[i] = m.find() ? DisplayedQuotes.trimEnd(null == p.text() ? "" : p.text(), 0, m.start()) + p.start() : p.end();
        }
        return e;
    }

    static boolean isHeader(Para p) {
        return HEADER.matcher(p.text()).matches() || VB_QUOTE.matcher(p.text()).matches() || wroteHeader(p) != null || EXPAND.matcher(p.text()).matches();
    }

    /** name and date of a "name wrote:" header line, or null. */
    static String[] wroteHeader(Para p) {
        Matcher m = WROTE_HEADER.matcher(p.text());
        if (!m.matches()) return null;
        if (m.group(1) != null) return new String[]{m.group(1), m.group(2)};
        for (String w : m.group(3).split(" ")) if (NOT_A_POSTER.contains(w.toLowerCase(java.util.Locale.ROOT))) return null;
        return new String[]{m.group(3), m.group(4)};
    }

    /**
     * Scans the paragraphs for tagged blocks. {@code intros} receives the paragraphs judged to be the poster's
     * introductions, so later finders leave them alone.
     */
    static List<Block> scan(String text, List<Para> paras, int[] ends, PriorPosts prior, Set<Integer> intros) {
        List<Block> out = new ArrayList<>();
        int open = -1, contentFrom = -1;
        String name = null, date = null;
        int boundary = -1; // last paragraph of the previous block
        for (int i = 0; i < paras.size(); i++) {
            Para p = paras.get(i);
            if (open >= 0 && EXPAND.matcher(p.text()).matches()) { // XenForo's end of a quote
                if (i - 1 >= contentFrom) out.add(new Block(contentFrom, i - 1, paras.get(open).span(), p.span(), Marker.QUOTE_HEADER, name, date));
                open = -1;
                boundary = i;
                continue;
            }
            Matcher h = HEADER.matcher(p.text());
            boolean header = h.matches();
            String[] wrote = header ? null : wroteHeader(p);
            boolean vb = !header && wrote == null && VB_QUOTE.matcher(p.text()).matches();
            if (header || vb || wrote != null) {
                if (open < 0) {
                    int limit = MAX_INTRO_WORDS;
                    for (int k = i - 1; k > boundary && isIntro(text, paras.get(k), ends[k], limit); k--) {
                        intros.add(k);
                        limit = MAX_EXTRA_INTRO_WORDS;
                    }
                }
                if (open >= 0) {
                    int last = endBefore(text, paras, ends, contentFrom, i, prior, intros);
                    if (last >= contentFrom) { out.add(new Block(contentFrom, last, paras.get(open).span(), null, Marker.QUOTE_HEADER, name, date)); boundary = last; }
                }
                open = i;
                contentFrom = i + 1;
                name = header ? blankToNull(h.group(1)) : wrote != null ? blankToNull(wrote[0]) : null;
                date = header ? blankToNull(h.group(2)) : wrote != null ? blankToNull(wrote[1]) : null;
                if (vb && i + 1 < paras.size()) {
                    Matcher posted = VB_POSTED.matcher(paras.get(i + 1).text());
                    if (posted.matches()) { name = posted.group(1).strip(); contentFrom = i + 2; }
                }
                continue;
            }
            if (ends[i] < p.end()) { // glued closing tag
                Span close = new Span(ends[i] + (text.substring(ends[i], p.end()).indexOf("QUOTE")), p.end());
                if (open >= 0) {
                    if (i >= contentFrom) out.add(new Block(contentFrom, i, paras.get(open).span(), close, Marker.QUOTE_HEADER, name, date));
                } else {
                    int from = closingOnlyStart(text, paras, ends, boundary + 1, i, intros);
                    out.add(new Block(from, i, null, close, Marker.QUOTE_CLOSING_ONLY, null, null));
                }
                open = -1;
                boundary = i;
            }
        }
        if (open >= 0 && contentFrom < paras.size()) {
            int last = endAtSegmentEnd(text, paras, contentFrom, prior, introName(text, paras, open, boundary));
            if (last >= contentFrom) out.add(new Block(contentFrom, last, paras.get(open).span(), null, Marker.QUOTE_HEADER, name, date));
        }
        return out;
    }

    /** The last content paragraph of a block ended by the next tag at {@code next}: the poster's introduction is not quoted. */
    static int endBefore(String text, List<Para> paras, int[] ends, int from, int next, PriorPosts prior, Set<Integer> intros) {
        int last = next - 1;
        int matched = prior.matchEnd(text, paras, from, last);
        if (matched >= from && matched < last) {
            for (int k = matched + 1; k <= last; k++) intros.add(k);
            return matched;
        }
        int k = last;
        int limit = MAX_INTRO_WORDS;
        while (k > from && isIntro(text, paras.get(k), ends[k], limit)) {
            intros.add(k);
            k--;
            limit = MAX_EXTRA_INTRO_WORDS;
        }
        return k;
    }

    private static boolean isIntro(String text, Para p, int end, int maxWords) {
        if (p.words() > maxWords || DisplayedQuotes.startsWithOpener(text, p, end)) return false;
        QuoteMarks.Mark closer = DisplayedQuotes.closerAtEnd(text, p, end);
        if (closer == null) return true;
        // A closing mark whose opener is in the same paragraph ends a title, not a quotation begun earlier.
        for (QuoteMarks.Pair pr : QuoteMarks.pair(QuoteMarks.scanStrict(text, p.start(), end)))
            if (pr.close().equals(closer)) return true;
        return false;
    }

    /**
     * A block left open at the end of a post: the sign-off and closing remarks addressed to readers are the poster's.
     * So is a paragraph after the first that names the person the introduction gave as the speaker (nobody quotes
     * himself in the third person), or one that opens by pointing back at the quotation ("That is", "So there").
     */
    static int endAtSegmentEnd(String text, List<Para> paras, int from, PriorPosts prior, String introName) {
        int last = paras.size() - 1;
        int matched = prior.matchEnd(text, paras, from, last);
        if (matched >= from) return matched;
        for (int k = from + 1; k <= last; k++) {
            String t = paras.get(k).text();
            boolean names = introName != null && Pattern.compile("\\b" + Pattern.quote(introName) + "\\b").matcher(t).find();
            // The poster turning to the reader to introduce a further quotation ("Anyone who ... should read ...:"
            // then a quoted paragraph); a quoted article's own "Here is what he wrote:" has no such words.
            boolean introduces = t.endsWith(":") && READER_DIRECTIVE.matcher(t).find() && k + 1 <= last
                    && DisplayedQuotes.startsWithOpener(text, paras.get(k + 1), paras.get(k + 1).end());
            if (names || introduces || POINTS_BACK.matcher(t).find()) { last = k - 1; break; }
        }
        while (last > from) {
            Para p = paras.get(last);
            boolean signOff = p.words() <= 3 && p.text().endsWith("!");
            if (!signOff && !READER_ADDRESS.matcher(p.text()).find()) break;
            last--;
        }
        return last;
    }

    /** The surname the poster's introduction before a tag names ("In the words of Walter Schellenberg:"), or null. */
    static String introName(String text, List<Para> paras, int header, int boundary) {
        if (header - 1 <= boundary || header == 0) return null;
        Para intro = paras.get(header - 1);
        Matcher m = Pattern.compile("([A-Z][\\p{L}’'-]+)\\s*(?:,[^,]{1,80},\\s*)?(?:wrote|writes|said|says|states|stated|testified|recalled|put it|repeated|explained|declared)?\\s*[:.]?\\s*$").matcher(intro.text());
        if (!m.find()) return null;
        String w = m.group(1);
        return w.length() >= 4 && !Set.of("QUOTE", "Then", "There", "Here", "This", "That", "Also", "Further").contains(w) ? w : null;
    }

    /** A passage closed by a tag that never opened starts after the poster's short introduction. */
    static int closingOnlyStart(String text, List<Para> paras, int[] ends, int from, int to, Set<Integer> intros) {
        int k = from;
        while (k < to) {
            Para p = paras.get(k);
            boolean shortIntro = p.words() <= 25 && !DisplayedQuotes.startsWithOpener(text, p, ends[k]);
            if (!shortIntro && !DisplayedQuotes.endsWithColon(text, p, ends[k])) break;
            intros.add(k);
            k++;
        }
        return k;
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.strip(); }
}
