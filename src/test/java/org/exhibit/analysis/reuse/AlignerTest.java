package org.exhibit.analysis.reuse;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class AlignerTest {
    /** Anchors of two texts the way the finders make them: every shared 5-gram. */
    static List<Alignment> align(NormalisedWords a, NormalisedWords b) {
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i + 5 <= a.size(); i++)
            for (int j = 0; j + 5 <= b.size(); j++)
                if (a.shingle(i, 5) == b.shingle(j, 5)) seeds.add((long) i << 32 | j);
        long[] s = seeds.stream().mapToLong(Long::longValue).toArray();
        return new Aligner().align(a, b, s, s.length, false);
    }

    @Test void editScriptCountsSharedChangedDroppedAndAddedWords() {
        NormalisedWords a = NormalisedWords.of("He was a Muscovite. At the meeting of the bureau members, Kulikov turned to him and asked about the "
                + "surnames [familia – ed.] of the persons he had listed for the committee in the spring of that year.");
        NormalisedWords b = NormalisedWords.of("He was a Moscovite. At the meeting of the bureau members, Kulikov turned to him and asked him about the "
                + "surnames [familia] of the persons he had listed for the committee in the spring of that year.");
        List<Alignment> al = align(a, b);
        assertEquals(1, al.size());
        Alignment x = al.get(0);
        assertEquals("=3 ~1 =13 +1 =4 -1 =15", x.script());
        assertEquals(35, x.matched());
        assertEquals(List.of("Muscovite → Moscovite", "+ him", "− ed"), x.differences(a, b));
        assertFalse(x.identical());
        assertEquals(2.0 * 35 / (37 + 37), x.similarity(), 1e-9);
    }

    @Test void typographyIsNotADifference() {
        NormalisedWords a = NormalisedWords.of("“It was NOT sabotage,” he said — ‘it was graft’, and everyone at the works knew it.");
        NormalisedWords b = NormalisedWords.of("\"It was not sabotage\", he said - 'it was graft' and everyone at the works knew it");
        List<Alignment> al = align(a, b);
        assertEquals(1, al.size());
        assertTrue(al.get(0).identical());
        assertEquals("=16", al.get(0).script());
    }

    @Test void unrelatedTextsDoNotAlign() {
        NormalisedWords a = NormalisedWords.of("The harvest of that year was poor in the south and the collectors took the seed grain.");
        NormalisedWords b = NormalisedWords.of("No telegram reached the station for three days and the stationmaster refused to let the train go.");
        assertTrue(align(a, b).isEmpty());
    }
}
