package org.exhibit.analysis.citations;

import org.exhibit.model.Citation;
import org.exhibit.model.Document;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.exhibit.analysis.citations.CitationTestDocs.*;
import static org.exhibit.model.Citation.Kind.*;
import static org.junit.jupiter.api.Assertions.*;

class IbidTest {
    private static final String LITTLEPAGE = "Then there is the testimony of John Littlepage, an American engineer who worked "
            + "in the USSR for ten years. From his book, 'In Search of Soviet Gold'.\nQUOTE\n"
            + "`One day in 1928 I went into a power-station at the Kochkar gold-mines.'\n.\nIbid., p. 23.\n"
            + "He also describes the Berlin commission.\n`It might very well be graft, I thought.'\n.\nIbid. , pp. 95--96.\n";

    @Test void ibidChainResolvesToTheBookNamedBefore() {
        Document doc = post(LITTLEPAGE);
        List<Citation> ibids = of(doc, IBID);
        assertEquals(2, ibids.size(), ibids.toString());
        for (Citation c : ibids) {
            assertEquals("In Search of Soviet Gold", c.resolvesTo(), c.text());
            assertEquals("John Littlepage", c.author(), c.text());
        }
        assertEquals("23", ibids.get(0).pages());
        assertEquals("Ibid. , pp. 95--96.", ibids.get(1).text());
        assertEquals("95-96", ibids.get(1).pages());
    }

    @Test void ibidFollowsTheLatestReferenceAndOpCitFindsItsAuthor() {
        Document doc = post(LITTLEPAGE + "On the famine see R. Conquest, The Harvest of Sorrow (London, 1986), p. 303.\n"
                + "Ibid., p. 306.\nCompare J. Arch Getty, Origins of the Great Purges (Cambridge, 1985), p. 112.\n"
                + "But see Conquest, op. cit., p. 310.\n");
        List<Citation> ibids = of(doc, IBID);
        assertEquals(3, ibids.size());
        assertEquals("The Harvest of Sorrow", ibids.get(2).resolvesTo());
        assertEquals("R. Conquest", ibids.get(2).author());
        Citation op = only(doc, OP_CIT);
        assertEquals("Conquest, op. cit., p. 310.", op.text());
        assertEquals("The Harvest of Sorrow", op.resolvesTo(), "op. cit. skips Getty's book to find Conquest's");
        assertEquals("310", op.pages());
    }

    @Test void parenthesisedIbidAfterAnArticleNamedWithPossessive() {
        Document doc = post("Leon Trotsky was in exile.\n\nIn his \"The Tanaka Memorial\" article in a section titled\n"
                + "\"Last Articles and Letters,\" Trotsky has sections called\n\"Early Soviet Advantages in Intelligence Work\" and\n"
                + "\"Why I can Verify It's Authenticity.\" He admits that Stalin does\nnot want \"to provoke Tokio.\" (Ibid., p. 113)\n"
                + "Next he admits he can't be sure. (Ibid.)");
        List<Citation> titles = of(doc, TITLE);
        assertEquals(1, titles.size(), "section titles are not works: " + titles);
        assertEquals("The Tanaka Memorial", titles.get(0).title());
        assertEquals("Leon Trotsky", titles.get(0).author(), "the sentence's subject, made full from earlier in the thread");
        List<Citation> ibids = of(doc, IBID);
        assertEquals(List.of("(Ibid., p. 113)", "(Ibid.)"), ibids.stream().map(Citation::text).toList());
        for (Citation c : ibids) {
            assertEquals("The Tanaka Memorial", c.resolvesTo());
            assertEquals("Leon Trotsky", c.author());
            assertTrue(c.flags().isEmpty(), c.flags().toString());
        }
        assertEquals("113", ibids.get(0).pages());
        assertNull(ibids.get(1).pages());
    }

    @Test void ibidDoesNotReachIntoAnEarlierPost() {
        Document doc = posts("Read Robert Conquest's book 'The Great Terror' first.", "I disagree with that. (Ibid., p. 4)");
        Citation c = only(doc, IBID);
        assertNull(c.resolvesTo());
        assertTrue(c.flags().contains("unresolved"));
    }

    @Test void distantAntecedentIsFlaggedThenDropped() {
        String filler = "The plenum went on for days and nobody could agree on the harvest figures at all. ".repeat(50);
        Document near = post("His memoir, 'Mission to Moscow', appeared in 1941. " + filler + "Ibid., p. 9.");
        Citation c = only(near, IBID);
        assertEquals("Mission to Moscow", c.resolvesTo());
        assertTrue(c.flags().contains("antecedent-far"), c.flags().toString());
        Document far = post("His memoir, 'Mission to Moscow', appeared in 1941. " + filler.repeat(5) + "Ibid., p. 9.");
        assertNull(only(far, IBID).resolvesTo());
    }

    @Test void ibidVariants() {
        Document doc = post("See Roy Medvedev, Let History Judge (New York, 1971), p. 12.\nibid. 14-15.\n*Ibid.*, pp. 20-2.\n"
                + "Ibidem, p. 30.\nId. at 31.\nHe said the Id. was to blame, ibid at all.");
        List<Citation> ibids = of(doc, IBID);
        assertEquals(List.of("14-15", "20-22", "30", "31"), ibids.stream().limit(4).map(Citation::pages).toList());
        for (Citation c : ibids) assertEquals("Let History Judge", c.resolvesTo(), c.text());
        assertEquals(5, ibids.size(), "a mid-sentence 'Id.' is not a citation: " + ibids);
    }

