package org.exhibit.cli;

import org.exhibit.index.Corpus;
import org.exhibit.index.Ingest;
import org.exhibit.store.StoreException;
import org.exhibit.store.StoreTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "ingest", sortOptions = false,
        description = {"Analyses thread files (folders are walked) into a corpus: a store of the analysis records "
                + "(SQLite in DIR, or PostgreSQL) and a full-text index for 'exhibit search'.",
                "Unchanged files are skipped by their SHA-256; a changed file replaces its old version. An ingest "
                        + "that is interrupted (even killed) resumes where it stopped when run again.",
                "A file that cannot be read is reported on one line and skipped; the exit code is then 1."},
        footer = {"", "Examples:", "  exhibit ingest --db corpus/ threads/", "  exhibit ingest --db corpus/ --board reddit RC_2015-01.ndjson.zst", "  exhibit ingest --db postgresql://exhibit@127.0.0.1:5432/exhibit --index idx/ threads/"})
public final class IngestCommand implements Callable<Integer> {
    @Mixin CorpusOptions corpus;

    @Parameters(arity = "1..*", paramLabel = "FILE|DIR", description = "Thread files, or folders of them.")
    List<Path> inputs;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "Input format: auto (default), ${COMPLETION-CANDIDATES}.", completionCandidates = AnalyzeCommand.Formats.class)
    String format;

    @Option(names = "--board", paramLabel = "NAME",
            description = "The board or site these files come from, for 'search --board' and 'stats --board'; by default taken from each file where it says (an HTML page's site name or address, a dump's subreddit).")
    String board;

    @Option(names = "--max-decompressed", paramLabel = "MB", defaultValue = "512",
            description = "Refuse a compressed file (.zst, .gz, .bz2) that decompresses to more than MB megabytes (default ${DEFAULT-VALUE}), or to more than 200 times its size.")
    long maxDecompressedMb;

    @Option(names = "--commit-every", paramLabel = "N", defaultValue = "200",
            description = "Commit the search index after N documents (default ${DEFAULT-VALUE}) or 5 seconds.")
    int commitEvery;

    @Option(names = {"-q", "--quiet"}, description = "No progress output, only problems and the summary.")
    boolean quiet;

    @Option(names = "--pause-ms", hidden = true, defaultValue = "0", description = "Wait after each file (for interruption tests).")
    long pauseMs;

    @Override public Integer call() throws IOException {
        StoreTarget target = corpus.target();
        if (target == null) return 2;
        if (System.getProperty("exhibit.maxDecompressed") == null || maxDecompressedMb != 512)
            System.setProperty("exhibit.maxDecompressed", String.valueOf(maxDecompressedMb << 20));
        List<Path> files = Ingest.expand(inputs);
        Progress progress = new Progress(System.err, !quiet && Progress.stderrIsTerminal(), quiet ? Long.MAX_VALUE : 10_000);
        Ingest.Summary s;
        try (Corpus c = Corpus.open(target, corpus.indexDir(target))) {
            if (c.recoveryNote() != null) System.err.println("exhibit: " + c.recoveryNote());
            c.commitEvery(commitEvery, 5_000);
            s = new Ingest(c).format(format).board(board).pauseMillis(pauseMs).run(files, progress);
        } catch (StoreException e) {
            progress.finish();
            System.err.println("exhibit: " + e.getMessage());
            return 2;
        } catch (IOException e) {
            progress.finish();
            System.err.println("exhibit: " + e.getMessage());
            return 2;
        } catch (SQLException e) {
            progress.finish();
            String m = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            if (m.contains("SQLITE_FULL") || m.contains("disk is full") || m.contains("No space left")) {
                String file = target.directory() != null ? target.directory().resolve(org.exhibit.store.StoreTarget.SQLITE_FILE).toString() : target.display();
                System.err.println("exhibit: " + file + ": the disk is full (" + m + "); what earlier commits stored is kept "
                        + "(the files being stored since the last commit were not): free space and run the same ingest to resume");
            } else System.err.println("exhibit: " + target.display() + ": store error: " + m);
            return 2;
        }
        progress.finish();
        double secs = Math.max(0.001, s.millis() / 1000.0);
        System.err.printf(Locale.ROOT, "ingested %d new, %d replaced, %d unchanged, %d failed; %d posts, %d quotes; %s in %.1f s (%.2f MB/s, %.0f posts/s)%n",
                s.stored(), s.replaced(), s.unchanged(), s.failed(), s.posts(), s.quotes(), Progress.size(s.bytes()), secs,
                s.bytes() / secs / 1e6, s.posts() / secs);
        return s.failed() == 0 ? 0 : 1;
    }
}
