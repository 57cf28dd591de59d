package org.exhibit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreQuote;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import org.exhibit.analysis.Pipeline;
import org.exhibit.eval.Evaluator;
import org.exhibit.eval.Score;
import org.exhibit.model.Document;
import org.exhibit.model.Marker;
import org.exhibit.model.Post;
import org.exhibit.model.Quote;
import org.exhibit.model.QuoteKind;
import org.exhibit.model.Span;
import org.exhibit.model.Speaker;
import org.exhibit.read.Readers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * CoreNLP's quote annotator with quote attribution on the post bodies of a thread, turned into an Exhibit
 * {@link Document} and scored with Exhibit's own evaluator beside Exhibit's analysis of the same file.
 * Usage: {@code CoreNlpBaseline THREAD GOLD [coref|nocoref]}; prints a Markdown table.
 */
public final class CoreNlpBaseline {
    public static void main(String[] args) throws Exception {
        Path thread = Path.of(args[0]);
        JsonNode gold = new ObjectMapper().readTree(Path.of(args[1]).toFile());
        boolean coref = args.length < 3 || !args[2].equals("nocoref");

        long t0 = System.nanoTime();
        Document exhibit = Pipeline.standard().run(Readers.read(thread, null));
        double exhibitCold = (System.nanoTime() - t0) / 1e9;
        double exhibitWarm = Double.MAX_VALUE;
        for (int i = 0; i < 20; i++) {
            long t = System.nanoTime();
            Pipeline.standard().run(Readers.read(thread, null));
            exhibitWarm = Math.min(exhibitWarm, (System.nanoTime() - t) / 1e9);
        }

        Properties props = new Properties();
        props.setProperty("annotators", coref ? "tokenize,ssplit,pos,lemma,ner,depparse,coref,quote" : "tokenize,ssplit,pos,lemma,ner,depparse,quote");
        props.setProperty("quote.attributeQuotes", "true");
        if (!coref) props.setProperty("quote.attribution.useCoref", "false");
        props.setProperty("ner.applyFineGrained", "false");
        t0 = System.nanoTime();
        StanfordCoreNLP nlp = new StanfordCoreNLP(props);
        double load = (System.nanoTime() - t0) / 1e9;

        Document base = new Document(exhibit.source(), exhibit.text(), exhibit.posts());
        t0 = System.nanoTime();
        int n = 0;
        for (Post post : exhibit.posts()) {
            int off = post.body().start();
            CoreDocument cd = new CoreDocument(exhibit.slice(post.body()));
            nlp.annotate(cd);
            for (CoreQuote cq : cd.quotes()) {
                int s = off + cq.quoteCharOffsets().first, e = off + cq.quoteCharOffsets().second;
                // CoreNLP's span includes the quotation marks; Exhibit's span is the words inside them.
                Span open = new Span(s, Math.min(e, s + 1)), close = new Span(Math.max(s, e - 1), e);
                Span inner = e - s >= 2 ? new Span(s + 1, e - 1) : new Span(s, e);
                Quote q = new Quote("c" + (++n), post.id(), inner, QuoteKind.PASSAGE, Marker.DOUBLE, open, close);
                String speaker = cq.canonicalSpeaker().orElse(cq.speaker().orElse(null));
                if (speaker != null) q.speaker(new Speaker(speaker, cq.speaker().orElse(speaker), null, null, 0.5));
                base.quotes().add(q);
            }
        }
        double annotate = (System.nanoTime() - t0) / 1e9;

        System.out.printf("CoreNLP 4.5.7, annotators %s, quote.attributeQuotes=true; %d quotes found.%n%n",
                props.getProperty("annotators"), base.quotes().size());
        System.out.println("| system | quotes P | quotes R | quotes F1 | speakers P | speakers R (accuracy over gold quotes) | time |");
        System.out.println("|---|---|---|---|---|---|---|");
        row("Exhibit", Evaluator.evaluate(gold, exhibit),
                String.format("%.0f ms first run in this JVM, %.0f ms warm (read + all stages)", exhibitCold * 1000, exhibitWarm * 1000));
        row("CoreNLP quote + attribution", Evaluator.evaluate(gold, base),
                String.format("%.1f s model loading + %.1f s annotation", load, annotate));
    }

    private static void row(String system, List<Score> scores, String time) {
        Score q = find(scores, "quotes"), s = find(scores, "speakers");
        System.out.printf("| %s | %s | %s | %s | %s | %s | %s |%n", system,
                f(q == null ? Double.NaN : q.precision()), f(q == null ? Double.NaN : q.recall()), f(q == null ? Double.NaN : q.f1()),
                f(s == null ? Double.NaN : s.precision()), f(s == null ? Double.NaN : s.recall()), time);
    }

    private static Score find(List<Score> scores, String task) {
        for (Score s : scores) if (s.task().equals(task)) return s;
        return null;
    }

    private static String f(double v) { return Double.isNaN(v) ? "n/a" : String.format("%.3f", v); }
}
