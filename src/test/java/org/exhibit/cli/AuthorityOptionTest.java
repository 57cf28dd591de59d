package org.exhibit.cli;

import org.exhibit.authority.Authority;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class AuthorityOptionTest {
    @TempDir Path dir;

    @AfterEach void reset() { Authority.configure(null); }

    private record Run(int code, String out, String err) {}

    private Run run(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int code = Exhibit.commandLine().execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test void userEntriesReachTheJsonEdition() throws Exception {
        Path thread = dir.resolve("t.txt");
        Files.writeString(thread, "Kulikov addressed Bukharin at the meeting.\n");
        Path auth = dir.resolve("mine.tsv");
        Files.writeString(auth, "kulikov-ye\tperson\tYegor Kulikov\t1891-1943\ttrade union official\tKulikov\n");
        Run r = run("analyze", "--json", "--authority", auth.toString(), thread.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"name\" : \"Yegor Kulikov\""), r.out());
        assertTrue(r.out().contains("\"name\" : \"Nikolai Bukharin\""), r.out());
    }

    @Test void badAuthorityFileIsOneLine() throws Exception {
        Path thread = dir.resolve("t.txt");
        Files.writeString(thread, "Stalin spoke.\n");
        Path auth = dir.resolve("bad.tsv");
        Files.writeString(auth, "# mine\nx\tpeople\tSomeone\n");
        Run r = run("analyze", "--authority", auth.toString(), thread.toString());
        assertEquals(2, r.code());
        assertEquals("exhibit: " + auth + ":2: unknown type 'people' (person, place or organisation)", r.err().strip());
        assertEquals("", r.out());
    }
}
