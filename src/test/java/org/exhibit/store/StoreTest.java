package org.exhibit.store;

import org.exhibit.model.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class StoreTest {
    @TempDir Path tmp;

    @Test void targetsAreDirectoriesOrPostgresUrls() {
        StoreTarget dir = StoreTarget.parse(tmp.resolve("corpus").toString());
        assertEquals("jdbc:sqlite:" + tmp.resolve("corpus").resolve("corpus.db"), dir.jdbcUrl());
        assertFalse(dir.isPostgres());

        StoreTarget pg = StoreTarget.parse("postgresql://ed%40tor:s3cr%3At@db.example:5433/board?sslmode=disable");
        assertEquals("jdbc:postgresql://db.example:5433/board?sslmode=disable", pg.jdbcUrl());
        assertEquals("ed@tor", pg.properties().getProperty("user"));
        assertEquals("s3cr:t", pg.properties().getProperty("password"));
        assertTrue(pg.isPostgres());
        assertFalse(pg.display().contains("s3cr"));

        assertEquals("jdbc:postgresql://localhost/exhibit", StoreTarget.parse("postgres:///exhibit").jdbcUrl());
        assertThrows(IllegalArgumentException.class, () -> StoreTarget.parse("jdbc:mysql://x/y"));
    }

    @Test void rowsKeepCodePointOffsetsAndReplaceTheOldVersion() throws Exception {
        // An emoji (two UTF-16 chars) before the quote: stored offsets count it once, as the JSON edition does.
        String text = "Mira\n2015-04-02 12:00\n\uD83D\uDCDA Orwell wrote \"All animals are equal\" in 1945.\n";
        Document doc = doc(text, "sha-1");
        int qs = text.indexOf("All animals"), qe = text.indexOf("\" in");
        Quote q = new Quote("q1", "p1", new Span(qs, qe), QuoteKind.PASSAGE, Marker.DOUBLE, null, null);
        q.speaker(new Speaker("George Orwell", "Orwell", null, null, 0.8));
        q.work(new Work("Animal Farm", "George Orwell", 1945, null, null, 0.7));
        doc.quotes().add(q);
        try (Store store = Store.open(StoreTarget.parse(tmp.toString()), true)) {
            long seq1 = store.put(doc, 100);
            StoredDocument d = store.load("t.txt");
            assertEquals("sha-1", store.sha256("t.txt"));
            assertEquals(1, d.quotes().size());
            StoredDocument.QuoteRow row = d.quotes().get(0);
            assertEquals(qs - 1, row.start(), "code points, not chars");
            assertEquals("All animals are equal", row.text());
            assertEquals("George Orwell", row.speaker());
            assertEquals("Animal Farm", row.work());
            assertEquals("Mira", d.posts().get(0).author());

            long seq2 = store.put(doc(text.replace("1945", "1946"), "sha-2"), 101);
            assertTrue(seq2 > seq1);
            d = store.load("t.txt");
            assertEquals("sha-2", d.sha256());
            assertEquals(0, d.quotes().size(), "the old version's quote went with it");
            assertEquals(List.of("t.txt"), store.pathsAfter(seq1));
            assertEquals(List.of(), store.pathsAfter(seq2));
            Stats s = store.stats(3);
            assertEquals(1, s.documents());
            assertEquals(0, s.quotes());
        }
        // Reopening runs no migration twice.
        try (Store again = Store.open(StoreTarget.parse(tmp.toString()), false)) {
            assertEquals("sha-2", again.sha256("t.txt"));
        }
    }

    @Test void theBoardsPostIdsAndPermalinksAreStoredAndReadBack() throws Exception {
        Path f = tmp.resolve("ration.ndjson");
        java.nio.file.Files.writeString(f, String.join("\n",
                "{\"id\":\"t1_k3x9\",\"parent_id\":null,\"author\":\"Tamsin\",\"created_utc\":1420070400,"
                        + "\"permalink\":\"/r/history/comments/abc/ration/k3x9/\",\"body\":\"Bread was rationed in Leningrad from the first winter.\"}",
                "{\"id\":\"t1_k3y2\",\"parent_id\":\"t1_k3x9\",\"author\":\"Odo\",\"created_utc\":1420074000,"
                        + "\"body\":\"Only from November, as far as I know.\"}") + "\n");
        Document doc = org.exhibit.read.Readers.read(f, "auto");
        assertEquals("t1_k3x9", doc.posts().get(0).boardId());
        assertNotNull(doc.posts().get(0).url());
        try (Store store = Store.open(StoreTarget.parse(tmp.resolve("corpus").toString()), true)) {
            store.put(doc, 100);
            String path = doc.source().path();
            List<StoredDocument.PostRow> rows = store.load(path).posts();
            assertEquals(List.of("t1_k3x9", "t1_k3y2"), rows.stream().map(StoredDocument.PostRow::boardId).toList());
            assertEquals(doc.posts().get(0).url(), rows.get(0).url());
            assertNull(rows.get(1).url(), "no permalink in the input, none invented");
            Document back = store.document(path);
            assertEquals(doc.posts().stream().map(Post::boardId).toList(), back.posts().stream().map(Post::boardId).toList());
            assertEquals(doc.posts().get(0).url(), back.posts().get(0).url());
            assertEquals(doc.posts().get(1).replyTo(), back.posts().get(1).replyTo());
        }
    }

    @Test void openingAMissingCorpusForReadingSaysSo() {
        StoreException e = assertThrows(StoreException.class, () -> Store.open(StoreTarget.parse(tmp.resolve("nope").toString()), false));
        assertTrue(e.getMessage().contains("no corpus here"), e.getMessage());
    }

    private static Document doc(String text, String sha) {
        int body = text.indexOf('\n', text.indexOf('\n') + 1) + 1;
        Post p = new Post("p1", "Mira", "2015-04-02T12:00", new Span(body, text.length() - 1));
        return new Document(new Source("t.txt", "text", sha), text, List.of(p));
    }
}
