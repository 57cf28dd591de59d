package org.exhibit.eval;

import com.fasterxml.jackson.databind.JsonNode;
import org.exhibit.model.Document;
import org.exhibit.model.Quote;
import org.exhibit.output.OutlineWriter;

/** Quoted passages: a found passage counts when it overlaps a gold quote by half their union (see GoldQuotes). */
public final class QuoteTask implements EvalTask {
    @Override public String name() { return "quotes"; }

    @Override public Score score(JsonNode gold, Document doc, GoldQuotes quotes) {
        if (!gold.has("quotes")) return null;
        Score s = new Score(name());
        for (GoldQuotes.Anchored g : quotes.anchored()) {
            if (quotes.match(g) != null) s.hit();
            else s.miss(g.id() + " @" + g.span().start() + ": " + OutlineWriter.firstWords(doc.slice(g.span()), 8));
        }
        for (String id : quotes.unanchored()) s.miss(id + " (its anchor text is not in the document)");
        for (Quote q : quotes.unmatched())
            s.falseAlarm(q.id() + " @" + q.span().start() + ": " + OutlineWriter.firstWords(q.text(doc), 8));
        return s;
    }
}
