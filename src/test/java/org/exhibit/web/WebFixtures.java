package org.exhibit.web;

import org.exhibit.analysis.Pipeline;
import org.exhibit.model.*;
import org.exhibit.read.InputException;
import org.exhibit.read.Readers;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Threads for the web view's tests: read with the real readers and pipeline, then given by hand every kind of
 * finding the later analysis stages produce, so each part of the view has something to show.
 */
final class WebFixtures {
    private WebFixtures() {}

    static final String DAVIES = "After daily observation of the witnesses, their manner of testifying, the unconscious "
            + "corroborations that developed, I am convinced the defendants were guilty.";

    static final String THREAD = """
            Cassius Clay
            27th July 2003, 12:08
            Joseph Davies, the American ambassador, watched the trial every day. In Mission to Moscow (1941), p. 43 he wrote:

            "%s"

            Robert Conquest, citing a review in the TLS, gives Bukharin's last plea: "I kneel before the country, before the Party, before the whole people." The so-called 'confessions' are the heart of the matter.

            Source: J. Davies, Mission to Moscow, London 1942, pp. 43-44.

            Red Historian
            28th July 2003, 09:15
            QUOTE(Cassius Clay @ 27th July 2003, 12:08)
            "%s"
            QUOTE
            Davies was a political appointee. In March 1938 he cabled Washington that the trial had proved the charges, yet a year later he wrote that he had doubts.
            """.formatted(DAVIES, DAVIES);

