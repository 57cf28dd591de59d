package org.exhibit.analysis.quotes;

import org.exhibit.analysis.Pipeline;
import org.exhibit.model.Document;
import org.exhibit.model.Marker;
import org.exhibit.model.Quote;
import org.exhibit.model.QuoteKind;
import org.exhibit.read.Readers;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Where a QUOTE block with an unmarked end ends, and what the quotation marks copied inside it are. */
class ReproductionsBlockEndsTest {
    static Document analyse(String text) throws Exception {
        return Pipeline.standard().run(Readers.read("thread.txt", text.getBytes(StandardCharsets.UTF_8), "auto"));
    }

    static List<Quote> in(Document doc, String post) {
        return doc.quotes().stream().filter(q -> q.post().equals(post)).toList();
    }

    /** The reply edits a word of the quoted post, so the words are not the same from the start; the block still ends there. */
    @Test void editedBlockEndsWhereTheReproducedWordsEnd() throws Exception {
        Document doc = analyse("""
                nadia
                Mar 02 2009, 09:12 AM
                The district archive in Poltava lost half of its grain requisition files in the fire of 1943, so every count of the famine dead from those files is a guess.

                oleg
                Mar 02 2009, 10:40 AM
                QUOTE(nadia @ Mar 02 2009, 09:12 AM)
                The regional archive in Poltava lost half of its grain requisition files in the fire of 1943, so every count of the famine dead from those files is a guess.

                Half is not all. The other half survives in Kyiv and has been read by three separate teams since the archives opened.
                """);
        List<Quote> qs = in(doc, "p2");
        Quote block = qs.stream().filter(q -> q.marker() == Marker.QUOTE_HEADER).findFirst().orElseThrow();
        assertTrue(block.text(doc).strip().endsWith("from those files is a guess."), block.text(doc));
        assertFalse(block.text(doc).contains("Half is not all"), "the reply is the poster's own");
        assertEquals("p1", block.sourcePost());
        assertEquals("nadia", block.speaker().name());
    }

    /** Words in quotation marks inside a reproduced block were the earlier post's phrase; the earlier poster's own words quoted in passing are a passage. */
    @Test void aQuotedPhraseCopiedWithABlockStaysAPhrase() throws Exception {
        Document doc = analyse("""
                nadia
                Mar 02 2009, 09:12 AM
                The commissar told the village meeting "every sack of grain will be returned after the harvest" and the villagers did not believe a word of it.

                oleg
                Mar 02 2009, 10:40 AM
                QUOTE(nadia @ Mar 02 2009, 09:12 AM)
                The commissar told the village meeting "every sack of grain will be returned after the harvest" and the villagers did not believe a word of it.

                How do you know what the villagers believed? Nobody asked them.

                petra
                Mar 02 2009, 11:05 AM
                Oleg, she said "the villagers did not believe a word of it" and the diaries from that winter bear her out.
                """);
        Quote copied = in(doc, "p2").stream().filter(q -> q.text(doc).startsWith("every sack of grain")).findFirst().orElseThrow();
        assertNotEquals(QuoteKind.PASSAGE, copied.kind(), "a phrase of the quoted post, not oleg quoting nadia a second time");
        Quote own = in(doc, "p3").stream().filter(q -> q.text(doc).startsWith("the villagers did not believe")).findFirst().orElseThrow();
        assertEquals(QuoteKind.PASSAGE, own.kind(), "nadia's own words quoted in passing");
        assertEquals("p1", own.sourcePost());
    }
}
