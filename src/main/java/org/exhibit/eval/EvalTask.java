package org.exhibit.eval;

import com.fasterxml.jackson.databind.JsonNode;
import org.exhibit.model.Document;

/** Scores one kind of finding against a gold file. Returns null when the gold file has nothing for the task. */
public interface EvalTask {
    String name();

    Score score(JsonNode gold, Document doc, GoldQuotes quotes);
}
