package org.exhibit.analysis.reuse;

import org.exhibit.analysis.Layer;
import org.exhibit.analysis.Stage;
import org.exhibit.model.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Set;

/**
 * Whether passages that seem to corroborate each other are independent. Two witnesses are one source reaching the
 * thread twice when
 * <ol>
 *   <li>their texts are copies of each other (a verbatim, altered or paraphrase reuse found by {@link ReuseFinder})
 *       and the copy is not simply a post stored twice or quoted in a reply (a part covering most of a post), or</li>
 *   <li>they are different quotes with the same speaker and the same work, as attribution set them.</li>
 * </ol>
 * A group of rule 1 becomes a {@code same-source} reuse (parts: the witnesses; similarity and alignment from the
 * text match); a group of rule 2 a {@code same-work} one (different passages of one work: one witness, no shared
 * text). When the thread presents the witnesses as agreeing ("concur", "confirm",
 * "corroborate", "independently", "both ... agree"), a document flag {@code not-independent} quotes that claim.
 */
public final class IndependenceCheck implements Stage {
    // The claim's key words; the sentence around them is found by scanning, not by a leading [^.]* in the pattern,
    // which made every search quadratic in the sentence length and the stage the slowest of the pipeline.
    private static final Pattern CLAIM = Pattern.compile("(?i)\\b(?:concurs?|concurred|confirms?|confirmed|corroborat\\w*|"
            + "independent(?:ly)?|both\\b[^.!?\\n]{0,80}\\bagree\\w*|two (?:separate |different |independent )?(?:sources|witnesses|accounts))\\b");

    /** Different passages of one speaker's one work: not independent witnesses, though no text is shared. */
    public static final String SAME_WORK = "same-work";

    @Override public String name() { return "independence"; }
    @Override public Set<Layer> requires() { return Layer.withReader(Layer.QUOTES, Layer.REUSE, Layer.ATTRIBUTION); }
    @Override public Set<Layer> assigns() { return Set.of(Layer.INDEPENDENCE); }
    @Override public Set<Layer> appends() { return Set.of(Layer.REUSE); }

    @Override public void apply(Document doc) {
        List<Reuse> found = new ArrayList<>();
        for (Reuse r : doc.reuse()) {
            if (r.parts().size() != 2 || r.kind().equals("same-source")) continue;
            Reuse.Part a = r.parts().get(0), b = r.parts().get(1);
            Reuse.Part first = a.span().start() <= b.span().start() ? a : b;
            if (wholePost(doc, first) || adjacent(doc, a, b)) continue;
            if (r.kind().equals("paraphrase") && (a.quote() == null || b.quote() == null)) continue; // a poster retelling
            if (!differentRoutes(doc, a, b)) continue;
            found.add(new Reuse("same-source", r.parts(), r.similarity(), r.alignment()));
        }
        // Rule 2: same speaker and work on different quotes, not nested in one another.
        Map<String, List<Quote>> byOrigin = new LinkedHashMap<>();
        // The later copy of a body stored twice repeats the first copy's quotes: they are not more witnesses.
        List<Span> laterCopies = new ArrayList<>();
        for (Reuse r : doc.reuse())
            if (r.kind().equals("verbatim") && r.parts().size() == 2 && r.parts().get(1).span().length() >= 1000)
                laterCopies.add(r.parts().get(1).span());
        for (Quote q : doc.quotesInOrder()) {
            if (q.kind() != QuoteKind.PASSAGE || q.speaker() == null || q.work() == null) continue;
            if (laterCopies.stream().anyMatch(c -> c.contains(q.span()))) continue;
            if (q.speaker().name() == null || q.work().title() == null) continue;
            String key = q.speaker().name().toLowerCase(Locale.ROOT) + "\u0000" + q.work().title().toLowerCase(Locale.ROOT);
            byOrigin.computeIfAbsent(key, k -> new ArrayList<>()).add(q);
        }
        for (List<Quote> group : byOrigin.values()) {
            List<Quote> outer = new ArrayList<>();
            for (Quote q : group) if (outer.stream().noneMatch(o -> o.span().overlaps(q.span()))) outer.add(q);
            if (outer.size() < 2 || coveredByText(found, outer)) continue;
            List<Reuse.Part> parts = new ArrayList<>();
            for (Quote q : outer) parts.add(new Reuse.Part(null, q.post(), q.span(), q.text(doc), q.id()));
            found.add(new Reuse(SAME_WORK, parts, 0, null));
        }
        Map<Span, List<Reuse>> byClaim = new LinkedHashMap<>();
        Map<Span, Evidence> claims = new LinkedHashMap<>();
        for (Reuse r : found) {
            doc.reuse().add(r);
            if (r.kind().equals(SAME_WORK)) continue; // only shared text proves one source reached the thread twice
            Evidence claim = claim(doc, r);
            if (claim == null) continue;
            claims.put(claim.span(), claim);
            byClaim.computeIfAbsent(claim.span(), k -> new ArrayList<>()).add(r);
        }
        int[] lineBreaks = byClaim.isEmpty() ? null : lineBreaks(doc.text());
        for (var e : byClaim.entrySet()) {
            List<String> groups = new ArrayList<>();
            for (Reuse r : e.getValue()) groups.add(describe(doc, r, lineBreaks));
            doc.flags().add(new Flag("not-independent", "presented as agreeing, but passages are one source reaching the thread "
                    + "by different routes: " + String.join("; ", groups), claims.get(e.getKey())));
        }
    }

