package org.exhibit.analysis.quotes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.exhibit.analysis.Pipeline;
import org.exhibit.model.Document;
import org.exhibit.model.Post;
import org.exhibit.model.Quote;
import org.exhibit.model.QuoteKind;
import org.exhibit.output.AnnotationWriter;
import org.exhibit.output.JsonWriter;
import org.exhibit.output.TeiWriter;
import org.exhibit.read.Readers;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Quotation by reproduction, on a thread written for the purpose, read from each board format. */
class ReproductionsTest {
    record P(String id, String author, String time, String body) {}

    static final String A_OWN = "The commission counted the deportation trains one by one from the railway ledgers kept at Kharkiv station, "
            + "and the ledgers show far fewer wagons than the memoirs later claimed.";
    static final String B_OWN = "Ledgers can be falsified as easily as memoirs, and nobody has compared them with the district reports "
            + "that the regional committee sent to Moscow every month.";

    /** A thread whose replies reproduce earlier posts without any quote markup. */
    static List<P> thread() {
        List<P> t = new ArrayList<>();
        t.add(new P("4101", "marta", "2019-03-02 10:15", A_OWN + "\n\nThank you for the link, it helps a lot."));
        // bob reproduces marta's words, cut with "...", then answers
        t.add(new P("4102", "bob", "2019-03-02 11:40", "The commission counted the deportation trains one by one ... "
                + "and the ledgers show far fewer wagons than the memoirs later claimed.\n\n" + B_OWN
                + "\n\nThank you for the link, it helps a lot."));
        // carl reproduces bob's words (lightly edited and rewrapped) and, separately, marta's
        t.add(new P("4103", "carl", "2019-03-02 12:33", "Ledgers can be falsified as easily as memoirs, and nobody has compared\nthem with "
                + "the district reports that the regional committee sent to Moscow each month.\n\n"
                + "That is a fair point and worth checking in the archive.\n\n"
                + "the ledgers show far fewer wagons than the memoirs later claimed.\n\nWhich memoirs, though?"));
        // dana reproduces what bob had reproduced from marta: marta's words, marta's post
        t.add(new P("4104", "dana", "2019-03-02 12:50", "The commission counted the deportation trains one by one\n\n"
                + "Counting trains tells you nothing about who was on them.\n\nThank you for the link, it helps a lot."));
        return t;
    }

    static String ndjson(List<P> t) {
        StringBuilder sb = new StringBuilder();
        ObjectMapper om = new ObjectMapper();
        long epoch = 1551521700;
        for (P p : t) {
            var o = om.createObjectNode().put("id", p.id()).put("author", p.author()).put("body", p.body()).put("created_utc", epoch += 600);
            sb.append(o).append('\n');
        }
        return sb.toString();
    }

    static String boardText(List<P> t) {
        StringBuilder sb = new StringBuilder();
        for (P p : t) sb.append(p.author()).append('\n').append(p.time()).append('\n').append(p.body()).append("\n\n");
        return sb.toString();
    }

    static String html(List<P> t) {
        StringBuilder sb = new StringBuilder("<!DOCTYPE html><html><body>");
        for (P p : t) {
            sb.append("<div class=\"post\" id=\"p").append(p.id()).append("\"><div class=\"author\"><strong>").append(p.author())
                    .append("</strong> <time datetime=\"").append(p.time().replace(' ', 'T')).append(":00Z\">").append(p.time()).append("</time></div>")
                    .append("<div class=\"content\">");
            for (String para : p.body().split("\n\n")) sb.append("<p>").append(para.replace("\n", "<br>")).append("</p>");
            sb.append("</div></div>");
        }
        return sb.append("</body></html>").toString();
    }

    static Document analyse(String name, String text) throws Exception {
        return Pipeline.standard().run(Readers.read(name, text.getBytes(StandardCharsets.UTF_8), "auto"));
    }

    /** The top-level passage of a post that contains the given words, or null. */
    static Quote quoteWith(Document doc, String post, String words) {
        for (Quote q : doc.quotes())
            if (q.post().equals(post) && q.kind() == QuoteKind.PASSAGE && q.parent() == null && q.text(doc).contains(words)) return q;
        return null;
    }

