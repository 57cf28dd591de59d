import org.exhibit.analysis.dates.DateFinder;
import org.exhibit.model.Document;
import org.exhibit.read.Readers;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** Times the date stage on a thread repeated N times; prints CPU milliseconds and throughput. */
public class DateBench {
    public static void main(String[] args) throws Exception {
        byte[] one = Files.readAllBytes(Path.of(args[0]));
        int copies = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        byte[] all = new byte[one.length * copies];
        for (int i = 0; i < copies; i++) System.arraycopy(one, 0, all, i * one.length, one.length);
        var mx = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= 5; round++) {
            Document d = Readers.read(args[0], all, "text");
            long t = mx.getCurrentThreadCpuTime();
            new DateFinder().apply(d);
            double ms = (mx.getCurrentThreadCpuTime() - t) / 1e6;
            System.out.printf("round %d: %d chars, %d dates, %.0f ms CPU, %.1f MB/s%n", round, d.text().length(), d.dates().size(), ms,
                    d.text().length() / 1e6 / (ms / 1000));
        }
    }
}
