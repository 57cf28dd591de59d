package org.exhibit.analysis.quotes;

import org.exhibit.Limits;
import org.exhibit.analysis.attribution.SpeechFrames;
import org.exhibit.model.Marker;
import org.exhibit.model.QuoteKind;
import org.exhibit.model.Span;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Quotations run into a sentence: titles, scare quotes, phrases quoted in passing, and short passages given with a
 * citation ({@code "to provoke Tokio." (Ibid., p. 113)}).
 */
final class RunInQuotes {
    private RunInQuotes() {}

    record RunIn(Span span, Span open, Span close, Marker marker, QuoteKind kind) {}

    private static final Pattern CITATION_AFTER = Pattern.compile("^[\\s.,;]{0,3}(\\((Ibid|ibid|Id\\.|op\\. cit|pp?\\.|[A-Z][a-z]+,? \\d{4}|\\d{1,3}\\)|[^()]{0,120}?\\bpp?\\.\\s*\\d)|\\[\\d{1,3}\\]|\\d{1,2}\\b(?![,.]?\\d))");
    private static final Set<String> SMALL = Set.of("a", "an", "the", "of", "and", "or", "in", "on", "to", "for", "at", "by", "with", "from", "as", "can", "vs", "de", "la", "le", "du", "von", "und", "der");

    static List<RunIn> find(String text, List<Para> paras, int[] ends, Set<Integer> used) {
        return find(text, paras, ends, used, new ArrayList<>());
    }

    /** As above; pairs nested deeper than the depth limit are not classified but added to {@code tooDeep}. */
    static List<RunIn> find(String text, List<Para> paras, int[] ends, Set<Integer> used, List<Span> tooDeep) {
        List<RunIn> out = new ArrayList<>();
        int maxDepth = Limits.maxQuoteDepth();
        for (int i = 0; i < paras.size(); i++) {
            List<QuoteMarks.Mark> marks = new ArrayList<>();
            for (QuoteMarks.Mark m : QuoteMarks.scan(text, paras.get(i).start(), ends[i])) if (!used.contains(m.pos())) marks.add(m);
            List<QuoteMarks.Pair> pairs = QuoteMarks.pair(marks);
            int[] depth = depths(pairs);
            int firstOfPara = out.size();
            for (int k = 0; k < pairs.size(); k++) {
                QuoteMarks.Pair p = pairs.get(k);
                // Deeper than the limit: dropped later anyway, and classifying each level re-reads all the
                // levels inside it (quadratic in the depth).
                if (depth[k] > maxDepth) { tooDeep.add(new Span(p.open().end(), p.close().pos())); continue; }
                Span span = new Span(p.open().end(), p.close().pos());
                String raw = text.substring(span.start(), span.end());
                String inner = raw.strip();
                if (inner.isEmpty()) continue;
                String before = text.substring(Math.max(paras.get(i).start(), p.open().pos() - 200), p.open().pos());
                String after = text.substring(p.close().end(), Math.min(text.length(), p.close().end() + 160));
                out.add(new RunIn(span, new Span(p.open().pos(), p.open().end()), new Span(p.close().pos(), p.close().end()),
                        QuoteMarks.markerFor(p.open().mark()), classify(raw, before, after)));
            }
            coordinated(text, out.subList(firstOfPara, out.size()));
        }
        return out;
    }

    private static final Pattern COORDINATION = Pattern.compile("\\s*(?:,\\s*)?(?:and|or|,)\\s*");

    /**
     * Words quoted right after a quoted phrase and joined to it by "and", "or" or a comma ("calls of "Feel the
     * Bern" and "Love you, Bernie"") are more of the same words: a scare quote there takes the phrase's kind.
     */
    static void coordinated(String text, List<RunIn> para) {
        if (para.size() < 2) return;
        List<RunIn> byStart = new ArrayList<>(para);
        byStart.sort((a, b) -> Integer.compare(a.open().start(), b.open().start()));
        java.util.Map<RunIn, RunIn> changed = new java.util.IdentityHashMap<>();
        for (int k = 1; k < byStart.size(); k++) {
            RunIn prev = changed.getOrDefault(byStart.get(k - 1), byStart.get(k - 1)), cur = byStart.get(k);
            if (prev.kind() != QuoteKind.PHRASE || cur.kind() != QuoteKind.SCARE || prev.close().end() > cur.open().start()) continue;
            if (!COORDINATION.matcher(text).region(prev.close().end(), cur.open().start()).matches()) continue;
            changed.put(cur, new RunIn(cur.span(), cur.open(), cur.close(), cur.marker(), QuoteKind.PHRASE));
        }
        if (changed.isEmpty()) return;
        for (int k = 0; k < para.size(); k++) para.set(k, changed.getOrDefault(para.get(k), para.get(k)));
    }

    /** How many pairs enclose each pair, itself included (pairs never cross). */
    static int[] depths(List<QuoteMarks.Pair> pairs) {
        Integer[] order = new Integer[pairs.size()];
        for (int k = 0; k < order.length; k++) order[k] = k;
        java.util.Arrays.sort(order, (a, b) -> Integer.compare(pairs.get(a).open().pos(), pairs.get(b).open().pos()));
        int[] depth = new int[pairs.size()];
        java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>(); // close positions of enclosing pairs
        for (int k : order) {
            QuoteMarks.Pair p = pairs.get(k);
            while (!open.isEmpty() && open.peek() < p.close().end()) open.pop();
            open.push(p.close().end());
            depth[k] = open.size();
        }
        return depth;
    }

