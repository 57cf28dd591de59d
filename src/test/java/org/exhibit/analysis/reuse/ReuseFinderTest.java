package org.exhibit.analysis.reuse;

import org.exhibit.analysis.HandSet;
import org.exhibit.analysis.Layer;
import org.exhibit.model.*;
import org.exhibit.read.BoardTextReader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ReuseFinderTest {
    static final String MEMOIR = "In the autumn of 1932 the commission travelled from Kharkov to the mines of the Donbass, where the "
            + "engineers complained that the new hoists had been ordered from abroad at twice the price of the old ones, and "
            + "that nobody in the trust would explain who had signed the contracts or why the specifications had been changed.";

    static Document thread(String... posts) {
        String text = text(posts);
        return new Document(new Source("t.txt", "text", "0"), text, BoardTextReader.posts(text));
    }

    static String text(String... posts) {
        StringBuilder sb = new StringBuilder();
        String[] names = {"Marten", "Oskar Vell", "Iris", "Dubrovin"};
        for (int i = 0; i < posts.length; i++)
            sb.append(names[i % names.length]).append('\n').append(10 + i).append("th March 2004, 1").append(i).append(":05\n")
                    .append(posts[i]).append("\n\n");
        return sb.toString();
    }

    static List<Reuse> find(Document d) {
        new ReuseFinder().apply(d);
        return d.reuse();
    }

    @Test void verbatimRepeatAcrossPostsIgnoresQuoteMarks() {
        Document d = thread("I found this in the archive copy of his report:\n\"" + MEMOIR + "\"\nMake of it what you will.",
                "You left out the context. Here it is again:\n«" + MEMOIR.replace("Kharkov", "KHARKOV") + "»\nThat was not sabotage but graft.");
        List<Reuse> r = find(d);
        assertEquals(1, r.size(), r.toString());
        Reuse x = r.get(0);
        assertEquals("verbatim", x.kind());
        assertEquals(1.0, x.similarity());
        assertTrue(x.alignment().matches("=\\d+"), x.alignment());
        assertEquals("p1", x.parts().get(0).post());
        assertEquals("p2", x.parts().get(1).post());
        assertTrue(x.parts().get(0).text().startsWith("In the autumn of 1932"));
        assertTrue(x.parts().get(1).text().endsWith("had been changed"));
    }

    @Test void alteredCopyIsAlignedWordByWord() {
        String a = "‘Yes, there was his confrontation with Kulikov. He was a Muscovite. At the meeting of the members, Kulikov "
                + "said that he had been asked for the surnames [familia – ed.] of the persons he had listed, and Bukharin "
                + "shouted that he had never said it; then Sergo asked him whether he had said this or not.’";
        String b = "Yes, there was his confrontation with Kulikov. He was a Moscovite. At the meeting of the members, Kulikov "
                + "said that he had been asked for the surnames [familia] of the persons he had listed, and Bukharin "
                + "shouted that he had never said it; then Sergo asked him whether he had said this or not.";
        Document d = thread("The article gives it like this:\n" + a + "\nwhich settles it.", "The interview itself reads:\n" + b);
        List<Reuse> r = find(d);
        assertEquals(1, r.size(), r.toString());
        Reuse x = r.get(0);
        assertEquals("altered", x.kind());
        assertTrue(x.similarity() > 0.9 && x.similarity() < 1, "" + x.similarity());
        assertTrue(x.alignment().contains("~1"), x.alignment());   // Muscovite -> Moscovite
        assertTrue(x.alignment().contains("-1"), x.alignment());   // "ed." dropped
        assertTrue(x.parts().get(0).text().contains("Muscovite") && x.parts().get(1).text().contains("Moscovite"));
    }

    @Test void bodyStoredTwiceGivesOnePairAndNoContainedRepeats() {
        String inner = "the trust had ordered forty hoists from a Berlin firm at a price per kilogramme that included the "
                + "weight of cast iron bases nobody needed, and the commission approved it without a word";
        String body = "First the facts. " + inner + ". Later in the same letter he returns to it: " + inner
                + ". Nothing about this was ever explained to the engineers on the spot, who had warned about it twice.";
        Document d = thread(body + "\n" + body);
        List<Reuse> r = find(d);
        // the whole body twice, and the passage told twice inside the first copy; nothing inside the second copy
        assertEquals(2, r.size(), r.toString());
        assertEquals("verbatim", r.get(0).kind());
        assertTrue(r.get(0).parts().get(0).text().startsWith("First the facts"));
        assertTrue(r.get(0).parts().get(0).span().end() <= r.get(0).parts().get(1).span().start());
        Span firstCopy = r.get(0).parts().get(0).span();
        for (Reuse.Part p : r.get(1).parts()) assertTrue(firstCopy.contains(p.span()), p.toString());
    }

    @Test void passageRepeatedManyTimesIsFoundAsWhenEveryOccurrenceIsAnAnchorPair() {
        // more copies than an occurrence has anchor partners: the pairs reported are those that pairing every two
        // occurrences gives, each copy a repeat of the first post
        StringBuilder sb = new StringBuilder();
        int posts = 24;
        for (int i = 0; i < posts; i++) {
            int n = i;
            String own = java.util.stream.IntStream.range(0, 14).mapToObj(k -> "w" + n + "x" + k).collect(java.util.stream.Collectors.joining(" "));
            sb.append("Poster").append(i % 5).append('\n').append(10 + i % 18).append("th March 2004, ")
                    .append(String.format("%02d", i % 24)).append(":05\n").append(own).append(":\n\"").append(MEMOIR)
                    .append("\"\n").append(own.replace('x', 'z')).append(".\n\n");
        }
        String text = sb.toString();
        Document bounded = new Document(new Source("t.txt", "text", "0"), text, BoardTextReader.posts(text));
        Document all = new Document(new Source("t.txt", "text", "0"), text, BoardTextReader.posts(text));
        assertEquals(posts, bounded.posts().size());
        new ReuseFinder().apply(bounded);
        ReuseFinder everyPair = new ReuseFinder();
        everyPair.partners = Integer.MAX_VALUE;
        everyPair.apply(all);
        assertEquals(all.reuse(), bounded.reuse());
        assertEquals(posts - 1, bounded.reuse().size(), bounded.reuse().toString());
        for (Reuse x : bounded.reuse()) assertEquals("p1", x.parts().get(0).post(), x.toString());
    }

    @Test void commonPhrasesDoNotMakeReuse() {
        Document d = thread(
                "At the same time the leadership of the Communist Party of the Soviet Union decided that the grain quota for "
                        + "Ukraine would be raised again, a decision the local secretaries opposed in their letters.",
                "In the opinion of the Central Committee of the Communist Party of the Soviet Union, at the same time, the "
                        + "writers union had to be purged of the remaining followers of Averbakh and his journal.",
                "It is a matter of record that at the same time as the trials the Communist Party of the Soviet Union "
                        + "was expanding its membership in the new industrial towns of the Urals.");
        assertEquals(List.of(), find(d));
    }

    @Test void shortClaimToldTwiceIsAParaphrase() {
        Document d = thread("Why were they let back in? One party member actually shouted down Kamenev, 'If it wasn't for "
                        + "Comrade Stalin then we would of crushed you years ago'. Why then did Stalin wait twelve years?",
                "Zinoviev and Kamenev were both let back into the party after a year in prison. A Party member actually "
                        + "declared to Kamenev 'If it weren't for Comrade Stalin we would of buried you poltically years ago.' "
                        + "The investigation of the late 1980s found nothing else.");
        List<Reuse> r = find(d);
        assertEquals(1, r.size(), r.toString());
        assertEquals("paraphrase", r.get(0).kind());
        assertTrue(r.get(0).parts().get(0).text().contains("Comrade Stalin then we would of crushed"));
        assertTrue(r.get(0).parts().get(1).text().contains("buried you"));
    }

    @Test void quoteOfAnEarlierPostTakesItAsSource() {
        Document d = HandSet.board(text(MEMOIR, "QUOTE\n" + MEMOIR + "\nQUOTE\nAnd who signed the contracts, then?"))
                .passage("q1", "p2", MEMOIR)
                .given(Layer.CITATIONS, Layer.DATES, Layer.ENTITIES)
                .run(new ReuseFinder(), new org.exhibit.analysis.attribution.Attribution());
        List<Reuse> r = d.reuse();
        assertEquals(1, r.size());
        assertNull(r.get(0).parts().get(0).quote());
        assertEquals("q1", r.get(0).parts().get(1).quote());
        // The reuse layer says which post the quote repeats; attribution reads it for the source and the speaker.
        assertEquals("p1", d.quote("q1").sourcePost());
        assertEquals("Marten", d.quote("q1").speaker().name());
        assertTrue(d.quote("q1").speaker().evidence().text().startsWith("In the autumn of 1932"));
    }

    @Test void reuseAloneLeavesAttributionToItsStage() {
        Document d = HandSet.board(text(MEMOIR, "QUOTE\n" + MEMOIR + "\nQUOTE\nAnd who signed the contracts, then?"))
                .passage("q1", "p2", MEMOIR).run(new ReuseFinder());
        assertEquals(1, d.reuse().size());
        assertNull(d.quote("q1").sourcePost());
        assertNull(d.quote("q1").speaker());
    }
}
