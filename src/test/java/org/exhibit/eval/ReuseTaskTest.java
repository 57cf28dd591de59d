package org.exhibit.eval;

import com.fasterxml.jackson.databind.JsonNode;
import org.exhibit.analysis.Pipeline;
import org.exhibit.model.Document;
import org.exhibit.model.Reuse;
import org.exhibit.output.JsonWriter;
import org.exhibit.read.Readers;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ReuseTaskTest {
    static final Path SAMPLE = Path.of("../shared/samples/show-trials-thread.txt");
    static final Path GOLD = Path.of("../shared/samples/show-trials-thread.gold.json");

    static Document sample() throws Exception {
        Assumptions.assumeTrue(org.exhibit.Shared.has(SAMPLE) && org.exhibit.Shared.has(GOLD), "../shared/samples not present: skipping");
        return Pipeline.standard().run(Readers.read(SAMPLE, "auto"));
    }

    @Test void sampleReuseIsFound() throws Exception {
        Document doc = sample();
        JsonNode gold = JsonWriter.mapper().readTree(GOLD.toFile());
        Score s = new ReuseTask().score(gold, doc, new GoldQuotes(gold, doc));
        assertEquals(1.0, s.recall(), s.misses().toString());
        assertTrue(s.precision() >= 0.8, s.falseAlarms().toString()); // measured 1.0 (4 of 4); gold may not list every reuse
        List<String> kinds = doc.reuse().stream().map(Reuse::kind).toList();
        assertTrue(kinds.contains("verbatim") && kinds.contains("altered") && kinds.contains("paraphrase"), kinds.toString());
    }

    @Test void aRepeatThatMerelyContainsBothSidesDoesNotCount() throws Exception {
        Document doc = sample();
        JsonNode gold = JsonWriter.mapper().readTree(GOLD.toFile());
        // keep only the whole-body repeat: the Kulikov passage in copy 1 maps onto itself in copy 2, not onto the interview
        List<Reuse> all = new ArrayList<>(doc.reuse());
        doc.reuse().clear();
        doc.reuse().add(all.stream().max((a, b) -> Integer.compare(a.parts().get(0).text().length(), b.parts().get(0).text().length())).orElseThrow());
        Score s = new ReuseTask().score(gold, doc, new GoldQuotes(gold, doc));
        assertEquals(1, s.tp(), s.misses().toString());
        assertEquals(3, s.fn());
    }

    @Test void postSidesNameAPostBody() {
        String text = "Ana\n3rd May 2005, 18:20\nFirst post body here.\nBo\n4th May 2005, 10:00\nSecond post body.\n";
        Document d = new Document(new org.exhibit.model.Source("t", "text", "0"), text, org.exhibit.read.BoardTextReader.posts(text));
        List<org.exhibit.model.Span> s = ReuseTask.side("post 2", d, new GoldQuotes(JsonWriter.mapper().createObjectNode(), d));
        assertEquals(List.of(d.post("p2").body()), s);
    }

    @Test void sidesAreReadFromLineRangesSnippetsAndContainers() {
        assertEquals(new org.exhibit.model.Span(6, 11), ReuseTask.lines("a\nbbb\nccccc\nd", 3, 3));
        assertEquals(2, ReuseTask.snippet("He said “it was a Moscovite plot”. Later: 'It was a Moscovite plot!'",
                "'it was a moscovite plot'").size());
    }
}
