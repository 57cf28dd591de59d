package org.exhibit.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** One bad file among good ones: a line for each bad file, exit code 1, and the good file still analysed. */
class AnalyzeBadInputTest {
    @TempDir Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
    private PrintStream savedOut, savedErr;

    @BeforeEach void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    @Test void badFilesAreReportedAndTheGoodOneIsAnalysed() throws Exception {
        Path good = dir.resolve("good.txt");
        try (InputStream in = getClass().getResourceAsStream("/threads/bbcode-thread.txt")) {
            Files.write(good, in.readAllBytes());
        }
        Path missing = dir.resolve("missing.txt");
        Path directory = Files.createDirectory(dir.resolve("folder"));
        Path empty = Files.write(dir.resolve("empty.txt"), new byte[0]);
        Path binary = Files.write(dir.resolve("photo.png"), new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        Path wrong = Files.writeString(dir.resolve("wrong.json"), "{\"foo\": 1}");
        List<Path> bad = List.of(missing, directory, empty, binary, wrong);

        int code = Exhibit.commandLine().execute("analyze", "--json", good.toString(), missing.toString(), directory.toString(),
                empty.toString(), binary.toString(), wrong.toString());

        assertEquals(1, code);
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        assertEquals(bad.size(), lines.size(), "one line per bad file:\n" + String.join("\n", lines));
        for (int i = 0; i < bad.size(); i++) {
            assertTrue(lines.get(i).startsWith("exhibit: " + bad.get(i) + ": "), lines.get(i));
            assertFalse(lines.get(i).contains("Exception"), lines.get(i));
        }
        assertTrue(lines.get(0).contains("no such file"));
        assertTrue(lines.get(1).contains("directory"));
        assertTrue(lines.get(2).contains("empty"));
        assertTrue(lines.get(3).contains("binary"));
        assertTrue(lines.get(4).contains("expected"));
        String json = out.toString(StandardCharsets.UTF_8);
        assertTrue(json.contains("\"format\" : \"bbcode\""), json);
        assertTrue(json.contains("\"author\" : \"Oleg P.\""), json);
    }
}
