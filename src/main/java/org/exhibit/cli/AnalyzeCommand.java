package org.exhibit.cli;

import org.exhibit.Limits;
import org.exhibit.analysis.Pipeline;
import org.exhibit.authority.Authority;
import org.exhibit.authority.AuthorityException;
import org.exhibit.model.Document;
import org.exhibit.output.OutlineWriter;
import org.exhibit.read.Failures;
import org.exhibit.read.InputException;
import org.exhibit.read.Readers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "analyze", sortOptions = false,
        description = {"Reads each FILE as a thread, finds its posts and quoted passages and attributes them.",
                "Prints a readable outline, or the JSON edition with --json (or TEI, CSL-JSON, annotations with --to); --out writes one file per input.",
                "A file that cannot be read is reported on one line and skipped; the exit code is then 1."},
        footer = {"", "Examples:", "  exhibit analyze thread.txt", "  exhibit analyze --json thread.txt > thread.json",
                "  exhibit analyze --out editions/ threads/*.html"})
public final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Thread files: board text, BBCode, Markdown, HTML, Discourse JSON or comment NDJSON.")
    List<Path> files;

    @Option(names = "--json", description = "Print the JSON edition instead of the outline.")
    boolean json;

    @Option(names = "--to", paramLabel = "FORMAT", converter = ExportCommand.TargetConverter.class, completionCandidates = ExportCommand.TargetNames.class, description = "Write a standard format instead: ${COMPLETION-CANDIDATES} (as 'exhibit export').")
    ExportCommand.Target to;

    @Option(names = "--out", paramLabel = "DIR", description = "Write NAME.exhibit.json for each input into DIR instead of printing.")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "Input format: auto (default), ${COMPLETION-CANDIDATES}.", completionCandidates = Formats.class)
    String format;

    @Option(names = "--authority", paramLabel = "FILE",
            description = "An authority file whose people, places and organisations are added to the built-in ones "
                    + "(an entry with a built-in id replaces it). Default: $EXHIBIT_AUTHORITY when set. See README \"Authority file\".")
    Path authority;

    @Option(names = "--max-input-mb", paramLabel = "MB", description = "Refuse input files larger than MB megabytes (default 512; also EXHIBIT_MAX_INPUT_MB).")
    Long maxInputMb;

    @Option(names = "--max-analysis-seconds", paramLabel = "S", description = "Stop analysing a file after S seconds, between stages, and report it (default 300; also EXHIBIT_MAX_ANALYSIS_SECONDS).")
    Long maxAnalysisSeconds;

    @Override public Integer call() throws IOException {
        if (maxInputMb != null) Limits.set(Limits.MAX_INPUT_MB, maxInputMb);
        if (maxAnalysisSeconds != null) Limits.set(Limits.MAX_ANALYSIS_SECONDS, maxAnalysisSeconds);
        if (!configureAuthority(authority)) return 2;
        int failures = 0;
        PrintWriter stdout = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        if (out != null) Files.createDirectories(out);
        for (Path f : files) {
            Document doc;
            try {
                doc = analyze(f, format);
            } catch (InputException e) { // includes anything thrown by this file's reading or analysis
                System.err.println("exhibit: " + e.getMessage());
                failures++;
                continue;
            }
            if (out != null) {
                ExportCommand.Target as = to == null ? ExportCommand.Target.json : to;
                Path target = AtomicOutput.target(out, f, as.suffix);
                try {
                    // Replace atomically so an earlier edition is never left half-written.
                    AtomicOutput.write(target, w -> ExportCommand.write(doc, as, w));
                } catch (IOException e) {
                    System.err.println("exhibit: " + target + ": cannot be written: " + e.getMessage());
                    failures++;
                    continue;
                } catch (Throwable t) { // a writer that fails on this document: the others still get theirs
                    System.err.println("exhibit: " + Failures.of(f.toString(), t).getMessage());
                    failures++;
                    continue;
                }
                System.err.println("wrote " + target);
            } else {
                try {
                    // Render first, so a writer failing on this document leaves no half edition on stdout.
                    java.io.StringWriter buf = new java.io.StringWriter();
                    if (json || to != null) {
                        ExportCommand.write(doc, to == null ? ExportCommand.Target.json : to, buf);
                        buf.write(System.lineSeparator());
                    } else {
                        PrintWriter pw = new PrintWriter(buf);
                        OutlineWriter.write(doc, pw);
                        pw.flush();
                    }
                    stdout.write(buf.toString());
                    stdout.flush();
                    if (stdoutFailed(f)) return 1;
                } catch (Throwable t) {
                    System.err.println("exhibit: " + Failures.of(f.toString(), t).getMessage());
                    failures++;
                }
            }
        }
        stdout.flush();
        return failures == 0 ? 0 : 1;
    }

    /**
     * True, after saying so on one line, when standard output has stopped taking what is written (a full disk, a
     * closed pipe): {@link System#out} keeps such errors to itself, so a run would otherwise end "successfully" with
     * its output lost. The output's file is named when the system can tell.
     */
    static boolean stdoutFailed(Path last) {
        if (!System.out.checkError()) return false;
        String where = "standard output";
        try {
            Path fd = Path.of("/proc/self/fd/1");
            if (Files.isSymbolicLink(fd)) where = Files.readSymbolicLink(fd) + " (standard output)";
        } catch (IOException | RuntimeException e) { /* not Linux: "standard output" */ }
        System.err.println("exhibit: " + where + ": cannot be written (no space left on the device, or it was closed); stopped at " + last);
        return true;
    }

    /** Loads the built-in authority extended by {@code file} (or $EXHIBIT_AUTHORITY); reports a bad file on one line. */
    static boolean configureAuthority(Path file) {
        try {
            Authority.configure(file);
            return true;
        } catch (AuthorityException e) {
            System.err.println("exhibit: " + e.getMessage());
            return false;
        }
    }

    /** Reads and analyses one file with the standard pipeline, within the time budget (see {@link org.exhibit.analysis.Analysis}). */
    public static Document analyze(Path file, String format) throws InputException {
        return org.exhibit.analysis.Analysis.with(org.exhibit.analysis.AnalysisConfig.DEFAULT).run(file, format);
    }

    static final class Formats implements Iterable<String> {
        @Override public java.util.Iterator<String> iterator() { return Readers.formats().iterator(); }
    }
}
