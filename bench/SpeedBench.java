import org.exhibit.analysis.Pipeline;
import org.exhibit.analysis.Stage;
import org.exhibit.model.Document;
import org.exhibit.read.Readers;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Two figures bench/speed.sh prints besides the per-stage profile, each warm and on one thread:
 *   double SMALL LARGE   per-stage CPU for a thread and for one twice as long (best of 5), and their ratio;
 *   p50 FILE N           the wall time of read + whole pipeline over FILE, N runs after warming: p50 and p90.
 */
public class SpeedBench {
    static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        if (args[0].equals("double")) doubling(Path.of(args[1]), Path.of(args[2]));
        else p50(Path.of(args[1]), Integer.parseInt(args[2]));
    }

    static Map<String, Long> stages(Path f) throws Exception {
        Map<String, Long> cpu = new LinkedHashMap<>();
        long t0 = MX.getCurrentThreadCpuTime();
        Document doc = Readers.read(f, "auto");
        cpu.put("read", MX.getCurrentThreadCpuTime() - t0);
        for (Stage s : Pipeline.standard().stages()) {
            long a = MX.getCurrentThreadCpuTime();
            s.apply(doc);
            cpu.put(s.name(), MX.getCurrentThreadCpuTime() - a);
        }
        cpu.put("whole", cpu.values().stream().mapToLong(Long::longValue).sum());
        return cpu;
    }

    static Map<String, Long> best(Path f, int n) throws Exception {
        Map<String, Long> best = null;
        for (int i = 0; i < n; i++) {
            Map<String, Long> m = stages(f);
            if (best == null) best = m;
            else for (var e : m.entrySet()) best.merge(e.getKey(), e.getValue(), Math::min);
        }
        return best;
    }

    static void doubling(Path small, Path large) throws Exception {
        for (int i = 0; i < 3; i++) { stages(small); stages(large); } // warm the JIT on both
        Map<String, Long> a = best(small, 5), b = best(large, 5);
        System.out.printf("%-14s %10s %10s %7s%n", "stage", "1x CPU ms", "2x CPU ms", "ratio");
        for (String k : a.keySet())
            System.out.printf("%-14s %10.1f %10.1f %7.2f%n", k, a.get(k) / 1e6, b.get(k) / 1e6, b.get(k) / (double) Math.max(1, a.get(k)));
    }

    static void p50(Path f, int n) throws Exception {
        for (int i = 0; i < 30; i++) Pipeline.standard().run(Readers.read(f, "auto"));
        long[] wall = new long[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            Pipeline.standard().run(Readers.read(f, "auto"));
            wall[i] = System.nanoTime() - t;
        }
        Arrays.sort(wall);
        System.out.printf("%s: warm wall over %d runs: p50 %.1f ms, p90 %.1f ms%n", f.getFileName(), n, wall[n / 2] / 1e6, wall[n * 9 / 10] / 1e6);
    }
}
