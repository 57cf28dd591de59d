package org.exhibit.read;

import org.exhibit.model.Document;
import org.exhibit.model.Marker;
import org.exhibit.model.Quote;
import org.exhibit.model.QuoteKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.exhibit.read.Threads.assertQuote;
import static org.exhibit.read.Threads.quote;
import static org.junit.jupiter.api.Assertions.*;

class BbcodeReaderTest {
    @Test void readsTheExampleThread() throws Exception {
        Document doc = Threads.read("bbcode-thread.txt");
        assertEquals("bbcode", doc.source().format());
        assertEquals(List.of("Historian1938", "Ivan_K", "Marta", "Oleg P."), Threads.authors(doc));
        assertEquals(List.of("2007-06-16T14:19", "2007-06-16T15:05", "2007-06-17T09:12", "2007-06-17T10:30"), Threads.times(doc));
        assertEquals(9, doc.quotes().size());
        for (Quote q : doc.quotes()) {
            assertEquals(Marker.BBCODE, q.marker());
            assertEquals(QuoteKind.PASSAGE, q.kind());
        }
    }

    @Test void phpbbAttributesGiveNamePostAndUnixTime() throws Exception {
        Document doc = Threads.read("bbcode-thread.txt");
        String zemskov = "The total number of prisoners in the camps of the GULAG on 1 January 1939 was 1,317,195.";
        assertQuote(doc, "q1", "p1", null, zemskov, zemskov);
        Quote q = quote(doc, "q1");
        assertEquals("Zemskov", q.markupName());
        assertEquals("1201", q.markupPost());
        assertEquals("2007-06-16T13:19:00Z", q.markupDate());
        assertEquals("[quote=\"Zemskov\" post_id=1201 time=1181999940 user_id=5]", doc.slice(q.openMarker()));
        assertEquals("[/quote]", doc.slice(q.closeMarker()));
    }

    @Test void vbulletinAndIpb3Attributes() throws Exception {
        Document doc = Threads.read("bbcode-thread.txt");
        Quote vb = quote(doc, "q2");
        assertEquals("Historian1938", vb.markupName());
        assertEquals("1201", vb.markupPost());
        assertEquals("[/QUOTE]", doc.slice(vb.closeMarker()));
        Quote ipb = quote(doc, "q3");
        assertEquals("Getty", ipb.markupName());
        assertEquals("1203", ipb.markupPost());
        assertEquals("2007-06-16T15:01", ipb.markupDate());
    }

    @Test void nestedQuoteKeepsInnerTagsInSpanButNotInText() throws Exception {
        Document doc = Threads.read("bbcode-thread.txt");
        assertQuote(doc, "q3", "p2", null,
                "The archives do not support the figure of eight million prisoners.\n[quote]Nor the figure of twelve million.[/quote]",
                "The archives do not support the figure of eight million prisoners.\nNor the figure of twelve million.");
        assertQuote(doc, "q4", "p2", "q3", "Nor the figure of twelve million.", "Nor the figure of twelve million.");
        assertNull(quote(doc, "q4").markupName());
    }

    @Test void threeLevelsWithMixedCaseAndFormattingTags() throws Exception {
        Document doc = Threads.read("bbcode-thread.txt");
        assertQuote(doc, "q5", "p3", null,
                "Argued over by whom?\n[quote=\"Historian1938\"][quote=\"Zemskov\"]The total number of prisoners ... was 1,317,195.[/quote][/quote]\nThose are [b]camp[/b] figures only.",
                "Argued over by whom?\nThe total number of prisoners ... was 1,317,195.\nThose are camp figures only.");
        assertEquals("Ivan_K", quote(doc, "q5").markupName());
        assertQuote(doc, "q6", "p3", "q5", "[quote=\"Zemskov\"]The total number of prisoners ... was 1,317,195.[/quote]",
                "The total number of prisoners ... was 1,317,195.");
        assertQuote(doc, "q7", "p3", "q6", "The total number of prisoners ... was 1,317,195.", "The total number of prisoners ... was 1,317,195.");
        assertEquals("Zemskov", quote(doc, "q7").markupName());
    }