    void assertThread(Document doc, List<String> ids) {
        String a = ids.get(0), b = ids.get(1), c = ids.get(2), d = ids.get(3);
        // a cut with "...": one quotation of marta's post, evidence in her post
        Quote qb = quoteWith(doc, b, "deportation trains");
        assertNotNull(qb, "bob's reproduction of marta");
        assertTrue(qb.text(doc).contains("memoirs later claimed"), qb.text(doc));
        assertFalse(qb.text(doc).contains("falsified"), "bob's own words are not part of the quotation");
        assertEquals(a, qb.sourcePost());
        assertEquals("marta", qb.speaker().name());
        assertTrue(doc.slice(qb.speaker().evidence().span()).contains("railway ledgers"), "evidence is the span in marta's post");
        assertTrue(qb.speaker().confidence() > 0.5 && qb.speaker().confidence() <= 0.95);
        // one reply reproducing two earlier posts: two quotations, each with its source
        Quote fromBob = quoteWith(doc, c, "falsified");
        assertNotNull(fromBob);
        assertEquals(b, fromBob.sourcePost());
        assertEquals("bob", fromBob.speaker().name());
        assertFalse(fromBob.text(doc).contains("fair point"), "the reply's own words end the quotation");
        Quote fromMarta = quoteWith(doc, c, "fewer wagons");
        assertNotNull(fromMarta);
        assertNotSame(fromBob, fromMarta);
        // the words are marta's own in her post, bob's only as a quotation: marta's post is the source
        assertEquals(a, fromMarta.sourcePost());
        assertEquals("marta", fromMarta.speaker().name());
        Quote qd = quoteWith(doc, d, "deportation trains");
        assertNotNull(qd);
        assertEquals(a, qd.sourcePost());
        assertEquals("marta", qd.speaker().name());
        // a common phrase several posters write is no quotation
        assertNull(quoteWith(doc, d, "Thank you for the link"), "a stock phrase is not a reproduction");
        assertNull(quoteWith(doc, d, "Counting trains"), "dana's own words");
    }

    @Test void ndjsonWithoutMarkup() throws Exception {
        Document doc = analyse("thread.ndjson", ndjson(thread()));
        assertEquals(List.of("4101", "4102", "4103", "4104"), doc.posts().stream().map(Post::id).toList());
        assertThread(doc, List.of("4101", "4102", "4103", "4104"));
    }

    @Test void boardTextCopy() throws Exception {
        Document doc = analyse("thread.txt", boardText(thread()));
        assertEquals(4, doc.posts().size());
        assertThread(doc, List.of("p1", "p2", "p3", "p4")); // a text copy carries no ids
    }

    @Test void htmlPage() throws Exception {
        Document doc = analyse("thread.html", html(thread()));
        assertEquals(List.of("4101", "4102", "4103", "4104"), doc.posts().stream().map(Post::id).toList());
        assertThread(doc, List.of("4101", "4102", "4103", "4104"));
    }

    @Test void bbcodeMarkupQuoteGetsItsSource() throws Exception {
        List<P> t = thread();
        // the same reply, its first reproduction marked with [quote] this time
        P c = t.get(2);
        t.set(2, new P(c.id(), c.author(), c.time(), "[quote=bob]" + B_OWN + "[/quote]\n\nThat is a fair point and worth checking in the archive."));
        Document doc = analyse("thread.bbcode", boardText(t));
        assertEquals("bbcode", doc.source().format());
        Quote q = quoteWith(doc, "p3", "falsified");
        assertNotNull(q);
        assertEquals("bbcode", q.marker().label());
        assertEquals("p2", q.sourcePost());
        assertEquals("bob", q.speaker().name());
        long copies = doc.quotes().stream().filter(o -> o.post().equals("p3") && o.text(doc).contains("falsified")).count();
        assertEquals(1, copies, "a marked quotation is not found a second time as a reproduction");
    }

    @Test void quoteOfAQuoteKeepsTheOriginalSpeaker() throws Exception {
        List<P> t = new ArrayList<>();
        t.add(new P("a1", "marta", "2019-03-02 10:15", "Davies wrote to Washington on 17 March 1938:\n\n"
                + "\"The evidence was sufficient to justify the verdict of guilty of treason, and the accused were given every opportunity to defend themselves.\"\n\n"
                + "He sat through all three trials."));
        t.add(new P("a2", "bob", "2019-03-02 11:15", "The evidence was sufficient to justify the verdict of guilty of treason, and the accused were given every opportunity\n\n"
                + "Every opportunity? They had no counsel at all."));
        Document doc = analyse("thread.ndjson", ndjson(t));
        Quote earlier = quoteWith(doc, "a1", "verdict of guilty");
        assertNotNull(earlier);
        Quote q = quoteWith(doc, "a2", "verdict of guilty");
        assertNotNull(q);
        assertEquals("a1", q.sourcePost());
        if (earlier.speaker() != null) {
            // the reproduced words were Davies's in marta's post: his words, through her quotation
            assertEquals(earlier.speaker().name(), q.speaker().name());
            assertTrue(q.via().contains(earlier.id()), q.via().toString());
        } else {
            assertNotEquals("marta", q.speaker() == null ? null : q.speaker().name(), "words marta quoted are not hers");
        }
    }

