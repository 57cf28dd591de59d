package org.exhibit.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.exhibit.read.Compressed;
import org.exhibit.read.InputException;
import org.exhibit.read.ThreadKeys;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Cuts an NDJSON comment dump (plain or compressed) into threads as {@link ThreadKeys} says, streaming: the lines
 * are spilled into hash buckets on disk, then each bucket is grouped in memory, so memory holds one bucket, not
 * the dump. A dump of a single thread is left whole.
 */
final class Dumps {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int BUCKETS = 64;

    /** One thread of a dump: its document name ({@code dump#thread}), its lines and the format to read them with. */
    record Thread(String name, byte[] bytes, String format) {}

    interface Sink { void accept(Thread t) throws IOException, java.sql.SQLException; }

    private Dumps() {}

    /**
     * Sends each thread of the dump to the sink and returns how many; returns 0 (sending nothing) when the dump
     * holds one thread, which is then read whole like any file.
     */
    static int split(Path dump, String name, Sink sink) throws InputException, IOException, java.sql.SQLException {
        Path dir = Files.createTempDirectory("exhibit-dump-");
        try {
            BufferedWriter[] out = new BufferedWriter[BUCKETS];
            Set<String> keys = new HashSet<>();
            try (InputStream raw = Compressed.open(dump);
                 BufferedReader in = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8), 1 << 16)) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.isBlank()) continue;
                    String key = key(line);
                    if (keys.size() < 2) keys.add(key);
                    int b = Math.floorMod(key.hashCode(), BUCKETS);
                    if (out[b] == null) out[b] = Files.newBufferedWriter(dir.resolve("b" + b), StandardCharsets.UTF_8);
                    out[b].write(key.replace('\t', ' ').replace('\n', ' ').replace('\r', ' '));
                    out[b].write('\t');
                    out[b].write(line);
                    out[b].write('\n');
                }
            } catch (Compressed.Bomb e) {
                throw new InputException(e.getMessage());
            } finally {
                for (BufferedWriter w : out) if (w != null) w.close();
            }
            if (keys.size() < 2 && keys.stream().noneMatch(k -> k.startsWith("T"))) return 0;
            int n = 0;
            for (int b = 0; b < BUCKETS; b++) {
                Path f = dir.resolve("b" + b);
                if (!Files.exists(f)) continue;
                Map<String, StringBuilder> groups = new LinkedHashMap<>();
                try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                    String l;
                    while ((l = r.readLine()) != null) {
                        int tab = l.indexOf('\t');
                        groups.computeIfAbsent(l.substring(0, tab), k -> new StringBuilder()).append(l, tab + 1, l.length()).append('\n');
                    }
                }
                Files.delete(f);
                for (Map.Entry<String, StringBuilder> g : groups.entrySet()) {
                    String key = g.getKey();
                    String lines = g.getValue().toString();
                    g.setValue(null);
                    if (key.startsWith("T")) {
                        // whole-thread records: each is a document of its own
                        int i = 0;
                        for (String line : lines.split("\n")) {
                            JsonNode o = JSON.readTree(line);
                            String id = name + "#" + key.substring(1) + (i++ == 0 ? "" : "~" + i);
                            sink.accept(new Thread(id, o.get("text").asText().getBytes(StandardCharsets.UTF_8), ThreadKeys.recordFormat(o)));
                            n++;
                        }
                    } else {
                        sink.accept(new Thread(name + "#" + key.substring(1), lines.getBytes(StandardCharsets.UTF_8), "auto"));
                        n++;
                    }
                }
            }
            return n;
        } finally {
            try (Stream<Path> s = Files.walk(dir)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The group of a line, prefixed C (comments of a thread) or T (a whole-thread record). */
    private static String key(String line) {
        JsonNode o;
        try {
            o = JSON.readTree(line);
        } catch (IOException e) {
            return "C" + ThreadKeys.NOT_JSON;
        }
        if (o == null || !o.isObject()) return "C" + ThreadKeys.NOT_JSON;
        String thread = ThreadKeys.thread(o);
        if (thread != null) return "C" + thread;
        if (ThreadKeys.isWholeThread(o)) return "T" + ThreadKeys.recordId(o, line);
        return "C" + ThreadKeys.NO_THREAD;
    }
}
