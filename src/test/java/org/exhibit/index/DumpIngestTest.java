package org.exhibit.index;

import com.github.luben.zstd.ZstdOutputStream;
import org.exhibit.analysis.Pipeline;
import org.exhibit.store.Store;
import org.exhibit.store.StoreTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/** Compressed comment dumps go in one document per thread; a bomb beside them is refused and nothing is lost. */
class DumpIngestTest {
    /** Comments of three threads, interleaved in time as a monthly dump has them. */
    static String dump() {
        String[][] threads = {
                {"t3_katyn", "Katyn", "The Burdenko commission blamed the Germans for the graves in the forest."},
                {"t3_dresden", "Dresden", "The commission of historians put the dead of the raids at twenty-five thousand."},
                {"t3_hastings", "Hastings", "Guy of Amiens says the king fell to four knights, not to an arrow."}};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            for (String[] t : threads) {
                sb.append("{\"id\":\"").append(t[1]).append(i).append("\",\"subreddit\":\"AskHistorians\",\"author\":\"user").append(i)
                        .append("\",\"body\":\"").append(i == 0 ? t[2] : "Reply " + i + " about " + t[1] + ": sources differ on this point.")
                        .append("\",\"created_utc\":").append(1262304000L + i * 3600L + t[1].length())
                        .append(",\"parent_id\":\"").append(i == 0 ? t[0] : "t1_" + t[1] + (i - 1)).append("\",\"link_id\":\"").append(t[0]).append("\"}\n");
            }
        }
        return sb.toString();
    }

    static Ingest.Summary ingest(Path corpus, String board, List<Path> inputs, List<String> messages) throws Exception {
        try (Corpus c = Corpus.open(StoreTarget.parse(corpus.toString()), corpus.resolve("index"))) {
            return new Ingest(c).pipeline(Pipeline.standard()).board(board).run(Ingest.expand(inputs), new Ingest.Listener() {
                @Override public void thread(String name, Ingest.Outcome o, String message, int posts, int quotes) { if (message != null) messages.add(message); }
                @Override public void file(Path f, Ingest.Outcome o, String message, long b, int p, int q) { if (message != null) messages.add(message); }
            });
        }
    }

    @Test void aZstdDumpBecomesOneDocumentPerThread(@TempDir Path dir) throws Exception {
        Path dump = dir.resolve("RC_2010-01.ndjson.zst");
        try (OutputStream out = new ZstdOutputStream(Files.newOutputStream(dump))) { out.write(dump().getBytes(StandardCharsets.UTF_8)); }
        Path corpus = dir.resolve("corpus");
        List<String> messages = new ArrayList<>();
        Ingest.Summary s = ingest(corpus, null, List.of(dump), messages);
        assertEquals(3, s.stored(), messages.toString());
        assertEquals(12, s.posts());
        assertEquals(0, s.failed());
        try (Store store = Store.open(StoreTarget.parse(corpus.toString()), false)) {
            List<String> paths = store.paths();
            assertEquals(3, paths.size());
            assertTrue(paths.contains(dump + "#t3_katyn"), paths.toString());
            assertEquals(4, store.load(dump + "#t3_dresden").posts().size());
            assertEquals("r/AskHistorians", store.load(dump + "#t3_dresden").board()); // from the dump's subreddit field
            assertTrue(store.load(dump + "#t3_katyn").posts().get(0).text().contains("Burdenko"));
        }
        // again: every thread unchanged
        Ingest.Summary again = ingest(corpus, null, List.of(dump), messages);
        assertEquals(3, again.unchanged());
        assertEquals(0, again.stored() + again.replaced());
    }

    @Test void aBombIsRefusedAndWhatWasStoredStays(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("RC_2010-01.ndjson.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(good))) { out.write(dump().getBytes(StandardCharsets.UTF_8)); }
        Path corpus = dir.resolve("corpus");
        ingest(corpus, "reddit", List.of(good), new ArrayList<>());
        List<String> before = CorpusFixture.rows(corpus);

        Path bomb = dir.resolve("RC_2010-02.ndjson.zst");
        byte[] zeros = new byte[1 << 20];
        try (OutputStream out = new ZstdOutputStream(Files.newOutputStream(bomb))) { for (int i = 0; i < 1024; i++) out.write(zeros); }
        List<String> messages = new ArrayList<>();
        Ingest.Summary s = ingest(corpus, "reddit", List.of(good, bomb), messages);
        assertEquals(1, s.failed());
        assertEquals(3, s.unchanged());
        assertEquals(List.of(bomb + ": decompresses more than 200 times its size (" + Files.size(bomb) / 1024 + " KB compressed): refused as a decompression bomb (limit: -Dexhibit.maxRatio=N)"),
                messages);
        List<String> after = CorpusFixture.rows(corpus);
        after.removeIf(r -> r.startsWith("failure\t"));
        assertEquals(before, after);
    }

    @Test void boardFiltersSearchAndStats(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("a.txt"), "Marten\n12th April 2004, 10:15\nThe Burdenko report blamed the Germans.\n");
        Path b = Files.writeString(dir.resolve("b.txt"), "Iris\n2nd May 2006, 22:40\nThe Burdenko report was written to order.\n");
        Path html = Files.writeString(dir.resolve("c.html"), "<html><head><meta property=\"og:site_name\" content=\"Axis History Forum\">"
                + "<title>Katyn</title></head><body><div class=\"post\"><p>The Burdenko report again, on Axis History.</p></div></body></html>");
        Path corpus = dir.resolve("corpus");
        ingest(corpus, "forum-one", List.of(a), new ArrayList<>());
        ingest(corpus, "forum-two", List.of(b), new ArrayList<>());
        ingest(corpus, null, List.of(html), new ArrayList<>());
        try (Search s = Search.open(corpus.resolve("index"))) {
            Search.Result all = s.search("Burdenko", Search.Filters.NONE, 10, false);
            assertEquals(3, all.total());
            Search.Result one = s.search("Burdenko", new Search.Filters(null, null, null, "post", null, null, null, "Forum-One"), 10, false);
            assertEquals(1, one.total());
            assertEquals(a.toAbsolutePath().toString(), one.hits().get(0).path());
            assertEquals("forum-one", one.hits().get(0).board());
            Search.Result site = s.search("Burdenko", new Search.Filters(null, null, null, null, null, null, null, "Axis History Forum"), 10, false);
            assertEquals(1, site.total());
            assertEquals(0, s.search("Burdenko", new Search.Filters(null, null, null, null, null, null, null, "nowhere"), 10, false).total());
        }
        try (Store store = Store.open(StoreTarget.parse(corpus.toString()), false)) {
            assertEquals(1, store.stats(5, "forum-two").documents());
            assertEquals(1, store.stats(5, "forum-two").posts());
            assertEquals(3, store.stats(5).documents());
            assertEquals(3, store.boards().size());
        }
    }
}
