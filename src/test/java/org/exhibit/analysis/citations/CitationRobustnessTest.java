package org.exhibit.analysis.citations;

import org.exhibit.model.Citation;
import org.exhibit.model.Document;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** Any cut of citation-dense text is analysed without failing, and every span is a faithful slice. */
class CitationRobustnessTest {
    private static final String TEXT = "From his book, 'In Search of Soviet Gold'.\nQUOTE\n`It might be graft.'\n.\nIbid. , pp. 95--96.\n"
            + "People's Commissariat of Justice of the U.S.S.R. Report of Court Proceedings (Moscow, 1937), pp. 21--27.\n"
            + "In his \"The Tanaka Memorial\" article, Trotsky has sections called \"A\" and \"B.\" (Ibid., p. 113) (Ibid.)\n"
            + "Spain.(85) results.\"(86) in 1928.2 Another revelation.’3\nno.’4\n¹ [7] (12).\nConquest, Robert. The Great Terror. "
            + "London: Macmillan, 1968, p. 45. Getty (1985: 112); (Getty 1985, p. 112); Cohen 1973, pp. 12-15; Conquest, op. cit., "
            + "p. 9. Id. at 4. *Ibid.*, 4-5. [i]Darkness at Noon[/i] by Arthur Koestler. “I Accuse”, ‘Times’ «Le Monde» ``X''\n"
            + "3. R. Conquest, The Great Terror (London, 1968), p. 45.\n";

    @Test void randomCutsNeverFail() {
        Random r = new Random(7);
        for (int i = 0; i < 400; i++) {
            int a = r.nextInt(TEXT.length()), b = a + r.nextInt(TEXT.length() - a + 1);
            String cut = TEXT.substring(a, b);
            if (cut.isEmpty()) continue;
            Document doc = CitationTestDocs.post(cut);
            for (Citation c : doc.citations()) {
                assertTrue(c.span().end() <= cut.length(), c.toString());
                assertEquals(cut.substring(c.span().start(), c.span().end()), c.text());
            }
            assertDoesNotThrow(() -> Citations.after(doc, 0, 50));
            assertDoesNotThrow(() -> Citations.workBefore(doc, doc.text().length()));
        }
    }

    @Test void longRunsOfCapitalisedWordsDoNotExhaustTheStack() {
        Random r = new Random(3);
        String[] words = {"Stalin", "Trotsky", "The", "Great", "Terror", "Moscow", "And", "Party", "Of", "John", "Smith", "U.S.S.R."};
        StringBuilder sb = new StringBuilder("From his book 'In Search of Soviet Gold' ");
        for (int i = 0; i < 12000; i++) sb.append(words[r.nextInt(words.length)]).append(i % 7 == 0 ? ", " : " ");
        sb.append("(Moscow, 1937), p. 4. (Ibid., p. 5)");
        Document doc = CitationTestDocs.post(sb.toString());
        assertTrue(doc.flags().isEmpty(), doc.flags().toString());
        assertTrue(CitationTestDocs.only(doc, Citation.Kind.IBID).flags().contains("unresolved"), "the book is too far back");
    }
}
