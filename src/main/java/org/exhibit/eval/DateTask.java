package org.exhibit.eval;

import com.fasterxml.jackson.databind.JsonNode;
import org.exhibit.model.Document;
import org.exhibit.model.Span;
import org.exhibit.model.TimeExpression;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates against the gold list {@code dates: [{text, value, mod?, anchored_to?}]}. The gold lists a thread's notable
 * dates, not every year it mentions, so a found date away from every gold date is not counted against the finder.
 * Three scores:
 * <ul>
 *   <li>{@code dates}: a gold date is a hit when a found date overlaps an occurrence of its text (case-insensitive,
 *       any white space) and has its value, and its mod when the gold gives one. A gold date whose text is covered
 *       only by found dates with another value is a miss and one false alarm, so precision here is the value
 *       accuracy on the gold dates that were located, and recall the share of gold dates found with the right value.</li>
 *   <li>{@code date-values}: recall of the gold values wherever they are: a hit when any found date of the
 *       document has the gold value (and mod). It tells normalisation apart from location. Only recall means
 *       anything here (there are no false alarms).</li>
 *   <li>{@code date-anchors}: for gold dates whose {@code anchored_to} text is in the document, a hit when the
 *       matching found date is anchored to a span that overlaps that text.</li>
 * </ul>
 */
public final class DateTask implements EvalTask {
    private final String name;

    private DateTask(String name) { this.name = name; }

    /** The three date scores as tasks, for {@link Evaluator#tasks()}. */
    public static List<EvalTask> all() {
        return List.of(new DateTask("dates"), new DateTask("date-values"), new DateTask("date-anchors"));
    }

    @Override public String name() { return name; }

    @Override public Score score(JsonNode gold, Document doc, GoldQuotes quotes) {
        for (Score s : scores(gold, doc)) if (s.task().equals(name)) return s;
        return null;
    }

    /** All three scores: dates, date-values, date-anchors. Empty when the gold has no dates. */
    public static List<Score> scores(JsonNode gold, Document doc) {
        List<Score> out = new ArrayList<>();
        if (!gold.has("dates")) return out;
        Score located = new Score("dates"), values = new Score("date-values"), anchors = new Score("date-anchors");
        for (JsonNode g : gold.path("dates")) {
            String text = g.path("text").asText(""), value = g.path("value").asText(null);
            String mod = g.hasNonNull("mod") ? g.path("mod").asText() : null;
            if (text.isEmpty() || value == null) continue;
            String label = "\"" + text + "\" = " + value + (mod == null ? "" : " " + mod);

            boolean anyValue = false;
            for (TimeExpression t : doc.dates()) anyValue |= agrees(t, value, mod);
            if (anyValue) values.hit(); else values.miss(label);

            List<Span> occurrences = occurrences(doc.text(), text);
            if (occurrences.isEmpty()) { located.miss(label + " (its text is not in the document)"); continue; }
            TimeExpression right = null, wrong = null;
            for (Span o : occurrences)
                for (TimeExpression t : doc.dates()) {
                    if (!t.span().overlaps(o)) continue;
                    if (agrees(t, value, mod)) { if (right == null) right = t; }
                    else if (wrong == null) wrong = t;
                }
            if (right != null) located.hit();
            else {
                located.miss(label);
                if (wrong != null) located.falseAlarm(label + ": found \"" + wrong.text() + "\" = " + wrong.value() + (wrong.mod() == null ? "" : " " + wrong.mod()));
            }

            String anchoredTo = g.path("anchored_to").asText("");
            List<Span> anchorOccurrences = anchoredTo.isEmpty() ? List.of() : occurrences(doc.text(), anchoredTo);
            if (anchorOccurrences.isEmpty()) continue;
            boolean anchored = false;
            if (right != null && right.anchor() != null)
                for (Span a : anchorOccurrences) anchored |= right.anchor().overlaps(a);
            if (anchored) anchors.hit();
            else anchors.miss(label + " anchored to \"" + anchoredTo + "\"" + (right == null ? " (date not found)" : right.anchorText() == null ? " (no anchor)" : " (got \"" + right.anchorText() + "\")"));
        }
        out.add(located);
        out.add(values);
        if (anchors.tp() + anchors.fn() > 0) out.add(anchors);
        return out;
    }

    private static boolean agrees(TimeExpression t, String value, String mod) {
        boolean same = sameValue(value, t.value()) || t.range() != null && sameValue(value, t.range().value());
        return same && (mod == null || mod.equals(t.mod()));
    }

    /** Equal TIMEX3 values; a decade may be written 198 (older gold) or 198X. */
    static boolean sameValue(String gold, String found) {
        if (found == null) return false;
        if (gold.equals(found)) return true;
        return gold.length() == 3 && found.length() == 4 && found.endsWith("X") && found.startsWith(gold)
                && Character.isDigit(gold.charAt(2));
    }

    /** Where the text occurs, ignoring case and differences of white space. */
    static List<Span> occurrences(String doc, String text) {
        String[] words = text.strip().split("\\s+");
        StringBuilder re = new StringBuilder();
        for (String w : words) re.append(re.length() == 0 ? "" : "\\s+").append(Pattern.quote(w));
        Matcher m = Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(doc);
        List<Span> out = new ArrayList<>();
        while (m.find()) out.add(new Span(m.start(), m.end()));
        return out;
    }
}
