package org.exhibit.bench;

import org.exhibit.analysis.Pipeline;
import org.exhibit.model.Document;
import org.exhibit.output.JsonWriter;
import org.exhibit.read.Readers;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Analyses every thread of a corpus end to end (read, every stage, JSON edition) on THREADS worker threads and
 * prints one Markdown table row: {@code CorpusRun DIR [THREADS]}. Peak RSS is measured by the caller.
 */
public final class CorpusRun {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : Runtime.getRuntime().availableProcessors();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) { files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList(); }
        AtomicLong bytes = new AtomicLong(), posts = new AtomicLong(), quotes = new AtomicLong(), json = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        List<Future<?>> done = new java.util.ArrayList<>();
        for (Path f : files) done.add(pool.submit(() -> {
            Document doc = Pipeline.standard().run(Readers.read(f, null));
            bytes.addAndGet(Files.size(f));
            posts.addAndGet(doc.posts().size());
            quotes.addAndGet(doc.quotes().size());
            json.addAndGet(JsonWriter.toString(doc).length());
            return null;
        }));
        for (Future<?> d : done) d.get();
        double secs = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9; // includes GC and JIT threads
        pool.shutdown();
        long heap = 0;
        for (MemoryPoolMXBean m : ManagementFactory.getMemoryPoolMXBeans())
            if (m.getType() == MemoryType.HEAP) heap += m.getPeakUsage().getUsed();
        double mbs = bytes.get() / 1e6 / secs;
        System.out.printf("| %d threads, %.1f MB, %d posts, %d quotes | %d | %.1f s | %.1f s | %.2f | %.2f | %.2f | %.0f | %d |%n",
                files.size(), bytes.get() / 1e6, posts.get(), quotes.get(), threads, secs, cpu, mbs, mbs / threads,
                bytes.get() / 1e6 / cpu, posts.get() / secs, heap >> 20);
        Metrics.put("corpus.mbs_per_core", bytes.get() / 1e6 / cpu);
        Metrics.put("corpus.mbs_per_core_wall", mbs / threads);
        Metrics.put("corpus.seconds", secs);
    }
}
