package org.exhibit.analysis.quotes;

import org.exhibit.analysis.quotes.ReproductionsTest.P;
import org.exhibit.model.Document;
import org.exhibit.model.Marker;
import org.exhibit.model.Quote;
import org.exhibit.model.QuoteKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.exhibit.analysis.quotes.ReproductionsTest.analyse;
import static org.exhibit.analysis.quotes.ReproductionsTest.ndjson;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Where a reproduction begins and ends when other evidence disagrees: quotation marks paired across the poster's own
 * lines, a reproduction that runs past words in quotation marks, a cut that keeps a heading, a run of the earlier
 * post's words taken up in the poster's sentence, a [quote] tag never closed.
 */
class ReproductionBoundsTest {
    static final String VERA_1 = "The canal board promised that the locks at Ostrov would be finished before the spring floods, "
            + "and the same promise was printed in the gazette three years running.";
    static final String VERA_2 = "Nobody in the town believed it any more, least of all the bargemen who had to unload at the weir.";
    static final String VERA_3 = "When the locks finally opened in 1874 the traffic had already gone to the railway, "
            + "which carried the grain to the port in a day instead of a week.";
    static final String IVAN_OWN = "The gazette printed what the board handed it, that proves nothing about what people believed.";

    /** Passages of a post, outermost first, in text order. */
    static List<Quote> passages(Document doc, String post) {
        List<Quote> out = new ArrayList<>();
        for (Quote q : doc.quotes()) if (q.post().equals(post) && q.kind() == QuoteKind.PASSAGE) out.add(q);
        return out;
    }

    static Quote with(Document doc, String post, String words) {
        for (Quote q : passages(doc, post)) if (q.parent() == null && q.text(doc).contains(words)) return q;
        return null;
    }

    /**
     * Ivan opens a quotation mark before Vera's first paragraph and closes it after her last, with his own answer in
     * between: two quotations of her post, and his paragraph is his.
     */
    @Test void quotationMarksAcrossThePostersOwnLinesEndWithTheReproducedWords() throws Exception {
        List<P> t = new ArrayList<>();
        t.add(new P("5001", "vera", "2019-04-01 09:00", VERA_1 + "\n\n" + VERA_2 + "\n\n" + VERA_3));
        t.add(new P("5002", "ivan", "2019-04-01 10:00", "\"" + VERA_1 + "\n\n" + IVAN_OWN + "\n\n" + VERA_3 + "\"\n\nSo the railway won, as it did everywhere."));
        Document doc = analyse("thread.ndjson", ndjson(t));
        for (Quote q : passages(doc, "5002")) assertFalse(q.text(doc).contains("proves nothing"), "Ivan's answer is his own: " + q.text(doc));
        Quote first = with(doc, "5002", "locks at Ostrov");
        assertNotNull(first);
        assertEquals(VERA_1, first.text(doc).strip());
        assertEquals("5001", first.sourcePost());
        assertEquals("vera", first.speaker().name());
        Quote last = with(doc, "5002", "finally opened in 1874");
        assertNotNull(last, "the reproduction after Ivan's answer is a quotation of its own");
        assertNotSame(first, last);
        assertEquals(VERA_3, last.text(doc).replace("\"", "").strip());
        assertEquals("5001", last.sourcePost());
        assertEquals("vera", last.speaker().name());
        assertNull(with(doc, "5002", "railway won"), "the reply after the closing mark is Ivan's");
    }

