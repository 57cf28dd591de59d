package org.exhibit.analysis.citations;

import org.exhibit.model.Span;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Footnote markers and the notes they point to. Markers: "(85)" or "[3]" after a sentence or glued to a word,
 * superscript digits, and a one- or two-digit number glued to the end of a sentence ("revelation.’3", "no.’4",
 * "in 1928.2 Another"). Not markers: years and other long numbers, page numbers ("p.45", "vol.2"), list numbering
 * at the start of a line, enumerations inside a sentence ("were (1) treason and (2) sabotage"), initials and dotted
 * abbreviations ("U.S.S.R.1"), decimals ("3.5 million"). Notes: lines that start with "85.", "85)", "[85]",
 * "(85)", a superscript number, or "85 " followed by something that reads as a reference.
 */
final class FootnoteMarkers {
    private FootnoteMarkers() {}

    record Marker(int start, int end, int number) {}

    private static final Pattern BRACKETED = Pattern.compile("[(\\[](\\d{1,3})[)\\]]");
    private static final Pattern GLUED = Pattern.compile("(?:[.!?][\"'’”]?|[\"'’”])(\\d{1,2})(?![\\d\\p{L}%°])");
    private static final Pattern SUPERSCRIPT = Pattern.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}");
    private static final Set<String> NUMBERED = Set.of("p", "pp", "page", "pages", "no", "nos", "vol", "vols", "volume",
            "chapter", "ch", "section", "sec", "article", "art", "item", "point", "step", "number", "fig", "figure",
            "table", "option", "question", "para", "paragraph", "part", "book", "line", "lines", "note", "footnote",
            "verse", "act", "scene", "stage", "phase", "level", "round", "case", "appendix", "plate", "map", "s", "n",
            "§", "¶", "version", "rule", "clause");
    private static final Set<String> UNITS = Set.of("m", "cm", "mm", "km", "ft", "in", "sq", "kg", "g", "s");
    private static final Pattern NOTE_LINE = Pattern.compile(
            "(?m)^[ \\t]*(?:(\\d{1,3})[.)][ \\t]+(?=\\S)|\\[(\\d{1,3})][ \\t]*:?[ \\t]*(?=\\S)|\\((\\d{1,3})\\)[ \\t]*(?=\\S)"
            + "|([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})[ \\t]*(?=\\S)|(\\d{1,3})[ \\t]+(?=[^\\n]*(?:\\b(?:1[5-9]|20)\\d\\d\\b|\\bpp?\\.\\s*\\d|[Ii]bid|op\\.\\s?cit)))");

    /** Markers in [from, to), in order. */
    static List<Marker> find(String t, int from, int to) {
        List<Marker> out = new ArrayList<>();
        RegionScan m = new RegionScan(BRACKETED.matcher(t), t, from, to, i -> (t.charAt(i) == '(' || t.charAt(i) == '[') && RegionScan.digit(t, i + 1));
        while (m.find()) if (bracketed(t, m.start(), m.end())) out.add(new Marker(m.start(), m.end(), Integer.parseInt(m.group(1))));
        m = new RegionScan(GLUED.matcher(t), t, from, to, i -> mayGlue(t, i));
        while (m.find()) if (glued(t, m.start(), m.start(1), m.end())) out.add(new Marker(m.start(1), m.end(), Integer.parseInt(m.group(1))));
        m = new RegionScan(SUPERSCRIPT.matcher(t), t, from, to, i -> SUPERSCRIPTS.indexOf(t.charAt(i)) >= 0);
        while (m.find()) if (superscript(t, m.start())) out.add(new Marker(m.start(), m.end(), superValue(m.group())));
        out.removeIf(x -> x.number() == 0);
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    private static final String GLUE_PUNCT = ".!?", GLUE_QUOTES = "\"'’”";

    /** A cheap test for GLUED: a sentence end or a closing quote, then (after at most one quote) a digit. */
    private static boolean mayGlue(String t, int i) {
        char c = t.charAt(i);
        boolean punct = GLUE_PUNCT.indexOf(c) >= 0;
        if (!punct && GLUE_QUOTES.indexOf(c) < 0) return false;
        if (RegionScan.digit(t, i + 1)) return true;
        return punct && i + 1 < t.length() && GLUE_QUOTES.indexOf(t.charAt(i + 1)) >= 0 && RegionScan.digit(t, i + 2);
    }

    private static boolean bracketed(String t, int s, int e) {
        if (atLineStart(t, s)) return false;                                  // list numbering or a note itself
        if (e < t.length() && (t.charAt(e) == '(' || t.charAt(e) == ':' && t.charAt(s) == '[')) return false; // [1](url), [1]: url
        char before = t.charAt(s - 1);
        if (before == '\n') return false;
        boolean next = followsLikeMarker(t, e);
        if (!Character.isWhitespace(before)) {
            return (Character.isLetter(before) || ".,;:!?\"'’”)]".indexOf(before) >= 0) && (next || e < t.length() && Character.isWhitespace(t.charAt(e)));
        }
        // "Spain (85). Plainly": a spaced marker must end a clause, and not be "page (3)" or "no. (3)".
        int p = s - 1;
        while (p >= 0 && (t.charAt(p) == ' ' || t.charAt(p) == '\t')) p--;
        if (p < 0 || Character.isDigit(t.charAt(p))) return false;
        String word = ReferenceSentences.tokenBefore(t, p + 1).replace(".", "").toLowerCase(Locale.ROOT);
        if (t.charAt(p) == '.') word = ReferenceSentences.tokenBefore(t, p).replace(".", "").toLowerCase(Locale.ROOT);
        if (NUMBERED.contains(word)) return false;
        return next;
    }

    /** End of text or line, punctuation, or a space and a capital or a quote. */
    private static boolean followsLikeMarker(String t, int e) {
        if (e >= t.length()) return true;
        char c = t.charAt(e);
        if (c == '\n' || c == '\r' || ".,;:!?)]".indexOf(c) >= 0) return true;
        if (c == ' ' || c == '\t') {
            int k = e;
            while (k < t.length() && (t.charAt(k) == ' ' || t.charAt(k) == '\t')) k++;
            if (k >= t.length() || t.charAt(k) == '\n' || t.charAt(k) == '\r') return true;
            char n = t.charAt(k);
            return Character.isUpperCase(n) || "\"'‘“«(".indexOf(n) >= 0;
        }
        return false;
    }

    private static boolean glued(String t, int punct, int digits, int e) {
        if (punct == 0 || !followsLikeMarker(t, e) || e < t.length() && t.charAt(e) == '.' && e + 1 < t.length() && Character.isDigit(t.charAt(e + 1)))
            return false;
        char first = t.charAt(punct);
        char before = t.charAt(punct - 1);
        if (Character.isWhitespace(before)) return false;                  // an opening quote: ’90s, '30
        if (first != '.' && first != '!' && first != '?') {
            return Character.isLetter(before) || ".!?,".indexOf(before) >= 0;  // said’3, no.’4
        }
        boolean quoted = digits - punct > 1;
        if (Character.isDigit(before)) {
            // Only a year ends a sentence with digits: "in 1928.2 Another", not "3.5 million".
            int s = punct;
            while (s > 0 && Character.isDigit(t.charAt(s - 1))) s--;
            if (s > 0 && (Character.isLetter(t.charAt(s - 1)) || t.charAt(s - 1) == '.')) return false;
            String num = t.substring(s, punct);
            if (num.length() != 4 || !num.matches("1\\d{3}|20\\d\\d")) return false;
            return e >= t.length() || !Character.isLowerCase(nextNonSpace(t, e));
        }
        String tok = ReferenceSentences.tokenBefore(t, punct);
        if (tok.isEmpty()) return ".!?\"'’”)".indexOf(before) >= 0;
        if (tok.contains(".") || tok.length() == 1) return false;               // U.S.S.R.1, R.2
        if (!quoted && NUMBERED.contains(tok.toLowerCase(Locale.ROOT))) return false; // p.45, no.4, vol.2
        return true;
    }

    private static char nextNonSpace(String t, int e) {
        int k = e;
        while (k < t.length() && Character.isWhitespace(t.charAt(k))) k++;
        return k < t.length() ? t.charAt(k) : ' ';
    }

    private static boolean superscript(String t, int s) {
        if (s == 0 || atLineStart(t, s)) return false;
        char before = t.charAt(s - 1);
        if (Character.isWhitespace(before) || Character.isDigit(before)) return false;
        if (Character.isLetter(before)) {
            String word = ReferenceSentences.tokenBefore(t, s).toLowerCase(Locale.ROOT);
            int p = s - word.length() - 1;
            while (p >= 0 && t.charAt(p) == ' ') p--;
            if (UNITS.contains(word) && p >= 0 && Character.isDigit(t.charAt(p))) return false; // 5 m²
        }
        return true;
    }

    private static boolean atLineStart(String t, int s) {
        for (int k = s - 1; k >= 0; k--) {
            char c = t.charAt(k);
            if (c == '\n') return true;
            if (c != ' ' && c != '\t' && c != '>') return false;
        }
        return true;
    }

    static int superValue(String s) {
        int v = 0;
        for (char c : s.toCharArray()) v = v * 10 + "⁰¹²³⁴⁵⁶⁷⁸⁹".indexOf(c);
        return v;
    }

    /** Note number to the span of its line, for every note in [from, to). */
    static Map<Integer, Span> notes(String t, int from, int to) {
        Map<Integer, Span> out = new HashMap<>();
        Matcher m = NOTE_LINE.matcher(t).region(from, to);
        m.useAnchoringBounds(false);
        while (m.find()) {
            int n = -1;
            for (int g = 1; g <= 5; g++) {
                if (m.group(g) == null) continue;
                n = g == 4 ? superValue(m.group(g)) : Integer.parseInt(m.group(g));
            }
            if (n > 0) out.putIfAbsent(n, new Span(m.start(), Math.min(to, ReferenceSentences.lineEnd(t, m.end()))));
        }
        return out;
    }
}
