package org.exhibit.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a corpus of synthetic threads: {@code CorpusGen DIR SIZE_MB [SEED]}. Threads are 5..150 KB; each pool
 * passage is pasted into about four threads on average. DIR/planted.tsv lists every planted copy
 * (passage, file, start, end in chars).
 */
public final class CorpusGen {
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        long bytes = (long) (Double.parseDouble(args[1]) * 1_000_000);
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        Files.createDirectories(dir);
        int reuseEvery = 20;
        int pool = (int) Math.max(5, bytes / 1500 / reuseEvery / 4);
        Synth synth = new Synth(seed, pool);
        java.util.Random sizes = new java.util.Random(seed + 1);
        List<Synth.Planted> planted = new ArrayList<>();
        long written = 0;
        int n = 0;
        while (written < bytes) {
            String name = String.format("t%06d.txt", ++n);
            String text = synth.thread(name, 5_000 + sizes.nextInt(145_000), reuseEvery, planted);
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            Files.write(dir.resolve(name), b);
            written += b.length;
        }
        try (Writer w = Files.newBufferedWriter(dir.resolve("planted.tsv"))) {
            for (Synth.Planted p : planted) w.write(p.passage() + "\t" + p.file() + "\t" + p.start() + "\t" + p.end() + "\n");
        }
        System.out.printf("%d threads, %.1f MB, %d planted copies of %d passages in %s%n", n, written / 1e6, planted.size(), pool, dir);
    }
}
