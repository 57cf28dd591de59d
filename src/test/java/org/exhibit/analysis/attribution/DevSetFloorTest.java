package org.exhibit.analysis.attribution;

import org.exhibit.cli.AnalyzeCommand;
import org.exhibit.model.Document;
import org.exhibit.output.JsonWriter;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Floors on the development sets (news articles, novel chapters, forum threads), scored by the sets' own scorers.
 * The floors sit a little under what Exhibit measures today; skipped when ../shared/dev or python3 is absent.
 */
class DevSetFloorTest {
    static final Path DEV = Path.of("../shared/dev");
    static final Pattern SCORE = Pattern.compile("quotes_f1=([\\d.]+) speaker_acc=([\\d.]+) speaker_precision=([\\d.]+)");

    /** quotes F1, speaker accuracy, speaker precision of Exhibit on one set. */
    static double[] score(String set) throws Exception {
        Path dir = DEV.resolve(set), scorer = DEV.resolve("score-" + set + ".py");
        assumeTrue(org.exhibit.Shared.has(dir) && org.exhibit.Shared.has(scorer), "../shared/dev/" + set + " not present: skipping the floor");
        assumeTrue(python(), "python3 not available: skipping the " + set + " floor");
        Path out = Files.createTempDirectory("exhibit-dev-" + set);
        List<Path> inputs = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) { s.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(inputs::add); }
        for (Path in : inputs) {
            Document doc = AnalyzeCommand.analyze(in, "auto");
            Files.writeString(out.resolve(in.getFileName() + ".exhibit.json"), JsonWriter.toString(doc), StandardCharsets.UTF_8);
        }
        Process p = new ProcessBuilder("python3", scorer.toString(), dir.toString(), out.toString()).redirectErrorStream(true).start();
        String last = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) if (line.startsWith("score:")) last = line;
        }
        p.waitFor();
        assertTrue(last != null, "the " + set + " scorer printed no score line");
        Matcher m = SCORE.matcher(last);
        assertTrue(m.find(), last);
        return new double[]{Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))};
    }

    static boolean python() {
        try { return new ProcessBuilder("python3", "--version").start().waitFor() == 0; } catch (Exception e) { return false; }
    }

    @Test void newsArticles() throws Exception { floors("polnear", 0.928, 0.803, 0.920); }

    @Test void novelChapters() throws Exception { floors("pdnc", 0.955, 0.64, 0.84); }

    static final Pattern IAC = Pattern.compile("quotes_f1=([\\d.]+) speaker_acc=([\\d.]+) source_acc=([\\d.]+) ids_kept=([\\d.]+)");

    /** quotes F1, speaker accuracy, source post accuracy and board ids kept on the forum threads, one copy of each. */
    static double[] iac(String suffix) throws Exception {
        Path dir = DEV.resolve("iac"), scorer = DEV.resolve("score-iac.py");
        assumeTrue(org.exhibit.Shared.has(dir) && org.exhibit.Shared.has(scorer), "../shared/dev/iac not present: skipping the floor");
        assumeTrue(python(), "python3 not available: skipping the iac floor");
        Path out = Files.createTempDirectory("exhibit-dev-iac-" + suffix);
        List<Path> inputs = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) { s.filter(p -> p.toString().endsWith("." + suffix)).sorted().forEach(inputs::add); }
        for (Path in : inputs) {
            Document doc = AnalyzeCommand.analyze(in, "auto");
            Files.writeString(out.resolve(in.getFileName() + ".exhibit.json"), JsonWriter.toString(doc), StandardCharsets.UTF_8);
        }
        Process p = new ProcessBuilder("python3", scorer.toString(), dir.toString(), out.toString(), suffix).redirectErrorStream(true).start();
        String last = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) if (line.startsWith("score:")) last = line;
        }
        p.waitFor();
        assertTrue(last != null, "the iac scorer printed no score line");
        Matcher m = IAC.matcher(last);
        assertTrue(m.find(), last);
        return new double[]{Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4))};
    }

    /** Forum threads as board text copies: quotations headed QUOTE(author @ date), ends unmarked. */
    @Test void forumThreadsTextCopies() throws Exception {
        double[] s = iac("txt");
        String got = String.format("quotes_f1=%.2f speaker_acc=%.2f source_acc=%.2f", s[0], s[1], s[2]);
        assertTrue(s[0] >= 0.88 && s[1] >= 0.95 && s[2] >= 0.95, got);
    }

    /** Forum threads as comment NDJSON: the board's ids, no quote markup at all (quotation by reproduction alone). */
    @Test void forumThreadsNdjson() throws Exception {
        double[] s = iac("ndjson");
        String got = String.format("quotes_f1=%.2f speaker_acc=%.2f source_acc=%.2f ids_kept=%.2f", s[0], s[1], s[2], s[3]);
        assertTrue(s[0] >= 0.88 && s[1] >= 0.96 && s[2] >= 0.96 && s[3] >= 0.995, got);
    }

    /** The set's quotes F1, speaker accuracy and speaker precision stay at or above their floors. */
    static void floors(String set, double f1, double accuracy, double precision) throws Exception {
        double[] s = score(set);
        String got = String.format("quotes_f1=%.3f speaker_acc=%.3f precision=%.3f", s[0], s[1], s[2]);
        assertTrue(s[0] >= f1, got);
        assertTrue(s[1] >= accuracy, got);
        assertTrue(s[2] >= precision, got);
    }
}
