package org.exhibit.analysis.quotes;

import org.exhibit.model.Document;
import org.exhibit.model.Marker;
import org.exhibit.model.Quote;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.exhibit.analysis.quotes.ReproductionsTest.P;
import static org.junit.jupiter.api.Assertions.*;

/** Where a '>' quotation ends when its lines run on without a blank line: the reproduced words of the earlier post decide. */
class ReproductionEndsTest {
    static final String OWN = "The harvest of 1946 failed across Moldavia after the drought, and the grain collections went on regardless of it.";

    static List<P> thread() {
        List<P> t = new ArrayList<>();
        t.add(new P("m1", "ines", "2020-05-01 09:00", OWN));
        // the reply's own line follows the '>' line with no blank line between (CommonMark reads it as quoted)
        t.add(new P("m2", "tomas", "2020-05-01 09:30", "> " + OWN + "\nThat is not what the district files say about the collections at all."));
        // a '>' line that reproduces nothing: the markup's reading stands
        t.add(new P("m3", "ilse", "2020-05-01 10:00", "> nobody in this thread has opened the district files and everyone argues from memory\n"
                + "or from the newspapers of the day"));
        // the reproduced words run on into the line without '>': the whole is the quotation
        t.add(new P("m4", "ines", "2020-05-01 10:30", "> The harvest of 1946 failed across Moldavia after the drought,\n"
                + "and the grain collections went on regardless of it.\n\nI stand by that."));
        return t;
    }

    static Quote markdownQuoteIn(Document doc, String post) {
        Quote found = null;
        for (Quote q : doc.quotes()) if (q.post().equals(post) && q.marker() == Marker.MARKDOWN) { assertNull(found, "one '>' quote"); found = q; }
        assertNotNull(found, "a '>' quote in " + post);
        return found;
    }

    @Test void aQuoteRunningOnIntoTheRepliersWordsEndsWhereTheReproducedWordsEnd() throws Exception {
        Document doc = ReproductionsTest.analyse("moldavia.ndjson", ReproductionsTest.ndjson(thread()));
        Quote q = markdownQuoteIn(doc, "m2");
        assertEquals(OWN, q.text(doc));
        assertEquals("m1", q.sourcePost());
        assertEquals("ines", q.speaker().name());
        assertTrue(doc.slice(doc.posts().get(1).body()).endsWith("at all."), "the reply's words stay in its post");
    }

    @Test void withNoEarlierPostTheMarkupsReadingStands() throws Exception {
        Document doc = ReproductionsTest.analyse("moldavia.ndjson", ReproductionsTest.ndjson(thread()));
        assertTrue(markdownQuoteIn(doc, "m3").text(doc).endsWith("newspapers of the day"));
        assertTrue(markdownQuoteIn(doc, "m4").text(doc).endsWith("regardless of it."), "reproduced across the lazy line");
    }

    @Test void aReproductionStopsAtAQuoteHeaderInTheReply() throws Exception {
        String first = "The regional archive in Chisinau opened its famine files to readers only in 1989, long after the memoirs were written.";
        String second = "Before that the only figures came from the emigre press, which had every reason to inflate them.";
        List<P> t = new ArrayList<>();
        t.add(new P("a1", "ines", "Mar 02 2019, 10:15 AM", first + "\n" + second));
        // the reply pastes the first sentence unmarked, then a QUOTE header over the second, with nothing of its own between
        t.add(new P("a2", "tomas", "Mar 02 2019, 11:15 AM", first + "\n\nQUOTE(ines @ Mar 02 2019, 10:15 AM)\n" + second
                + "\n\nThe emigre press also printed the lowest estimates, so that cuts both ways."));
        Document doc = ReproductionsTest.analyse("chisinau.txt", ReproductionsTest.boardText(t));
        List<String> texts = new ArrayList<>();
        for (Quote q : doc.quotes()) if (q.post().equals("p2")) {
            texts.add(q.text(doc).strip());
            assertFalse(q.text(doc).contains("QUOTE("), "a quotation never runs over a quote header: " + q.text(doc));
            assertEquals("p1", q.sourcePost(), q.text(doc));
        }
        assertTrue(texts.contains(first), texts.toString());
        assertTrue(texts.stream().anyMatch(x -> x.startsWith(second)), texts.toString());
    }
}
