package org.exhibit.read;

import org.exhibit.model.Post;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class BoardTextHeadersTest {
    @Test void phpbbPostedHeadersAndWroteLines() {
        String text = "Lenka\nPosted: Mon Jun 16, 2007 2:19 pm\nKirov was killed on 1 December 1934.\n\n"
                + "Pyotr\nPosted: Mon Jun 16, 2007 3:05 pm\nLenka wrote:\nKirov was killed on 1 December 1934.\nBy Nikolaev.\n";
        List<Post> posts = BoardTextReader.posts(text);
        assertEquals(List.of("Lenka", "Pyotr"), posts.stream().map(Post::author).toList());
        assertEquals(List.of("2007-06-16T14:19", "2007-06-16T15:05"), posts.stream().map(Post::published).toList());
        assertTrue(text.substring(posts.get(1).body().start(), posts.get(1).body().end()).startsWith("Lenka wrote:"));
    }
}
