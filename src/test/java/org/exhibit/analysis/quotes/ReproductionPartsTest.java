package org.exhibit.analysis.quotes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.exhibit.analysis.quotes.ReproductionsTest.P;
import org.exhibit.model.Document;
import org.exhibit.model.Post;
import org.exhibit.model.Quote;
import org.exhibit.model.QuoteKind;
import org.exhibit.output.JsonWriter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.exhibit.analysis.quotes.ReproductionsTest.analyse;
import static org.exhibit.analysis.quotes.ReproductionsTest.ndjson;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Where one reproduction ends and the next begins, whose earlier words count, and how the findings are linked:
 * reproductions and reuse items, quote tags naming posts by the board's id, permalinks.
 */
class ReproductionPartsTest {
    static final String IRA_OWN = "The grain requisition quotas for the autumn of 1932 were raised twice in the Kuban district, "
            + "and the second order came after the harvest was already in.";
    static final String IRA_SHORT = "Nobody in the district kept a record of it.";
    static final String OLEG_ANSWER = "That second order is in the regional file, I have seen the copy with the signatures.";
    static final String OLEG_TWO = "The signatures belong to the district secretary and to the head of the procurement office.";

    static List<Quote> passages(Document doc, String post) {
        List<Quote> out = new ArrayList<>();
        for (Quote q : doc.quotes()) if (q.post().equals(post) && q.kind() == QuoteKind.PASSAGE && q.parent() == null) out.add(q);
        return out;
    }

    /**
     * Oleg answers Ira line by line, each of her lines reproduced on its own; Pavel then reproduces Oleg's post,
     * her line and his answer together. That is two quotations, hers and his, not one of Oleg's.
     */
    @Test void aReproducedAnswerSplitsWhereTheEarlierPostQuotedSomeoneElse() throws Exception {
        List<P> t = new ArrayList<>();
        t.add(new P("7001", "ira", "2019-03-02 10:15", IRA_OWN + "\n\n" + IRA_SHORT));
        t.add(new P("7002", "oleg", "2019-03-02 11:00", IRA_SHORT + "\n\n" + OLEG_ANSWER + "\n\n" + OLEG_TWO));
        t.add(new P("7003", "pavel", "2019-03-02 12:00", IRA_SHORT + "\n\n" + OLEG_ANSWER
                + "\n\nThen the copy should be published with the file number, so that anyone can check it."));
        Document doc = analyse("thread.ndjson", ndjson(t));
        List<Quote> inPavel = passages(doc, "7003");
        // Ira's short line is written in two earlier posts, so it may not count as a reproduction of its own; it is
        // never part of Oleg's quotation
        Quote his = inPavel.stream().filter(q -> q.text(doc).contains("regional file")).findFirst().orElseThrow();
        assertFalse(his.text(doc).contains("kept a record"), his.text(doc));
        assertEquals("oleg", his.speaker().name());
        assertEquals("7002", his.sourcePost());
        for (Quote hers : inPavel)
            if (hers.text(doc).contains("kept a record"))
                assertNotEquals("oleg", hers.speaker() == null ? null : hers.speaker().name(), "Ira's words, quoted by Oleg, are not his");
        assertFalse(his.text(doc).contains("published with the file number"), "Pavel's own words end the quotation");
    }

    /** A poster repeating a phrase of their own earlier post inside a new sentence is not quoting themselves. */
    @Test void ownEarlierWordsInsideASentenceAreNoQuotation() throws Exception {
        List<P> t = new ArrayList<>();
        t.add(new P("7101", "ira", "2019-03-02 10:15", IRA_OWN));
        t.add(new P("7102", "oleg", "2019-03-02 11:00", OLEG_ANSWER));
        t.add(new P("7103", "ira", "2019-03-02 12:00", "As I wrote, the second order came after the harvest was already in, "
                + "and that is why I asked about the file; nobody answered that part yet."));
        Document doc = analyse("thread.ndjson", ndjson(t));
        assertTrue(passages(doc, "7103").isEmpty(), () -> passages(doc, "7103").get(0).text(doc));
        // set off on a line of its own, the same words are a quotation of her earlier post
        t.set(2, new P("7103", "ira", "2019-03-02 12:00", "the second order came after the harvest was already in.\n\n"
                + "That is why I asked about the file; nobody answered that part yet."));
        Document again = analyse("thread.ndjson", ndjson(t));
        Quote q = passages(again, "7103").stream().findFirst().orElseThrow();
        assertEquals("7101", q.sourcePost());
    }

