package org.exhibit.analysis.reuse;

import org.exhibit.analysis.reuse.Library;
import org.exhibit.model.*;
import org.exhibit.read.BoardTextReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class LibraryVerifierTest {
    static final String MINES = "Title: Notes from the Copper Mines\nAuthor: Harold Wynne\nYear: 1937\n\n"
            + "When I came to the Kalata works in the spring of 1929 the smelter had been idle for eleven weeks. The manager, a "
            + "former locksmith named Grebnev, told me frankly that he did not understand a single drawing in the office, and "
            + "that he relied on two old engineers whom the local committee distrusted.\n\n"
            + "On my second morning I found the main conveyor belt cut clean through in three places. Nobody on the night shift "
            + "had seen anything, and the foreman shrugged and said that such things happened every month. I have never been "
            + "able to decide whether it was malice, drunkenness or simple carelessness, but I know that it cost the works "
            + "nine days of production.\n\n"
            + "The commission from Moscow arrived in June. Its members were polite, asked many questions about the furnaces, "
            + "and went away again without writing anything down. I was told later that their report praised the manager for "
            + "his vigilance.";
    static final String LETTERS = "Title: Letters from Tiflis\nAuthor: Mary Aldous\n\n"
            + "The town is full of soldiers and of rumours. Every evening the cafés on the Golovinsky are crowded with men "
            + "arguing about the harvest, the railway and the price of bread, and every morning the newspapers contradict "
            + "whatever was said the evening before.";

    static Library lib;

    @BeforeAll static void library(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("wynne-copper-mines.txt"), MINES);
        Files.writeString(dir.resolve("aldous.txt"), LETTERS);
        Files.writeString(dir.resolve("README.md"), "not a text of the library");
        lib = Library.load(dir);
    }

    /** A one-post thread where each passage is marked as a quote. */
    static Document thread(String... passages) {
        StringBuilder sb = new StringBuilder("Vasko\n3rd May 2005, 18:20\nHere is what the book says.\n");
        int[][] at = new int[passages.length][];
        for (int i = 0; i < passages.length; i++) {
            sb.append("QUOTE\n");
            at[i] = new int[]{sb.length(), sb.length() + passages[i].length()};
            sb.append(passages[i]).append("\nQUOTE\nSo much for that.\n");
        }
        String text = sb.toString();
        Document d = new Document(new Source("t.txt", "text", "0"), text, BoardTextReader.posts(text));
        for (int i = 0; i < passages.length; i++)
            d.quotes().add(new Quote("q" + (i + 1), "p1", new Span(at[i][0], at[i][1]), QuoteKind.PASSAGE, Marker.QUOTE_HEADER, null, null));
        return d;
    }

    @Test void metadataAndFilesAreRead() {
        assertEquals(2, lib.works().size());
        Library.Work w = lib.works().stream().filter(x -> x.title().equals("Notes from the Copper Mines")).findFirst().orElseThrow();
        assertEquals("Harold Wynne", w.author());
        assertEquals(1937, w.year());
        assertEquals("When", w.words().text().substring(w.words().start(0), w.words().end(0)));
    }

    @Test void accurateCutAlteredAndNotFound() {
        Document d = thread(
                "\"On my second morning I found the main conveyor belt cut clean through in three places. Nobody on the night shift had seen anything.\"",
                "When I came to the Kalata works in the spring of 1929 the smelter had been idle for eleven weeks ... he relied on two old engineers whom the local committee distrusted.",
                "On my second morning I found the main conveyor belt deliberately cut through in three places. Nobody on the night shift had seen anything, and the foreman laughed and said that such things happened every week.",
                "The peasants of the district had hidden their grain in the forest and refused to deliver a single pood to the collectors.");
        List<LibraryVerifier.Result> r = new LibraryVerifier(lib).verify(d);
        assertEquals(4, r.size());

        assertEquals("accurate", r.get(0).verdict(), r.get(0).differences().toString());
        assertEquals("Notes from the Copper Mines", r.get(0).work().title());
        assertEquals("Notes from the Copper Mines", d.quote("q1").work().title());
        assertEquals("Harold Wynne", d.quote("q1").work().author());

        assertEquals("cut", r.get(1).verdict(), r.get(1).differences().toString());
        assertTrue(r.get(1).differences().get(0).startsWith("cut, marked:"), r.get(1).differences().toString());
        assertTrue(r.get(1).differences().get(0).contains("The manager, a former locksmith"), r.get(1).differences().toString());
        assertTrue(d.quote("q2").flags().isEmpty());

        assertEquals("altered", r.get(2).verdict());
        String diffs = String.join("\n", r.get(2).differences());
        assertTrue(diffs.contains("deliberately") && diffs.contains("clean"), diffs);
        assertTrue(diffs.contains("laughed") && diffs.contains("shrugged"), diffs);
        assertTrue(diffs.contains("week") && diffs.contains("month"), diffs);
        assertEquals("misquotation", d.quote("q3").flags().get(0).type());

        assertEquals("not found", r.get(3).verdict());
        assertNull(r.get(3).work());
        assertNull(d.quote("q4").work());
    }

    @Test void editorialInsertionsAndTypographyAreNotAlterations() {
        Document d = thread("‘The commission from Moscow arrived in June. Its members [of the Heavy Industry commissariat – ed.] were polite, "
                + "asked many questions about the furnaces, and went away again without writing anything down.’");
        LibraryVerifier.Result r = new LibraryVerifier(lib).verify(d).get(0);
        assertEquals("accurate", r.verdict(), r.differences().toString());
        assertTrue(r.differences().get(0).startsWith("editorial insertion"));
    }

    @Test void unmarkedPastedParagraphIsFound() {
        String text = "Vasko\n3rd May 2005, 18:20\nThe town is full of soldiers and of rumours. Every evening the cafés on the "
                + "Golovinsky are crowded with men arguing about the harvest, the railway and the price of bread.\nNobody here reads it.\n";
        Document d = new Document(new Source("t.txt", "text", "0"), text, BoardTextReader.posts(text));
        List<LibraryVerifier.Result> r = new LibraryVerifier(lib).verifyUnquoted(d);
        assertEquals(1, r.size());
        assertEquals("Letters from Tiflis", r.get(0).work().title());
        assertEquals("accurate", r.get(0).verdict());
    }

    @Test void htmlTeiAndEpubWorksAreRead(@TempDir Path dir) throws Exception {
        String p1 = "The harvest of that year was poor in the south, and the collectors took the seed grain as well as the rest.";
        String p2 = "No telegram reached the station for three days, and the stationmaster refused to let the train go on.";
        String p3 = "The bridge over the river had been mined twice, and twice the charges had failed to go off in the frost.";
        Files.writeString(dir.resolve("a.html"), "<html><head><title>Southern Diaries</title><meta name=author content='Anna Petrova'></head>"
                + "<body><p>" + p1 + "</p></body></html>");
        Files.writeString(dir.resolve("b.xml"), "<TEI><teiHeader><fileDesc><titleStmt><title>Railway Notes</title><author>I. Kern</author>"
                + "</titleStmt></fileDesc></teiHeader><text><body><p>" + p2 + "</p></body></text></TEI>");
        try (var z = new java.util.zip.ZipOutputStream(Files.newOutputStream(dir.resolve("c.epub")))) {
            z.putNextEntry(new java.util.zip.ZipEntry("OEBPS/content.opf"));
            z.write(("<package><metadata xmlns:dc='http://purl.org/dc/elements/1.1/'><dc:title>Winter Front</dc:title>"
                    + "<dc:creator>Oleg Marr</dc:creator></metadata><manifest><item id='c1' href='ch1.xhtml'/></manifest>"
                    + "<spine><itemref idref='c1'/></spine></package>").getBytes());
            z.putNextEntry(new java.util.zip.ZipEntry("OEBPS/ch1.xhtml"));
            z.write(("<html><body><p>" + p3 + "</p></body></html>").getBytes());
        }
        Library l = Library.load(dir);
        assertEquals(3, l.works().size());
        Document d = thread(p1, p2, p3);
        List<LibraryVerifier.Result> r = new LibraryVerifier(l).verify(d);
        assertEquals(List.of("Southern Diaries", "Railway Notes", "Winter Front"), r.stream().map(x -> x.work().title()).toList());
        assertEquals(List.of("Anna Petrova", "I. Kern", "Oleg Marr"), r.stream().map(x -> x.work().author()).toList());
        for (LibraryVerifier.Result x : r) assertEquals("accurate", x.verdict());
    }
}
