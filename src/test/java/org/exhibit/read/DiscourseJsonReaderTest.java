package org.exhibit.read;

import org.exhibit.model.Document;
import org.exhibit.model.Post;
import org.exhibit.model.Quote;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.exhibit.read.Threads.assertQuote;
import static org.exhibit.read.Threads.quote;
import static org.junit.jupiter.api.Assertions.*;

class DiscourseJsonReaderTest {
    @Test void postsWithNumbersAndReplies() throws Exception {
        Document doc = Threads.read("discourse-topic.json");
        assertEquals("discourse", doc.source().format());
        assertEquals(List.of("historian1938", "ivan_k", "marta"), Threads.authors(doc));
        assertEquals(List.of("2021-05-04T09:30:12Z", "2021-05-04T10:02:00Z", "2021-05-05T07:45:00Z"), Threads.times(doc));
        // the board's post ids; reply_to_post_number names the post by its id
        assertEquals(List.of("90001", "90002", "90004"), doc.posts().stream().map(Post::id).toList());
        assertEquals(java.util.Arrays.asList(null, "90001", "90002"), doc.posts().stream().map(Post::replyTo).toList());
        assertEquals("Here is what Davies wrote to Washington on 17 March 1938:\nThe evidence was sufficient to justify the verdict of guilty.\n"
                + "He sat through all three trials.", doc.slice(doc.posts().get(0).body()));
    }

    @Test void cookedQuotesNestedWithTitlesOutside() throws Exception {
        Document doc = Threads.read("discourse-topic.json");
        assertEquals(4, doc.quotes().size());
        assertQuote(doc, "q1", "90001", null, "The evidence was sufficient to justify the verdict of guilty.",
                "The evidence was sufficient to justify the verdict of guilty.");
        assertNull(quote(doc, "q1").markupName());
        assertQuote(doc, "q2", "90002", null, "He sat through all three trials.", "He sat through all three trials.");
        Quote q2 = quote(doc, "q2");
        assertEquals("historian1938", q2.markupName());
        assertEquals("90001", q2.markupPost()); // data-post="1": post number 1, named by its id
        assertEquals("historian1938:", doc.slice(q2.openMarker()));
        assertQuote(doc, "q3", "90004", null,
                "historian1938:\nHe sat through all three trials.\nAnd he also wrote that he could not judge the evidence.",
                "He sat through all three trials.\nAnd he also wrote that he could not judge the evidence.");
        assertEquals("ivan_k", quote(doc, "q3").markupName());
        assertEquals("90002", quote(doc, "q3").markupPost());
        assertQuote(doc, "q4", "90004", "q3", "He sat through all three trials.", "He sat through all three trials.");
        assertFalse(doc.text().contains("quote-controls"));
    }

    @Test void wrongShapesAreRefusedWithOneLine() {
        assertRefused("{\"post_stream\": {\"stream\": [1, 2]}}", "expected a Discourse topic");
        assertRefused("{\"post_stream\": {\"posts\": [1, 2]}}", "post_stream.posts[0] is a number");
        assertRefused("{\"post_stream\": {\"posts\": [{\"username\": \"a\", \"cooked\": \"<p>x</p>\"}", "truncated");
        assertRefused("{\"post_stream\": {\"posts\": []}}", "no posts");
    }

    @Test void rawMarkdownWhenThereIsNoCooked() throws Exception {
        String json = "{\"post_stream\":{\"posts\":[{\"username\":\"a\",\"created_at\":\"2020-01-02T03:04:05Z\",\"post_number\":1,"
                + "\"raw\":\"> quoted words\\n\\nmy words\"}]}}";
        Document doc = Threads.readText("raw.json", json, "auto");
        assertEquals("quoted words", doc.quotes().get(0).text(doc));
        assertEquals("2020-01-02T03:04:05Z", doc.posts().get(0).published());
    }

    @Test void pastThePostsLimitPostsAreOnlyCountedNotRead() {
        StringBuilder json = new StringBuilder("{\"post_stream\":{\"posts\":[");
        for (int i = 0; i < 50; i++) {
            if (i > 0) json.append(',');
            // past the fifth, posts are not even post-shaped: a reader that built them would say so instead
            json.append(i < 5 ? "{\"username\":\"a\",\"post_number\":" + (i + 1) + ",\"cooked\":\"<p>x</p>\"}" : "[1, {\"deep\": [[[]]]}]");
        }
        json.append("]}, \"title\": \"t\"}");
        System.setProperty("exhibit.max-posts", "5");
        try {
            assertRefused(json.toString(), "has 50 posts, more than the limit of 5 per thread");
        } finally {
            System.clearProperty("exhibit.max-posts");
        }
    }

    @Test void otherShapesAreStillNamed() {
        assertRefused("{\"post_stream\": {\"posts\": [{\"username\": \"a\", \"cooked\": \"<p>x</p>\"}]}} {}", "not one JSON document");
        assertRefused("[{\"post_stream\": {}}]", "expected a Discourse topic");
    }

    private static void assertRefused(String json, String expected) {
        InputException e = assertThrows(InputException.class, () -> Threads.readText("topic.json", json, "auto"));
        assertTrue(e.getMessage().startsWith("topic.json: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
