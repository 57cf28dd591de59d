package org.exhibit.analysis.quotes;

import org.exhibit.model.Span;
import org.exhibit.text.Tokens;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** The words of a post read from the token layer are the words the scan of the post finds, edges included. */
class PriorPostsWordsTest {
    @Test
    void tokenLayerGivesTheScansWords() {
        String[] parts = {"Trotsky", " ", "wrote", ", ", "1937", "\n", "Ωmega", "'s", "café", "№", "ⅻ", "😀", "x", "\uD835\uDC00", "-", "A1"};
        Random r = new Random(3);
        for (int round = 0; round < 300; round++) {
            StringBuilder sb = new StringBuilder();
            for (int k = r.nextInt(30); k >= 0; k--) sb.append(parts[r.nextInt(parts.length)]);
            String text = sb.toString();
            Tokens t = Tokens.of(text);
            for (int k = 0; k < 20; k++) {
                int a = r.nextInt(text.length() + 1), b = r.nextInt(text.length() + 1);
                Span s = new Span(Math.min(a, b), Math.max(a, b));
                PriorPosts.PostWords scan = PriorPosts.words(text, s, null), layer = PriorPosts.words(t, s, null);
                assertEquals(scan.words(), layer.words(), text + " " + s);
                assertEquals(scan.spans().size(), layer.spans().size());
                for (int i = 0; i < scan.spans().size(); i++) assertArrayEquals(scan.spans().get(i), layer.spans().get(i), text + " " + s);
            }
        }
    }
}
