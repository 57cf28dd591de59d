package org.exhibit.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A word list as one regular expression. {@code java.util.regex} tries the branches of {@code a|b|c} one after the
 * other at every position, so a list of five hundred verb forms costs five hundred comparisons wherever a pattern
 * holding it is tried. {@link #of} writes the same list as a prefix tree ({@code sa(?:id|ys|y)}): one comparison per
 * letter read.
 *
 * <p>The tree matches exactly what the flat alternation of the words in the given order matches, with the same
 * preference: the words are given longest first, so a word is tried before every word that is a prefix of it (a
 * node's "end here" branch comes last), and two branches of a node begin with different letters, so no input can
 * take both. When a node would have two branches that one character could enter (letters that differ only in case,
 * which a case-insensitive pattern folds together; a gap and a punctuation mark it may match), the flat alternation
 * is returned instead.
 */
public final class Alternation {
    private Alternation() {}

    /** A unit of a word: one character, or the gap a space in the word stands for. */
    private static final int GAP = -1, APOSTROPHE = -2;

    private static final class Node {
        final Map<Integer, Node> next = new TreeMap<>();
        boolean end;
    }

    /**
     * The words as a regex (no enclosing group), equivalent to {@code flat}, the alternation of the same words in
     * the given order. {@code words} must be ordered longest first; a space in a word matches {@code gap}; when
     * {@code apostrophes} is set, an apostrophe matches {@code ['’]}.
     */
    public static String of(List<String> words, String gap, boolean apostrophes, String flat) {
        for (int i = 1; i < words.size(); i++)
            if (words.get(i).length() > words.get(i - 1).length()) return flat;
        Node root = new Node();
        for (String w : words) {
            if (w.isEmpty()) return flat;
            Node n = root;
            for (int i = 0; i < w.length(); i++) {
                char c = w.charAt(i);
                if (Character.isSurrogate(c)) return flat;
                int unit = c == ' ' ? GAP : apostrophes && c == '\'' ? APOSTROPHE : c;
                n = n.next.computeIfAbsent(unit, k -> new Node());
            }
            n.end = true;
        }
        if (!disjoint(root, java.util.regex.Pattern.compile("(?:" + gap + ")"))) return flat;
        StringBuilder sb = new StringBuilder();
        write(root, gap, sb, true);
        return sb.toString();
    }

    /** No input character can enter two branches of one node. */
    private static boolean disjoint(Node n, java.util.regex.Pattern gap) {
        List<Integer> units = new ArrayList<>(n.next.keySet());
        for (int a = 0; a < units.size(); a++)
            for (int b = a + 1; b < units.size(); b++)
                if (overlap(units.get(a), units.get(b), gap)) return false;
        for (Node c : n.next.values()) if (!disjoint(c, gap)) return false;
        return true;
    }

    private static boolean overlap(int a, int b, java.util.regex.Pattern gap) {
        if (a >= 0 && b >= 0) return fold(a) == fold(b);
        if (a < 0 && b < 0) return gapStarts(gap, '\'') || gapStarts(gap, '’'); // GAP and APOSTROPHE
        int special = a < 0 ? a : b, other = a < 0 ? b : a;
        if (special == APOSTROPHE) return other == '\'' || other == '’';
        return gapStarts(gap, other);
    }

    /** Can a match of the gap pattern begin with {@code c}? */
    private static boolean gapStarts(java.util.regex.Pattern gap, int c) {
        java.util.regex.Matcher m = gap.matcher(new String(Character.toChars(c)));
        return m.lookingAt() || m.hitEnd();
    }

    private static int fold(int c) { return Character.toLowerCase(Character.toUpperCase(c)); }

    private static void write(Node n, String gap, StringBuilder sb, boolean top) {
        int branches = n.next.size() + (n.end ? 1 : 0);
        if (branches == 0) return;
        if (branches == 1 && !n.end) { // a chain: no group needed
            var e = n.next.entrySet().iterator().next();
            unit(e.getKey(), gap, sb);
            write(e.getValue(), gap, sb, false);
            return;
        }
        if (!top) sb.append("(?:");
        boolean first = true;
        for (var e : n.next.entrySet()) {
            if (!first) sb.append('|');
            first = false;
            unit(e.getKey(), gap, sb);
            write(e.getValue(), gap, sb, false);
        }
        if (n.end) sb.append('|'); // the word ending here, tried after every longer one
        if (!top) sb.append(')');
    }

    private static void unit(int u, String gap, StringBuilder sb) {
        if (u == GAP) sb.append("(?:").append(gap).append(')');
        else if (u == APOSTROPHE) sb.append("['’]");
        else if (Character.isLetterOrDigit(u)) sb.appendCodePoint(u);
        else if (u < 128) sb.append('\\').append((char) u);
        else sb.appendCodePoint(u);
    }
}
