package org.exhibit.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** {@code exhibit serve} with arguments it cannot use: one line per problem, no stack trace, no server left running. */
class ServeCommandTest {
    record Run(int code, List<String> err) {}

    static Run serve(String... args) {
        PrintStream saved = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        int code;
        try {
            String[] all = new String[args.length + 1];
            all[0] = "serve";
            System.arraycopy(args, 0, all, 1, args.length);
            code = Exhibit.commandLine().execute(all);
        } finally {
            System.setErr(saved);
        }
        List<String> lines = buf.toString(StandardCharsets.UTF_8).lines().toList();
        for (String l : lines) {
            assertTrue(l.startsWith("exhibit: "), "not a one-line error: " + l);
            assertFalse(l.contains("Exception") || l.contains("\tat "), l);
        }
        return new Run(code, lines);
    }

    @Test void missingEmptyAndDirectoryArgumentsEachGetOneLine(@TempDir Path dir) throws Exception {
        Path empty = Files.createFile(dir.resolve("empty.txt"));
        Run r = serve("--port", "0", dir.resolve("missing.txt").toString(), empty.toString(), dir.toString());
        assertEquals(1, r.code());
        assertEquals(List.of("exhibit: " + dir.resolve("missing.txt") + ": no such file", "exhibit: " + empty + ": is empty",
                "exhibit: " + dir + ": is a directory; give the thread files inside it (e.g. " + dir + "/*.txt)",
                "exhibit: no thread could be read; nothing to serve"), r.err());
    }

    @Test void badDbDirectoriesAndOptions(@TempDir Path dir) throws Exception {
        Run none = serve("--port", "0", "--db", dir.resolve("nope").toString());
        assertEquals(1, none.code());
        assertEquals(List.of("exhibit: " + dir.resolve("nope") + ": no such directory"), none.err());
        Files.writeString(dir.resolve("x.exhibit.json"), "{ not json");
        Run broken = serve("--port", "0", "--db", dir.toString());
        assertEquals(1, broken.code());
        assertEquals(2, broken.err().size(), broken.err().toString());
        assertTrue(broken.err().get(0).startsWith("exhibit: " + dir.resolve("x.exhibit.json") + ": is not valid JSON"));
        assertEquals(2, serve().code());
        Run port = serve("--port", "70000", "x.txt");
        assertEquals(2, port.code());
        assertEquals(List.of("exhibit: --port 70000: not a port number (0-65535)"), port.err());
    }

    @Test void corpusAndUploadOptionsAreChecked(@TempDir Path dir) {
        Run notCorpus = serve("--port", "0", "--corpus", dir.toString());
        assertEquals(1, notCorpus.code());
        assertEquals(List.of("exhibit: " + dir + ": no corpus here (make one with 'exhibit ingest --db " + dir + " FILES')"), notCorpus.err());
        Run size = serve("--port", "0", "--max-upload-mb", "-1", "--store", dir.toString());
        assertEquals(2, size.code());
        assertEquals(List.of("exhibit: --max-upload-mb -1: give a size from 0 (no uploads) to 2000"), size.err());
    }

    @Test void aPortInUseIsReportedNotThrown(@TempDir Path dir) throws Exception {
        Path thread = Files.writeString(dir.resolve("t.txt"), "Somebody\n27th July 2003, 12:08\nA post.\n");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Run r = serve("--port", String.valueOf(taken.getLocalPort()), thread.toString());
            assertEquals(1, r.code());
            assertEquals(1, r.err().size(), r.err().toString());
            assertTrue(r.err().get(0).startsWith("exhibit: cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": "), r.err().get(0));
            assertTrue(r.err().get(0).endsWith("; choose another port with --port"), r.err().get(0));
        }
    }
}
