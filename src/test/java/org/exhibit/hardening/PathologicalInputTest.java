package org.exhibit.hardening;

import org.exhibit.Limits;
import org.exhibit.model.Document;
import org.exhibit.model.Flag;
import org.exhibit.model.Quote;
import org.exhibit.output.TeiWriter;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.exhibit.hardening.Hostile.post;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Inputs no honest thread contains but any paste can: a 10 MB line, ten thousand nested quotes, marks that never
 * balance. Each is read, analysed and written in bounded time, with the invariants of every finding intact.
 */
class PathologicalInputTest {
    @Test void tenMegabyteSingleLine() {
        String line = "The witness said \"the court was fair\" and it's true (p. 12) ".repeat(10 * 1024 * 1024 / 60);
        Document doc = Hostile.analyse("one-line.txt", post("Anna Petrova", line));
        assertTrue(doc.text().length() > 10_000_000);
        assertEquals(1, doc.posts().size());
        // Too long to be searched for quotes: skipped, and the edition says so.
        assertTrue(doc.flags().stream().anyMatch(f -> f.type().equals("line-limit")), "a line-limit flag");
    }

    @Test void tenThousandQuoteHeaderLines() {
        Document doc = Hostile.analyse("headers.txt", post("Anna Petrova", "QUOTE\n".repeat(10_000) + "the end"));
        assertEquals(1, doc.posts().size());
    }

    @Test void tenThousandQuoteTagBlocksWithText() {
        Document doc = Hostile.analyse("blocks.txt", post("Anna Petrova", "QUOTE(Marek @ Mar 13 2004, 11:02 PM)\nHe said so.QUOTE\n\nNo.\n\n".repeat(10_000)));
        assertTrue(doc.quotes().size() >= 1_000, "blocks found: " + doc.quotes().size());
    }

    @Test void tenThousandNestedQuotationMarks() {
        int n = 10_000;
        String body = "He wrote: " + "“‘".repeat(n / 2) + "the innermost words" + "’”".repeat(n / 2) + " end.";
        Document doc = Hostile.analyse("nested-marks.txt", post("Anna Petrova", body));
        assertNestingBounded(doc);
        assertTrue(doc.flags().stream().anyMatch(f -> f.type().equals("nesting-limit")), "a nesting-limit flag");
    }

    @Test void quotesNestedDeeperThanTheLimitAreDroppedWithAFlag() {
        int depth = Limits.maxQuoteDepth() + 40;
        StringBuilder b = new StringBuilder("Anna wrote:\n\n");
        for (int i = 0; i < depth; i++) b.append(i % 2 == 0 ? "“" : "‘").append("w").append(i).append(' ');
        b.append("core");
        for (int i = depth - 1; i >= 0; i--) b.append(i % 2 == 0 ? "”" : "’");
        Document doc = Hostile.analyse("deep.txt", post("Anna Petrova", b.toString()));
        assertNestingBounded(doc);
        assertTrue(doc.flags().stream().anyMatch(f -> f.type().equals("nesting-limit")), "a nesting-limit flag");
        assertTrue(doc.quotes().size() >= Limits.maxQuoteDepth() - 1, "the levels within the limit are kept: " + doc.quotes().size());
        assertTrue(TeiWriter.toString(doc).contains("<quote"));
    }

    @Test void unbalancedAndMismatchedMarks() {
        String[] bodies = {
                "\"".repeat(20_001),
                "“".repeat(20_000) + " words",
                "words " + "”".repeat(20_000),
                "“a’ ‘b” «c\" „d» ‹e“ ''f\" `g” ".repeat(2_000),
                "He said \"yes, and she said 'no, and they said «maybe.\n\n".repeat(2_000),
                "QUOTE\n\"open\n\nQUOTE\nclose\"QUOTE\n\n".repeat(2_000),
        };
        for (int i = 0; i < bodies.length; i++) Hostile.analyse("unbalanced-" + i + ".txt", post("Anna Petrova", bodies[i]));
    }

    @Test void manyPostsAndManyQuotes() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 3_000; i++)
            b.append(post("Poster" + (i % 50), "As \"Anna\" said: \"the trial was public\" and “it was fair” (p. " + i + ")."));
        Document doc = Hostile.analyse("many-posts.txt", b.toString());
        assertEquals(3_000, doc.posts().size());
        assertTrue(doc.quotes().size() >= 3_000);
    }

    /** No quote deeper than the limit, and a flag when anything was dropped. */
    static void assertNestingBounded(Document doc) {
        int max = Limits.maxQuoteDepth();
        Set<String> ids = new HashSet<>();
        for (Quote q : doc.quotes()) {
            ids.add(q.id());
            int d = 1;
            for (Quote p = q; p.parent() != null; p = doc.quote(p.parent())) d++;
            assertTrue(d <= max, q.id() + " nested " + d + " deep");
        }
        for (Flag f : doc.flags()) if (f.type().equals("nesting-limit")) assertTrue(f.message().contains(String.valueOf(max)));
    }
}
