package org.exhibit.eval;

import com.fasterxml.jackson.databind.JsonNode;
import org.exhibit.model.Document;
import org.exhibit.model.Quote;

/**
 * Strict boundaries: a matched passage counts only if both ends agree with the gold anchors, ignoring white
 * space, quotation marks, footnote numbers and QUOTE tags at the edges.
 */
public final class QuoteBoundaryTask implements EvalTask {
    @Override public String name() { return "quote-bounds"; }

    @Override public Score score(JsonNode gold, Document doc, GoldQuotes quotes) {
        if (!gold.has("quotes")) return null;
        Score s = new Score(name());
        for (GoldQuotes.Anchored g : quotes.anchored()) {
            Quote q = quotes.match(g);
            if (q != null && core(withoutMarkup(doc, g.span(), q)).equals(core(q.text(doc)))) s.hit();
            else {
                s.miss(g.id() + " @" + g.span().start());
                if (q != null) s.falseAlarm(q.id() + " (boundaries differ)");
            }
        }
        return s;
    }

    /** The gold span's text without the quote markup the passage leaves out (the "> " of each Markdown line). */
    static String withoutMarkup(Document doc, org.exhibit.model.Span span, Quote q) {
        StringBuilder sb = new StringBuilder();
        int at = span.start();
        for (org.exhibit.model.Span ex : q.exclusions()) {
            if (ex.end() <= at || ex.start() >= span.end()) continue;
            if (ex.start() > at) sb.append(doc.text(), at, ex.start());
            at = Math.max(at, ex.end());
        }
        if (at < span.end()) sb.append(doc.text(), at, span.end());
        return sb.toString();
    }

    static String core(String t) {
        String x = t.replaceAll("QUOTE$", "").strip();
        x = x.replaceAll("^[\\s\"'`‘’“”«»„]+", "").replaceAll("[\\s\"'`‘’“”«»„]*(\\(\\d+\\)|\\d{1,2})?[\\s\"'`‘’“”«»„]*$", "");
        return x.replaceAll("\\s+", " ");
    }
}
