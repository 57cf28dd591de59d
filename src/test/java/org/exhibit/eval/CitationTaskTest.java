package org.exhibit.eval;

import com.fasterxml.jackson.databind.JsonNode;
import org.exhibit.analysis.citations.CitationFinder;
import org.exhibit.analysis.Pipeline;
import org.exhibit.model.Marker;
import org.exhibit.model.Quote;
import org.exhibit.model.QuoteKind;
import org.exhibit.model.Citation;
import org.exhibit.model.Document;
import org.exhibit.model.Post;
import org.exhibit.model.Source;
import org.exhibit.model.Span;
import org.exhibit.output.JsonWriter;
import org.exhibit.read.Readers;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class CitationTaskTest {
    private static final Path SAMPLE = Path.of("../shared/samples/show-trials-thread.txt");
    private static final Path GOLD = Path.of("../shared/samples/show-trials-thread.gold.json");

    private static Score score(List<Score> scores, String task) {
        return scores.stream().filter(s -> s.task().equals(task)).findFirst().orElseThrow();
    }

    @Test void scoresOverlapAndFieldsOnAHandMadeGold() throws Exception {
        String text = "From his book, 'In Search of Soviet Gold', by John Littlepage.\n`It was graft.'\n.\nIbid. , pp. 95--96.\n"
                + "It was widely believed in Spain.(85) Nothing else. Pravda said so in 'Pravda'.";
        Document doc = new Document(new Source("t", "text", "0"), text, List.of(new Post("p1", null, null, new Span(0, text.length()))));
        Pipeline.standard().run(doc);
        JsonNode gold = JsonWriter.mapper().readTree("""
                {"citations": [
                  {"text": "Ibid. , pp. 95--96.", "resolves_to": "In Search of Soviet Gold", "author": "John D. Littlepage", "pages": "95-96"},
                  {"text": "(85)", "kind": "footnote marker, note absent"},
                  {"text": "Mission to Moscow", "title": "Mission to Moscow"}
                ]}""");
        List<Score> scores = Evaluator.evaluate(gold, doc);
        Score found = score(scores, "citations");
        assertEquals(2, found.tp());
        assertEquals(1, found.fn(), "the third gold text is not in the document");
        assertTrue(found.fp() >= 1, "the title citations are not in this gold: " + found.falseAlarms());
        Score fields = score(scores, "citation-fields");
        assertEquals(4, fields.tp(), fields.misses().toString());
        assertEquals(1, fields.fn(), "the missing citation's title");
        assertEquals(0, fields.fp());
    }

    @Test void goldTextMayDifferInWhiteSpace() {
        assertEquals(List.of(new Span(4, 19)), CitationTask.occurrences("See Ibid.,\n  p. 113 now", "Ibid., p. 113"));
        assertEquals(List.of(), CitationTask.occurrences("See Ibid., p. 114 now", "Ibid., p. 113"));
    }

    @Test void fieldValuesCompareWithoutCasePunctuationOrMiddleInitials() {
        assertTrue(CitationTask.matches("author", "John D. Littlepage", "John Littlepage"));
        assertTrue(CitationTask.matches("author", "People's Commissariat of Justice of the U.S.S.R.", "People’s Commissariat of Justice of the U.S.S.R"));
        assertTrue(CitationTask.matches("pages", "21-27", "21–27"));
        assertFalse(CitationTask.matches("author", "Leon Trotsky", "Trotsky"));
        assertFalse(CitationTask.matches("title", "The Assassination of Trotsky", "The Assaniaition of Trotsky"));
        assertTrue(CitationTask.matches("kind", "footnote marker, note absent", "footnote marker, note absent"));
        assertFalse(CitationTask.matches("kind", "footnote marker, note absent", "footnote marker"));
        assertTrue(CitationTask.matches("kind", "ibid", "ibid"));
        assertTrue(CitationTask.matches("kind", "Ibid.", "ibid"));
        assertTrue(CitationTask.matches("kind", "footnote", "footnote marker"));
        assertTrue(CitationTask.matches("kind", "op. cit.", "op cit"));
        assertFalse(CitationTask.matches("kind", "reference", "title"));
        assertTrue(CitationTask.matches("resolves_to", "Tanaka Memorial", "The Tanaka Memorial"));
    }

    @Test void sampleThread() throws Exception {
        Assumptions.assumeTrue(org.exhibit.Shared.has(SAMPLE) && org.exhibit.Shared.has(GOLD), "../shared/samples not present: skipping");
        Document doc = Pipeline.standard().run(Readers.read(SAMPLE, "auto"));
        checkSample(doc, JsonWriter.mapper().readTree(GOLD.toFile()));
    }

    @Test void sampleThreadWithTheGoldQuotesInPlace() throws Exception {
        Assumptions.assumeTrue(org.exhibit.Shared.has(SAMPLE) && org.exhibit.Shared.has(GOLD), "../shared/samples not present: skipping");
        // Ibid. prefers a work inside its own quote: the answers must not change once quotes exist.
        Document doc = Readers.read(SAMPLE, "auto");
        JsonNode gold = JsonWriter.mapper().readTree(GOLD.toFile());
        int n = 0;
        for (GoldQuotes.Anchored a : new GoldQuotes(gold, doc).anchored())
            doc.quotes().add(new Quote("g" + n++, doc.postAt(a.span().start()).id(), a.span(), QuoteKind.PASSAGE, Marker.NONE, null, null));
        assertTrue(n > 20);
        new CitationFinder().apply(doc);
        checkSample(doc, gold);
    }

    private static void checkSample(Document doc, JsonNode gold) {
        List<Score> scores = Evaluator.evaluate(gold, doc);
        Score found = score(scores, "citations"), fields = score(scores, "citation-fields");
        // Measured with the full pipeline: citations R 1.000 P 0.417 (the other 14, 7 in each copy, are real markers and
        // cued titles the gold leaves out: footnotes 2-4, Pravda, the TLS twice, Trotsky's "The Tanaka Memorial");
        // fields 20 of 23 (the rest need an authority file: a canonical title, a name the thread never gives).
        assertEquals(1.0, found.recall(), found.misses().toString());
        assertTrue(found.precision() >= 0.40, found.toString());
        assertTrue(fields.recall() >= 0.85, fields + " " + fields.misses());
        assertTrue(fields.precision() >= 0.90, fields + " " + fields.falseAlarms());
        // Every Ibid. and reference the gold lists resolves as the gold says, in both copies of the post.
        int checked = 0;
        for (JsonNode g : gold.path("citations")) {
            boolean repeat = g.has("resolves_to");
            boolean reference = g.has("place");
            if (!repeat && !reference) continue;
            List<Span> occ = CitationTask.occurrences(doc.text(), g.get("text").asText());
            assertEquals(2, occ.size());
            for (Span o : occ) {
                Citation c = doc.citations().stream().filter(x -> x.span().overlaps(o)).findFirst().orElseThrow();
                for (String f : List.of("resolves_to", "author", "title", "place", "year", "pages")) {
                    if (g.has(f)) assertTrue(CitationTask.matches(f, g.get(f).asText(), CitationTask.value(c, f)),
                            g.get("text") + ": " + f + " " + CitationTask.value(c, f));
                }
                checked++;
            }
        }
        assertEquals(8, checked, "4 gold Ibid./reference citations, each twice");
    }
}
