package org.exhibit.hardening;

import org.exhibit.Limits;
import org.exhibit.analysis.Pipeline;
import org.exhibit.model.Document;
import org.exhibit.read.InputException;
import org.exhibit.read.Readers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.exhibit.hardening.Hostile.post;
import static org.junit.jupiter.api.Assertions.*;

/** Each limit is enforced, configurable, and reported on one line that names the file and the limit. */
class LimitsTest {
    @AfterEach void reset() {
        for (String n : new String[]{Limits.MAX_INPUT_MB, Limits.MAX_POSTS, Limits.MAX_QUOTE_DEPTH, Limits.MAX_LINE_CHARS})
            System.clearProperty("exhibit." + n);
    }

    @Test void defaults() {
        assertEquals(512L << 20, Limits.maxInputBytes());
        assertEquals(100_000, Limits.maxPosts());
        assertEquals(64, Limits.maxQuoteDepth());
        assertEquals(200_000, Limits.maxLineChars());
    }

    @Test void garbledOrNonPositiveSettingsFallBackToTheDefault() {
        System.setProperty("exhibit." + Limits.MAX_POSTS, "lots");
        assertEquals(100_000, Limits.maxPosts());
        System.setProperty("exhibit." + Limits.MAX_POSTS, "-3");
        assertEquals(100_000, Limits.maxPosts());
        assertThrows(IllegalArgumentException.class, () -> Limits.set(Limits.MAX_POSTS, 0));
    }

    @Test void oversizeFileIsRefusedNamingFileAndLimit(@TempDir Path dir) throws Exception {
        Limits.set(Limits.MAX_INPUT_MB, 1);
        Path big = dir.resolve("big-thread.txt");
        Files.writeString(big, post("Anna Petrova", "words ".repeat(200_000)));
        InputException e = assertThrows(InputException.class, () -> Readers.read(big, "auto"));
        assertTrue(e.getMessage().startsWith(big + ": is larger than the input limit of 1 MB"), e.getMessage());
        assertTrue(e.getMessage().contains("--max-input-mb"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        // The same bytes handed over directly (an upload, say) are refused the same way.
        byte[] bytes = Files.readAllBytes(big);
        assertThrows(InputException.class, () -> Readers.read("upload.txt", bytes, "auto"));
    }

    @Test void tooManyPostsIsRefusedNamingFileAndLimit() {
        Limits.set(Limits.MAX_POSTS, 10);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 11; i++) b.append(post("Poster" + i, "Post number " + i + "."));
        InputException e = assertThrows(InputException.class,
                () -> Readers.read("busy.txt", b.toString().getBytes(StandardCharsets.UTF_8), "auto"));
        assertTrue(e.getMessage().startsWith("busy.txt: has 11 posts, more than the limit of 10"), e.getMessage());
        Limits.set(Limits.MAX_POSTS, 11);
        assertDoesNotThrow(() -> Readers.read("busy.txt", b.toString().getBytes(StandardCharsets.UTF_8), "auto"));
    }

    @Test void longParagraphsAreSkippedWithAFlagAndShortOnesStillSearched() throws Exception {
        Limits.set(Limits.MAX_LINE_CHARS, 1_000);
        String body = "He said \"the long one\" " + "x".repeat(2_000) + "\n\nShe said \"the short one is found\" here.";
        Document doc = Pipeline.standard().run(Readers.read("long.txt", post("Anna Petrova", body).getBytes(StandardCharsets.UTF_8), "auto"));
        assertTrue(doc.quotes().stream().anyMatch(q -> q.text(doc).equals("the short one is found")));
        assertTrue(doc.quotes().stream().noneMatch(q -> q.text(doc).equals("the long one")));
        assertTrue(doc.flags().stream().anyMatch(f -> f.type().equals("line-limit") && f.message().contains("1000")));
    }

    @Test void quoteDepthIsConfigurable() throws Exception {
        Limits.set(Limits.MAX_QUOTE_DEPTH, 2);
        String body = "He wrote: “one ‘two “three ‘four’ three” two’ one” and stopped.";
        Document doc = Pipeline.standard().run(Readers.read("deep.txt", post("Anna Petrova", body).getBytes(StandardCharsets.UTF_8), "auto"));
        PathologicalInputTest.assertNestingBounded(doc);
        assertTrue(doc.flags().stream().anyMatch(f -> f.type().equals("nesting-limit")));
    }
}
