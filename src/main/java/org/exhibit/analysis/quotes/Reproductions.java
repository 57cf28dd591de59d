package org.exhibit.analysis.quotes;

import org.exhibit.analysis.reuse.NormalisedWords;
import org.exhibit.model.Document;
import org.exhibit.model.Marker;
import org.exhibit.model.Post;
import org.exhibit.model.Quote;
import org.exhibit.model.QuoteKind;
import org.exhibit.model.Span;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Quotation by reproduction: a span of a post whose words reproduce a span of an earlier post of the same thread
 * is a quotation of that post, whether or not the board's markup survived. The words may be cut ("...", "[...]"),
 * lightly edited, re-wrapped or re-punctuated: comparison is over normalised words ({@link NormalisedWords}), and runs of
 * the same earlier post a few words apart in the reply are one reproduction.
 *
 * <p>Every run of {@link #K} words of every earlier post is indexed by hash, so a thread of N words costs O(N)
 * expected: each position of a reply looks up its shingle and extends the longest hit. A shingle found in more
 * than {@link #MAX_HITS} places is boilerplate and seeds nothing. Short common phrases ("I agree with you") are not
 * reproductions: a match needs {@link #MIN_WORDS} words, and below {@link #SURE_WORDS} it must be rare in the
 * thread (its shingles found in one earlier post only) and carry content words.
 *
 * <p>A span already marked as a quote (QUOTE header, [quote], '>') is not found twice: the markup quote gets the
 * earlier post it reproduces as its source. Among several earlier posts with the same words, the one where they
 * are the poster's own wins over one where they were already quoted; a post stored twice (same author, same
 * words) is a copy, not a quotation of itself.
 */
public final class Reproductions {
    static final int K = 4;
    static final int MIN_WORDS = 6;
    static final int SURE_WORDS = 12;
    static final int MAX_HITS = 64;
    /** Words of the reply that may separate two runs of one reproduction (an edit, an inserted "[sic]"). */
    static final int GAP_REPLY = 4;
    /** The longest rewording (in words, each side) inside one reproduction. */
    static final int GAP_EDIT = 15;
    /** Words of the earlier post a reproduction may leave out between two runs (a cut). */
    static final int GAP_SOURCE = 400;

    private static final java.util.regex.Pattern QUOTE_TAG = java.util.regex.Pattern.compile("\\bQUOTE\\b(?:\\s*\\([^)\\n]{0,160}\\))?\\]?");

    /** A lone bracket tag on what is left of a line ("[/qote]", "{QUOTE}"), spaces around it. */
    private static final java.util.regex.Pattern STRAY_TAG = java.util.regex.Pattern.compile("\\s*[\\[{]/?[A-Za-z]{1,10}[\\]}]\\s*");

    private Reproductions() {}

    /** One reproduction: words [p0, p1) of a post reproduce words [s0, s1) of an earlier post; {@code matched} words equal. */
    record Chain(int source, int p0, int p1, int s0, int s1, int matched, boolean rare) {}

    /**
     * Finds the reproductions in every post of the document, adds a quote (marker none) for each one outside the
     * quotes already found, and records on each quote that reproduces an earlier post that post and the span there
     * ({@link Quote#reproduces}).
     */
    public static void find(Document doc, List<Quote> quotes) {
        List<Post> posts = doc.posts();
        if (posts.size() < 2) return;
        String text = doc.text();
        String plain = withoutMarkup(text, quotes);
        NormalisedWords[] words = new NormalisedWords[posts.size()];
        boolean[][] quoted = new boolean[posts.size()][];
        int[][] region = new int[posts.size()][];
        Map<String, String> authors = new HashMap<>();
        for (Post p : posts) if (p.author() != null) authors.put(p.id(), p.author());
        Map<String, List<Quote>> byPost = new HashMap<>();
        for (Quote q : quotes) if (q.kind() == QuoteKind.PASSAGE) byPost.computeIfAbsent(q.post(), k -> new ArrayList<>()).add(q);

        java.util.Set<Quote> weak = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        Map<Quote, Quote> replaced = new java.util.IdentityHashMap<>(); // blocks given the end their reproduction has
        Map<Long, long[]> shingles = new HashMap<>(); // hash -> [count, packed (post << 32 | word), ...]
        for (int j = 0; j < posts.size(); j++) {
            Post post = posts.get(j);
            NormalisedWords w = NormalisedWords.of(plain, post.body().start(), post.body().end());
            words[j] = w;
            List<Quote> own = byPost.getOrDefault(post.id(), new ArrayList<>());
            boolean duplicate = j > 0 && duplicateOfEarlier(w, post, posts, words, shingles, j);
            if (j > 0 && !duplicate) {
                List<Chain> found = chains(w, words, quoted, region, shingles, markupBreaks(text, w, own, post.body()));
                endBlocks(text, w, found, own, replaced, post);
                endMarks(text, w, found, own, replaced);
                int repost = repostOf(found, posts, post, w);
                for (Chain c : found) {
                    Post src = posts.get(c.source());
                    boolean self = post.author() != null && post.author().equals(src.author());
                    NormalisedWords sw = words[c.source()];
                    int end = punctuationEnd(text, w.end(c.p1() - 1), post.body().end());
                    Span span = new Span(w.start(c.p0()), end);
                    Span original = new Span(sw.start(c.s0()), sw.end(c.s1() - 1));
                    int spanWords = c.p1() - c.p0();
                    double cover = Math.min(1.0, c.matched() / (double) spanWords);
                    double conf = Math.round((0.5 + 0.45 * cover * Math.min(1.0, c.matched() / (double) SURE_WORDS)) * 100) / 100.0;
                    Quote marked = markedQuote(own, span);
                    // words in quotation marks that the reproduction runs well past are a quotation inside it (the
                    // earlier post's own quotation, reproduced with it), not the whole of it
                    if (marked != null && runIn(marked.marker()) && wordsOutside(w, span, marked.outer()) >= MIN_WORDS) marked = null;
                    if (marked != null) {
                        if (marked.reproduces() == null || marked.reproduces().length() < original.length())
                            marked.reproduces(src.id(), original, conf);
                        continue;
                    }
                    // The poster's own earlier words are a quotation only when set off on lines of their own, and
                    // not in a post that restates most of that earlier one (a revised copy).
                    if (self && (c.source() == repost || !wholeLine(w, c.p0(), c.p1()))) continue;
                    span = clear(span, own);
                    if (span == null || NormalisedWords.of(plain, span.start(), span.end()).size() < MIN_WORDS) continue;
                    Quote q = new Quote(null, post.id(), span, QuoteKind.PASSAGE, Marker.NONE, null, null);
                    quotes.add(q);
                    own.add(q);
                    // A short one is weak evidence: the phrase stays the poster's for judging how common it is.
                    if (c.matched() < SURE_WORDS) weak.add(q);
                    q.reproduces(src.id(), original, conf);
                }
            }
            quoted[j] = quotedMask(w, own, weak);
            region[j] = regions(w, own, post, authors);
            if (j + 1 < posts.size()) for (int i = 0; i + K <= w.size(); i++) add(shingles, w.shingle(i, K), ((long) j << 32) | i);
        }
        if (!replaced.isEmpty()) for (int k = 0; k < quotes.size(); k++) quotes.set(k, replaced.getOrDefault(quotes.get(k), quotes.get(k)));
        markupSources(posts, quotes);
    }

    /**
     * A markup quote that names an earlier post of the thread by the board's id ({@code post_id=N}, "name;N",
     * data-post) has that post as its source when no reproduction gave one.
     */
    static void markupSources(List<Post> posts, List<Quote> quotes) {
        Map<String, Integer> at = null;
        for (Quote q : quotes) {
            if (q.markupPost() == null || q.sourcePost() != null) continue;
            if (at == null) {
                at = new HashMap<>();
                for (int i = 0; i < posts.size(); i++) {
                    at.putIfAbsent(posts.get(i).id(), i);
                    if (posts.get(i).boardId() != null) at.putIfAbsent(posts.get(i).boardId(), i);
                }
            }
            Integer target = at.get(q.markupPost().strip()), self = at.get(q.post());
            if (target != null && self != null && target < self) q.sourcePost(posts.get(target).id());
        }
    }

    /**
     * A QUOTE header block whose end is unmarked ends where the reproduced words of the earlier post end (and a
     * Markdown quote whose '>' lines run on into lines without '>' ends with its '>' lines when the reproduced words
     * end there): the
     * reproductions of one earlier post that start in the block (the first at its start) decide. The block is
     * taken on over the rest of a reproduction that runs past its guessed end, and cut short before a paragraph
     * of the poster's own that follows the reproduced words. Nothing changes where another quotation's markup
     * lies in between, where a quote inside would cross the new end, or where no reproduction starts the block.
     */
    static void endBlocks(String text, NormalisedWords w, List<Chain> found, List<Quote> own, Map<Quote, Quote> replaced, Post post) {
        if (found.isEmpty()) return;
        // own quotes by where they start, so each block reads only the quotes and chains near it
        Integer[] byStart = new Integer[own.size()];
        for (int k = 0; k < byStart.length; k++) byStart[k] = k;
        Arrays.sort(byStart, (x, y) -> Integer.compare(own.get(x).outer().start(), own.get(y).outer().start()));
        int[] starts = new int[byStart.length];
        for (int k = 0; k < starts.length; k++) starts[k] = own.get(byStart[k]).outer().start();
        int[] chainStarts = new int[found.size()];
        for (int k = 0; k < chainStarts.length; k++) chainStarts[k] = found.get(k).p0();
        for (int b = 0; b < own.size(); b++) {
            Quote q = own.get(b);
            // a [quote] tag never closed (a misspelt closing tag, say) runs to the post's end: its end is unmarked too
            boolean unclosed = q.marker() == Marker.BBCODE && q.closeMarker() == null;
            boolean header = q.marker() == Marker.QUOTE_HEADER && !closedByTag(text, q) || unclosed;
            int lazy = header ? -1 : lazyLines(text, q);
            if (!header && lazy < 0) continue;
            int first = w.indexAt(q.span().start());
            if (first < 0) continue;
            while (first < w.size() && w.start(first) < q.span().start()) first++;
            int source = -1, end = -1;
            int from = lowerBound(chainStarts, first);
            for (int k = from; k < found.size(); k++) {
                Chain c = found.get(k);
                int at = w.start(c.p0());
                if (at >= q.span().end()) break;
                if (source < 0) {
                    if (c.p0() > first + 2) break;
                    source = c.source();
                } else if (c.source() != source) continue;
                end = Math.max(end, punctuationEnd(text, w.end(c.p1() - 1), post.body().end()));
                if (unclosed) break; // the rest of the post is no guessed block: the reproduction at its start decides
            }
            if (source < 0 || end == q.span().end()) continue;
            if (!header) {
                // '>' lines run on into lines without '>' (CommonMark's lazy continuation): when the reproduced
                // words end within the '>' lines, those lines alone are the quotation; else the markup's reading stands
                if (end > lazy) continue;
                end = lazy;
            } else if (end < q.span().end()) {
                // cut only before a paragraph break: what follows in the block is the poster's reply
                String rest = text.substring(end, q.span().end());
                int brk = rest.indexOf("\n\n");
                if (unclosed) {
                    // the reply goes on on the next line, after at most a tag meant to close the quotation
                    brk = rest.indexOf('\n');
                    if (brk >= 0 && STRAY_TAG.matcher(rest.substring(0, brk)).matches()) brk = 0;
                }
                if (brk < 0 || !rest.substring(0, brk).isBlank() || rest.isBlank()) continue;
            }
            int e = end;
            if (e <= q.span().start()) continue;
            boolean blocked = false;
            int hi = Math.max(e, q.span().end());
            for (int k = lowerBound(starts, q.span().start()); k < starts.length && starts[k] < hi; k++) {
                Quote o = own.get(byStart[k]);
                if (o == q) continue;
                Span ou = o.outer();
                boolean crosses = ou.start() < e && ou.end() > e && ou.start() >= q.span().start();
                boolean between = !runIn(o.marker()) && o.marker() != Marker.NONE
                        && ou.start() >= Math.min(e, q.span().end()) && ou.start() < Math.max(e, q.span().end());
                if (crosses || between) { blocked = true; break; }
            }
            if (blocked) continue;
            List<Span> kept = q.exclusions();
            if (!header) { kept = new ArrayList<>(); for (Span x : q.exclusions()) if (x.end() <= e) kept.add(x); }
            Quote nq = endedAt(q, e, kept);
            own.set(b, nq);
            replaced.put(q, nq);
        }
    }

    /**
     * Quotation marks paired across the poster's own words: an opening mark left unclosed (or closed paragraphs
     * later) makes one quotation of the reproduced words and the reply between them. Where a passage in quotation
     * marks holds a line of words reproduced from an earlier post and, after it, a line of the poster's own (none of
     * its words reproduced), the reproduction decides: the passage ends before the first such line, and the
     * reproductions after it are quotations of their own.
     */
    static void endMarks(String text, NormalisedWords w, List<Chain> found, List<Quote> own, Map<Quote, Quote> replaced) {
        if (found.isEmpty()) return;
        boolean[] copied = null;
        for (int b = 0; b < own.size(); b++) {
            Quote q = own.get(b);
            if (!runIn(q.marker()) || q.kind() != QuoteKind.PASSAGE || !hasLineBreak(text, q.span())) continue;
            if (copied == null) {
                copied = new boolean[w.size()];
                for (Chain c : found) for (int i = c.p0(); i < c.p1(); i++) copied[i] = true;
            }
            List<Para> lines = Para.of(text, q.span().start(), q.span().end());
            int cut = -1;
            boolean reproduced = false;
            for (int k = 0; k < lines.size() && cut < 0; k++) {
                Para l = lines.get(k);
                int n = 0, c = 0;
                int i = w.indexAt(l.start());
                if (i < 0) continue;
                while (i < w.size() && w.start(i) < l.start()) i++;
                for (; i < w.size() && w.end(i) <= l.end(); i++) { n++; if (copied[i]) c++; }
                if (c >= MIN_WORDS && c * 5 >= n * 4) reproduced = true;
                else if (k > 0 && reproduced && n >= 3 && c * 5 < n) cut = k;
            }
            if (cut < 0) continue;
            int e = lines.get(cut - 1).end();
            if (e <= q.span().start()) continue;
            Quote nq = endedAt(q, e, q.exclusions());
            own.set(b, nq);
            replaced.put(q, nq);
        }
    }

    /** The quote ended at {@code end}, its end now unmarked, with the exclusions kept and everything else it had. */
    private static Quote endedAt(Quote q, int end, List<Span> kept) {
        Quote nq = new Quote(q.id(), q.post(), new Span(q.span().start(), end), q.kind(), q.marker(), q.openMarker(), null,
                kept, q.markupName(), q.markupDate(), q.markupPost());
        if (q.reproduces() != null) nq.reproduces(q.sourcePost(), q.reproduces(), q.reproducesConfidence());
        else nq.sourcePost(q.sourcePost());
        nq.parent(q.parent());
        nq.speaker(q.speaker());
        nq.flags().addAll(q.flags());
        return nq;
    }

    /**
     * Where the last '>'-prefixed line of a Markdown quote ends (trailing spaces left out) when lines without '>'
     * follow it inside the quote, or -1.
     */
    static int lazyLines(String text, Quote q) {
        if (q.marker() != Marker.MARKDOWN || q.closeMarker() != null) return -1;
        int last = -1;
        for (Span x : q.exclusions()) if (x.start() < q.span().end() && x.start() > last) last = x.start();
        if (last < 0) last = q.span().start();
        int le = text.indexOf('\n', Math.max(last, q.span().start()));
        if (le < 0 || le >= q.span().end()) return -1;
        int e = le;
        while (e > q.span().start() && Character.isWhitespace(text.charAt(e - 1))) e--;
        return e > q.span().start() ? e : -1;
    }

    /** The first index of a sorted array whose value is at least {@code v}. */
    private static int lowerBound(int[] a, int v) {
        int lo = 0, hi = a.length;
        while (lo < hi) { int m = (lo + hi) >>> 1; if (a[m] < v) lo = m + 1; else hi = m; }
        return lo;
    }

    /**
     * The text with quote markup blanked (QUOTE headers, [quote] tags, '>' prefixes), offsets unchanged: markup is
     * not words of anyone's, and a header copied from post to post is no reproduction.
     */
    static String withoutMarkup(String text, List<Quote> quotes) {
        char[] c = null;
        for (Quote q : quotes) {
            if (runIn(q.marker())) continue;
            List<Span> markup = new ArrayList<>(q.exclusions());
            if (q.openMarker() != null) markup.add(q.openMarker());
            if (q.closeMarker() != null) markup.add(q.closeMarker());
            for (Span m : markup) {
                if (c == null) c = text.toCharArray();
                for (int i = m.start(); i < Math.min(m.end(), c.length); i++) if (c[i] != '\n') c[i] = ' ';
            }
        }
        // Invision QUOTE tags the quote finder left as text (inside a quotation, say) are markup too.
        // A tag starts with the word QUOTE: tried only where that word is (indexOf), not from every position.
        java.util.regex.Matcher tag = QUOTE_TAG.matcher(text).useTransparentBounds(true);
        for (int p = text.indexOf("QUOTE"); p >= 0; p = text.indexOf("QUOTE", p)) {
            if (!tag.region(p, text.length()).lookingAt()) { p++; continue; }
            p = Math.max(p + 1, tag.end());
            if (c == null) c = text.toCharArray();
            for (int i = tag.start(); i < tag.end(); i++) if (c[i] != '\n') c[i] = ' ';
        }
        return c == null ? text : new String(c);
    }

    private static void add(Map<Long, long[]> shingles, long h, long v) {
        long[] a = shingles.get(h);
        if (a == null) { a = new long[3]; shingles.put(h, a); }
        int n = (int) a[0];
        if (n >= MAX_HITS + 1) return; // boilerplate: counted as too many, its places no longer kept
        if (n + 1 >= a.length) { a = Arrays.copyOf(a, Math.min(a.length * 2, MAX_HITS + 2)); shingles.put(h, a); }
        a[n + 1] = v;
        a[0] = n + 1;
    }

    /** The reproductions in one post, left to right, each the longest run at its start, runs of one source chained. */
    static List<Chain> chains(NormalisedWords w, NormalisedWords[] words, boolean[][] quoted, int[][] region, Map<Long, long[]> shingles) {
        return chains(w, words, quoted, region, shingles, null);
    }

    /**
     * As above; {@code breaks[i]} (when given) says that quote markup of the reply (a QUOTE header, a [quote] tag)
     * stands right before its word i: one reproduction never runs across it, since what follows is another quotation.
     */
    static List<Chain> chains(NormalisedWords w, NormalisedWords[] words, boolean[][] quoted, int[][] region, Map<Long, long[]> shingles,
                              boolean[] breaks) {
        List<int[]> runs = new ArrayList<>(); // p0, p1, source, s0, s1, rare
        int i = 0;
        while (i + K <= w.size()) {
            long[] hits = shingles.get(w.shingle(i, K));
            if (hits == null || hits[0] > MAX_HITS) { i++; continue; }
            int n = (int) hits[0];
            int bestLen = 0, bestSrc = -1, bestAt = -1;
            boolean bestOwn = false, bestGoesOn = false;
            int[] prev = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            for (int k = n; k >= 1; k--) { // latest first
                int src = (int) (hits[k] >>> 32), at = (int) hits[k];
                NormalisedWords sw = words[src];
                boolean own = !quoted[src][at];
                // A run stops where the earlier post's own words give way to its quotation of another (or back):
                // each part has its own source.
                int len = 0;
                while (i + len < w.size() && at + len < sw.size() && w.hash(i + len) == sw.hash(at + len) && region[src][at + len] == region[src][at]
                        && (len == 0 || breaks == null || !breaks[i + len])) len++;
                if (len < K) continue; // a hash collision
                // Among equally long runs, the one that goes on from the previous run's place in the same earlier
                // post wins (the reply goes on reproducing that post), then the earlier poster's own words.
                boolean goesOn = prev != null && prev[2] == src && at >= prev[4] - 2 && at - prev[4] <= GAP_SOURCE
                        && i - prev[1] <= GAP_EDIT;
                if (len > bestLen || len == bestLen && (goesOn && !bestGoesOn || goesOn == bestGoesOn && own && !bestOwn)) {
                    bestLen = len; bestSrc = src; bestAt = at; bestOwn = own; bestGoesOn = goesOn;
                }
            }
            if (bestSrc < 0) { i++; continue; }
            // fewer than K words after a paragraph break at the end of a run, the line going on with other words,
            // are where the poster's own paragraph happens to begin as the earlier post's next one did: the run
            // ends with its paragraph
            if (i + bestLen < w.size() && !lineBreak(w, i + bestLen - 1, i + bestLen))
                for (int k = Math.max(i + K, i + bestLen - K + 1); k < i + bestLen; k++)
                    if (paragraphBreak(w, k - 1, k)) { bestLen = k - i; break; }
            boolean rare = authoredIn(hits, quoted) <= 1;
            runs.add(new int[]{i, i + bestLen, bestSrc, bestAt, bestAt + bestLen, rare ? 1 : 0});
            i += bestLen;
        }
        List<Chain> out = new ArrayList<>();
        int r = 0;
        while (r < runs.size()) {
            int[] first = runs.get(r), last = first;
            int matched = first[1] - first[0];
            boolean rare = first[5] == 1;
            int q = r + 1;
            while (q < runs.size()) {
                int[] next = runs.get(q);
                int gapReply = next[0] - last[1], gapSource = next[3] - last[4];
                // A cut: the reply goes on with words further on in the same earlier post. Pieces that meet in the
                // reply (nothing but spaces and punctuation between them) are one reproduction however much was cut.
                if (next[2] != first[2] || next[3] < last[4] - 2 || gapSource > GAP_SOURCE && gapReply > 0) break;
                // nor across the place where the earlier post's own words meet a quotation in it (or two meet)
                if (region[first[2]][next[3]] != region[first[2]][last[4] - 1]) break;
                // nor across quote markup in the reply
                if (breaks != null && anyBreak(breaks, last[1], next[0])) break;
                // Words of the reply between two runs are an edit when they stand for words of the source: a word or
                // three changed in a line, or a longer rewording that keeps some of the source's words, or a cut that
                // keeps a word or three of what it cut (a heading, the first word of a line). Words added where the
                // source has none are the poster's reply.
                if (gapReply > 0 && !(gapSource > 0 && (Math.max(gapReply, gapSource) <= GAP_REPLY && !lineBreak(w, last[1] - 1, next[0])
                        || gapReply <= GAP_EDIT && gapSource <= GAP_EDIT && shareContent(w, last[1], next[0], words[first[2]], last[4], next[3])
                        || gapReply <= GAP_REPLY && allIn(w, last[1], next[0], words[first[2]], last[4], next[3])))) break;
                // A reproduction that starts inside a sentence of the poster's own (words of the earlier post taken
                // up in the reply's sentence) ends with its paragraph: what follows a paragraph break is quoted on its own.
                if (paragraphBreak(w, last[1] - 1, next[0]) && midSentence(w, first[0])) break;
                matched += next[1] - next[0];
                rare |= next[5] == 1;
                last = next;
                q++;
            }
            Chain c = new Chain(first[2], first[0], last[1], first[3], last[4], matched, rare);
            if (accept(c, w)) out.add(c);
            r = q;
        }
        return out;
    }

    private static boolean anyBreak(boolean[] breaks, int from, int to) {
        for (int k = from; k <= to && k < breaks.length; k++) if (breaks[k]) return true;
        return false;
    }

    /**
     * Which words of a post have quote markup right before them: the opening or closing markup of the post's markup
     * quotes, and QUOTE tags left in the text (inside a quotation, say). Word 0 never counts.
     */
    static boolean[] markupBreaks(String text, NormalisedWords w, List<Quote> own, Span body) {
        boolean[] b = new boolean[w.size() + 1];
        List<Integer> at = new ArrayList<>();
        for (Quote q : own) {
            if (runIn(q.marker()) || q.marker() == Marker.NONE) continue;
            if (q.openMarker() != null) at.add(q.openMarker().start());
            if (closedByTag(text, q)) at.add(q.closeMarker().start());
        }
        java.util.regex.Matcher tag = QUOTE_TAG.matcher(text).region(body.start(), body.end());
        while (tag.find()) at.add(tag.start());
        for (int a : at) {
            int lo = 0, hi = w.size();
            while (lo < hi) { int m = (lo + hi) >>> 1; if (w.start(m) < a) lo = m + 1; else hi = m; }
            if (lo > 0 && lo < w.size()) b[lo] = true;
        }
        return b;
    }

    /**
     * Whether a quote's end is marked by a tag ("QUOTE", "[/quote]"): a closing quotation mark taken over from a
     * quotation inside a QUOTE block marks where that quotation ends, not the block.
     */
    static boolean closedByTag(String text, Quote q) {
        Span c = q.closeMarker();
        if (c == null) return false;
        for (int i = c.start(); i < c.end(); i++) if (Character.isLetter(text.charAt(i))) return true;
        return false;
    }

    /**
     * The earlier post of the same author whose reproductions fill half of this post or more (the post is that one
     * again, revised), or -1.
     */
    private static int repostOf(List<Chain> found, List<Post> posts, Post post, NormalisedWords w) {
        if (post.author() == null || found.isEmpty()) return -1;
        Map<Integer, Integer> bySource = new HashMap<>();
        for (Chain c : found)
            if (post.author().equals(posts.get(c.source()).author())) bySource.merge(c.source(), c.p1() - c.p0(), Integer::sum);
        for (Map.Entry<Integer, Integer> e : bySource.entrySet()) if (e.getValue() * 2 >= w.size()) return e.getKey();
        return -1;
    }

    /** Whether the reply's words [a, b) and the source's words [c, d) share a content word. */
    private static boolean shareContent(NormalisedWords w, int a, int b, NormalisedWords sw, int c, int d) {
        for (int i = a; i < b; i++) {
            if (w.stop(i)) continue;
            for (int k = c; k < d; k++) if (w.hash(i) == sw.hash(k)) return true;
        }
        return false;
    }

    /** Whether every word of the reply's words [a, b) is among the source's words [c, d) (d - c is bounded by the caller). */
    private static boolean allIn(NormalisedWords w, int a, int b, NormalisedWords sw, int c, int d) {
        for (int i = a; i < b; i++) {
            boolean found = false;
            for (int k = c; k < d && !found; k++) found = w.hash(i) == sw.hash(k);
            if (!found) return false;
        }
        return true;
    }

    /** Whether a blank line separates word {@code a} from word {@code b} of the post. */
    private static boolean paragraphBreak(NormalisedWords w, int a, int b) {
        String t = w.text();
        int lines = 0;
        for (int i = w.end(a); i < w.start(b); i++) {
            char c = t.charAt(i);
            if (c == '\n') { if (++lines >= 2) return true; }
            else if (Character.isLetterOrDigit(c)) lines = 0;
        }
        return false;
    }

    /**
     * Whether word {@code a} of the post continues a sentence: before it (over spaces, a single line break and
     * quotation marks) stands a word or a comma, semicolon or dash, not the end of a sentence, a colon or a paragraph break.
     */
    private static boolean midSentence(NormalisedWords w, int a) {
        if (a == 0) return false; // the post's first word
        String t = w.text();
        int lines = 0;
        for (int i = w.start(a) - 1; i >= w.end(a - 1) - 1; i--) {
            char c = t.charAt(i);
            if (c == '\n') { if (++lines >= 2) return false; continue; }
            if (Character.isWhitespace(c) || c == '"' || c == '\'' || c == '“' || c == '‘' || c == '(') continue;
            return Character.isLetterOrDigit(c) || c == ',' || c == ';' || c == '-' || c == '–' || c == '—';
        }
        return false;
    }

    /** Whether a line break separates word {@code a} from word {@code b} of the post. */
    private static boolean lineBreak(NormalisedWords w, int a, int b) {
        String t = w.text();
        for (int i = w.end(a); i < w.start(b); i++) if (t.charAt(i) == '\n') return true;
        return false;
    }

    /** Long enough, and for a short one rare in the thread and more than function words. */
    private static boolean accept(Chain c, NormalisedWords w) {
        if (c.matched() < MIN_WORDS) return false;
        if (c.matched() >= SURE_WORDS) return true;
        int content = 0;
        for (int i = c.p0(); i < c.p1(); i++) if (!w.stop(i)) content++;
        if (!c.rare() || content < 3) return false;
        // A short one must stand on a line of its own in the reply, as quoted lines do, not run into a sentence:
        // words shared inside a sentence are a stock phrase or a fragment taken up in the poster's own sentence.
        return wholeLine(w, c.p0(), c.p1());
    }

    /** Whether words [a, b) of the post fill their line(s): nothing but punctuation and spaces around them. */
    private static boolean wholeLine(NormalisedWords w, int a, int b) {
        String t = w.text();
        for (int i = w.start(a) - 1; i >= 0 && t.charAt(i) != '\n'; i--) if (Character.isLetterOrDigit(t.charAt(i))) return false;
        for (int i = w.end(b - 1); i < t.length() && t.charAt(i) != '\n'; i++) if (Character.isLetterOrDigit(t.charAt(i))) return false;
        return true;
    }

    /**
     * In how many earlier posts (counted up to two) a shingle is the poster's own words: a phrase quoted from one
     * post in others is still rare, a phrase several posters wrote is common.
     */
    private static int authoredIn(long[] hits, boolean[][] quoted) {
        int n = (int) hits[0];
        long first = -1;
        for (int k = 1; k <= n; k++) {
            int src = (int) (hits[k] >>> 32), at = (int) hits[k];
            if (quoted[src][at]) continue;
            if (first < 0) first = src;
            else if (src != first) return 2;
        }
        return 1;
    }

    /**
     * A post that is an earlier post of the same author stored again (nine in ten of its words and of the earlier
     * post's words in one run): a copy, not a quotation of itself.
     */
    private static boolean duplicateOfEarlier(NormalisedWords w, Post post, List<Post> posts, NormalisedWords[] words, Map<Long, long[]> shingles, int j) {
        if (w.size() < K) return false;
        long[] hits = shingles.get(w.shingle(0, K));
        if (hits == null || hits[0] > MAX_HITS) return false;
        for (int k = 1; k <= hits[0]; k++) {
            int src = (int) (hits[k] >>> 32), at = (int) hits[k];
            Post e = posts.get(src);
            if (post.author() == null ? e.author() != null : !post.author().equals(e.author())) continue;
            NormalisedWords sw = words[src];
            int len = 0;
            while (len < w.size() && at + len < sw.size() && w.hash(len) == sw.hash(at + len)) len++;
            if (len * 10 >= w.size() * 9 && len * 10 >= sw.size() * 9) return true;
        }
        return false;
    }

    /**
     * Which words of a post lie inside a quotation set off from the poster's words (a markup quote, a block, a
     * reproduction); words in quotation marks inside a sentence stay the poster's sentence.
     */
    private static boolean[] quotedMask(NormalisedWords w, List<Quote> own, java.util.Set<Quote> weak) {
        boolean[] m = new boolean[w.size()];
        if (own.isEmpty()) return m;
        for (Quote q : own) {
            if (runIn(q.marker()) || weak.contains(q)) continue;
            for (int i = w.indexAt(q.span().start()); i >= 0 && i < w.size() && w.start(i) < q.span().end(); i++)
                if (q.span().start() <= w.start(i) && w.end(i) <= q.span().end()) m[i] = true;
        }
        return m;
    }

    /**
     * Which quotation of a post each word lies in (1 + its index among the post's quotes, the outermost one; 0 for
     * the poster's own words), counting short reproductions set off on lines of their own too: a reproduction of
     * that post stops where one part gives way to another, since each part has its own speaker. Words reproduced
     * inside a sentence, and the poster's own earlier words, stay the poster's.
     */
    private static int[] regions(NormalisedWords w, List<Quote> own, Post post, Map<String, String> authors) {
        int[] m = new int[w.size()];
        if (own.isEmpty()) return m;
        Integer[] order = new Integer[own.size()];
        for (int k = 0; k < order.length; k++) order[k] = k;
        Arrays.sort(order, (x, y) -> Integer.compare(own.get(y).span().length(), own.get(x).span().length()));
        for (int k : order) {
            Quote q = own.get(k);
            if (runIn(q.marker())) continue;
            if (q.marker() == Marker.NONE && (!lineOfItsOwn(w.text(), q.span())
                    || q.sourcePost() != null && post.author() != null && post.author().equals(authors.get(q.sourcePost())))) continue;
            for (int i = w.indexAt(q.span().start()); i >= 0 && i < w.size() && w.start(i) < q.span().end(); i++)
                if (m[i] == 0 && q.span().start() <= w.start(i) && w.end(i) <= q.span().end()) m[i] = k + 1;
        }
        return m;
    }

    /** Whether nothing but punctuation and spaces stands between the span and the line breaks around it. */
    private static boolean lineOfItsOwn(String t, Span span) {
        for (int i = span.start() - 1; i >= 0 && t.charAt(i) != '\n'; i--) if (Character.isLetterOrDigit(t.charAt(i))) return false;
        for (int i = span.end(); i < t.length() && t.charAt(i) != '\n'; i++) if (Character.isLetterOrDigit(t.charAt(i))) return false;
        return true;
    }

    private static boolean runIn(Marker m) {
        return m == Marker.DOUBLE || m == Marker.SINGLE || m == Marker.BACKTICK || m == Marker.DOUBLED_SINGLE || m == Marker.GUILLEMET;
    }

    private static boolean hasLineBreak(String text, Span span) {
        for (int i = span.start(); i < span.end(); i++) if (text.charAt(i) == '\n') return true;
        return false;
    }

    /** How many words of the span lie outside {@code inner}. */
    private static int wordsOutside(NormalisedWords w, Span span, Span inner) {
        int before = w.indexAt(Math.min(inner.start(), span.end())) - w.indexAt(span.start());
        int after = w.indexAt(span.end()) - w.indexAt(Math.max(inner.end(), span.start()));
        return Math.max(0, before) + Math.max(0, after);
    }

    /** The quote already found that mostly is this span (a markup quote), or null. */
    private static Quote markedQuote(List<Quote> own, Span span) {
        Quote best = null;
        int bestOverlap = 0;
        for (Quote q : own) {
            int ov = q.span().overlap(span);
            if (ov * 2 >= span.length() && ov > bestOverlap && q.marker() != Marker.NONE) { best = q; bestOverlap = ov; }
        }
        return best;
    }

    /**
     * The span widened over quotes it mostly contains and cut short of quotes it only touches, so that quotes
     * nest and never cross; null when nothing is left.
     */
    private static Span clear(Span span, List<Quote> own) {
        int s = span.start(), e = span.end();
        for (int round = 0; round < 3; round++) {
            boolean changed = false;
            for (Quote q : own) {
                Span o = q.outer();
                boolean crosses = o.start() < s && o.end() > s && o.end() < e || o.start() > s && o.start() < e && o.end() > e;
                if (!crosses) continue;
                int inside = Math.min(e, o.end()) - Math.max(s, o.start());
                if (inside * 2 >= o.length()) { s = Math.min(s, o.start()); e = Math.max(e, o.end()); }
                else if (o.start() < s) s = o.end();
                else e = o.start();
                changed = true;
                if (s >= e) return null;
            }
            if (!changed) break;
        }
        return new Span(s, e);
    }

    /** The end of a reproduction taken over the punctuation that closes its last word ("regime?", "end."). */
    private static int punctuationEnd(String text, int end, int limit) {
        while (end < limit) {
            char c = text.charAt(end);
            if (c == '.' || c == '!' || c == '?' || c == ',' || c == ';' || c == ':' || c == ')' || c == '"' || c == '\'' || c == '”' || c == '’' || c == '…') end++;
            else break;
        }
        return end;
    }
}