    @Test void strayCloseIsTextAndUnclosedQuoteRunsToEndOfPost() throws Exception {
        Document doc = Threads.read("bbcode-thread.txt");
        for (Quote q : doc.quotes()) assertFalse(doc.slice(q.span()).contains("stray closing tag"), q.id());
        String unclosed = "And this one is never closed, so it runs to the end of the post.\nEven across a second line.";
        assertQuote(doc, "q8", "p3", null, unclosed, unclosed);
        assertNull(quote(doc, "q8").closeMarker());
        assertEquals("Ivan_K", quote(doc, "q8").markupName());
        // ... and stops there: the next post's quote is its own.
        assertQuote(doc, "q9", "p4", null, "Those are camp figures only.", "Those are camp figures only.");
    }

    @Test void xenforoAndDiscourseQuoteValues() throws Exception {
        Document doc = Threads.read("bbcode-thread.txt");
        assertEquals("Marta", quote(doc, "q9").markupName());
        assertEquals("1207", quote(doc, "q9").markupPost());
        Document d = Threads.readText("d.txt", "[quote=\"sam, post:3, topic:45\"]\nwords here\n[/quote]\nreply", "bbcode");
        assertEquals("sam", d.quotes().get(0).markupName());
        assertEquals("3", d.quotes().get(0).markupPost());
    }

    @Test void fileWithoutHeadersIsOnePostAndEmptyQuotesAreDropped() throws Exception {
        String text = "[quote][/quote]\n[QUOTE]  Deep\n[QUOTE][quote]deeper[/quote] still[/QUOTE]  [/QUOTE]\nmine";
        Document doc = Threads.readText("one.txt", text, "auto");
        assertEquals("bbcode", doc.source().format());
        assertEquals(1, doc.posts().size());
        assertEquals(3, doc.quotes().size());
        assertQuote(doc, "q1", "p1", null, "Deep\n[QUOTE][quote]deeper[/quote] still[/QUOTE]", "Deep\ndeeper still");
        assertQuote(doc, "q2", "p1", "q1", "[quote]deeper[/quote] still", "deeper still");
        assertQuote(doc, "q3", "p1", "q2", "deeper", "deeper");
    }

    @Test void unquotedNameWithSpaces() throws Exception {
        Document doc = Threads.readText("u.txt", "[quote=Robert Conquest]The Great Terror[/quote]", "bbcode");
        assertEquals("Robert Conquest", doc.quotes().get(0).markupName());
        assertEquals("The Great Terror", doc.slice(doc.quotes().get(0).span()));
    }

    @Test void smfMybbAndVbulletin5Attributes() throws Exception {
        String text = "[quote author=John Smith link=topic=5.msg77#msg77 date=1181999940]They confessed.[/quote]\n"
                + "[quote='Olga' pid='81' dateline='1182003300']Under pressure.[/quote]\n"
                + "[QUOTE=Feliks;n120302]A commission that heard only the defence.[/QUOTE]";
        Document doc = Threads.readText("smf.txt", text, "auto");
        Quote smf = quote(doc, "q1"), mybb = quote(doc, "q2"), vb5 = quote(doc, "q3");
        assertEquals(List.of("John Smith", "77", "2007-06-16T13:19:00Z"), List.of(smf.markupName(), smf.markupPost(), smf.markupDate()));
        assertEquals(List.of("Olga", "81", "2007-06-16T14:15:00Z"), List.of(mybb.markupName(), mybb.markupPost(), mybb.markupDate()));
        assertEquals(List.of("Feliks", "120302"), List.of(vb5.markupName(), vb5.markupPost()));
        assertEquals("Under pressure.", doc.slice(mybb.span()));
    }
}
