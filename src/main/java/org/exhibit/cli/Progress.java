package org.exhibit.cli;

import org.exhibit.index.Ingest;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Ingest progress on stderr: a bar redrawn in place when stderr is a terminal, otherwise a plain line every few
 * seconds (logs and CI stay readable). Bad files are printed on their own line either way.
 */
final class Progress implements Ingest.Listener {
    private final PrintStream err;
    private final boolean terminal;
    private final long lineMillis;
    private int files, done, failed;
    private long bytes, doneBytes, posts;
    private long start, lastDraw;
    private boolean drawn;

    Progress(PrintStream err, boolean terminal, long lineMillis) {
        this.err = err;
        this.terminal = terminal;
        this.lineMillis = lineMillis;
    }

    /** Whether stderr is a terminal; Java 17 cannot ask that of stderr directly, Linux's /proc can. */
    static boolean stderrIsTerminal() {
        if ("dumb".equals(System.getenv("TERM"))) return false;
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (Exception e) {
            return System.console() != null;
        }
    }

    @Override public void started(int files, long bytes) {
        this.files = files;
        this.bytes = bytes;
        this.start = System.currentTimeMillis();
        this.lastDraw = start;
        if (!terminal && lineMillis < Long.MAX_VALUE) err.printf(Locale.ROOT, "ingest: %d files, %s%n", files, size(bytes));
    }

    @Override public void file(Path file, Ingest.Outcome outcome, String message, long size, int posts, int quotes) {
        done++;
        doneBytes += size;
        this.posts += posts;
        if (outcome == Ingest.Outcome.FAILED) {
            failed++;
            clear();
            err.println("exhibit: " + message);
        }
        long now = System.currentTimeMillis();
        if (terminal && (now - lastDraw >= 100 || done == files)) { draw(now); lastDraw = now; }
        else if (!terminal && now - lastDraw >= lineMillis) { err.println("ingest: " + status(now)); lastDraw = now; }
    }

    @Override public void thread(String name, Ingest.Outcome outcome, String message, int posts, int quotes) {
        this.posts += posts;
        if (outcome == Ingest.Outcome.FAILED) {
            clear();
            err.println("exhibit: " + message);
        }
        long now = System.currentTimeMillis();
        if (terminal && now - lastDraw >= 100) { draw(now); lastDraw = now; }
        else if (!terminal && now - lastDraw >= lineMillis) { err.println("ingest: " + status(now)); lastDraw = now; }
    }

    void finish() { clear(); }

    private void draw(long now) {
        int width = 24;
        int filled = files == 0 ? width : (int) (width * (long) done / files);
        err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + status(now) + "\u001b[K");
        err.flush();
        drawn = true;
    }

    private void clear() {
        if (terminal && drawn) { err.print("\r\u001b[K"); err.flush(); drawn = false; }
    }

    private String status(long now) {
        double secs = Math.max(0.001, (now - start) / 1000.0);
        double mbps = doneBytes / secs / 1e6, pps = posts / secs;
        String eta = "";
        if (doneBytes > 0 && bytes > doneBytes) eta = " ETA " + duration((long) ((bytes - doneBytes) / (doneBytes / secs)));
        else if (done > 0 && files > done && doneBytes == 0) eta = " ETA " + duration((long) ((files - done) * secs / done));
        return String.format(Locale.ROOT, "%d/%d files %d%%  %.2f MB/s  %.0f posts/s%s%s", done, files,
                files == 0 ? 100 : 100L * done / files, mbps, pps, failed > 0 ? "  " + failed + " failed" : "", eta);
    }

    static String duration(long s) {
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }

    static String size(long b) {
        return b >= 1 << 20 ? String.format(Locale.ROOT, "%.1f MB", b / 1048576.0)
                : b >= 1024 ? String.format(Locale.ROOT, "%.1f KB", b / 1024.0) : b + " bytes";
    }
}