    /**
     * Vera quotes the canal board in quotation marks inside her sentence; Ivan reproduces her whole sentence: a
     * quotation of Vera's post, holding the board's words as a quotation of its own.
     */
    @Test void aReproductionRunningPastQuotationMarksHoldsThem() throws Exception {
        String board = "the locks at Ostrov will be finished before the spring floods";
        String vera = "Every year the canal board announced that \"" + board + "\" and every year the bargemen unloaded at the weir as before.";
        List<P> t = new ArrayList<>();
        t.add(new P("5101", "vera", "2019-04-01 09:00", vera + "\n\nThe gazette never asked them."));
        t.add(new P("5102", "ivan", "2019-04-01 10:00", vera + "\n\n" + IVAN_OWN));
        Document doc = analyse("thread.ndjson", ndjson(t));
        Quote outer = with(doc, "5102", "Every year the canal board");
        assertNotNull(outer, passages(doc, "5102").toString());
        assertEquals(Marker.NONE, outer.marker());
        assertEquals(vera, outer.text(doc).strip(), () -> outer.text(doc).codePoints().mapToObj(Integer::toString).toList().toString());
        assertEquals("5101", outer.sourcePost());
        assertEquals("vera", outer.speaker().name());
        Quote inner = passages(doc, "5102").stream().filter(q -> q.marker() == Marker.DOUBLE).findFirst().orElse(null);
        if (inner != null) {
            assertEquals(outer.id(), inner.parent(), "the board's words are a quotation inside Vera's");
            assertEquals(board, inner.text(doc));
        }
        assertFalse(outer.text(doc).contains("proves nothing"));
    }

    /** A cut that keeps the heading of what it cut ("Costs", between two cut paragraphs) is still one reproduction of the earlier post. */
    @Test void aCutKeepingAHeadingIsOneReproduction() throws Exception {
        String b = "The first estimate counted only the masonry and left out the dredging, which alone cost more than "
                + "the three locks together once the river changed its bed in the wet autumn of 1869.";
        List<P> t = new ArrayList<>();
        t.add(new P("5201", "vera", "2019-04-01 09:00", VERA_1 + "\n\n" + VERA_2 + "\n\nCosts\n" + b + "\n\n" + VERA_3));
        t.add(new P("5202", "ivan", "2019-04-01 10:00", VERA_1 + "\n\nCosts\n" + VERA_3 + "\n\n" + IVAN_OWN));
        Document doc = analyse("thread.ndjson", ndjson(t));
        List<Quote> top = passages(doc, "5202").stream().filter(q -> q.parent() == null).toList();
        assertEquals(1, top.size(), () -> top.stream().map(q -> q.text(doc)).toList().toString());
        Quote q = top.get(0);
        assertTrue(q.text(doc).startsWith("The canal board promised"), q.text(doc));
        assertTrue(q.text(doc).strip().endsWith("instead of a week."), q.text(doc));
        assertEquals("5201", q.sourcePost());
        assertEquals("vera", q.speaker().name());
    }

    /** The opening and the close of a long post, reproduced one after the other, are one quotation however much was cut. */
    @Test void piecesThatMeetInTheReplyAreOneReproduction() throws Exception {
        StringBuilder middle = new StringBuilder();
        String[] goods = {"salt", "timber", "flax", "hides", "tar", "rye", "oats", "iron", "hemp", "wool"};
        for (int k = 0; k < 60; k++)
            middle.append("In week ").append(k + 1).append(" the lock keeper entered ").append(goods[k % goods.length])
                    .append(" barges number ").append(100 + 7 * k).append(".\n");
        List<P> t = new ArrayList<>();
        t.add(new P("5301", "vera", "2019-04-01 09:00", VERA_1 + "\n\n" + middle + "\n" + VERA_3));
        t.add(new P("5302", "ivan", "2019-04-01 10:00", VERA_1 + "\n\n" + VERA_3 + "\n\n" + IVAN_OWN));
        Document doc = analyse("thread.ndjson", ndjson(t));
        List<Quote> top = passages(doc, "5302").stream().filter(q -> q.parent() == null).toList();
        assertEquals(1, top.size(), () -> top.stream().map(q -> q.text(doc)).toList().toString());
        assertEquals(VERA_1 + "\n\n" + VERA_3, top.get(0).text(doc));
        assertEquals("5301", top.get(0).sourcePost());
    }

