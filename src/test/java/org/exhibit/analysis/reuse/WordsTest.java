package org.exhibit.analysis.reuse;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class WordsTest {
    static List<String> words(String t) {
        NormalisedWords w = NormalisedWords.of(t);
        List<String> l = new ArrayList<>();
        for (int i = 0; i < w.size(); i++) l.add(w.word(i));
        return l;
    }

    @Test void normalisationFoldsCaseDiacriticsCompatibilityFormsAndApostrophes() {
        assertEquals(List.of("елка", "strasse", "final", "ussr", "d'anthes", "wasn't", "cafe"),
                words("Ёлка, STRAßE — ﬁnal «ＵＳＳＲ» d’Anthès wasn't café"));
    }

    @Test void offsetsPointIntoTheOriginalText() {
        String t = "‘Yes’, answered Bukharin. 😀 How could you?!";
        NormalisedWords w = NormalisedWords.of(t);
        assertEquals("Yes", t.substring(w.start(0), w.end(0)));
        assertEquals("How", t.substring(w.start(3), w.end(3)));
        assertEquals(3, w.indexAt(t.indexOf("How")));
    }

    @Test void cyrillicCopiesAlign() {
        NormalisedWords a = NormalisedWords.of("Да, была у него очная ставка с Куликовым. Он был москвич. На заседании членов Политбюро Куликов "
                + "обратился к Бухарину: помните, Николай Иванович, как вы меня взяли под руку.");
        NormalisedWords b = NormalisedWords.of("Да, была у него очная ставка с Куликовым. Он был москвичом. На заседании членов Политбюро Куликов "
                + "обратился к Бухарину: помните, Николай Иваныч, как вы меня взяли под руку.");
        List<Long> seeds = new ArrayList<>();
        for (int i = 0; i + 5 <= a.size(); i++)
            for (int j = 0; j + 5 <= b.size(); j++) if (a.shingle(i, 5) == b.shingle(j, 5)) seeds.add((long) i << 32 | j);
        long[] s = seeds.stream().mapToLong(Long::longValue).toArray();
        List<Alignment> al = new Aligner().align(a, b, s, s.length, false);
        assertEquals(1, al.size());
        assertEquals("=10 ~1 =10 ~1 =6", al.get(0).script());
    }
}
