import org.exhibit.analysis.Pipeline;
import org.exhibit.analysis.Stage;
import org.exhibit.model.Document;
import org.exhibit.read.Readers;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Warm CPU time per stage of Pipeline.standard() over the files given, one thread: MB per CPU-second per stage and
 * for the whole pipeline. Run by bench/stages.sh. Usage: StageProfile ROUNDS FILE...
 */
public class StageProfile {
    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        List<Path> files = new ArrayList<>();
        long bytes = 0;
        for (int i = 1; i < args.length; i++) { Path p = Path.of(args[i]); files.add(p); bytes += Files.size(p); }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, Long> cpu = new LinkedHashMap<>();
        long readCpu = 0;
        for (int round = 0; round <= rounds; round++) {          // round 0 warms the JIT and is not counted
            boolean counted = round > 0;
            for (Path f : files) {
                long t0 = mx.getCurrentThreadCpuTime();
                Document doc = Readers.read(f, "auto");
                long t1 = mx.getCurrentThreadCpuTime();
                if (counted) readCpu += t1 - t0;
                for (Stage s : Pipeline.standard().stages()) {
                    long a = mx.getCurrentThreadCpuTime();
                    s.apply(doc);
                    long b = mx.getCurrentThreadCpuTime();
                    if (counted) cpu.merge(s.name(), b - a, Long::sum);
                }
            }
        }
        double mb = bytes * (double) rounds / 1e6;
        long total = readCpu + cpu.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("%d files, %.2f MB x %d rounds, warm, one thread%n", files.size(), bytes / 1e6, rounds);
        System.out.printf("%-14s %9s %7s %10s%n", "stage", "CPU s", "share", "MB/CPU-s");
        System.out.printf("%-14s %9.2f %6.1f%% %10.2f%n", "read", readCpu / 1e9, 100.0 * readCpu / total, mb / (readCpu / 1e9));
        for (var e : cpu.entrySet())
            System.out.printf("%-14s %9.2f %6.1f%% %10.2f%n", e.getKey(), e.getValue() / 1e9, 100.0 * e.getValue() / total, mb / (e.getValue() / 1e9));
        System.out.printf("%-14s %9.2f %6.1f%% %10.2f%n", "whole", total / 1e9, 100.0, mb / (total / 1e9));
    }
}
