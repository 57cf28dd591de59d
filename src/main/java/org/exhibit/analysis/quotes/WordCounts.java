package org.exhibit.analysis.quotes;

/** Small text measures used by the quote heuristics. */
final class WordCounts {
    private WordCounts() {}

    static int count(CharSequence s) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            boolean w = !Character.isWhitespace(s.charAt(i));
            if (w && !in) n++;
            in = w;
        }
        return n;
    }

    /** True when the text uses first-person pronouns, the mark of a witness speaking. */
    static boolean firstPerson(String s) {
        return FIRST_PERSON.matcher(s).find(); // what matches("(?s).*\\b(...)\\b.*") asks, without backtracking from the end
    }

    private static final java.util.regex.Pattern FIRST_PERSON = java.util.regex.Pattern.compile("\\b(I|me|my|mine|myself)\\b");

    static boolean isOpenPunct(char c) { return "([{<—–-/".indexOf(c) >= 0; }
}