    /** A short shared run inside a sentence is a fragment taken up, not a reproduction. */
    @Test void aShortRunInsideASentenceIsNoReproduction() throws Exception {
        List<P> t = new ArrayList<>();
        t.add(new P("7201", "ira", "2019-03-02 10:15", IRA_OWN));
        t.add(new P("7202", "oleg", "2019-03-02 11:00", "I doubt the second order came after the harvest was already in for every district, "
                + "the records in Krasnodar say otherwise."));
        Document doc = analyse("thread.ndjson", ndjson(t));
        assertTrue(passages(doc, "7202").isEmpty(), () -> passages(doc, "7202").get(0).text(doc));
    }

    /** The reproduction and the in-thread reuse pair are one finding: each names the other. */
    @Test void reproductionAndReuseItemNameEachOther() throws Exception {
        List<P> t = new ArrayList<>();
        t.add(new P("7301", "ira", "2019-03-02 10:15", IRA_OWN + "\n\n" + IRA_SHORT));
        t.add(new P("7302", "oleg", "2019-03-02 11:00", IRA_OWN + "\n\n" + OLEG_ANSWER));
        Document doc = analyse("thread.ndjson", ndjson(t));
        JsonNode json = new ObjectMapper().readTree(JsonWriter.toString(doc));
        JsonNode quote = null;
        for (JsonNode q : json.path("quotes")) if ("7302".equals(q.path("post").asText()) && q.path("text").asText().contains("Kuban")) quote = q;
        assertNotNull(quote);
        assertEquals("7301", quote.path("source_post").asText());
        assertTrue(quote.path("reuse").isArray() && quote.path("reuse").size() > 0, quote.toString());
        String item = quote.path("reuse").get(0).asText();
        JsonNode reuse = null;
        for (JsonNode r : json.path("reuse")) if (item.equals(r.path("id").asText())) reuse = r;
        assertNotNull(reuse, "the quote names a reuse item that exists");
        boolean named = false;
        for (JsonNode part : reuse.path("parts")) named |= quote.path("id").asText().equals(part.path("quote").asText());
        assertTrue(named, "the reuse item names the quote: " + reuse);
    }

    /** Quote tags that name the quoted post by the board's id keep it: a reply link, the post's board id. */
    @Test void bbcodePostIdsBecomeReplyLinks() throws Exception {
        String text = "ira\n2019-03-02 10:15\n" + IRA_OWN + "\n\n"
                + "oleg\n2019-03-02 11:00\n[quote=\"ira;55012\"]" + IRA_OWN + "[/quote]\n" + OLEG_ANSWER + "\n\n"
                + "pavel\n2019-03-02 12:00\n[quote name=\"oleg\" post_id=55013]" + OLEG_ANSWER + "[/quote]\nWhere is the file kept?\n";
        Document doc = analyse("thread.bbcode", text);
        assertEquals("bbcode", doc.source().format());
        List<Post> posts = doc.posts();
        assertEquals(3, posts.size());
        assertEquals("55012", posts.get(0).boardId());
        assertEquals("55013", posts.get(1).boardId());
        assertEquals("p1", posts.get(1).replyTo());
        assertEquals("p2", posts.get(2).replyTo());
        JsonNode json = new ObjectMapper().readTree(JsonWriter.toString(doc));
        assertEquals("55013", json.path("posts").get(1).path("board_id").asText());
        Quote q = passages(doc, "p3").get(0);
        assertEquals("p2", q.sourcePost());
        assertEquals("55013", q.markupPost());
    }

    /** Permalinks and board ids from NDJSON/Reddit items are kept on the posts. */
    @Test void permalinksAreKept() throws Exception {
        String nd = "{\"id\":\"abc1\",\"author\":\"ira\",\"body\":\"" + IRA_OWN + "\",\"created_utc\":1551521700,"
                + "\"permalink\":\"/r/history/comments/x1/t/abc1/\"}\n"
                + "{\"id\":\"abc2\",\"author\":\"oleg\",\"body\":\"" + OLEG_ANSWER + "\",\"created_utc\":1551522300,\"parent_id\":\"t1_abc1\"}\n";
        Document doc = analyse("thread.ndjson", nd);
        assertEquals("abc1", doc.posts().get(0).boardId());
        assertEquals("https://www.reddit.com/r/history/comments/x1/t/abc1/", doc.posts().get(0).url());
        assertNull(doc.posts().get(1).url());
        JsonNode json = new ObjectMapper().readTree(JsonWriter.toString(doc));
        assertEquals("https://www.reddit.com/r/history/comments/x1/t/abc1/", json.path("posts").get(0).path("url").asText());
        assertTrue(json.path("posts").get(1).path("url").isMissingNode());
        assertEquals("abc1", json.path("posts").get(1).path("reply_to").asText());
    }
}
