package org.exhibit.read;

import org.exhibit.model.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** Files that are not a readable thread are refused with one line naming them; legacy encodings are decoded. */
class BadInputTest {
    @TempDir Path dir;

    static final String ENGLISH = "Cassius Clay\n27th July 2003, 12:08\n"
            + "Davies wrote in \u2018Mission to Moscow\u2019 that the defendants\u2019 confessions were \u201cbeyond a reasonable doubt\u201d \u2014 "
            + "a judgement the caf\u00e9 historians of Paris never forgave him. The trials were, he said, \u2026 fair.\n"
            + "Pritt agreed; he thought the prisoners looked well and spoke freely, even at length.\n";
    static final String RUSSIAN = "Иван Петров\n16.06.2007 14:19\n"
            + "Процесс над Бухариным начался в марте тысяча девятьсот тридцать восьмого года. Подсудимые признали свою вину, "
            + "и многие наблюдатели, в том числе американский посол Дэвис, сочли эти признания искренними. "
            + "Однако после смерти Сталина все обвиняемые были реабилитированы, кроме Ягоды.\n";

    @Test void cp1252TextIsDecoded() throws Exception {
        Document doc = read("thread-1252.txt", ENGLISH.getBytes(Charset.forName("windows-1252")));
        assertEquals(ENGLISH, doc.text());
        assertEquals("Cassius Clay", doc.posts().get(0).author());
    }

    @Test void koi8rTextIsDecoded() throws Exception {
        Document doc = read("thread-koi8.txt", RUSSIAN.getBytes(Charset.forName("KOI8-R")));
        assertEquals(RUSSIAN, doc.text());
        assertEquals("Иван Петров", doc.posts().get(0).author());
        assertEquals("2007-06-16T14:19", doc.posts().get(0).published());
    }

    @Test void utf16WithBomIsDecoded() throws Exception {
        byte[] body = ENGLISH.getBytes(Charset.forName("UTF-16LE"));
        byte[] b = new byte[body.length + 2];
        b[0] = (byte) 0xFF; b[1] = (byte) 0xFE;
        System.arraycopy(body, 0, b, 2, body.length);
        assertEquals(ENGLISH, read("utf16.txt", b).text());
    }

    @Test void pngIsRefused() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0};
        assertRefused("scan.png", png, "binary");
    }

    @Test void elfIsRefused() {
        byte[] elf = new byte[256];
        elf[0] = 0x7f; elf[1] = 'E'; elf[2] = 'L'; elf[3] = 'F'; elf[4] = 2; elf[5] = 1; elf[6] = 1;
        assertRefused("a.out", elf, "binary");
    }

    @Test void emptyAndBlankAreRefused() {
        assertRefused("empty.txt", new byte[0], "empty");
        assertRefused("blank.txt", " \n\t\n".getBytes(), "white space");
    }

    @Test void missingAndDirectoryAreRefused() throws Exception {
        InputException missing = assertThrows(InputException.class, () -> Readers.read(dir.resolve("nope.txt"), "auto"));
        assertEquals(dir.resolve("nope.txt") + ": no such file", missing.getMessage());
        Path sub = Files.createDirectory(dir.resolve("thread"));
        InputException d = assertThrows(InputException.class, () -> Readers.read(sub, "auto"));
        assertTrue(d.getMessage().startsWith(sub + ": is a directory"), d.getMessage());
    }

    @Test void unknownFormatIsRefused() {
        InputException e = assertThrows(InputException.class, () -> Readers.read("t.txt", "hello".getBytes(), "pdf"));
        assertTrue(e.getMessage().contains("unknown format 'pdf'") && e.getMessage().contains("bbcode"), e.getMessage());
    }

    private Document read(String name, byte[] bytes) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, bytes);
        return Readers.read(f, "auto");
    }

    private void assertRefused(String name, byte[] bytes, String expected) {
        InputException e = assertThrows(InputException.class, () -> read(name, bytes));
        assertTrue(e.getMessage().startsWith(dir.resolve(name) + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }
}