    /**
     * Ivan's sentence ends with words of Vera's, then he quotes her question on a line of its own: the quotation is
     * the question, not the end of his sentence with it.
     */
    @Test void aReproductionStartingInsideThePostersSentenceEndsWithItsParagraph() throws Exception {
        String taken = "the engineers never agreed on the depth of the channel";
        String question = "Which of the two surveys do you trust, the one from 1868 or the one the company paid for?";
        List<P> t = new ArrayList<>();
        t.add(new P("5401", "vera", "2019-04-01 09:00", "The delay had one cause: " + taken + ".\n\n" + VERA_2 + "\n\n" + question));
        t.add(new P("5402", "ivan", "2019-04-01 10:00", "I have read both surveys, and the trouble is that " + taken + ".\n\n"
                + question + "\n\nThe one from 1868, since nobody paid for it."));
        Document doc = analyse("thread.ndjson", ndjson(t));
        Quote q = with(doc, "5402", "Which of the two surveys");
        assertNotNull(q);
        assertEquals(question, q.text(doc));
        assertEquals("5401", q.sourcePost());
        assertEquals("vera", q.speaker().name());
        for (Quote o : passages(doc, "5402")) assertFalse(o.text(doc).contains("trouble is"), o.text(doc));
    }

    /**
     * A QUOTE block opening with a quotation in quotation marks: the closing mark ends that quotation, not the
     * block, which goes on over the earlier poster's own words after it as far as they are reproduced.
     */
    @Test void aClosingQuotationMarkInsideAQuoteBlockDoesNotEndIt() throws Exception {
        String cited = "\"The district archive in Poltava lost half of its requisition files in the fire of 1943, and the rest "
                + "were moved to Kyiv in two lorries that same winter.\n\n\"Nobody made an inventory before the move, so we "
                + "cannot say which files were burnt and which were only mislaid.\"\n From the archivist's report of 1946";
        String own = "So every count of the famine dead from those files is a guess, and the guess has been repeated so often "
                + "that it now passes for a figure.";
        String text = "nadia\nMar 02 2009, 09:12 AM\n" + cited + "\n\n" + own + "\n\n"
                + "oleg\nMar 02 2009, 10:40 AM\nQUOTE(nadia @ Mar 02 2009, 09:12 AM)\n" + cited + "\n\n" + own + "\n\n"
                + "The Kyiv half has been read by three teams since the archives opened.\n";
        Document doc = ReproductionsBlockEndsTest.analyse(text);
        Quote block = passages(doc, "p2").stream().filter(q -> q.marker() == Marker.QUOTE_HEADER).findFirst().orElseThrow();
        assertTrue(block.text(doc).strip().endsWith("passes for a figure."), block.text(doc));
        assertFalse(block.text(doc).contains("three teams"), "the reply is the poster's own");
        assertEquals("p1", block.sourcePost());
        assertEquals("nadia", block.speaker().name());
        for (Quote q : passages(doc, "p2"))
            assertFalse(q.parent() == null && q != block && q.text(doc).contains("famine dead"), "one quotation, not two: " + q.text(doc));
    }

    /** A [quote] tag whose closing tag is misspelt ends where the reproduced words end, not at the post's end. */
    @Test void anUnclosedQuoteTagEndsWithTheReproducedWords() throws Exception {
        String text = "vera\n2019-04-01 09:00\n" + VERA_1 + "\n\n" + VERA_3 + "\n\n"
                + "ivan\n2019-04-01 10:00\n[quote=vera]" + VERA_1 + "[/qoute]\n" + IVAN_OWN + "\n\n"
                + VERA_3 + "\n\nSo the railway won, as it did everywhere.\n\n"
                + "olga\n2019-04-01 11:00\n[quote=ivan]" + IVAN_OWN + "[/quote]\nIt proves what the board wanted people to read.\n";
        Document doc = analyse("thread.bbcode", text);
        assertEquals("bbcode", doc.source().format());
        List<Quote> top = passages(doc, "p2").stream().filter(q -> q.parent() == null).toList();
        Quote tag = top.stream().filter(q -> q.marker() == Marker.BBCODE).findFirst().orElseThrow();
        assertEquals(VERA_1, tag.text(doc).strip());
        assertEquals("p1", tag.sourcePost());
        assertEquals("vera", tag.speaker().name());
        for (Quote q : top) assertFalse(q.text(doc).contains("proves nothing"), "Ivan's answer is his own: " + q.text(doc));
        Quote later = with(doc, "p2", "finally opened in 1874");
        assertNotNull(later, "the later reproduction is a quotation of its own");
        assertEquals(VERA_3, later.text(doc).strip());
        assertEquals("p1", later.sourcePost());
    }
}
