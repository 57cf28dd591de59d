package org.exhibit.read;

import org.exhibit.model.Document;
import org.exhibit.model.Post;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.exhibit.read.Threads.assertQuote;
import static org.junit.jupiter.api.Assertions.*;

class NdjsonReaderTest {
    @Test void commentsInFileOrderWithReplies() throws Exception {
        Document doc = Threads.read("reddit-comments.ndjson");
        assertEquals("ndjson", doc.source().format());
        assertEquals(List.of("Historian1938", "Ivan_K", "Marta", "[deleted]"), Threads.authors(doc));
        // created_utc as a number, a string and a float
        assertEquals(List.of("2019-03-02T10:15:00Z", "2019-03-02T11:40:00Z", "2019-03-02T12:33:20Z", "2019-03-02T12:50:00Z"), Threads.times(doc));
        // t3_ parent (the submission, not in the file) and a missing t1_ parent give no reply link
        // The board's ids are the post ids; parent ids name them
        assertEquals(Arrays.asList(null, "k1", "k2", null), doc.posts().stream().map(Post::replyTo).toList());
        assertEquals("> That is the figure everyone repeats.\n\nBecause it comes from the archives & nobody has refuted it.",
                doc.slice(doc.posts().get(1).body()));
    }

    @Test void markdownQuotesShiftedIntoTheDocument() throws Exception {
        Document doc = Threads.read("reddit-comments.ndjson");
        assertEquals(4, doc.quotes().size());
        assertQuote(doc, "q1", "k1", null,
                "It was determined that of the 139 members and candidates of the Party's Central Committee\n> who were elected at the 17th Congress, 98 persons were arrested and shot.",
                "It was determined that of the 139 members and candidates of the Party's Central Committee\nwho were elected at the 17th Congress, 98 persons were arrested and shot.");
        assertQuote(doc, "q2", "k2", null, "That is the figure everyone repeats.", "That is the figure everyone repeats.");
        assertQuote(doc, "q3", "k3", null, "Because it comes from the archives\n>\n>> 98 persons were arrested and shot.",
                "Because it comes from the archives\n\n98 persons were arrested and shot.");
        assertQuote(doc, "q4", "k3", "q3", "98 persons were arrested and shot.", "98 persons were arrested and shot.");
    }

    @Test void jsonArrayAndSubmissionLine() throws Exception {
        String json = "[{\"id\":\"s1\",\"author\":\"op\",\"title\":\"Was Bukharin guilty?\",\"selftext\":\"Discuss.\",\"created_utc\":1600000000},"
                + "{\"id\":\"c1\",\"author\":\"x\",\"body\":\"&gt; Discuss.\\n\\nNo.\",\"parent_id\":\"t3_s1\",\"created_utc\":1600000100}]";
        Document doc = Threads.readText("array.json", json, "auto");
        assertEquals("ndjson", doc.source().format());
        assertEquals(2, doc.posts().size());
        assertEquals("Was Bukharin guilty?\n\nDiscuss.", doc.slice(doc.posts().get(0).body()));
        assertEquals(List.of("s1", "c1"), doc.posts().stream().map(Post::id).toList());
        assertEquals("s1", doc.posts().get(1).replyTo());
        assertQuote(doc, "q1", "c1", null, "Discuss.", "Discuss.");
    }

    @Test void redditApiListingWithNestedReplies() throws Exception {
        String json = "[{\"kind\":\"Listing\",\"data\":{\"children\":[{\"kind\":\"t3\",\"data\":{\"id\":\"s9\",\"name\":\"t3_s9\","
                + "\"author\":\"op\",\"title\":\"Katyn\",\"selftext\":\"Who did it?\",\"created_utc\":1600000000.0}}]}},"
                + "{\"kind\":\"Listing\",\"data\":{\"children\":[{\"kind\":\"t1\",\"data\":{\"id\":\"c1\",\"author\":\"a\","
                + "\"body\":\"The NKVD.\",\"parent_id\":\"t3_s9\",\"created_utc\":1600000100.0,\"replies\":{\"kind\":\"Listing\",\"data\":{\"children\":["
                + "{\"kind\":\"t1\",\"data\":{\"id\":\"c2\",\"author\":\"b\",\"body\":\"&gt; The NKVD.\\n\\nSource?\",\"parent_id\":\"t1_c1\",\"created_utc\":1600000200.0}},"
                + "{\"kind\":\"more\",\"data\":{\"count\":3,\"children\":[\"c7\"]}}]}}}},"
                + "{\"kind\":\"t1\",\"data\":{\"id\":\"c3\",\"author\":\"c\",\"body\":\"Beria's note of March 1940.\",\"parent_id\":\"t3_s9\",\"created_utc\":1600000300}}]}}]";
        Document doc = Threads.readText("thread.json", json, "auto");
        assertEquals("ndjson", doc.source().format());
        assertEquals(List.of("op", "a", "b", "c"), Threads.authors(doc));
        assertEquals(Arrays.asList(null, "s9", "c1", "s9"), doc.posts().stream().map(Post::replyTo).toList());
        assertQuote(doc, "q1", "c2", null, "The NKVD.", "The NKVD.");
        assertEquals("2020-09-13T12:26:40Z", doc.posts().get(0).published());
    }

    @Test void positionalIdsOnlyWhereTheBoardGivesNone() throws Exception {
        String json = "{\"id\":\"x7\",\"author\":\"a\",\"body\":\"First.\"}\n{\"author\":\"b\",\"body\":\"No id here.\",\"parent_id\":\"t1_x7\"}\n"
                + "{\"id\":\"x7\",\"author\":\"c\",\"body\":\"The same id again.\"}\n{\"name\":\"t1_y9\",\"author\":\"d\",\"body\":\"Only a fullname.\"}";
        Document doc = Threads.readText("mixed.ndjson", json, "auto");
        // a repeated board id cannot name two posts: the second copy falls back to its position
        assertEquals(List.of("x7", "p2", "p3", "y9"), doc.posts().stream().map(Post::id).toList());
        assertEquals(Arrays.asList(null, "x7", null, null), doc.posts().stream().map(Post::replyTo).toList());
    }

    @Test void wrongShapesAreRefusedWithOneLine() {
        assertRefused("{\"foo\":1}", "it is an object with fields foo");
        assertRefused("[1, 2, 3]", "item 1 is a number");
        assertRefused("{\"author\":\"a\",\"body\":\"one\"}\n{\"author\":\"b\",\"bo", "line 2");
        assertRefused("{\"author\":\"a\",\"body\":\"one\"}\n{\"author\":\"b\",\"bo", "truncated");
        assertRefused("[]", "no JSON objects");
    }

    private static void assertRefused(String json, String expected) {
        InputException e = assertThrows(InputException.class, () -> Threads.readText("dump.ndjson", json, "auto"));
        assertTrue(e.getMessage().startsWith("dump.ndjson: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