    static Document read(String name, String text) {
        try {
            return Pipeline.standard().run(Readers.read(name, text.getBytes(StandardCharsets.UTF_8), "auto"));
        } catch (InputException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The fixtures below add their findings by hand: drop what the pipeline found so the expectations are exact. */
    static Document bare(Document d) {
        d.quotes().clear();
        d.citations().clear();
        d.mentions().clear();
        d.entities().clear();
        d.dates().clear();
        d.reuse().clear();
        d.flags().clear();
        return d;
    }

    /** The n-th (0-based) occurrence of a needle in the document text. */
    static Span at(Document d, String needle, int nth) {
        int i = -1;
        for (int k = 0; k <= nth; k++) {
            i = d.text().indexOf(needle, i + 1);
            if (i < 0) throw new IllegalArgumentException("not in fixture: " + needle + " #" + nth);
        }
        return new Span(i, i + needle.length());
    }

    static Span at(Document d, String needle) { return at(d, needle, 0); }

    static Evidence ev(Document d, Span s) { return new Evidence(s, d.slice(s)); }

    /** Two posts, nested quotes of every kind, attribution, a via chain, names, dates, a citation, reuse, flags. */
    static Document annotated() {
        Document d = bare(read("ambassador.txt", THREAD));
        if (d.posts().size() != 2) throw new IllegalStateException("fixture should read as two posts: " + d.posts());

        Quote q1 = new Quote("q1", "p1", at(d, DAVIES, 0), QuoteKind.PASSAGE, Marker.DOUBLE, null, null);
        q1.speaker(new Speaker("Joseph E. Davies", "Joseph Davies", "davies", ev(d, at(d, "Joseph Davies, the American ambassador")), 0.9));
        q1.work(new Work("Mission to Moscow", "Joseph E. Davies", 1941, "43", ev(d, at(d, "In Mission to Moscow (1941), p. 43")), 0.8));
        Quote title = new Quote("q2", "p1", at(d, "Mission to Moscow", 0), QuoteKind.TITLE, Marker.NONE, null, null);
        String plea = "I kneel before the country, before the Party, before the whole people.";
        Quote q3 = new Quote("q3", "p1", at(d, plea), QuoteKind.PASSAGE, Marker.DOUBLE, null, null);
        q3.speaker(new Speaker("Nikolai Bukharin", "Bukharin", "bukharin", ev(d, at(d, "gives Bukharin's last plea")), 0.85));
        q3.via().addAll(List.of("Robert Conquest", "a review in the TLS"));
        q3.flags().add(new Flag("no-page", "The plea is given without work or page.", ev(d, at(d, "citing a review in the TLS"))));
        Quote scare = new Quote("q4", "p1", at(d, "confessions"), QuoteKind.SCARE, Marker.SINGLE, null, null);

        int afterHeader = d.text().indexOf('\n', at(d, "QUOTE(Cassius").start()) + 1;
        Quote outer = new Quote("q5", "p2", new Span(afterHeader, at(d, "\nQUOTE\n").start()), QuoteKind.PASSAGE, Marker.QUOTE_HEADER,
                null, null, List.of(), "Cassius Clay", "27th July 2003, 12:08", null);
        outer.speaker(new Speaker("Cassius Clay", "Cassius Clay", null, ev(d, at(d, "QUOTE(Cassius Clay @ 27th July 2003, 12:08)")), 1.0));
        outer.sourcePost("p1");
        Quote inner = new Quote("q6", "p2", at(d, DAVIES, 1), QuoteKind.PASSAGE, Marker.DOUBLE, null, null);
        inner.parent("q5");
        inner.speaker(q1.speaker());
        inner.work(q1.work());
        inner.via().add("Cassius Clay");
        d.quotes().addAll(List.of(q1, title, q3, scare, outer, inner));

        d.citations().add(new Citation(at(d, "J. Davies, Mission to Moscow, London 1942, pp. 43-44."), "J. Davies, Mission to Moscow, London 1942, pp. 43-44.",
                Citation.Kind.REFERENCE, "J. Davies", "Mission to Moscow", "London", 1942, "43-44", null, List.of("year differs from the text (1941)")));

        d.entities().add(new Entity("davies", "Joseph E. Davies", EntityType.PERSON, "1876-1958", "US ambassador to the USSR", List.of("Davies"), Map.of("wikidata", "Q725560")));
        d.entities().add(new Entity("bukharin", "Nikolai Bukharin", EntityType.PERSON, "1888-1938", "defendant", List.of(), Map.of()));
        d.entities().add(new Entity("washington", "Washington, D.C.", EntityType.PLACE, null, null, List.of(), Map.of()));
        d.mentions().add(new Mention(at(d, "Joseph Davies"), "Joseph Davies", "davies", EntityType.PERSON, "exact", 1.0));
        d.mentions().add(new Mention(new Span(at(d, "Davies was").start(), at(d, "Davies was").start() + 6), "Davies", "davies", EntityType.PERSON, "variant", 0.9));
        d.mentions().add(new Mention(at(d, "Bukharin"), "Bukharin", "bukharin", EntityType.PERSON, "exact", 1.0));
        d.mentions().add(new Mention(at(d, "Washington"), "Washington", "washington", EntityType.PLACE, "exact", 0.8));

        d.dates().add(new TimeExpression(at(d, "27th July 2003, 12:08"), "27th July 2003, 12:08", "2003-07-27T12:08", null, null, null));
        d.dates().add(new TimeExpression(at(d, "1941"), "1941", "1941", null, null, null));
        d.dates().add(new TimeExpression(at(d, "March 1938"), "March 1938", "1938-03", null, null, null));
        d.dates().add(new TimeExpression(at(d, "a year later"), "a year later", "1939-03", "APPROX", at(d, "March 1938"), "March 1938"));

        Span a = at(d, DAVIES, 0), b = at(d, DAVIES, 1);
        d.reuse().add(new Reuse("verbatim repeat", List.of(new Reuse.Part(null, "p1", a, DAVIES, "q1"), new Reuse.Part(null, "p2", b, DAVIES, "q6")), 1.0, null));
        d.flags().add(new Flag("same-source", "Davies's verdict in post p2 repeats post p1: one witness, not two.", ev(d, b)));
        return d;
    }

    /** A thread whose posts, and whose findings, carry markup and script meant to run in a reader's browser. */
    static final String HOSTILE_BODY = "<script>window.__pwned = 1; alert(1)</script>";
    static final String HOSTILE_IMG = "\"><img src=x onerror=\"window.__pwned=2\">";
    static final String HOSTILE_LINK = "<a href=\"javascript:window.__pwned=3\">click me</a>";
    static final String RTL = "report\u202Egnp.exe\u202C done";

    static final java.util.Set<String> SVG_ELEMENTS = java.util.Set.of("svg", "g", "rect", "path", "line", "circle", "text", "title");

    /** Nothing in a page may run or load: only our script, no handlers, no script URLs, no foreign elements or links. */
    static void assertInert(String html) {
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(html);
        // The drawings the server makes (the provenance graph and the timeline) are the only SVG, and hold only shapes and text.
        for (org.jsoup.nodes.Element svg : page.select("svg")) {
            org.junit.jupiter.api.Assertions.assertTrue(svg.is("#provenance svg.pg, #provenance svg.tl"), "foreign svg: " + svg.outerHtml());
            for (org.jsoup.nodes.Element e : svg.select("*")) {
                org.junit.jupiter.api.Assertions.assertTrue(SVG_ELEMENTS.contains(e.normalName()), "element " + e.normalName() + " in a drawing");
                for (org.jsoup.nodes.Attribute a : e.attributes()) {
                    String k = a.getKey().toLowerCase();
                    org.junit.jupiter.api.Assertions.assertFalse(k.startsWith("on") || k.equals("style") || k.endsWith("href"), "attribute " + a + " in a drawing");
                }
            }
        }
        page.select("#provenance svg").remove();
        org.junit.jupiter.api.Assertions.assertEquals(List.of("/static/view.js"), page.select("script").eachAttr("src"));
        org.junit.jupiter.api.Assertions.assertTrue(page.select("img, svg, math, iframe, object, embed, form, base, style, meta[http-equiv], link:not([href=/static/view.css])").isEmpty(),
                "foreign elements: " + page.select("img, svg, math, iframe, object, embed, form, base, style, meta[http-equiv]"));
        for (org.jsoup.nodes.Element e : page.getAllElements()) {
            for (org.jsoup.nodes.Attribute a : e.attributes()) {
                org.junit.jupiter.api.Assertions.assertFalse(a.getKey().toLowerCase().startsWith("on"), "event handler attribute " + a);
                org.junit.jupiter.api.Assertions.assertFalse(a.getKey().equalsIgnoreCase("style"), "inline style " + a);
                org.junit.jupiter.api.Assertions.assertFalse(a.getValue().toLowerCase().replaceAll("[\\s\\x00-\\x1f]", "").contains("javascript:")
                        && (a.getKey().equals("href") || a.getKey().equals("src")), "script URL " + a);
            }
            if (e.hasAttr("href")) org.junit.jupiter.api.Assertions.assertTrue(e.attr("href").startsWith("#") || e.attr("href").startsWith("/"), "foreign link " + e.attr("href"));
        }
    }

    static Document hostile() {
        String text = """
                Mallory
                29th July 2003, 01:00
                %s
                She said "%s" and then %s.
                File: %s

                Trent
                29th July 2003, 02:00
                </div></article><script>window.__pwned = 7</script><!--
                """.formatted(HOSTILE_BODY, HOSTILE_IMG, HOSTILE_LINK, RTL);
        Document d = bare(read("mallory<script>.txt", text));
        Quote q = new Quote("q1\"><script>window.__pwned=8</script>", "p1", at(d, HOSTILE_IMG), QuoteKind.PASSAGE, Marker.DOUBLE, null, null);
        q.speaker(new Speaker("<img src=x onerror=window.__pwned=4>", "She", null, ev(d, at(d, "She said")), 0.5));
        q.work(new Work("</span><script>window.__pwned=5</script>", "javascript:alert(1)", null, "1\u202E2", null, 0.4));
        q.via().add("javascript:window.__pwned=9");
        q.flags().add(new Flag("<b onmouseover=window.__pwned=10>x</b>", "<iframe src=javascript:alert(1)>", ev(d, at(d, HOSTILE_LINK))));
        d.quotes().add(q);
        d.entities().add(new Entity("e\"1", "\"><svg onload=window.__pwned=6>", EntityType.PERSON, null, "<u>role</u>", List.of(), Map.of("<k>", "<v>")));
        d.mentions().add(new Mention(at(d, "She"), "She", "e\"1", EntityType.PERSON, "<i>how</i>", 1.0));
        d.dates().add(new TimeExpression(at(d, "29th July 2003, 01:00"), "<script>", "2003-07-29\"><script>", null, null, null));
        d.citations().add(new Citation(at(d, HOSTILE_LINK), HOSTILE_LINK, Citation.Kind.REFERENCE, null, "<script>x</script>", null, null, null, null, List.of("<b>")));
        d.flags().add(new Flag("<script>", HOSTILE_BODY, ev(d, at(d, HOSTILE_BODY))));
        return d;
    }
}
