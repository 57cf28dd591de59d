package org.exhibit.web;

import org.exhibit.model.Document;
import org.exhibit.output.JsonWriter;
import org.exhibit.read.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ThreadStoreTest {
    @Test void idsComeFromFileNamesAreUrlSafeAndUnique() {
        ThreadStore s = new ThreadStore();
        Document d = WebFixtures.read("t.txt", "Just a line of text.");
        assertEquals("show-trials-thread", s.add("show-trials-thread.txt", d).id());
        assertEquals("show-trials-thread-2", s.add("show-trials-thread.html", d).id());
        assertEquals("passwd", s.add("../../etc/passwd", d).id());
        assertEquals("script-alert-1-b", s.add("<script>alert(1) <b>.txt", d).id());
        assertEquals("thread", s.add("....", d).id());
        assertEquals("unicode-thread", s.add("Ünïcöde Thread.md", d).id());
        assertEquals("pokazatel-nye-processy", s.add("Показательные процессы.txt", d).id());
        for (ThreadStore.Entry e : s.all()) assertTrue(ThreadStore.ID.matcher(e.id()).matches(), e.id());
    }

    @Test void filesThatCannotBeReadAreReportedOnOneLineEach(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.txt");
        Files.writeString(good, WebFixtures.THREAD);
        Path empty = Files.createFile(dir.resolve("empty.txt"));
        List<String> errors = new ArrayList<>();
        ThreadStore s = new ThreadStore();
        assertEquals(1, s.addFiles(List.of(good, dir.resolve("missing.txt"), empty, dir), "auto", errors::add));
        assertEquals(3, errors.size(), errors.toString());
        assertTrue(errors.get(0).endsWith("missing.txt: no such file"), errors.get(0));
        assertTrue(errors.get(1).endsWith("empty.txt: is empty"), errors.get(1));
        assertTrue(errors.get(2).contains(": is a directory"), errors.get(2));
        for (String e : errors) assertFalse(e.contains("\n"), e);
        assertEquals(2, s.get("good").edition().withArray("posts").size());
    }

    @Test void dbDirectoryServesTheEditionsAnalyzeWrote(@TempDir Path dir) throws Exception {
        Document d = WebFixtures.annotated();
        try (Writer w = Files.newBufferedWriter(dir.resolve("ambassador.txt.exhibit.json"), StandardCharsets.UTF_8)) { JsonWriter.write(d, w); }
        Files.writeString(dir.resolve("broken.exhibit.json"), "{\"text\": ");
        Files.writeString(dir.resolve("array.exhibit.json"), "[1, 2]");
        Files.writeString(dir.resolve("notes.txt"), "not an edition");
        List<String> errors = new ArrayList<>();
        ThreadStore s = new ThreadStore();
        assertEquals(1, s.addDirectory(dir, errors::add));
        assertEquals(JsonWriter.toJson(d), s.get("ambassador").edition());
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("array.exhibit.json: is not an Exhibit edition")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("broken.exhibit.json: is not valid JSON")), errors.toString());
    }

    @Test void unusableDbDirectoriesAreErrors(@TempDir Path dir) throws Exception {
        ThreadStore s = new ThreadStore();
        assertTrue(assertThrows(InputException.class, () -> s.addDirectory(dir.resolve("nope"), e -> {})).getMessage().endsWith("nope: no such directory"));
        assertTrue(assertThrows(InputException.class, () -> s.addDirectory(dir, e -> {})).getMessage().contains("holds no *.exhibit.json editions"));
        Path file = Files.writeString(dir.resolve("a.txt"), "x");
        assertTrue(assertThrows(InputException.class, () -> s.addDirectory(file, e -> {})).getMessage().contains("is not a directory"));
    }
}