    @Test void withNoCitedWorkTheLastQuotedTitleServes() {
        Document doc = post("He leans on Trotsky's famous 'Revolution Betrayed' throughout, and also on the so called 'Doctors Plot' "
                + "files. Stalin is blamed for everything. (Ibid., p. 4)");
        Citation c = only(doc, IBID);
        assertEquals("Revolution Betrayed", c.resolvesTo());
        assertTrue(c.flags().contains("antecedent-uncited"), c.flags().toString());
        Document none = post("He blamed Stalin for the so called 'Doctors Plot' and everything else. (Ibid., p. 4)");
        assertTrue(only(none, IBID).flags().contains("unresolved"));
    }

    @Test void aTitleQuoteFromTheQuoteFinderIsAWork() {
        String text = "Everyone should read 'Let History Judge' before posting. Ibid., p. 7.";
        org.exhibit.model.Document doc = new org.exhibit.model.Document(new org.exhibit.model.Source("t", "text", "0"), text,
                List.of(new org.exhibit.model.Post("p1", null, null, new org.exhibit.model.Span(0, text.length()))));
        int s = text.indexOf("'Let");
        doc.quotes().add(new org.exhibit.model.Quote("q1", "p1", new org.exhibit.model.Span(s + 1, s + 18),
                org.exhibit.model.QuoteKind.TITLE, org.exhibit.model.Marker.SINGLE, new org.exhibit.model.Span(s, s + 1),
                new org.exhibit.model.Span(s + 18, s + 19)));
        new CitationFinder().apply(doc);
        assertEquals("Let History Judge", only(doc, TITLE).title());
        Citation ibid = only(doc, IBID);
        assertEquals("Let History Judge", ibid.resolvesTo());
        // Known only by its Title Case shape, so the resolution says it is weak.
        assertEquals(List.of("antecedent-uncited"), ibid.flags());
    }

    @Test void aTitleKnownOnlyByItsShapeIsNoCitationUntilARepeatCitesIt() {
        // The full quote stage marks these Title Case stretches as titles; no cue and no repeat make them works.
        String text = "The commune named its militia a 'Northern Guard of the Free Soviets' that winter. In his pamphlet "
                + "\"The Kronstadt Question\" he has chapters headed\n\"The Sailors and the Party\" and\n\"What the Telegrams Show.\" "
                + "Then the villagers sang 'Song of the Open Road' all night.";
        Document doc = new Document(new org.exhibit.model.Source("t", "text", "0"), text,
                List.of(new org.exhibit.model.Post("p1", null, null, new org.exhibit.model.Span(0, text.length()))));
        org.exhibit.analysis.Pipeline.standard().run(doc);
        assertEquals(List.of("The Kronstadt Question"), of(doc, TITLE).stream().map(Citation::title).toList());
        String cited = text + " (Ibid., p. 3)";
        Document withRepeat = new Document(new org.exhibit.model.Source("t", "text", "0"), cited,
                List.of(new org.exhibit.model.Post("p1", null, null, new org.exhibit.model.Span(0, cited.length()))));
        org.exhibit.analysis.Pipeline.standard().run(withRepeat);
        Citation ibid = only(withRepeat, IBID);
        assertTrue(of(withRepeat, TITLE).stream().anyMatch(c -> c.title().equals(ibid.resolvesTo())), withRepeat.citations().toString());
    }

    @Test void germanAndRussianIbid() {
        Document doc = post("Vgl. Robert Conquest, Der Große Terror (München, 1992), S. 45 ff.\nEbd., S. 47.\nТам же, с. 12.");
        Citation ref = only(doc, REFERENCE);
        assertEquals("45ff", ref.pages());
        List<Citation> ibids = of(doc, IBID);
        assertEquals(2, ibids.size(), ibids.toString());
        assertEquals("47", ibids.get(0).pages());
        for (Citation c : ibids) assertEquals("Der Große Terror", c.resolvesTo());
    }

    @Test void repeatWordsAreFoundWhereTheWholePatternFindsThem() {
        String t = "Ibid., p. 4. (ibid. 12) Wibid. xIbid Op. cit. 3; loc.cit, 7 Id. at 9. IBID Ebenda S. 5 ebd. "
                + "Там же, с. 8 Lib. Oops; idem. Id 4 Eboli L'op. cit. ÉIbid. ιbid.";
        for (int from : new int[]{0, 1, 13, 24, 25}) {
            for (int to : new int[]{t.length(), t.length() - 3, 40}) {
                if (to <= from) continue;
                java.util.List<String> expected = new java.util.ArrayList<>(), found = new java.util.ArrayList<>();
                java.util.regex.Matcher m = CitationFinder.REPEAT.matcher(t).region(from, to);
                while (m.find()) expected.add(m.start() + "-" + m.end());
                java.util.regex.Matcher n = CitationFinder.REPEAT.matcher(t);
                for (int at = from; (at = CitationFinder.nextRepeat(n, t, at, from, to)) >= 0; ) found.add(n.start() + "-" + n.end());
                assertEquals(expected, found, from + ".." + to);
                if (to == t.length()) assertTrue(expected.size() >= 8, expected.toString());
            }
        }
    }
}
