package org.exhibit.analysis;

import org.exhibit.authority.Authority;
import org.exhibit.model.Document;
import org.exhibit.model.Entity;
import org.exhibit.read.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class AnalysisTest {
    @TempDir Path dir;

    static final String THREAD = "Lena Orlova\n3rd March 2011, 10:20\nIn his memoir the engineer Vasko Merlin wrote:\n"
            + "\"The hoists were ordered twice, and nobody would say who signed.\"\nThat was in 1931.\n";

    @Test void theFacadeReadsAndAnalysesAFile() throws Exception {
        Path f = dir.resolve("thread.txt");
        Files.writeString(f, THREAD);
        Document d = Analysis.analyze(f);
        assertEquals(1, d.posts().size());
        assertFalse(d.quotes().isEmpty());
        assertFalse(d.dates().isEmpty(), "the whole standard pipeline ran");
    }

    @Test void theConfiguredAuthorityIsTheOneResolvedAgainst() throws Exception {
        Path tsv = dir.resolve("mine.tsv");
        Files.writeString(tsv, "merlin-v\tperson\tVasko Merlin\t1890-1950\tmining engineer\tMerlin\n");
        Authority mine = Authority.builtIn().extend(tsv);
        byte[] bytes = THREAD.getBytes(StandardCharsets.UTF_8);
        Document with = Analysis.with(new AnalysisConfig(mine)).run("t.txt", bytes, "auto");
        Document without = Analysis.with(new AnalysisConfig(Authority.builtIn())).run("t.txt", bytes, "auto");
        assertTrue(with.entities().stream().map(Entity::years).anyMatch("1890-1950"::equals), with.entities().toString());
        assertTrue(without.entities().stream().map(Entity::years).noneMatch("1890-1950"::equals), without.entities().toString());
    }

    @Test void aBadInputIsOneExceptionNamingIt() {
        InputException e = assertThrows(InputException.class,
                () -> Analysis.with(AnalysisConfig.DEFAULT).run(dir.resolve("missing.txt"), "auto"));
        assertTrue(e.getMessage().contains("missing.txt"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
}
