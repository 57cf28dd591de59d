package org.exhibit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import org.exhibit.analysis.dates.DateFinder;
import org.exhibit.analysis.dates.TimexValue;
import org.exhibit.model.Document;
import org.exhibit.model.Post;
import org.exhibit.model.Quote;
import org.exhibit.model.TimeExpression;
import org.exhibit.output.JsonWriter;
import org.exhibit.output.OutlineWriter;
import org.exhibit.read.InputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "timeline", sortOptions = false,
        description = {"Lists the dates each FILE mentions in chronological order.",
                "Each line: the TIMEX3 value (and mod), the words as written, the post and",
                "the quoted passage they are in, the start of their sentence, and the date",
                "that a relative one was counted from.",
                "Ranges sort by their start; dates that could not be resolved come last."},
        footer = {"", "Examples:", "  exhibit timeline thread.txt", "  exhibit timeline --json thread.txt > dates.json"})
public final class TimelineCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Thread files, in any format 'analyze' reads.")
    List<Path> files;

    @Option(names = "--json", description = "Print JSON: one object per file with its ordered dates.")
    boolean json;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
            description = "Input format: auto (default), ${COMPLETION-CANDIDATES}.", completionCandidates = AnalyzeCommand.Formats.class)
    String format;

    /** One line of the timeline. */
    public record Entry(TimeExpression date, LocalDate key, String post, String quote, String sentence) {}

    @Override public Integer call() throws Exception {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        int failures = 0;
        for (Path f : files) {
            Document doc;
            try {
                doc = AnalyzeCommand.analyze(f, format);
            } catch (InputException e) {
                System.err.println("exhibit: " + e.getMessage());
                failures++;
                continue;
            }
            List<Entry> entries = entries(doc);
            if (json) out.println(JsonWriter.mapper().writeValueAsString(toJson(doc, entries)));
            else print(doc, entries, out);
        }
        out.flush();
        return failures == 0 ? 0 : 1;
    }

    /**
     * The document's dates in chronological order; then durations and sets, which are not points in time; then
     * unresolved ones, in text order. The two ends of a range ("between 1994 and 1997") are one entry, the range.
     */
    public static List<Entry> entries(Document doc) {
        List<Entry> l = new ArrayList<>();
        java.util.Set<TimeExpression.Range> seen = new java.util.HashSet<>();
        for (TimeExpression t0 : doc.dates()) {
            TimeExpression t = t0;
            if (t.range() != null) {
                if (!seen.add(t.range())) continue;
                t = new TimeExpression(t.range().span(), t.range().text(), t.range().value(), t.mod(), t.anchor(), t.anchorText(), "DATE", null, t.range());
            }
            Post p = doc.postAt(t.span().start());
            if (p == null) for (Post q : doc.posts()) if (q.header() != null && q.header().contains(t.span())) p = q;
            Quote q = DateFinder.enclosingQuote(doc, t.span());
            l.add(new Entry(t, TimexValue.sortKey(t.value(), t.mod()), p == null ? null : p.id(), q == null ? null : q.id(),
                    sentence(doc.text(), t.span().start(), t.span().end())));
        }
        l.sort(Comparator.comparing(Entry::key, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(e -> e.date().unplaced() ? 0 : 1)
                .thenComparing(e -> coarseness(e.date().value()))
                .thenComparing(e -> e.date().span()));
        return l;
    }

    /** Coarser values first among those that start on the same day: 1936 before 1936-01. */
    private static int coarseness(String value) {
        TimexValue v = TimexValue.parse(value);
        return v == null ? 99 : v.granularity().ordinal();
    }

    /** The sentence around [s, e), found with ICU's sentence breaks inside its line. */
    static String sentence(String text, int s, int e) {
        int from = Math.max(0, s - 600), to = Math.min(text.length(), e + 600);
        int ls = text.lastIndexOf('\n', s - 1) + 1, le = text.indexOf('\n', e);
        from = Math.max(from, ls);
        to = Math.min(to, le < 0 ? text.length() : le);
        if (from >= to) return text.substring(s, e);
        String chunk = text.substring(from, to);
        BreakIterator bi = BreakIterator.getSentenceInstance(ULocale.forLanguageTag("en-u-ss-standard"));
        bi.setText(chunk);
        int at = s - from, start = bi.first(), end = chunk.length();
        for (int b = bi.next(); b != BreakIterator.DONE; start = b, b = bi.next()) {
            if (b > at) { end = b; break; }
        }
        // The sentence must hold the whole expression (a break may fall inside "c. 1930").
        for (int b = end; from + end < e && b != BreakIterator.DONE; b = bi.next()) end = b;
        if (from + end < e) end = chunk.length();
        return chunk.substring(start, end).strip().replaceAll("\\s+", " ");
    }

    private static String label(TimeExpression t) {
        String v = t.value() == null ? "?" : t.value();
        if (t.unplaced()) v += " (" + t.type().toLowerCase(java.util.Locale.ROOT) + ")";
        return t.mod() == null ? v : v + " " + t.mod();
    }

    static void print(Document doc, List<Entry> entries, PrintWriter out) {
        out.printf("%s  (%d dates)%n", doc.source().path(), entries.size());
        for (Entry e : entries) {
            TimeExpression t = e.date();
            String text = t.text().replaceAll("\\s+", " ");
            StringBuilder line = new StringBuilder();
            line.append(String.format("  %-22s %-30s %-4s %-6s %s", label(t), "\"" + text + "\"",
                    e.post() == null ? "-" : e.post(), e.quote() == null ? "-" : e.quote(), OutlineWriter.firstWords(e.sentence(), 12)));
            if (t.anchorText() != null) line.append("  [from \"").append(t.anchorText().replaceAll("\\s+", " ")).append("\"]");
            out.println(line);
        }
        out.flush();
    }

    static ObjectNode toJson(Document doc, List<Entry> entries) {
        ObjectNode root = JsonWriter.mapper().createObjectNode();
        root.put("file", doc.source().path());
        ArrayNode arr = root.putArray("dates");
        for (Entry e : entries) {
            TimeExpression t = e.date();
            ObjectNode o = arr.addObject();
            o.put("type", t.type());
            o.put("value", t.value());
            o.put("mod", t.mod());
            o.put("text", t.text());
            o.put("start", doc.codePoint(t.span().start()));
            o.put("end", doc.codePoint(t.span().end()));
            o.put("post", e.post());
            o.put("quote", e.quote());
            o.put("sentence", e.sentence());
            if (t.anchorText() == null) o.putNull("anchor");
            else {
                ObjectNode a = o.putObject("anchor");
                a.put("text", t.anchorText());
                if (t.anchor() != null) {
                    a.put("start", doc.codePoint(t.anchor().start()));
                    a.put("end", doc.codePoint(t.anchor().end()));
                }
            }
        }
        return root;
    }
}
