package org.exhibit.eval;

import com.fasterxml.jackson.databind.JsonNode;
import org.exhibit.model.Document;
import org.exhibit.model.Quote;

import java.util.ArrayList;
import java.util.List;

/**
 * Attribution accuracy over the gold quotes: speaker, work, pages, chain of transmission (via) and flags. A gold
 * quote that was not found counts as wrong. For speaker and work, a gold null is right only when the answer is
 * null too (a wrong answer is worse than none: it counts as a false positive). Precision is over the answers given.
 */
public final class AttributionTask implements EvalTask {
    public enum Field { SPEAKER, WORK, PAGES, VIA, FLAGS }

    private final Field field;

    public AttributionTask(Field field) { this.field = field; }

    @Override public String name() {
        return switch (field) { case SPEAKER -> "speakers"; case WORK -> "works"; case PAGES -> "pages"; case VIA -> "chains"; case FLAGS -> "flags"; };
    }

    @Override public Score score(JsonNode gold, Document doc, GoldQuotes quotes) {
        if (!gold.has("quotes")) return null;
        Score s = new Score(name());
        for (GoldQuotes.Anchored g : quotes.anchored()) {
            JsonNode gq = g.gold();
            Quote q = quotes.match(g);
            String where = g.id() + " @" + g.span().start();
            switch (field) {
                case SPEAKER -> {
                    if (!gq.has("speaker")) continue;
                    String want = gq.get("speaker").isNull() ? null : gq.get("speaker").asText();
                    String got = q == null || q.speaker() == null ? null : q.speaker().name();
                    judge(s, where, want, got, NameMatch.samePerson(want, got));
                }
                case WORK -> {
                    if (!gq.has("work")) continue;
                    String want = gq.get("work").isNull() ? null : gq.get("work").asText();
                    String got = q == null || q.work() == null ? null : q.work().title();
                    judge(s, where, want, got, NameMatch.sameWork(want, got));
                }
                case PAGES -> {
                    if (!gq.has("pages")) continue;
                    String want = gq.get("pages").asText();
                    String got = q == null || q.work() == null ? null : q.work().pages();
                    judge(s, where, want, got, got != null && norm(want).equals(norm(got)));
                }
                case VIA -> {
                    if (!gq.has("via")) continue;
                    List<String> want = new ArrayList<>();
                    for (JsonNode v : gq.get("via")) want.add(v.asText());
                    List<String> got = new ArrayList<>();
                    if (q != null) for (String id : q.via()) got.add(goldIdOf(doc, quotes, id));
                    judge(s, where, want.toString(), got.toString(), q != null && want.equals(got));
                }
                case FLAGS -> {
                    boolean wantFlag = gq.has("flag");
                    // Flags that deny an attribution; notes like "misspelled-speaker" do not.
                    boolean gotFlag = q != null && q.flags().stream().anyMatch(f -> f.type().equals("third-person") || f.type().equals("unattributed"));
                    if (wantFlag && gotFlag) s.hit();
                    else if (wantFlag) s.miss(where + ": not flagged (" + gq.get("flag").asText() + ")");
                    else if (gotFlag && gq.hasNonNull("speaker")) s.falseAlarm(where + ": flagged " + q.flags().get(0).type() + " but the gold names its speaker");
                }
            }
        }
        return s;
    }

    private static void judge(Score s, String where, String want, String got, boolean same) {
        if (want == null && got == null) s.hit();
        else if (want != null && got != null && same) s.hit();
        else {
            s.miss(where + ": want " + want + ", got " + got);
            if (got != null) s.falseAlarm(where + ": " + got);
        }
    }

    static String norm(String pages) { return pages.replaceAll("[–—]+|--", "-").replaceAll("\\s+", ""); }

    /** The gold id of the gold quote matched to one of our quotes, or our id when none is. */
    static String goldIdOf(Document doc, GoldQuotes quotes, String ourId) {
        for (GoldQuotes.Anchored g : quotes.anchored()) {
            Quote q = quotes.match(g);
            if (q != null && q.id().equals(ourId)) return g.id();
        }
        return ourId;
    }
}
