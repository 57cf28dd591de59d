package org.exhibit.index;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** A search hit leads back to the board: the post's own id and permalink, where the input gave them. */
class BoardIdHitsTest {
    @TempDir Path tmp;

    @Test void hitsCarryTheBoardsPostIdAndPermalink() throws Exception {
        Path thread = tmp.resolve("sluice.ndjson");
        Files.writeString(thread, String.join("\n",
                "{\"id\":\"t1_q7k\",\"author\":\"Wenzel\",\"created_utc\":1551520800,\"permalink\":\"/r/history/comments/z9/sluice/q7k/\","
                        + "\"body\":\"The sluice gates at the Dnieper dam were opened in the night without any warning to the villages downstream.\"}",
                "{\"id\":\"t1_q7m\",\"parent_id\":\"t1_q7k\",\"author\":\"Rada\",\"created_utc\":1551524400,"
                        + "\"body\":\"Which villages? The sluice story needs a source before anyone repeats it.\"}") + "\n");
        Path db = tmp.resolve("db");
        CorpusFixture.ingest(db, List.of(thread));
        try (Search s = Search.open(db.resolve("index"))) {
            List<Search.Hit> hits = s.search("sluice", Search.Filters.NONE, 10, false).hits();
            Search.Hit first = hits.stream().filter(h -> "post".equals(h.type()) && "Wenzel".equals(h.author())).findFirst().orElseThrow();
            assertEquals("t1_q7k", first.boardId());
            assertEquals("https://www.reddit.com/r/history/comments/z9/sluice/q7k/", first.postUrl());
            Search.Hit second = hits.stream().filter(h -> "post".equals(h.type()) && "Rada".equals(h.author())).findFirst().orElseThrow();
            assertEquals("t1_q7m", second.boardId());
            assertNull(second.postUrl(), "no permalink in the input, none made up");
        }
    }
}
