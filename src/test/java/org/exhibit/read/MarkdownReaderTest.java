package org.exhibit.read;

import org.exhibit.model.Document;
import org.exhibit.model.Marker;
import org.exhibit.model.Quote;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.exhibit.read.Threads.assertQuote;
import static org.exhibit.read.Threads.quote;
import static org.junit.jupiter.api.Assertions.*;

class MarkdownReaderTest {
    @Test void readsTheExampleThread() throws Exception {
        Document doc = Threads.read("markdown-thread.md");
        assertEquals("markdown", doc.source().format());
        assertEquals(List.of("Historian1938", "Ivan_K", "Marta"), Threads.authors(doc));
        assertEquals(List.of("2019-03-02T10:15", "2019-03-02T11:40", "2019-03-03T08:05"), Threads.times(doc));
        assertEquals(8, doc.quotes().size());
        for (Quote q : doc.quotes()) assertEquals(Marker.MARKDOWN, q.marker());
    }

    @Test void prefixesAreExcludedFromTheText() throws Exception {
        Document doc = Threads.read("markdown-thread.md");
        assertQuote(doc, "q1", "p1", null,
                "It was determined that of the 139 members and candidates of the\n> Party's Central Committee who were elected at the 17th Congress,\n> 98 persons, i.e., 70 per cent, were arrested and shot.",
                "It was determined that of the 139 members and candidates of the\nParty's Central Committee who were elected at the 17th Congress,\n98 persons, i.e., 70 per cent, were arrested and shot.");
        assertEquals("> ", doc.slice(quote(doc, "q1").openMarker()));
    }

    @Test void nestedQuoteInsideAQuoteWithBlankQuoteLines() throws Exception {
        Document doc = Threads.read("markdown-thread.md");
        assertQuote(doc, "q2", "p2", null,
                "Grover Furr disputes nearly every claim in that speech.\n>\n> > It was determined that of the 139 members and candidates\n> > of the Party's Central Committee\n>\n> Furr is not a neutral source.",
                "Grover Furr disputes nearly every claim in that speech.\n\nIt was determined that of the 139 members and candidates\nof the Party's Central Committee\n\nFurr is not a neutral source.");
        assertQuote(doc, "q3", "p2", "q2",
                "It was determined that of the 139 members and candidates\n> > of the Party's Central Committee",
                "It was determined that of the 139 members and candidates\nof the Party's Central Committee");
    }

    @Test void lazyContinuationAndBlankLineSeparation() throws Exception {
        Document doc = Threads.read("markdown-thread.md");
        assertQuote(doc, "q4", "p2", null, "A quoted line\nand a lazy line that continues it.", "A quoted line\nand a lazy line that continues it.");
        assertQuote(doc, "q5", "p2", null, "One quote.", "One quote.");
        assertQuote(doc, "q6", "p2", null, "Another quote after a blank line.", "Another quote after a blank line.");
        for (Quote q : doc.quotes()) assertFalse(q.text(doc).contains("He is not, but"), q.id() + " took in the reply");
    }

    @Test void shallowerLineContinuesTheInnerParagraphAsCommonMarkSays() throws Exception {
        Document doc = Threads.read("markdown-thread.md");
        String both = "Doubly nested at once\nand this line continues the inner paragraph lazily.";
        assertQuote(doc, "q7", "p3", null, "Doubly nested at once\n> and this line continues the inner paragraph lazily.", both);
        assertQuote(doc, "q8", "p3", "q7", "Doubly nested at once\n> and this line continues the inner paragraph lazily.", both);
    }

    @Test void codeIsNotQuoted() throws Exception {
        Document doc = Threads.read("markdown-thread.md");
        for (Quote q : doc.quotes()) assertFalse(q.text(doc).contains("code"), q.id() + ": " + q.text(doc));
    }

    @Test void blankQuoteLineEndsTheNestedQuoteOnly() throws Exception {
        String md = "> outer one\n> > inner\n>\n> outer two\n\nreply\n- a list\n> quote after a list\n";
        Document doc = Threads.readText("n.md", md, "markdown");
        assertEquals(3, doc.quotes().size());
        assertQuote(doc, "q3", "p1", null, "quote after a list", "quote after a list");
        assertQuote(doc, "q1", "p1", null, "outer one\n> > inner\n>\n> outer two", "outer one\ninner\n\nouter two");
        assertQuote(doc, "q2", "p1", "q1", "inner", "inner");
        Document list = Threads.readText("l.md", "> quoted\n- not lazy: a list item\n", "markdown");
        assertEquals("quoted", list.quotes().get(0).text(list));
    }

    @Test void headingInterruptsALazyParagraph() throws Exception {
        Document doc = Threads.readText("h.md", ">quoted without a space\n# Heading\n", "markdown");
        assertEquals(1, doc.quotes().size());
        assertEquals("quoted without a space", doc.quotes().get(0).text(doc));
    }

    @Test void fenceRightAfterAQuote() throws Exception {
        Document doc = Threads.readText("f.md", "> quoted\n```\n> code\n```\n> again quoted\n> > and nested\n", "markdown");
        assertEquals(List.of("quoted", "again quoted\nand nested", "and nested"), doc.quotes().stream().map(q -> q.text(doc)).toList());
        assertEquals("q2", quote(doc, "q3").parent());
    }
}
