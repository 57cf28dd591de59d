package org.exhibit.eval;

import com.fasterxml.jackson.databind.JsonNode;
import org.exhibit.model.Document;

import java.util.ArrayList;
import java.util.List;

/** Runs every task that the gold file has data for. */
public final class Evaluator {
    private Evaluator() {}

    public static List<EvalTask> tasks() {
        List<EvalTask> t = new ArrayList<>();
        t.add(new QuoteTask());
        t.add(new QuoteBoundaryTask());
        for (AttributionTask.Field f : AttributionTask.Field.values()) t.add(new AttributionTask(f));
        t.add(new CitationTask()); t.add(CitationTask.fields());
        t.addAll(DateTask.all());
        t.add(new PeopleTask());
        t.add(new ReuseTask());
        return t;
    }

    public static List<Score> evaluate(JsonNode gold, Document doc) {
        GoldQuotes quotes = new GoldQuotes(gold, doc);
        List<Score> scores = new ArrayList<>();
        for (EvalTask t : tasks()) {
            Score s = t.score(gold, doc, quotes);
            if (s != null) scores.add(s);
        }
        return scores;
    }
}