    @Test void aPostStoredTwiceIsACopyNotAQuotation() throws Exception {
        List<P> t = thread();
        t.add(new P("4105", "marta", "2019-03-02 13:00", t.get(0).body())); // the board stored marta's post again
        Document doc = analyse("thread.ndjson", ndjson(t));
        assertNull(quoteWith(doc, "4105", "deportation trains"));
    }

    @Test void boardIdsThroughEveryOutput() throws Exception {
        List<P> t = thread();
        t.set(1, new P("t1_x:9/b", "bob", t.get(1).time(), t.get(1).body())); // an id no XML name or URN allows as is
        Document doc = analyse("thread.ndjson", ndjson(t));
        JsonNode json = new ObjectMapper().readTree(JsonWriter.toString(doc));
        List<String> ids = new ArrayList<>();
        json.path("posts").forEach(p -> ids.add(p.path("id").asText()));
        assertEquals(List.of("4101", "t1_x:9/b", "4103", "4104"), ids);
        boolean sourced = false;
        for (JsonNode q : json.path("quotes")) sourced |= "t1_x:9/b".equals(q.path("source_post").asText());
        assertTrue(sourced, "source_post in the board's id");
        String tei = TeiWriter.toString(doc);
        assertTrue(tei.contains("n=\"t1_x:9/b\""), "TEI keeps the original id");
        assertTrue(tei.contains("xml:id=\"post-t1_x_9_b\""), "and makes a safe xml:id of it");
        assertTrue(tei.contains("\"#post-t1_x_9_b\""), "a quotation (or its source entry) points at its source post");
        String ann = AnnotationWriter.toString(doc);
        assertTrue(ann.contains("post t1_x:9/b"), "annotations name the board's id");
        assertTrue(ann.contains(":post-t1_x%3A9%2Fb\""), "and make it safe in the annotation id");
    }

    /** Cost: a thread twice as long costs about twice as much (hashed shingles, no pairwise comparison). */
    @Test void linearInTheThread() throws Exception {
        Document small = Readers.read("s.ndjson", ndjson(longThread(Integer.getInteger("repro.n", 400))).getBytes(StandardCharsets.UTF_8), "auto");
        Document large = Readers.read("l.ndjson", ndjson(longThread(2 * Integer.getInteger("repro.n", 400))).getBytes(StandardCharsets.UTF_8), "auto");
        // the machine is shared: up to three attempts, the best ratio counts
        long s = 1, l = Long.MAX_VALUE;
        double ratio = Double.MAX_VALUE;
        for (int attempt = 0; attempt < 3 && ratio >= 3.0; attempt++) {
            long s1 = best(small), l1 = best(large);
            if ((double) l1 / s1 < ratio) { s = s1; l = l1; ratio = (double) l1 / s1; }
        }
        System.out.printf("reproductions: %d posts %.1f ms, twice as many %.1f ms, ratio %.2f%n", small.posts().size(), s / 1e6, l / 1e6, ratio);
        assertTrue(ratio < 3.0, "doubling the thread multiplied the cost by " + ratio);
    }

    /** The best of several runs after a warm-up, the heap collected first: the machine is shared. */
    private static long best(Document doc) {
        for (int i = 0; i < 3; i++) time(doc);
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 7; i++) { System.gc(); best = Math.min(best, time(doc)); }
        return best;
    }

    private static long time(Document doc) {
        List<Quote> quotes = new ArrayList<>();
        long t0 = System.nanoTime();
        Reproductions.find(doc, quotes);
        long t = System.nanoTime() - t0;
        assertFalse(quotes.isEmpty());
        return t;
    }

    /** Posts of varied words, each reproducing a sentence of the one before. */
    static List<P> longThread(int n) {
        List<P> t = new ArrayList<>();
        java.util.Random r = new java.util.Random(7);
        // a vocabulary of a few thousand words, as in real threads, where a run of four words rarely recurs by chance
        String[] roots = ("archive ledger train district report committee memoir witness figure count wagon station village "
                + "famine harvest quota grain order decree signature telegram minute file folder copy original date").split(" ");
        String[] vocab = new String[3000];
        for (int v = 0; v < vocab.length; v++) vocab[v] = roots[v % roots.length] + (v / roots.length == 0 ? "" : "s" + (v / roots.length));
        String prev = null;
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder();
            if (prev != null) sb.append(prev).append("\n\n");
            StringBuilder own = new StringBuilder();
            for (int w = 0; w < 40; w++) own.append(vocab[(int) Math.min(vocab.length - 1, Math.abs(r.nextGaussian()) * vocab.length / 3)]).append(w % 13 == 12 ? ". " : " ");
            sb.append(own);
            prev = own.substring(0, Math.min(own.length(), 160)).strip();
            t.add(new P("c" + i, "user" + (i % 17), "2019-03-02 10:15", sb.toString()));
        }
        return t;
    }
}
