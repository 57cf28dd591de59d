package org.exhibit.text;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

class AlternationTest {
    static String flat(List<String> words, String gap) {
        List<String> out = new ArrayList<>();
        for (String w : words) out.add(Pattern.quote(w).replace(" ", "\\E(?:" + gap + ")\\Q"));
        return String.join("|", out);
    }

    static List<String> longestFirst(List<String> w) {
        List<String> s = new ArrayList<>(w);
        s.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        return s;
    }

    @Test
    void treeSharesPrefixes() {
        List<String> w = longestFirst(List.of("say", "says", "said", "saying", "shout", "went on", "went"));
        String rx = Alternation.of(w, "\\s+", false, flat(w, "\\s+"));
        assertFalse(rx.contains("say|says"), rx);
        assertTrue(rx.startsWith("s(?:"), rx);
    }

    /** The tree chooses what the flat alternation chooses, with a pattern that forces backtracking into the list. */
    @Test
    void sameMatchesAsTheFlatAlternation() {
        List<String> w = longestFirst(List.of("say", "says", "said", "saying", "sa", "went on", "went", "went onward", "no", "nor", "n.b", "o'clock"));
        String flat = flat(w, "\\s+");
        String tree = Alternation.of(w, "\\s+", false, flat);
        assertNotEquals(flat, tree);
        for (String around : List.of("(?:%s)", "\\b(%s)s?\\s+(\\w+)", "(%s)(\\w*) x$", "(?i:(%s))(ing)?")) {
            Pattern a = Pattern.compile(around.replace("%s", flat)), b = Pattern.compile(around.replace("%s", tree));
            Random r = new Random(7);
            String[] parts = {"say", "s", "aid", "ing", " ", "  ", "went", "on", "ward", "n", "o", "r", ".b", " x", "SAYS", "'clock"};
            for (int i = 0; i < 3000; i++) {
                StringBuilder s = new StringBuilder();
                for (int k = r.nextInt(8); k >= 0; k--) s.append(parts[r.nextInt(parts.length)]);
                Matcher x = a.matcher(s), y = b.matcher(s);
                while (true) {
                    boolean fx = x.find(), fy = y.find();
                    assertEquals(fx, fy, s + " / " + around);
                    if (!fx) break;
                    assertEquals(x.start(), y.start(), s::toString);
                    assertEquals(x.end(), y.end(), s::toString);
                    for (int g = 1; g <= x.groupCount(); g++) assertEquals(x.group(g), y.group(g), s::toString);
                }
            }
        }
    }

    @Test
    void flatWhenCaseFoldingCouldEnterTwoBranches() {
        List<String> w = longestFirst(List.of("May", "may"));
        assertEquals("FLAT", Alternation.of(w, "\\s+", false, "FLAT"));
        List<String> dash = longestFirst(List.of("a-b", "a c"));
        assertEquals("FLAT", Alternation.of(dash, "[\\s-]+", false, "FLAT"), "a gap that may match a dash");
        assertNotEquals("FLAT", Alternation.of(dash, "\\s+", false, "FLAT"));
    }
}
