package org.exhibit.analysis.entities;

import org.exhibit.authority.NameKey;
import org.exhibit.model.Document;
import org.exhibit.model.Post;
import org.exhibit.model.Span;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of a document's post bodies as the entity resolver sees them: initials ("L.") as words of their own,
 * possessives ("Stalin's") split into the name and a flag, lower-case compounds ("anti-Stalin") split at hyphens.
 */
final class NameTokens {
    // Letters with inner apostrophes and hyphens, as one character class: a repeated group recursed once per
    // hyphen and overflowed the stack on long hyphenated runs. Trailing apostrophes and hyphens are cut in tokenize.
    // A word is what \p{Lu}\.|[\p{L}\p{M}][\p{L}\p{M}\p{Nd}'’\-]*+ matches (an initial, or letters with digits,
    // apostrophes and hyphens inside), found by tokenize without a pattern.

    /** One word: [start, end) is the word without a possessive ending, {@code after} the end including it. */
    static final class Tok {
        final int start, end, after;
        final String text;
        final boolean possessive, initial, cap, allCaps;
        boolean sentenceStart;

        Tok(int start, int end, int after, String text, boolean possessive) {
            this.start = start;
            this.end = end;
            this.after = after;
            this.text = text;
            this.possessive = possessive;
            this.initial = text.length() == 2 && text.charAt(1) == '.';
            this.cap = Character.isUpperCase(text.codePointAt(0));
            boolean upper = text.length() > 1 || initial;
            for (int i = 0; i < text.length() && upper; i++) if (Character.isLowerCase(text.charAt(i))) upper = false;
            this.allCaps = upper && !initial;
        }

        private String plainText, plainWord;

        /** The word without a trailing period of an initial. */
        String word() { return initial ? text.substring(0, 1) : text; }

        /** {@link NameKey#plain} of the text, computed once per token. */
        String plainText() {
            if (plainText == null) plainText = NameKey.plain(text);
            return plainText;
        }

        /** Only ASCII letters and digits: its {@link NameKey#plain} key is its lower case, and a phrase of such words
         *  (blanks between them) has the words' keys joined by spaces as its key. */
        boolean simple() {
            if (simple == 0) {
                boolean ok = true;
                for (int i = 0; i < text.length() && ok; i++) {
                    char c = text.charAt(i);
                    ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
                }
                simple = (byte) (ok ? 1 : 2);
            }
            return simple == 1;
        }

        private byte simple;

        /** {@link NameKey#plain} of the word, computed once per token. */
        String plainWord() {
            if (plainWord == null) plainWord = initial ? NameKey.plain(word()) : plainText();
            return plainWord;
        }

        @Override public String toString() { return text + "@" + start; }
    }

    private NameTokens() {}

    /** The words of the post bodies (of the whole text when the document has no posts), in text order. */
    static List<Tok> of(Document doc) {
        List<Span> regions = new ArrayList<>();
        for (Post p : doc.posts()) if (p.body() != null) regions.add(p.body());
        if (regions.isEmpty()) regions.add(new Span(0, doc.text().length()));
        regions.sort(null);
        List<Tok> out = new ArrayList<>();
        int last = 0;
        for (Span r : regions) {
            if (r.end() <= last) continue;
            tokenize(doc.text(), Math.max(r.start(), last), r.end(), out);
            last = r.end();
        }
        // A document repeats its words: their keys come from a map of its own, not the process-wide cache each time.
        java.util.Map<String, String> keys = new java.util.HashMap<>();
        for (Tok t : out) t.plainText = keys.computeIfAbsent(t.text, NameKey::plain);
        return out;
    }

    static List<Tok> of(String text) {
        List<Tok> out = new ArrayList<>();
        tokenize(text, 0, text.length(), out);
        return out;
    }

    private static void tokenize(String text, int from, int to, List<Tok> out) {
        // the words, scanned by hand (the pattern tried at every character cost more than the rest of the tokenising)
        for (int i = from; i < to; ) {
            int cp = text.codePointAt(i), n = Character.charCount(cp);
            int s = i, e;
            if (Character.getType(cp) == Character.UPPERCASE_LETTER && i + n < to && text.charAt(i + n) == '.') e = i + n + 1;
            else if (letterOrMark(cp)) {
                e = i + n;
                while (e < to) {
                    int c = text.codePointAt(e);
                    if (letterOrMark(c) || Character.getType(c) == Character.DECIMAL_DIGIT_NUMBER || c == '\'' || c == '’' || c == '-')
                        e += Character.charCount(c);
                    else break;
                }
            } else { i += n; continue; }
            i = e;
            while (e > s + 1 && "'’-".indexOf(text.charAt(e - 1)) >= 0) e--;
            String w = text.substring(s, e);
            if (w.indexOf('-') > 0 && (Character.isLowerCase(w.charAt(0)) || w.equals(w.toUpperCase(java.util.Locale.ROOT)))) {
                // anti-Stalin, pro-Trotsky, CNT-FAI: the capitalised parts are words of their own
                int at = s;
                for (String part : w.split("-")) {
                    if (!part.isEmpty()) add(text, at, at + part.length(), out);
                    at += part.length() + 1;
                }
            } else add(text, s, e, out);
        }
    }

    private static boolean letterOrMark(int cp) {
        if (cp < 128) return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z';
        int t = Character.getType(cp);
        return Character.isLetter(cp) || t == Character.NON_SPACING_MARK || t == Character.ENCLOSING_MARK || t == Character.COMBINING_SPACING_MARK;
    }

    private static void add(String text, int s, int e, List<Tok> out) {
        String w = text.substring(s, e);
        boolean poss = false;
        int end = e;
        if (w.length() > 3 && (w.endsWith("'s") || w.endsWith("’s"))) { poss = true; end = e - 2; }
        Tok t = new Tok(s, end, e, text.substring(s, end), poss);
        t.sentenceStart = sentenceStart(text, s, out.isEmpty() ? null : out.get(out.size() - 1));
        out.add(t);
    }

    /** Does a sentence (or a line, or a quotation) begin at this word? */
    private static boolean sentenceStart(String text, int s, Tok prev) {
        int i = s - 1;
        while (i >= 0) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') return true;
            if (c == ' ' || c == '\t' || c == '\u00a0' || "\"'`‘’“”«»([*".indexOf(c) >= 0) { i--; continue; }
            if (c == '.') return prev == null || !prev.initial || prev.after != i + 1;
            return c == '!' || c == '?' || c == ':' || c == ';' || c == '…';
        }
        return true;
    }

    /** Only blanks (no line break, no punctuation) between a's end and b's start, and a is not possessive. */
    static boolean joined(String text, Tok a, Tok b) {
        if (a.possessive || a.after > b.start) return false;
        for (int i = a.after; i < b.start; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\u00a0') return false;
        }
        return true;
    }
}
