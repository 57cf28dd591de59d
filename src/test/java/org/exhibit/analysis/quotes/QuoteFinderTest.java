package org.exhibit.analysis.quotes;

import org.exhibit.model.Document;
import org.exhibit.model.Marker;
import org.exhibit.model.Quote;
import org.exhibit.model.QuoteKind;
import org.exhibit.read.Readers;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

class QuoteFinderTest {
    static Document analyse(String text) throws Exception {
        Document doc = Readers.read("t.txt", text.getBytes(StandardCharsets.UTF_8), "text");
        new QuoteFinder().apply(doc);
        return doc;
    }

    static List<Quote> passages(Document doc) {
        return doc.quotes().stream().filter(q -> q.kind() == QuoteKind.PASSAGE).collect(Collectors.toList());
    }

    @Test void newswireDoubledBackticksCloseWithDoubledApostrophes() throws Exception {
        Document doc = analyse("""
                Newswire
                3rd March 2001

                ``We have waited long enough for the road,'' the mayor wrote to the council. ``The money is there.''

                The council met on Monday to discuss the letter and the road.

                ``Nobody here wants another delay,'' a councillor said.
                """);
        List<String> texts = doc.quotes().stream().map(q -> q.text(doc)).collect(Collectors.toList());
        assertEquals(List.of("We have waited long enough for the road,", "The money is there.", "Nobody here wants another delay,"),
                texts, "each ``...'' pair is one quotation, not one passage from the first to the last mark");
        for (Quote q : doc.quotes()) assertEquals(Marker.BACKTICK, q.marker());
    }

    @Test void invisionHeaderReproducingAnEarlierPostEndsWhereThatPostEnds() throws Exception {
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
        assertEquals(2, doc.posts().size());
        List<Quote> ps = passages(doc);
        assertEquals(1, ps.size());
        Quote q = ps.get(0);
        assertEquals("p2", q.post());
        assertEquals("The trial records are public. Anyone can read them in any decent university library today.", q.text(doc));
        assertEquals("alice", q.markupName());
        assertEquals("Jun 16 2007, 02:19 PM", q.markupDate());
        assertEquals(Marker.QUOTE_HEADER, q.marker());
    }

    @Test void apostrophesAreNotQuotationMarks() throws Exception {
        Document doc = analyse("Stalin's 'show trials' weren't the only ones; the prisoners' pleas in the 1930's were heard.\n");
        assertEquals(1, doc.quotes().size());
        Quote q = doc.quotes().get(0);
        assertEquals("show trials", q.text(doc));
        assertEquals(QuoteKind.SCARE, q.kind());
    }

    @Test void consecutiveDisplayedQuotationsStaySeparate() throws Exception {
        Document doc = analyse("""
                Two witnesses wrote about the same hearing:
                "The first witness statement is long enough to be a passage of testimony about the hearing."
                "The second witness statement is also long and says something quite different about it."
                Make of that what you will.
                """);
        List<Quote> ps = passages(doc);
        assertEquals(2, ps.size());
        assertTrue(ps.get(0).text(doc).startsWith("The first witness"));
        assertTrue(ps.get(0).text(doc).endsWith("about the hearing."));
        assertTrue(ps.get(1).text(doc).startsWith("The second witness"));
        assertNull(ps.get(1).parent());
    }

    @Test void paragraphsThatReopenContinueOneQuotation() throws Exception {
        Document doc = analyse("""
                Conquest writes in his book:
                “The first paragraph of the quotation goes on for a while without closing.
                “The second paragraph continues the very same quotation, as printers do.
                “The third paragraph finally ends it.”
                And that is all he says about the matter.
                """);
        List<Quote> ps = passages(doc);
        assertEquals(1, ps.size());
        String t = ps.get(0).text(doc);
        assertTrue(t.startsWith("The first paragraph"), t);
        assertTrue(t.endsWith("finally ends it."), t);
        assertEquals(Marker.DOUBLE, ps.get(0).marker());
    }

    @Test void pastedArticleWithOnlyAClosingTagStartsAfterTheIntroduction() throws Exception {
        Document doc = analyse("""
                Here is the article I mentioned.
                The archives opened in 1991 showed that the figures given in the West had been exaggerated, and that the number of sentences was lower than had been assumed by most authors for decades.
                Historians have since argued about what the documents mean, and the debate is far from over in the journals.QUOTE
                My own view is that the numbers speak for themselves.
                """);
        List<Quote> ps = passages(doc);
        assertEquals(1, ps.size());
        Quote q = ps.get(0);
        assertEquals(Marker.QUOTE_CLOSING_ONLY, q.marker());
        assertTrue(q.text(doc).startsWith("The archives opened in 1991"));
        assertTrue(q.text(doc).endsWith("far from over in the journals."));
    }

    @Test void interviewTranscriptAfterAnAnnouncement() throws Exception {
        Document doc = analyse("""
                In his 1991 interview with the newspaper he said more.
                Did you know him well?
                Yes, we worked together for years in the same commissariat and I saw him nearly every day.
                Was he guilty?
                I cannot say. I only know what was said at the meeting, and that was enough for us then.
                """);
        List<Quote> ps = passages(doc);
        assertEquals(1, ps.size());
        assertEquals(Marker.INTERVIEW, ps.get(0).marker());
        assertTrue(ps.get(0).text(doc).startsWith("Did you know him well?"));
        assertTrue(ps.get(0).text(doc).endsWith("enough for us then."));
    }

