package org.exhibit.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exhibit.cli.AnalyzeCommand;
import org.exhibit.model.Document;
import org.exhibit.model.Reuse;
import org.exhibit.model.Span;
import org.exhibit.output.GraphWriter;
import org.exhibit.output.JsonWriter;
import org.exhibit.output.Provenance;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The provenance graph: its nodes and links from the edition, GraphML a standard parser reads, a layout without overlaps. */
class ProvenanceGraphTest {
    static final Path SAMPLE = Path.of("..", "shared", "samples", "show-trials-thread.txt");

    /** GraphML through the JDK's DOM parser, namespace-aware: [nodes, edges] as parsed elements. */
    static org.w3c.dom.Document parse(String graphml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(graphml)));
    }

    static Map<String, String> data(org.w3c.dom.Element el) {
        Map<String, String> m = new HashMap<>();
        NodeList l = el.getElementsByTagNameNS(GraphWriter.GRAPHML_NS, "data");
        for (int i = 0; i < l.getLength(); i++) {
            org.w3c.dom.Element d = (org.w3c.dom.Element) l.item(i);
            m.put(d.getAttribute("key"), d.getTextContent());
        }
        return m;
    }

    @Test void theFixtureGraphHasItsSourcesHandsAndPosts() throws Exception {
        ObjectNode ed = JsonWriter.toJson(WebFixtures.annotated());
        org.w3c.dom.Document xml = parse(GraphWriter.graphml(ed));
        NodeList nodes = xml.getElementsByTagNameNS(GraphWriter.GRAPHML_NS, "node"), edges = xml.getElementsByTagNameNS(GraphWriter.GRAPHML_NS, "edge");
        // Davies and Bukharin speak; Mission to Moscow is the work; Conquest, the TLS review and Cassius Clay are hands
        // named in 'via'; the two posts. The title and the scare quote name no source and are left out.
        Map<String, Integer> kinds = new HashMap<>();
        Map<String, String> idToLabel = new HashMap<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            org.w3c.dom.Element n = (org.w3c.dom.Element) nodes.item(i);
            Map<String, String> d = data(n);
            kinds.merge(d.get("kind"), 1, Integer::sum);
            idToLabel.put(n.getAttribute("id"), d.get("label"));
        }
        assertEquals(Map.of("speaker", 2, "work", 1, "hand", 3, "post", ed.withArray("posts").size()), kinds);
        assertEquals(8, nodes.getLength());
        List<String> links = new ArrayList<>();
        for (int i = 0; i < edges.getLength(); i++) {
            org.w3c.dom.Element e = (org.w3c.dom.Element) edges.item(i);
            links.add(idToLabel.get(e.getAttribute("source")) + " > " + idToLabel.get(e.getAttribute("target")) + " " + data(e).get("ekind"));
        }
        assertEquals(8, edges.getLength(), links.toString());
        assertTrue(links.contains("Nikolai Bukharin > Robert Conquest quoted-in") && links.contains("Robert Conquest > a review in the TLS quoted-in")
                && links.contains("a review in the TLS > p1 · Cassius Clay quoted-in"), links.toString());
        assertTrue(links.contains("p1 · Cassius Clay > p2 · Red Historian reproduces"), "the quoting post reproduces the first: " + links);
        // The JSON list is the same graph.
        JsonNode json = GraphWriter.json(ed);
        assertEquals(nodes.getLength(), json.get("nodes").size());
        assertEquals(edges.getLength(), json.get("edges").size());
        assertEquals(0, json.get("groups").size(), "no two sources are shown to be one");
    }

    @Test void sameSourceReuseDrawsOneGroupAroundBothSources() {
        Document d = WebFixtures.annotated();
        d.reuse().clear();
        d.flags().clear();
        Span a = WebFixtures.at(d, WebFixtures.DAVIES, 0), b = WebFixtures.at(d, "I kneel before the country");
        d.reuse().add(new Reuse("same-source", List.of(new Reuse.Part(null, "p1", a, WebFixtures.DAVIES, "q1"),
                new Reuse.Part(null, "p1", b, "I kneel", "q3")), 0.9, null));
        ObjectNode ed = JsonWriter.toJson(d);
        Provenance g = Provenance.of(ed);
        assertEquals(1, g.groups.size());
        Set<String> members = new HashSet<>();
        for (int m : g.groups.get(0).members) members.add(g.nodes.get(m).label);
        assertEquals(Set.of("Mission to Moscow", "Nikolai Bukharin"), members, "each quote's own source: the work, else the speaker");
        var page = Jsoup.parse(new ThreadPage("t", "t", ed).render());
        Element group = page.selectFirst("#provenance svg.pg g.pg-group");
        assertNotNull(group);
        // The box holds its members' rows: the group's sources share a column and sit together.
        Element box = group.selectFirst("rect.pg-box");
        double bx = num(box, "x"), by = num(box, "y"), bw = num(box, "width"), bh = num(box, "height");
        for (String m : group.attr("data-members").split(" ")) {
            Element r = page.selectFirst("#pg-n-" + m + " rect");
            assertTrue(num(r, "x") >= bx && num(r, "x") + num(r, "width") <= bx + bw && num(r, "y") >= by && num(r, "y") + num(r, "height") <= by + bh,
                    "node " + m + " inside its group's box");
        }
        assertTrue(page.select("#provenance summary").text().contains("1 set of sources that are one"));
    }

    @Test void hostileLabelsAreTextInTheDrawing() {
        var page = Jsoup.parse(new ThreadPage("h", "h", JsonWriter.toJson(WebFixtures.hostile())).render());
        String labels = page.select("#provenance svg.pg title").eachText().toString();
        assertTrue(labels.contains("<img src=x onerror=window.__pwned=4>"), labels);
        assertTrue(labels.contains("</span><script>window.__pwned=5</script>"), labels);
        assertTrue(labels.contains("javascript:window.__pwned=9"), labels);
        WebFixtures.assertInert(page.outerHtml());
    }

    static double num(Element e, String attr) { return Double.parseDouble(e.attr(attr)); }

    /** Node boxes of a rendered graph: [x, y, w, h, fits] where fits is the label's room in characters. */
    static List<double[]> boxes(Element svg) {
        List<double[]> l = new ArrayList<>();
        for (Element n : svg.select("g.pg-node")) {
            Element r = n.selectFirst("rect");
            l.add(new double[]{num(r, "x"), num(r, "y"), num(r, "width"), num(r, "height"), n.selectFirst("text.pg-label").text().codePointCount(0, n.selectFirst("text.pg-label").text().length())});
        }
        return l;
    }

    static void assertNoOverlaps(org.jsoup.nodes.Document page) {
        assertFalse(page.select("#provenance svg.pg").isEmpty());
        for (Element svg : page.select("#provenance svg.pg")) assertNoOverlaps(svg);
    }

    static void assertNoOverlaps(Element svg) {
        List<double[]> b = boxes(svg);
        assertFalse(b.isEmpty());
        for (int i = 0; i < b.size(); i++) {
            double[] p = b.get(i);
            assertTrue(p[4] * GraphView.CHAR <= p[2] - GraphView.PAD - 20, "label cut to its box: " + p[4] + " chars in " + p[2]);
            for (int j = i + 1; j < b.size(); j++) {
                double[] q = b.get(j);
                boolean apart = p[0] + p[2] <= q[0] || q[0] + q[2] <= p[0] || p[1] + p[3] <= q[1] || q[1] + q[3] <= p[1];
                assertTrue(apart, "boxes overlap: " + java.util.Arrays.toString(p) + " " + java.util.Arrays.toString(q));
            }
        }
    }

    /** A made-up thread of many posts quoting each other and a few invented sources through hands. */
    static ObjectNode bigEdition(int posts, int quotes, long seed) {
        Random r = new Random(seed);
        String[] people = {"Arvid Lindqvist", "Marta Ostrowska", "Henrik Baumgartner", "Ilse Vanderkerk", "Tomasz Wierzbicki", "Odile Marchetti",
                "Council of Lower Thessaly", "Edmund Carrow-Whitfield", "Sigrun Halvorsen", "the correspondent of the Evening Ledger"};
        String[] works = {"Recollections of a Quiet Decade", "The Northern Archive, volume two", "Letters from the Harbour Office",
                "Minutes of the Provincial Assembly and of its Standing Committees", "A Winter in Karsk", "Proceedings"};
        String[] authors = {"anna_k", "Boris1911", "quietreader", "Longshoreman", "marginalia", "Tessellate", "old_hand", "Pemberton", "xylo", "Rook"};
        ObjectNode ed = JsonWriter.mapper().createObjectNode();
        StringBuilder text = new StringBuilder();
        ArrayNode ps = ed.putArray("posts"), qs = ed.putArray("quotes");
        int[][] spans = new int[posts][];
        int perPost = quotes / posts + 2;
        for (int i = 0; i < posts; i++) {
            int s = text.length();
            for (int k = 0; k < perPost; k++) text.append("Some words of the poster, then a passage given here at length for the reader. ");
            spans[i] = new int[]{s, text.length()};
            text.append("\n\n");
            ObjectNode p = ps.addObject();
            p.put("id", "p" + (i + 1)).put("author", authors[r.nextInt(authors.length)]).put("published", String.format("2011-%02d-%02dT10:%02d", 1 + i / 28 % 12, 1 + i % 28, i % 60))
                    .put("start", s).put("end", text.length() - 2);
        }
        ed.put("text", text.toString());
        int[] used = new int[posts];
        for (int q = 0; q < quotes; q++) {
            int post = r.nextInt(posts);
            int slot = used[post]++ % perPost;
            int s = spans[post][0] + slot * 80 + 30;
            ObjectNode o = qs.addObject();
            o.put("id", "q" + (q + 1)).put("post", "p" + (post + 1)).put("start", s).put("end", s + 40).put("kind", "passage").put("text", "a passage given here at length");
            double kind = r.nextDouble();
            if (kind < 0.45 && post > 0) {
                int src = r.nextInt(post);
                o.put("source_post", "p" + (src + 1));
                o.putObject("speaker").put("name", ps.get(src).get("author").asText());
            } else {
                o.putObject("speaker").put("name", people[r.nextInt(people.length)]);
                if (kind < 0.8) o.putObject("work").put("title", works[r.nextInt(works.length)]).put("year", 1900 + r.nextInt(60));
                if (kind > 0.9) o.putArray("via").add(people[r.nextInt(people.length)]).add("an unnamed pamphlet of the time");
            }
        }
        return ed;
    }

    @Test void manyPostsAndQuotesLayOutWithoutOverlapsAndRenderQuickly() {
        ObjectNode ed = bigEdition(120, 300, 20);
        ThreadPage page = new ThreadPage("big", "big", ed);
        String html = page.render();
        var doc = Jsoup.parse(html);
        assertNoOverlaps(doc);
        Provenance g = Provenance.of(ed);
        assertEquals(g.nodes.size(), doc.select("#provenance svg.pg:not(.pg-posters) g.pg-node").size());
        assertEquals(g.edges.size(), doc.select("#provenance svg.pg:not(.pg-posters) g.pg-edge").size());
        assertEquals(1, doc.select("#provenance svg.pg-posters").size(), "many posts: the graph folded by poster too");
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            new ThreadPage("big", "big", ed).render();
            best = Math.min(best, System.nanoTime() - t);
        }
        assertTrue(best < 1_000_000_000L, "page rendered in " + best / 1_000_000 + " ms");
    }

    @Test void theSampleGraphFollowsItsChainsAndCountsMatchTheEdition() throws Exception {
        Assumptions.assumeTrue(org.exhibit.Shared.has(SAMPLE), "../shared/samples not present: skipping");
        ObjectNode ed = JsonWriter.toJson(AnalyzeCommand.analyze(SAMPLE, "auto"));
        org.w3c.dom.Document xml = parse(GraphWriter.graphml(ed));
        NodeList nodes = xml.getElementsByTagNameNS(GraphWriter.GRAPHML_NS, "node"), edges = xml.getElementsByTagNameNS(GraphWriter.GRAPHML_NS, "edge");
        // Every speaker the edition names (outside reproductions of posts) is one node; every post that quotes is one.
        Set<String> speakers = new HashSet<>(), works = new HashSet<>(), posts = new HashSet<>();
        for (JsonNode q : ed.withArray("quotes")) {
            if (q.path("speaker").path("name").isTextual() && q.path("source_post").isNull()) speakers.add(q.path("speaker").path("name").asText());
            if (q.path("work").path("title").isTextual()) works.add(q.path("work").path("title").asText().toLowerCase());
            if (q.path("speaker").isObject() || q.path("work").isObject()) posts.add(q.path("post").asText());
        }
        Map<String, Integer> kinds = new HashMap<>();
        Set<String> labels = new HashSet<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Map<String, String> d = data((org.w3c.dom.Element) nodes.item(i));
            kinds.merge(d.get("kind"), 1, Integer::sum);
            if (!labels.add(d.get("kind") + ":" + d.get("label").toLowerCase())) fail("two nodes for " + d.get("label"));
        }
        assertEquals(speakers.size(), kinds.get("speaker"), speakers.toString());
        assertEquals(posts.size(), kinds.get("post"));
        // A periodical speaker that names its work ("reviewer, Times Literary Supplement") is drawn once.
        assertTrue(kinds.get("work") >= works.size() - 1 && kinds.get("work") <= works.size(), kinds + " " + works);
        // Every attributed passage reaches a post along links of the graph.
        JsonNode json = GraphWriter.json(ed);
        assertEquals(nodes.getLength(), json.get("nodes").size());
        assertEquals(edges.getLength(), json.get("edges").size());
        // The Bukharin passage: Bukharin > the memoirs > the TLS reviewer > the unnamed article > the post.
        String bukharin = null;
        for (JsonNode q : ed.withArray("quotes"))
            if (q.path("speaker").path("name").asText().contains("Bukharin") && q.path("via").size() == 2) { bukharin = q.get("id").asText(); break; }
        assertNotNull(bukharin);
        int links = 0;
        for (int i = 0; i < edges.getLength(); i++)
            if (List.of(data((org.w3c.dom.Element) edges.item(i)).get("equotes").split(" ")).contains(bukharin)) links++;
        assertEquals(4, links, "four links from Bukharin to the post");
        var page = Jsoup.parse(new ThreadPage("s", "s", ed).render());
        assertNoOverlaps(page);
    }

    @Test void iacThreadOfManyPostsIsDrawnWithoutOverlaps() throws Exception {
        Path iac = Path.of("..", "shared", "dev", "iac", "iac-9196.txt");
        Assumptions.assumeTrue(org.exhibit.Shared.has(iac), "../shared/dev not present: skipping");
        ObjectNode ed = JsonWriter.toJson(AnalyzeCommand.analyze(iac, "auto"));
        assertTrue(ed.withArray("posts").size() >= 100);
        var page = Jsoup.parse(new ThreadPage("i", "i", ed).render());
        assertNoOverlaps(page);
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            new ThreadPage("i", "i", ed).render();
            best = Math.min(best, System.nanoTime() - t);
        }
        System.err.println("ProvenanceGraphTest: iac-9196 (" + ed.withArray("posts").size() + " posts, " + ed.withArray("quotes").size() + " quotes) renders in " + best / 1_000_000 + " ms warm");
        assertTrue(best < 1_000_000_000L, "rendered in " + best / 1_000_000 + " ms");
    }

    @Test void aSourceQuotedForEventsAfterItsOwnDateIsMarked() {
        // Invented thread: a memoir dated 1930 quoted for an event of 1936; a post of 2009.
        String text = "Some words first. In his memoir he wrote: \"The bridge was opened in May 1936 by the governor.\" And in 1925 the plans were made.";
        ObjectNode ed = JsonWriter.mapper().createObjectNode();
        ed.put("text", text);
        ed.putArray("posts").addObject().put("id", "p1").put("author", "reader").put("published", "2009-04-02T10:00").put("start", 0).put("end", text.length());
        int qs = text.indexOf("The bridge"), qe = text.indexOf("governor.") + 9;
        ObjectNode q = ed.putArray("quotes").addObject().put("id", "q1").put("post", "p1").put("start", qs).put("end", qe).put("kind", "passage");
        q.putObject("speaker").put("name", "Osric Pell");
        q.putObject("work").put("title", "Memoir of a Bridge Builder").put("year", 1930);
        ArrayNode dates = ed.putArray("dates");
        int d1 = text.indexOf("May 1936"), d2 = text.indexOf("1925");
        dates.addObject().put("start", d1).put("end", d1 + 8).put("text", "May 1936").put("value", "1936-05");
        dates.addObject().put("start", d2).put("end", d2 + 4).put("text", "1925").put("value", "1925");
        var page = Jsoup.parse(new ThreadPage("t", "t", ed).render());
        Element row = page.select("#provenance svg.tl g.tl-row").stream().filter(r -> r.text().contains("Memoir of a Bridge Builder")).findFirst().orElseThrow();
        assertEquals(1, row.select("g.tl-mark.anachronism").size(), "the 1936 event in a work of 1930");
        assertEquals("0", row.selectFirst("g.tl-mark").attr("data-q"));
        assertEquals(1, row.select("path.tl-own").size(), "the work's own date");
        Element own = page.select("#provenance svg.tl g.tl-row.own").first();
        assertNotNull(own, "the poster's own 1925 is a date of the post, not of the memoir");
        assertEquals(0, own.select(".anachronism").size());
        assertTrue(page.select(".anachronisms li").text().contains("speaks of 1936, after its work’s date (1930)"), page.select(".anachronisms").text());
        assertEquals(1, page.select("#provenance svg.tl g.posted line.tl-post").size());
        // Without the contradiction nothing is flagged.
        ((ObjectNode) ed.withArray("quotes").get(0).get("work")).put("year", 1940);
        var fine = Jsoup.parse(new ThreadPage("t", "t", ed).render());
        assertEquals(0, fine.select("#provenance svg .anachronism").size());
        assertTrue(fine.select(".anachronisms").isEmpty());
    }
}