    /** The earlier copy is (nearly) a whole post: the later one is a reply quoting it, not a second route. */
    static boolean wholePost(Document doc, Reuse.Part p) {
        Post post = doc.post(p.post());
        return post != null && ReuseFinder.coversPost(doc, post, p.span());
    }

    /** One copy right after the other: a text stored twice, not two routes. */
    static boolean adjacent(Document doc, Reuse.Part a, Reuse.Part b) {
        Span first = a.span().start() <= b.span().start() ? a.span() : b.span(), second = first == a.span() ? b.span() : a.span();
        if (second.start() < first.end()) return true;
        if (second.start() - first.end() > 200) return false; // more than three words apart: no need to count them
        return NormalisedWords.count(doc.text(), first.end(), second.start()) <= 3;
    }

    /** Copies framed differently: in different quotes, or one quoted and one not, or in different posts. */
    static boolean differentRoutes(Document doc, Reuse.Part a, Reuse.Part b) {
        if (a.quote() != null || b.quote() != null) return a.quote() == null || !a.quote().equals(b.quote());
        return true; // no quote markup found: the copies sit at two places of the thread, which is two routes
    }

    static boolean coveredByText(List<Reuse> found, List<Quote> quotes) {
        for (Reuse r : found) {
            int n = 0;
            for (Quote q : quotes) for (Reuse.Part p : r.parts()) if (q.span().overlaps(p.span())) { n++; break; }
            if (n == quotes.size()) return true;
        }
        return false;
    }

    /** The first words of {@link #CLAIM}, in any case: a claim can begin only where one of them does. */
    private static final String[] CLAIM_WORDS = {"concur", "confirm", "corroborat", "independent", "both", "two"};

    /**
     * The first offset in [from, to) where a word that can begin a claim begins (case folded as widely as
     * {@link String#regionMatches(boolean, int, String, int, int)} does), or -1: one pass of character tests, so a
     * region without one is not searched with the pattern.
     */
    static int firstClaimWord(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < 128 && "cCiIbBtT".indexOf(c) < 0) continue; // no claim word starts so (other scripts go to the full test)
            // an ASCII letter matches a word's first (and second) letter ignoring case only as its lower case does
            char c1 = i + 1 < to ? text.charAt(i + 1) : 0;
            char l0 = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c, l1 = c1 >= 'A' && c1 <= 'Z' ? (char) (c1 + 32) : c1;
            for (String w : CLAIM_WORDS) {
                if (c < 128 && w.charAt(0) != l0 || c1 != 0 && c1 < 128 && w.charAt(1) != l1) continue;
                if (text.regionMatches(true, i, w, 0, w.length())) return i;
            }
        }
        return -1;
    }

    /** A sentence claiming agreement, from shortly before the first witness to shortly after the last, in their posts. */
    static Evidence claim(Document doc, Reuse r) {
        int from = Integer.MAX_VALUE, to = 0;
        List<Span> bodies = new ArrayList<>();
        for (Reuse.Part p : r.parts()) {
            from = Math.min(from, p.span().start() - 400); // the claim may introduce the witnesses
            to = Math.max(to, p.span().end() + 1500);
            Post post = doc.post(p.post());
            if (post != null && !bodies.contains(post.body())) bodies.add(post.body());
        }
        if (bodies.isEmpty()) bodies.add(new Span(0, doc.text().length()));
        for (Span body : bodies) {
            int s0 = Math.max(body.start(), from), e0 = Math.min(body.end(), to);
            int first = s0 < e0 ? firstClaimWord(doc.text(), s0, e0) : -1;
            if (first < 0) continue;
            // No claim starts before its first key word; the search starts one character before it, so that the
            // word boundary there is judged on the character before, as from s0.
            Matcher m = CLAIM.matcher(doc.text()).region(Math.max(s0, first - 1), e0);
            if (m.find()) {
                String text = doc.text();
                int start = m.start(), end = m.end();
                while (start > s0 && !sentenceEnd(text.charAt(start - 1))) start--;
                while (end < e0 && !sentenceEnd(text.charAt(end))) end++;
                if (end < e0 && text.charAt(end) != '\n') end++; // the full stop belongs to the sentence
                Span s = new Span(start, end);
                String t = doc.slice(s).strip();
                int lead = doc.slice(s).indexOf(t);
                return new Evidence(new Span(s.start() + lead, s.start() + lead + t.length()), t);
            }
        }
        return null;
    }

    private static boolean sentenceEnd(char c) { return c == '.' || c == '!' || c == '?' || c == '\n'; }

    static String describe(Document doc, Reuse r) { return describe(doc, r, lineBreaks(doc.text())); }

    /** The offsets of the text's line breaks, in order. */
    static int[] lineBreaks(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') n++;
        int[] out = new int[n];
        for (int i = 0, k = 0; i < text.length(); i++) if (text.charAt(i) == '\n') out[k++] = i;
        return out;
    }

    static String describe(Document doc, Reuse r, int[] lineBreaks) {
        List<String> l = new ArrayList<>();
        for (Reuse.Part p : r.parts()) {
            int k = java.util.Arrays.binarySearch(lineBreaks, p.span().start());
            int line = 1 + (k < 0 ? -k - 1 : k); // the breaks before the part's start
            l.add((p.quote() != null ? "quote " + p.quote() : "passage") + " at line " + line);
        }
        return String.join(" and ", l) + (r.alignment() != null ? " (alignment " + r.alignment() + ")" : " (same speaker and work)");
    }
}
