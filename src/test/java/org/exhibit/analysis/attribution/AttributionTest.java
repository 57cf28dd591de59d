package org.exhibit.analysis.attribution;

import org.exhibit.analysis.Pipeline;
import org.exhibit.model.Document;
import org.exhibit.model.Quote;
import org.exhibit.model.QuoteKind;
import org.exhibit.read.Readers;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

class AttributionTest {
    static Document analyse(String text) throws Exception {
        return Pipeline.standard().run(Readers.read("t.txt", text.getBytes(StandardCharsets.UTF_8), "text"));
    }

    static List<Quote> passages(Document doc) {
        return doc.quotes().stream().filter(q -> q.kind() == QuoteKind.PASSAGE).collect(Collectors.toList());
    }

    @Test void speakerFromAnIntroducingSentenceWithAnAppositive() throws Exception {
        Document doc = analyse("""
                On June 3, a week after the arrests, Henderson, the British consul in the city, wrote:
                "The prisoners were taken at night and none of their families was told where they had gone."
                """);
        Quote q = passages(doc).get(0);
        assertNotNull(q.speaker());
        assertTrue(q.speaker().asWritten().endsWith("Henderson"), q.speaker().toString());
        assertEquals("Henderson", doc.slice(q.speaker().evidence().span()));
    }

    @Test void markupNameAndEarlierPostGiveTheSpeakerAndSourcePost() throws Exception {
        Document doc = analyse("""
                alice
                Jun 16 2007, 02:19 PM
                The trial records are public. Anyone can read them in any decent university library today.

                bob
                Jun 16 2007, 03:05 PM
                QUOTE(alice @ Jun 16 2007, 02:19 PM)
                The trial records are public. Anyone can read them in any decent university library today.

                Public, yes, but translated by whom? The 1938 English edition was printed in Moscow by the state.
                """);
        Quote q = passages(doc).get(0);
        assertEquals("alice", q.speaker().name());
        assertEquals("p1", q.sourcePost());
    }

    @Test void pronounResolvesToThePreviousSubjectAndNestedQuotesCarryTheirChain() throws Exception {
        Document doc = analyse("""
                QUOTE
                The mines were sabotaged again and again in those years, and the engineer Harland saw it with his own eyes at Kochkar.
                Here is what he wrote:
                `We found sand in the gears of every new machine that arrived from the factory in the spring.'
                """);
        List<Quote> ps = passages(doc);
        assertEquals(2, ps.size());
        Quote outer = ps.get(0), inner = ps.get(1);
        assertNull(outer.speaker(), "the article is not attributed");
        assertTrue(outer.flags().stream().anyMatch(f -> f.type().equals("unattributed")));
        assertNotNull(inner.speaker());
        assertEquals("Harland", inner.speaker().asWritten());
        assertEquals(List.of(outer.id()), inner.via());
    }

    @Test void aPassageThatSpeaksOfItsClaimedSpeakerInTheThirdPersonIsNotHis() throws Exception {
        Document doc = analyse("""
                Then there is the testimony of Arthur Morrow, who worked there for years.
                QUOTE
                I never cared for politics, but the sabotage I saw at the plant was real and it was organised by people who hated the regime.
                He also testifies to the purges.
                QUOTE
                In 1937 the purge reached the plant. Morrow noted that the new director arrested half of the engineers within a month.
                """);
        List<Quote> ps = passages(doc);
        assertEquals(2, ps.size());
        assertEquals("Arthur Morrow", ps.get(0).speaker().asWritten());
        assertNull(ps.get(1).speaker(), "speaks of Morrow in the third person");
        assertTrue(ps.get(1).flags().stream().anyMatch(f -> f.type().equals("third-person")));
    }

    @Test void interviewTranscriptIsTheIntervieweesWithTheInterviewAsWork() throws Exception {
        Document doc = analyse("""
                In an interview of Molotov in 1975 with Chuev he explained his view.
                Did you sign the lists?
                Yes, I signed them. We all signed them, it was the practice of the time and nobody refused.
                Were they all guilty?
                Not all of them, but most of them were, and we could not wait to find out which ones were not.
                """);
        Quote q = passages(doc).get(0);
        assertEquals("Molotov", q.speaker().asWritten());
        assertNotNull(q.work());
        assertTrue(q.work().title().contains("Molotov") && q.work().title().contains("Chuev"), q.work().title());
        assertEquals(1975, q.work().year());
    }

    @Test void noIntroductionMeansNoSpeaker() throws Exception {
        Document doc = analyse("""
                Think about this.
                QUOTE
                The confessions were detailed, consistent and given in open court before foreign observers and journalists.
                """);
        Quote q = passages(doc).get(0);
        assertNull(q.speaker());
        assertNull(q.work());
    }
}
