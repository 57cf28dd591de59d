package org.exhibit.hardening;

import org.exhibit.Limits;
import org.exhibit.model.Document;
import org.exhibit.model.Quote;
import org.exhibit.read.Readers;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Markup nested far past max-quote-depth: the readers make quotes down to the limit and flag the rest, and a
 * quote keeps only the tags inside it, so memory is linear in the input rather than in depth times tags.
 */
class DeepMarkupTest {
    static Document read(String name, String text) throws Exception {
        return Readers.read(name, text.getBytes(StandardCharsets.UTF_8), "auto");
    }

    static long exclusions(Document doc) {
        return doc.quotes().stream().mapToLong(q -> q.exclusions().size()).sum();
    }

    @Test void bbcodeNestedAHundredThousandDeepStopsAtTheLimit() throws Exception {
        int depth = 100_000, max = Limits.maxQuoteDepth();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < depth; i++) b.append("[quote=\"u").append(i).append("\"]w").append(i).append(' ');
        b.append("core");
        b.append("[/quote]".repeat(depth));
        Document doc = read("nest.bbcode", b.toString());
        assertEquals(max, doc.quotes().size());
        assertEquals("u0", doc.quotes().get(0).markupName());
        assertTrue(doc.flags().stream().anyMatch(f -> f.type().equals("nesting-limit") && f.message().startsWith((depth - max) + " quotes")),
                doc.flags().toString());
        // Each quote excludes its children's tags and one span for everything below the limit: about max² / 2.
        assertTrue(exclusions(doc) <= (long) max * max, "exclusions: " + exclusions(doc));
        Quote deepest = doc.quotes().get(max - 1);
        assertEquals("w" + (max - 1), deepest.text(doc).strip(), "below the limit is left out of the deepest quote's text");
        assertTrue(doc.quotes().get(0).text(doc).startsWith("w0 w1 w2"), "tags of inner quotes are not in the text");
    }

    @Test void unclosedQuotesNestToThePostsEndAndStopAtTheLimit() throws Exception {
        Document doc = read("unclosed.bbcode", "[quote=\"a\"]x\n".repeat(10_000));
        assertEquals(Limits.maxQuoteDepth(), doc.quotes().size());
        assertTrue(exclusions(doc) <= (long) Limits.maxQuoteDepth() * Limits.maxQuoteDepth(), "exclusions: " + exclusions(doc));
    }

    @Test void manySiblingQuotesEachKeepOnlyTheirOwnTags() throws Exception {
        Document doc = read("siblings.bbcode", "[quote=\"a\"][b]x[/b] y[/quote]\n".repeat(5_000));
        assertEquals(5_000, doc.quotes().size());
        for (Quote q : doc.quotes()) assertEquals(2, q.exclusions().size(), q.toString());
        assertEquals("x y", doc.quotes().get(4_999).text(doc));
    }

    @Test void htmlBlockquotesNestedThousandsDeepStopAtTheLimit() throws Exception {
        StringBuilder b = new StringBuilder("<html><body><div>");
        for (int i = 0; i < 3_000; i++) b.append("<blockquote>level").append(i).append(' ');
        Document doc = read("deep.html", b.toString());
        assertTrue(doc.quotes().size() <= Limits.maxQuoteDepth(), "quotes: " + doc.quotes().size());
        assertTrue(doc.quotes().size() >= Limits.maxQuoteDepth() - 1, "quotes: " + doc.quotes().size());
        assertTrue(doc.flags().stream().anyMatch(f -> f.type().equals("nesting-limit")));
        assertTrue(doc.text().contains("level2999"), "the text below the limit is kept");
    }

    @Test void markdownNestedDeeperThanTheLimitKeepsItsText() throws Exception {
        Document doc = read("deep.md", ("> ".repeat(500) + "deep words\n").repeat(3) + "\nafter\n");
        assertTrue(doc.quotes().size() <= Limits.maxQuoteDepth());
        assertTrue(doc.flags().stream().anyMatch(f -> f.type().equals("nesting-limit")));
        assertTrue(doc.quotes().get(doc.quotes().size() - 1).text(doc).contains("deep words"));
    }
}
