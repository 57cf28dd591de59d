package org.exhibit.cli;

import org.exhibit.index.Ingest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class ProgressTest {
    @Test void onATerminalTheBarIsRedrawnInPlaceAndBadFilesGetTheirOwnLine() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Progress p = new Progress(new PrintStream(buf, true, StandardCharsets.UTF_8), true, 10_000);
        p.started(3, 3000);
        p.file(Path.of("a.txt"), Ingest.Outcome.STORED, null, 1000, 7, 2);
        p.file(Path.of("b.txt"), Ingest.Outcome.FAILED, "b.txt: is empty", 1000, 0, 0);
        p.file(Path.of("c.txt"), Ingest.Outcome.STORED, null, 1000, 5, 0);
        p.finish();
        String out = buf.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains("\r[########################] 3/3 files 100%"), out);
        // The message starts a clean line: nothing before it, or a bar that was cleared.
        assertTrue(out.matches("(?s)(.*\r\u001b\\[K)?exhibit: b.txt: is empty\n.*"), out);
        assertTrue(out.contains("1 failed"), out);
        assertTrue(out.endsWith("\r\u001b[K"), "the bar is cleared at the end");
    }

    @Test void elsewherePlainLinesOnly() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Progress p = new Progress(new PrintStream(buf, true, StandardCharsets.UTF_8), false, 0);
        p.started(2, 2048);
        p.file(Path.of("a.txt"), Ingest.Outcome.STORED, null, 1024, 3, 1);
        p.file(Path.of("b.txt"), Ingest.Outcome.UNCHANGED, null, 1024, 0, 0);
        p.finish();
        String out = buf.toString(StandardCharsets.UTF_8);
        assertFalse(out.contains("\r") || out.contains("\u001b"), out);
        assertTrue(out.startsWith("ingest: 2 files, 2.0 KB\n"), out);
        assertTrue(out.contains("ingest: 2/2 files 100%"), out);
    }

    @Test void durationsAndSizesReadNaturally() {
        assertEquals("45s", Progress.duration(45));
        assertEquals("2m05s", Progress.duration(125));
        assertEquals("1h01m", Progress.duration(3660));
        assertEquals("1.5 MB", Progress.size(1572864));
    }
}