    @Test void bareQuoteBlockEndsBeforeThePostersNextIntroduction() throws Exception {
        Document doc = analyse("""
                The ambassador wrote.
                QUOTE
                I attended every session of the trial and watched the defendants closely for signs of coercion.
                None of them showed any sign of mistreatment, and all of them spoke freely and at length.
                Then there is the lawyer's account.
                QUOTE
                The proceedings were conducted with scrupulous fairness in every respect that I could observe.
                """);
        List<Quote> ps = passages(doc);
        assertEquals(2, ps.size());
        assertTrue(ps.get(0).text(doc).endsWith("spoke freely and at length."), ps.get(0).text(doc));
        assertTrue(ps.get(1).text(doc).startsWith("The proceedings"));
    }

    @Test void nestedQuotationInsideABlockIsAChild() throws Exception {
        Document doc = analyse("""
                QUOTE
                The engineer described what he saw in the mines, and how sabotage was common there at the time.
                Here is what he wrote about it:
                `One day I went into a power-station and felt something gritty in the oil of the engine.
                `We removed about two pints of quartz sand, which could have been placed there only by design.'
                That was the view of an apolitical technician, the article concludes, and it deserves attention.
                """);
        List<Quote> ps = passages(doc);
        assertEquals(2, ps.size(), ps.toString());
        Quote outer = ps.get(0), inner = ps.get(1);
        assertEquals(Marker.BACKTICK, inner.marker());
        assertEquals(outer.id(), inner.parent());
        assertTrue(inner.text(doc).startsWith("One day I went"));
        assertTrue(inner.text(doc).endsWith("only by design."));
    }

    @Test void aPostStoredTwiceIsReadAsTwoCopies() throws Exception {
        String chunk = "The rest of my argument is long. ".repeat(30) + "\n"
                + "The first thing to say is that the trials were public and attended by foreign diplomats.\n"
                + "QUOTE\n"
                + "I attended every session and saw no sign that the defendants had been mistreated in any way at all.\n";
        StringBuilder sb = new StringBuilder("carol\n27th July 2003, 12:08\n");
        sb.append(chunk).append(chunk);
        Document doc = analyse(sb.toString());
        List<Quote> ps = passages(doc);
        assertEquals(2, ps.size(), ps.toString());
        assertEquals(ps.get(0).text(doc), ps.get(1).text(doc));
        assertTrue(ps.get(0).text(doc).endsWith("in any way at all."));
    }

    @Test void runInQuotationWithACitationIsAPassageAndTitlesAreTitles() throws Exception {
        Document doc = analyse("In his book \"The Revolution Betrayed\" he says the regime did not want \"to provoke Tokio.\" (Ibid., p. 113) and moves on.\n");
        Quote title = doc.quotes().get(0), passage = doc.quotes().get(1);
        assertEquals(QuoteKind.TITLE, title.kind());
        assertEquals("The Revolution Betrayed", title.text(doc));
        assertEquals(QuoteKind.PASSAGE, passage.kind());
        assertEquals("to provoke Tokio.", passage.text(doc));
    }

    @Test void textCopiesOfWroteAndSaidHeadersEndAtTheExpandLineOrTheReproducedPost() throws Exception {
        Document doc = analyse(java.nio.file.Files.readString(java.nio.file.Path.of("src/test/resources/threads/wrote-headers-thread.txt")));
        List<Quote> ps = passages(doc);
        assertEquals(2, ps.size(), ps.toString());
        assertEquals("Nadia", ps.get(0).markupName());
        assertEquals("Khrushchev's speech was full of falsehoods, as several historians now agree.", ps.get(0).text(doc));
        assertEquals("Pavel", ps.get(1).markupName());
        assertEquals("Name one who agrees, and one falsehood.", ps.get(1).text(doc));
    }

    @Test void anIntroductionEndingInWroteIsNotAPosterHeader() throws Exception {
        Document doc = analyse("""
                The engineer saw it himself. Here is what he wrote:
                "We found sand in the gears of every new machine that arrived from the factory that spring."
                """);
        List<Quote> ps = passages(doc);
        assertEquals(1, ps.size());
        assertNull(ps.get(0).markupName());
        assertEquals(Marker.DOUBLE, ps.get(0).marker());
    }

    @Test void aRunInQuoteOfAnEarlierPostIsAPassage() throws Exception {
        Document doc = analyse("""
                mike
                Mar 3 2009, 10:14 AM
                The NKVD made a million and a half arrests in 1937 and 1938 alone.

                sara
                Mar 3 2009, 11:02 AM
                "The NKVD made a million and a half arrests in 1937 and 1938 alone." Where did you get that number? And "the Pavlov report" is not a census.
                """);
        List<Quote> ps = passages(doc);
        assertEquals(1, ps.size(), doc.quotes().toString());
        assertEquals("p2", ps.get(0).post());
        assertTrue(ps.get(0).text(doc).startsWith("The NKVD made"));
        assertTrue(doc.quotes().stream().anyMatch(q -> q.kind() != QuoteKind.PASSAGE && q.text(doc).equals("the Pavlov report")));
    }
}
