package org.exhibit.output;

import org.exhibit.model.*;

import java.util.ArrayList;
import java.util.List;

/** Prints how long each output takes on a large synthetic thread (run by bench/outputs.sh; not a test). */
public final class OutputsBench {
    public static void main(String[] args) {
        int posts = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        StringBuilder t = new StringBuilder();
        List<Post> ps = new ArrayList<>();
        for (int i = 0; i < posts; i++) {
            int s = t.length();
            t.append("Someone wrote \"the defendants <&> were guilty 😀, said Vyshinsky in 1937\" and Davies agreed. ".repeat(3)).append('\n');
            ps.add(new Post("p" + i, "user" + (i % 50), "2003-07-27T12:08", new Span(s, t.length())));
        }
        String text = t.toString();
        Document d = new Document(new Source("bench.txt", "text", "0".repeat(64)), text, ps);
        d.entities().add(new Entity("v", "Andrey Vyshinsky", EntityType.PERSON, null, null, List.of(), java.util.Map.of()));
        int q = 0;
        for (int i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) {
            int e = text.indexOf('"', i + 1);
            Quote quote = new Quote("q" + (++q), "p0", new Span(i + 1, e), QuoteKind.PASSAGE, Marker.DOUBLE, null, null);
            quote.speaker(new Speaker("Andrey Vyshinsky", "Vyshinsky", "v", null, 1));
            d.quotes().add(quote);
            i = e;
        }
        for (int i = text.indexOf("Vyshinsky"); i >= 0; i = text.indexOf("Vyshinsky", i + 1))
            d.mentions().add(new Mention(new Span(i, i + 9), "Vyshinsky", "v", EntityType.PERSON, "exact", 1));
        for (int i = text.indexOf("1937"); i >= 0; i = text.indexOf("1937", i + 1))
            d.dates().add(new TimeExpression(new Span(i, i + 4), "1937", "1937", null, null, null));
        System.out.printf("thread: %d posts, %d chars, %d quotes, %d mentions, %d dates%n", posts, text.length(), d.quotes().size(), d.mentions().size(), d.dates().size());
        for (int round = 0; round < 2; round++) {
            long t0 = System.nanoTime();
            int tei = TeiWriter.toString(d).length();
            long t1 = System.nanoTime();
            int ann = AnnotationWriter.toString(d).length();
            long t2 = System.nanoTime();
            int csl = CslWriter.toString(d).length();
            long t3 = System.nanoTime();
            int json = JsonWriter.toString(d).length();
            long t4 = System.nanoTime();
            System.out.printf("%s tei %d ms (%d kB), annotations %d ms (%d kB), csl %d ms, json %d ms (%d kB)%n", round == 0 ? "cold" : "warm",
                    (t1 - t0) / 1_000_000, tei / 1024, (t2 - t1) / 1_000_000, ann / 1024, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000, json / 1024);
        }
    }
}
