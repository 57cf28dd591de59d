package org.exhibit.read;

import com.github.luben.zstd.ZstdOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.exhibit.model.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.*;

/** Compressed inputs read like the plain file; decompression bombs are refused with one line. */
class CompressedTest {
    static final String THREAD = """
            {"id":"c1","author":"Marten","body":"Pritt was at the trial and wrote of it in his book.","created_utc":1081764900,"parent_id":"t3_x1","link_id":"t3_x1"}
            {"id":"c2","author":"Iris","body":"> Pritt was at the trial\\n\\nHe was a lawyer for the defence of nobody.","created_utc":1081768500,"parent_id":"t1_c1","link_id":"t3_x1"}
            """;

    static Path write(Path file, byte[] data) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
             OutputStream out = file.toString().endsWith(".zst") ? new ZstdOutputStream(raw)
                     : file.toString().endsWith(".gz") ? new GZIPOutputStream(raw)
                     : file.toString().endsWith(".bz2") ? new BZip2CompressorOutputStream(raw) : raw) {
            out.write(data);
        }
        return file;
    }

    @Test void zstGzipAndBzip2ReadLikeThePlainFile(@TempDir Path dir) throws Exception {
        Document plain = Readers.read(write(dir.resolve("t.ndjson"), THREAD.getBytes(StandardCharsets.UTF_8)), "auto");
        assertEquals(2, plain.posts().size());
        for (String ext : new String[]{".zst", ".gz", ".bz2"}) {
            Path f = write(dir.resolve("t.ndjson" + ext), THREAD.getBytes(StandardCharsets.UTF_8));
            Document d = Readers.read(f, "auto");
            assertEquals(plain.text(), d.text(), ext);
            assertEquals(plain.posts(), d.posts(), ext);
            assertEquals("ndjson", d.source().format());
            assertEquals(f.toString(), d.source().path());
            assertEquals(1, d.quotes().size(), ext); // the > quote of the reply
        }
    }

    @Test void bytesHandedOverWholeAreDecompressedToo(@TempDir Path dir) throws Exception {
        // as the Spark job hands a file over: name and bytes
        Path f = write(dir.resolve("t.ndjson.bz2"), THREAD.getBytes(StandardCharsets.UTF_8));
        Document d = Readers.read(f.toString(), Files.readAllBytes(f), "auto");
        assertEquals(2, d.posts().size());
        // already decompressed bytes under a compressed name are read as they are
        assertEquals(2, Readers.read(f.toString(), THREAD.getBytes(StandardCharsets.UTF_8), "auto").posts().size());
    }

    @Test void aCorruptArchiveIsOneLine(@TempDir Path dir) throws Exception {
        Path f = Files.write(dir.resolve("broken.txt.gz"), "this was never gzip".getBytes(StandardCharsets.UTF_8));
        InputException e = assertThrows(InputException.class, () -> Readers.read(f, "auto"));
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test void aGigabyteOfZerosIsRefusedByItsRatio(@TempDir Path dir) throws Exception {
        Path bomb = dir.resolve("RC_bomb.ndjson.zst");
        byte[] zeros = new byte[1 << 20];
        try (OutputStream out = new ZstdOutputStream(Files.newOutputStream(bomb))) {
            for (int i = 0; i < 1024; i++) out.write(zeros);
        }
        assertTrue(Files.size(bomb) < 1 << 20, "1 GB of zeros compresses to a few KB");
        InputException e = assertThrows(InputException.class, () -> Readers.read(bomb, "auto"));
        assertTrue(e.getMessage().startsWith(bomb + ": decompresses more than 200 times its size"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test void theSizeLimitNamesTheFileAndTheLimit(@TempDir Path dir) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() < 3 << 20; i++) sb.append("Post ").append(i).append(": the commission bought mine-hoists abroad in ").append(1900 + i % 100).append(".\n");
        Path f = write(dir.resolve("big.txt.gz"), sb.toString().getBytes(StandardCharsets.UTF_8));
        IOException e = assertThrows(IOException.class, () -> {
            try (var in = Compressed.open(f, 1 << 20, 1000)) { in.transferTo(OutputStream.nullOutputStream()); }
        });
        assertEquals(f + ": decompresses to more than 1 MB (limit: -Dexhibit.maxDecompressed=BYTES, or --max-decompressed)", e.getMessage());
        // under a large enough limit the same file reads
        try (var in = Compressed.open(f, 8 << 20, 1000)) { assertEquals(sb.length(), in.readAllBytes().length); }
    }
}