    /** {@code raw}: the words between the marks as written, white space at the ends included. */
    static QuoteKind classify(String raw, String before, String after) {
        String inner = raw.strip();
        if (CITATION_AFTER.matcher(after).find() && WordCounts.count(inner) >= 2 && !isTitle(inner, before)) return QuoteKind.PASSAGE;
        if (brokenOff(raw) || before.isBlank() && inner.endsWith(",") && !after.isBlank()) return QuoteKind.PHRASE;
        if (SpeechNouns.after(after) && WordCounts.count(inner) <= 12) return QuoteKind.PHRASE; // a slogan, a cry: someone's words
        return classifyWords(inner, before, after);
    }

    /**
     * Speech by its typography, whatever its length: words broken off ({@code "But--" he began}, or {@code "But " he
     * began} where a plain-text copy lost the dash) are an utterance cut short, and words that open their paragraph
     * and end in a comma with more of the sentence after them ({@code "Not today," said the clerk}) are a turn of
     * dialogue followed by its tag. A writer's scare quotes and titles do neither.
     */
    static boolean brokenOff(String raw) {
        if (raw.isBlank()) return false;
        char last = raw.charAt(raw.length() - 1);
        if (last == '-' && raw.length() >= 2 && raw.charAt(raw.length() - 2) != '-') return false; // a hyphenated word cut off ("pro-") is no dash
        return Character.isWhitespace(last) || last == '—' || last == '–' || last == '-';
    }

    private static QuoteKind classifyWords(String inner, String before, String after) {
        if (isTitle(inner, before)) return QuoteKind.TITLE;
        int words = WordCounts.count(inner);
        // ends as a sentence ends, an emphasis mark of plain text after the stop aside ("And who are _we?_")
        String unmarked = EMPHASIS_END.matcher(inner).replaceAll("");
        boolean sentence = !unmarked.isEmpty() && ".!?…".indexOf(unmarked.charAt(unmarked.length() - 1)) >= 0;
        if (words <= 4 && !sentence) {
            // Short words with a speech frame ("Ah," said Lucy), quoted in a clause that reports speech, or after a
            // noun that presents them ("chants of", "a sign that read") are words someone said or wrote, not the
            // writer's scare quotes.
            if (SpeechFrames.adjacentFrame(inner, before, after) || SpeechFrames.reportClause(before) || SpeechNouns.before(before)
                    || SpeechFrames.trailingTag(after)) return QuoteKind.PHRASE;
            return QuoteKind.SCARE;
        }
        // Whole sentences set off by a colon after a speech frame ("He told us: '...'") are quoted speech; a short
        // retort ("he said: 'Well, I only told you this!'") stays a phrase, the way readers cite such lines in passing.
        if (sentence && words >= 8 && COLON_END.matcher(before).find() && SpeechFrames.reportClause(before)) return QuoteKind.PASSAGE;
        return QuoteKind.PHRASE;
    }

    private static final Pattern SPACES = Pattern.compile("\\s+"), TRAILING_PUNCT = Pattern.compile("[.,;:?\"“”]+$"),
            LEADING_NON_WORD = Pattern.compile("^[^\\p{L}\\d]+"), LEADING_NON_LETTER = Pattern.compile("^[^\\p{L}]+");
    private static final Pattern COLON_END = Pattern.compile(":\\s*$");
    private static final Pattern EMPHASIS_END = Pattern.compile("[_*]+$");

    private static final Pattern STRONG_CUE = Pattern.compile("(?i)\\b(book|books|article|articles|memoirs?|novel|film|pamphlet|essay|review|titled|entitled|newspaper|journal|magazine|report|biography|his|her|their)\\W*$");
    private static final Pattern SO_CALLED = Pattern.compile("(?i)\\bso[ -]called\\W*$");

    /**
     * A title: Title Case words, and either four or more of them or a cue right before ("his book", "the article").
     * Capitalised scare quotes ("the so called 'Left Opposition'", "called him 'Judas'") are not titles.
     */
    static boolean isTitle(String inner, String before) {
        if (inner.contains("!") || SO_CALLED.matcher(before).find()) return false;
        String[] w = SPACES.split(TRAILING_PUNCT.matcher(inner).replaceAll(""));
        if (w.length == 0 || w.length > 14) return false;
        int content = 0, caps = 0;
        for (int k = 0; k < w.length; k++) {
            String x = LEADING_NON_WORD.matcher(w[k]).replaceAll("");
            if (x.isEmpty()) continue;
            boolean small = SMALL.contains(x.toLowerCase());
            if (small && k > 0) continue;
            content++;
            if (Character.isUpperCase(x.charAt(0)) || Character.isDigit(x.charAt(0))) caps++;
        }
        if (content == 0 || !Character.isUpperCase(LEADING_NON_LETTER.matcher(w[0]).replaceAll("x").charAt(0))) return false;
        if (caps * 10 < content * 8) return false;
        return w.length >= 4 || STRONG_CUE.matcher(before).find();
    }
}
