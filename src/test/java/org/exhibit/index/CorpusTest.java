package org.exhibit.index;

import com.fasterxml.jackson.databind.JsonNode;
import org.exhibit.model.Document;
import org.exhibit.output.JsonWriter;
import org.exhibit.read.Readers;
import org.exhibit.store.Store;
import org.exhibit.store.StoreTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class CorpusTest {
    @TempDir Path tmp;

    @Test void ingestStoresEveryPostAndQuoteAndIndexesEach() throws Exception {
        Path db = tmp.resolve("db");
        Ingest.Summary s = CorpusFixture.ingest(db, List.of(HandReadings.corpus()));

        List<Path> files;
        try (Stream<Path> st = Files.list(HandReadings.corpus())) { files = st.sorted().toList(); }
        int posts = 0, quotes = 0;
        for (Path f : files) {
            Document d = HandReadings.pipeline().run(Readers.read(f.toAbsolutePath().normalize(), "auto"));
            posts += d.posts().size();
            quotes += d.quotes().size();
            // The stored edition is the JSON edition of the same analysis.
            try (Store store = Store.open(StoreTarget.parse(db.toString()), false)) {
                JsonNode stored = JsonWriter.mapper().readTree(store.edition(d.source().path()));
                assertEquals(JsonWriter.toJson(d), stored, f.toString());
            }
        }
        assertEquals(files.size(), s.stored());
        assertEquals(0, s.failed());
        assertTrue(posts > files.size(), "each thread has several posts");
        assertEquals(posts, CorpusFixture.count(db, "SELECT COUNT(*) FROM posts"));
        assertEquals(quotes, CorpusFixture.count(db, "SELECT COUNT(*) FROM quotes"));
        assertEquals(posts, s.posts());
        List<String> ids = CorpusFixture.indexIds(db.resolve("index"));
        assertEquals(posts + quotes, ids.size());
        assertEquals(ids.size(), new HashSet<>(ids).size(), "no Lucene document twice");
        assertEquals(1, CorpusFixture.count(db, "SELECT COUNT(*) FROM quotes WHERE speaker = 'Joseph Goebbels' AND work_title = 'Diaries' AND kind = 'passage'"));
    }

    @Test void reingestingUnchangedFilesChangesNothing() throws Exception {
        Path db = tmp.resolve("db");
        CorpusFixture.ingest(db, List.of(HandReadings.corpus()));
        List<String> rows = CorpusFixture.rows(db);
        List<String> ids = CorpusFixture.indexIds(db.resolve("index"));
        Ingest.Summary again = CorpusFixture.ingest(db, List.of(HandReadings.corpus()));
        assertEquals(0, again.stored() + again.replaced());
        assertEquals(5, again.unchanged());
        assertEquals(rows, CorpusFixture.rows(db));
        assertEquals(ids, CorpusFixture.indexIds(db.resolve("index")));
    }

    @Test void aChangedFileReplacesItsOldRowsAndIndexEntries() throws Exception {
        Path in = CorpusFixture.copyCorpus(tmp.resolve("in"));
        Path db = tmp.resolve("db");
        CorpusFixture.ingest(db, List.of(in));
        Path hastings = in.resolve("hastings-arrow.txt");
        String text = Files.readString(hastings);
        // Drop the last post (the only one naming Bernstein) and add a reply naming Wadard.
        int last = text.indexOf("Wulfstan\nJun 17 2007");
        String changed = text.substring(0, last) + "Odo of Bayeux\nJun 18 2007, 10:00 AM\nLook at the figure labelled Wadard: the tapestry names minor men too, so why not Harold's killer?\n";
        Files.writeString(hastings, changed, StandardCharsets.UTF_8);

        Ingest.Summary s = CorpusFixture.ingest(db, List.of(in));
        assertEquals(1, s.replaced());
        assertEquals(4, s.unchanged());
        String path = hastings.toAbsolutePath().normalize().toString();
        assertEquals(4, CorpusFixture.count(db, "SELECT COUNT(*) FROM posts WHERE path = '" + path + "'"));
        assertEquals(1, CorpusFixture.count(db, "SELECT COUNT(*) FROM posts WHERE author = 'Odo of Bayeux'"));
        assertEquals(1, CorpusFixture.count(db, "SELECT COUNT(*) FROM documents WHERE path = '" + path + "'"));
        try (Search search = Search.open(db.resolve("index"))) {
            assertEquals(0, search.search("Bernstein", Search.Filters.NONE, 10, false).total());
            Search.Result r = search.search("Wadard", Search.Filters.NONE, 10, false);
            assertEquals(1, r.total());
            assertEquals("Odo of Bayeux", r.hits().get(0).author());
            long rowsTotal = CorpusFixture.count(db, "SELECT (SELECT COUNT(*) FROM posts) + (SELECT COUNT(*) FROM quotes)");
            assertEquals(rowsTotal, search.size());
        }
    }

    @Test void badFilesAreReportedAndEverythingElseIsKept() throws Exception {
        Path in = CorpusFixture.copyCorpus(tmp.resolve("in"));
        Path db = tmp.resolve("db");
        CorpusFixture.ingest(db, List.of(in));
        long postsBefore = CorpusFixture.count(db, "SELECT COUNT(*) FROM posts");

        // A stored file that turns bad keeps its stored version; new bad files sort between good ones.
        Files.write(in.resolve("dresden-toll.txt"), new byte[0]);
        Files.write(in.resolve("e-binary.txt"), new byte[]{'P', 'K', 3, 4, 0, 0, 0, 20, 0, 8});
        Files.writeString(in.resolve("f-new-thread.txt"), "Ranke\n2011-05-01 10:00\nWie es eigentlich gewesen: show what actually happened.\n");
        java.util.List<String> messages = new java.util.ArrayList<>();
        Ingest.Summary s;
        try (Corpus c = Corpus.open(StoreTarget.parse(db.toString()), db.resolve("index"))) {
            s = new Ingest(c).pipeline(HandReadings.pipeline()).run(Ingest.expand(List.of(in, tmp.resolve("missing.txt"))), new Ingest.Listener() {
                @Override public void file(Path file, Ingest.Outcome o, String message, long bytes, int posts, int quotes) {
                    if (o == Ingest.Outcome.FAILED) messages.add(message);
                }
            });
        }
        assertEquals(3, s.failed(), messages.toString());
        assertEquals(1, s.stored());
        for (String m : messages) {
            assertFalse(m.contains("\n"), "one line: " + m);
            assertTrue(m.contains("dresden-toll.txt") || m.contains("e-binary.txt") || m.contains("missing.txt"), m);
        }
        assertEquals(postsBefore + 1, CorpusFixture.count(db, "SELECT COUNT(*) FROM posts"));
        assertEquals(5, CorpusFixture.count(db, "SELECT COUNT(*) FROM posts WHERE path LIKE '%dresden-toll.txt'"));
        assertEquals(3, CorpusFixture.count(db, "SELECT COUNT(*) FROM failures"));
        try (Search search = Search.open(db.resolve("index"))) {
            assertEquals(1, search.search("eigentlich", Search.Filters.NONE, 10, false).total());
            assertTrue(search.search("Vonnegut", Search.Filters.NONE, 10, false).total() > 0, "the kept version stays searchable");
        }
        Set<String> failed = new HashSet<>();
        for (String m : messages) failed.add(m.substring(m.lastIndexOf('/') + 1, m.indexOf(':')));
        assertEquals(Set.of("dresden-toll.txt", "e-binary.txt", "missing.txt"), failed);
    }

    @Test void anIndexLostOrBehindIsRebuiltFromTheStore() throws Exception {
        Path db = tmp.resolve("db");
        CorpusFixture.ingest(db, List.of(HandReadings.corpus()));
        List<String> ids = CorpusFixture.indexIds(db.resolve("index"));
        try (Stream<Path> st = Files.walk(db.resolve("index"))) {
            for (Path p : st.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
        try (Corpus c = Corpus.open(StoreTarget.parse(db.toString()), db.resolve("index"))) {
            assertEquals(5, c.index().committedSeq(), "every stored document re-indexed and committed");
        }
        assertEquals(ids, CorpusFixture.indexIds(db.resolve("index")));
    }
}
