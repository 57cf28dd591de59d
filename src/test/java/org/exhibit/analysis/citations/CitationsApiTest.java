package org.exhibit.analysis.citations;

import org.exhibit.model.Citation;
import org.exhibit.model.Document;
import org.exhibit.model.Work;
import org.junit.jupiter.api.Test;

import static org.exhibit.analysis.citations.CitationTestDocs.post;
import static org.exhibit.analysis.citations.CitationTestDocs.posts;
import static org.junit.jupiter.api.Assertions.*;

class CitationsApiTest {
    private static final String TEXT = "John Littlepage tells it in his book, 'In Search of Soviet Gold'.\nQUOTE\n"
            + "`It might very well be graft, I thought.'\n.\nIbid. , pp. 95--96.\nPyatakov told the tribunal:\n"
            + "`I agreed to this meeting ....'(4)\n"
            + "People's Commissariat of Justice of the U.S.S.R. Report of Court Proceedings in the Case of the "
            + "Anti-Soviet Trotskyite Centre (Moscow, 1937), pp. 21--27.\nThat settles it.";

    @Test void theCitationRightAfterAQuoteSkipsPunctuationAndMarkers() {
        Document doc = post(TEXT);
        int graftEnd = TEXT.indexOf("I thought.") + "I thought.".length();
        Citation ibid = Citations.after(doc, graftEnd, 40);
        assertNotNull(ibid);
        assertEquals("In Search of Soviet Gold", ibid.resolvesTo());
        int meetingEnd = TEXT.indexOf("meeting ....") + "meeting ....".length();
        Citation ref = Citations.after(doc, meetingEnd, 40);
        assertNotNull(ref, "a footnote marker between quote and reference is skipped");
        assertEquals(Citation.Kind.REFERENCE, ref.kind());
        assertNull(Citations.after(doc, TEXT.indexOf("Pyatakov told"), 200), "prose between the point and the citation");
        assertNull(Citations.after(doc, graftEnd, 3), "too far");
    }

    @Test void theWorkNamedBeforeAPointAndAsAWork() {
        Document doc = post(TEXT);
        Citation c = Citations.workBefore(doc, TEXT.indexOf("QUOTE"));
        assertEquals("In Search of Soviet Gold", c.title());
        Citation last = Citations.workBefore(doc, TEXT.length());
        assertEquals(Citation.Kind.REFERENCE, last.kind());
        Work w = Citations.work(doc, Citations.after(doc, TEXT.indexOf("I thought.") + 10, 40), 0.9);
        assertEquals("In Search of Soviet Gold", w.title());
        assertEquals("John Littlepage", w.author());
        assertEquals("95-96", w.pages());
        assertEquals("Ibid. , pp. 95--96.", w.evidence().text());
        Work r = Citations.work(doc, last, 0.9);
        assertEquals(1937, r.year());
        assertEquals("21-27", r.pages());
    }

    @Test void citationsInsideASpan() {
        Document doc = post(TEXT);
        var in = Citations.in(doc, new org.exhibit.model.Span(0, TEXT.indexOf("Pyatakov told")));
        assertEquals(java.util.List.of(Citation.Kind.TITLE, Citation.Kind.IBID), in.stream().map(Citation::kind).toList());
    }

    @Test void workBeforeStaysInItsPost() {
        Document doc = posts("Read Robert Conquest's book 'The Great Terror' first.", "I disagree with all of that.");
        assertNotNull(Citations.workBefore(doc, doc.posts().get(0).body().end()));
        assertNull(Citations.workBefore(doc, doc.text().length()));
    }

    @Test void aCueWordBetweenQuoteAndReferenceIsSkipped() {
        String text = "\"The purges were chaotic and largely unplanned.\"\nSource: Getty, J. A. (1985). Origins of the Great Purges. "
                + "Cambridge: Cambridge University Press.";
        Document doc = post(text);
        Citation c = Citations.after(doc, text.indexOf("unplanned.") + 10, 60);
        assertNotNull(c);
        assertEquals("Origins of the Great Purges", c.title());
        assertEquals(1985, Citations.work(doc, c, 0.8).year());
    }
}
