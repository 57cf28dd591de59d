package org.exhibit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.exhibit.analysis.dates.DateFinder;
import org.exhibit.model.Document;
import org.exhibit.model.Marker;
import org.exhibit.model.Quote;
import org.exhibit.model.QuoteKind;
import org.exhibit.model.Span;
import org.exhibit.output.JsonWriter;
import org.exhibit.read.Readers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TimelineCommandTest {
    @TempDir Path dir;

    static CliRun run(String... args) { return CliRun.of(args); }

    Path thread() throws Exception {
        Path f = dir.resolve("purges.txt");
        Files.writeString(f, """
                Grigori
                14th March 2006, 21:40
                The trials ran from 1936 to 1938.
                On September 23, 1936 the mines exploded. Three days later, Yagoda was moved.
                Back in the spring of 1931 Smirnov met Sedov in Berlin, and the opposition was beaten in December 1927.

                Boris
                15th March 2006, 08:00
                Three days later, he says? Later than what?
                """);
        return f;
    }

    @Test
    void printsDatesInChronologicalOrderWithTheirSentences() throws Exception {
        CliRun r = run("timeline", thread().toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = new ArrayList<>(r.out().lines().toList());
        assertTrue(lines.get(0).contains("purges.txt"), lines.get(0));
        List<String> order = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) order.add(l.strip().split("\\s+")[0]);
        assertEquals(List.of("1927-12", "1931-SP", "1936/1938", "1936-09-23", "1936-09-26", "2006-03-14T21:40", "2006-03-15T08:00", "?"), order);
        String sept = lines.stream().filter(l -> l.contains("\"Three days later\"") && l.contains("1936-09-26")).findFirst().orElseThrow();
        assertTrue(sept.contains("p1"), sept);
        assertTrue(sept.contains("Three days later, Yagoda was moved."), sept);
        assertTrue(sept.contains("[from \"September 23, 1936\"]"), sept);
        String spring = lines.stream().filter(l -> l.contains("1931-SP")).findFirst().orElseThrow();
        assertTrue(spring.contains("Back in the spring of 1931 Smirnov met Sedov"), spring);
    }

    @Test
    void jsonListsValueTextPostQuoteSentenceAndAnchor() throws Exception {
        CliRun r = run("timeline", "--json", thread().toString());
        assertEquals(0, r.code(), r.err());
        JsonNode root = JsonWriter.mapper().readTree(r.out());
        JsonNode dates = root.path("dates");
        assertEquals(8, dates.size());
        JsonNode first = dates.get(0);
        assertEquals("1927-12", first.path("value").asText());
        assertEquals("December 1927", first.path("text").asText());
        assertEquals("p1", first.path("post").asText());
        assertTrue(first.path("quote").isNull());
        assertTrue(first.path("sentence").asText().startsWith("Back in the spring of 1931"));
        JsonNode last = dates.get(dates.size() - 1);
        assertTrue(last.path("value").isNull(), "an unresolved relative date comes last");
        JsonNode later = dates.get(4);
        assertEquals("September 23, 1936", later.path("anchor").path("text").asText());
    }

    @Test
    void entriesNameTheSmallestQuoteAroundEachDate() throws Exception {
        String text = "Nadia\n2nd May 2011, 18:30\nHe cited Pritt: 'The trial of January 1937 was fair, as I said in \"my notes of "
                + "February 1937\".' I disagree about 1937.\n";
        Document doc = Readers.read("t.txt", text.getBytes(StandardCharsets.UTF_8), "text");
        int outer = doc.text().indexOf("The trial"), inner = doc.text().indexOf("my notes");
        doc.quotes().add(new Quote("q1", "p1", new Span(outer, doc.text().indexOf("\".'") + 2), QuoteKind.PASSAGE, Marker.SINGLE, null, null));
        doc.quotes().add(new Quote("q2", "p1", new Span(inner, doc.text().indexOf("1937\"") + 4), QuoteKind.PASSAGE, Marker.DOUBLE, null, null));
        new DateFinder().apply(doc);
        List<String> rows = new ArrayList<>();
        for (TimelineCommand.Entry e : TimelineCommand.entries(doc))
            rows.add(e.date().text() + "|" + e.post() + "|" + e.quote());
        assertEquals(List.of("1937|p1|null", "January 1937|p1|q1", "February 1937|p1|q2", "2nd May 2011, 18:30|p1|null"), rows);
    }

    @Test
    void unreadableFileIsOneLineAndExitCodeOne() throws Exception {
        CliRun r = run("timeline", dir.resolve("missing.txt").toString(), thread().toString());
        assertEquals(1, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("missing.txt: no such file"), r.err());
        assertTrue(r.out().contains("1936-09-23"), "the other file is still shown");
    }

    @Test
    void durationsAndSetsAreListedAfterThePointsAndARangeIsOneEntry() throws Exception {
        Path f = dir.resolve("report.txt");
        Files.writeString(f, """
                Newswire
                6th May 1999
                The strike lasted three weeks and the union meets every month. He served between 1994 and 1997, and on Oct. 23 he left.
                """);
        CliRun r = run("timeline", f.toString());
        assertEquals(0, r.code(), r.err());
        List<String> order = new ArrayList<>();
        for (String l : r.out().lines().skip(1).toList()) order.add(l.strip().split("\\s+")[0]);
        assertEquals(List.of("1994/1997", "1998-10-23", "1999-05-06", "P3W", "P1M"), order, r.out());
        assertTrue(r.out().contains("P3W (duration)"), r.out());
        assertTrue(r.out().contains("P1M (set)"), r.out());
        assertTrue(r.out().contains("\"between 1994 and 1997\""), r.out());
    }
}
