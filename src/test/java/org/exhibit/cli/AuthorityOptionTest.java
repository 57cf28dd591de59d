package org.exhibit.cli;

import org.exhibit.authority.Authority;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class AuthorityOptionTest {
    @TempDir Path dir;

    @AfterEach void reset() { Authority.configure(null); }

    static CliRun run(String... args) { return CliRun.of(args); }

    @Test void userEntriesReachTheJsonEdition() throws Exception {
        Path thread = dir.resolve("t.txt");
        Files.writeString(thread, "Kulikov addressed Bukharin at the meeting.\n");
        Path auth = dir.resolve("mine.tsv");
        Files.writeString(auth, "kulikov-ye\tperson\tYegor Kulikov\t1891-1943\ttrade union official\tKulikov\n");
        CliRun r = run("analyze", "--json", "--authority", auth.toString(), thread.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("\"name\" : \"Yegor Kulikov\""), r.out());
        assertTrue(r.out().contains("\"name\" : \"Nikolai Bukharin\""), r.out());
    }

    @Test void badAuthorityFileIsOneLine() throws Exception {
        Path thread = dir.resolve("t.txt");
        Files.writeString(thread, "Stalin spoke.\n");
        Path auth = dir.resolve("bad.tsv");
        Files.writeString(auth, "# mine\nx\tpeople\tSomeone\n");
        CliRun r = run("analyze", "--authority", auth.toString(), thread.toString());
        assertEquals(2, r.code());
        assertEquals("exhibit: " + auth + ":2: unknown type 'people' (person, place or organisation)", r.err().strip());
        assertEquals("", r.out());
    }
}
