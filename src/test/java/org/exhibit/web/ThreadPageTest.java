package org.exhibit.web;

import org.exhibit.model.Document;
import org.exhibit.output.JsonWriter;
import org.exhibit.read.InputException;
import org.exhibit.read.Readers;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class ThreadPageTest {
    /** Markup a hostile poster could paste, in the shapes each input format gives it meaning. */
    static final String HOSTILE = """
            Mallory
            29th July 2003, 01:00
            <script>window.__pwned=1</script> [quote="<img src=x onerror=alert(1)>"]<svg onload=alert(2)>[/quote]
            [url=javascript:alert(3)]link[/url] [url]javascript:alert(4)[/url] [img]javascript:alert(5)[/img]
            > <iframe src="javascript:alert(6)"></iframe>
            [click](javascript:alert(7)) ![x](javascript:alert(8)) <a href=" jav&#x09;ascript:alert(9)">a</a>
            <blockquote onmouseover="alert(10)"><p style="background:url(javascript:alert(11))">quoted</p></blockquote>
            {"post_stream": {"posts": [{"username": "<script>", "cooked": "<img src=x onerror=alert(12)>"}]}}
            """;

    @Test void hostileMarkupThroughEveryReaderStaysInert() throws Exception {
        List<String> read = new ArrayList<>();
        for (String format : Readers.formats()) {
            Document doc;
            try {
                doc = Readers.read("hostile." + format, HOSTILE.getBytes(StandardCharsets.UTF_8), format);
            } catch (InputException e) {
                continue; // a reader that refuses the text cannot put it on a page
            }
            read.add(format);
            String html = new ThreadPage("hostile", "hostile <b>." + format, JsonWriter.toJson(doc)).render();
            WebFixtures.assertInert(html);
        }
        assertFalse(read.isEmpty(), "no reader accepted the hostile text");
    }

    @Test void theDateStripPlacesPointsAndListsDurationsAndSets() throws Exception {
        Document doc = Readers.read("t.txt", """
                Newswire
                6th May 1999
                The strike began last week and lasted three days. The council meets every week.
                It will vote in the second quarter. The mill opened in the 1930s.
                """.getBytes(StandardCharsets.UTF_8), "text");
        org.exhibit.analysis.Pipeline.standard().run(doc);
        var page = Jsoup.parse(new ThreadPage("t", "t", JsonWriter.toJson(doc)).render());
        assertEquals(List.of("1930s", "1999", "1999", "1999"), page.select(".timeline .tick").eachText(),
                "the decade, the header date, last week and the quarter are points in time");
        List<String> listed = page.select(".timeline ul.spans li").eachText();
        assertEquals(List.of("three days = P3D", "every week = P1W"), listed, "a duration and a set are listed, not placed");
        assertEquals(List.of("duration", "set"), page.select(".timeline ul.spans li").eachAttr("class"));
        // placed at the middle of what they name: last week (W17) before the header day (6 May), the quarter after it
        List<Double> xs = new ArrayList<>();
        for (var t : page.select(".timeline .tick")) xs.add(Double.parseDouble(t.attr("data-x")));
        List<String> titles = page.select(".timeline .tick").eachAttr("title");
        assertTrue(titles.get(1).startsWith("last week") && titles.get(2).startsWith("6th May 1999") && titles.get(3).startsWith("the second quarter"), titles.toString());
        assertTrue(xs.get(0) < xs.get(1) && xs.get(1) < xs.get(2) && xs.get(2) < xs.get(3), xs.toString());
    }

    @Test void aPageWithNoPostsShowsTheWholeText() {
        ThreadPage p = new ThreadPage("t", "t", JsonWriter.mapper().createObjectNode().put("text", "Only <text> here."));
        var page = Jsoup.parse(p.render());
        assertEquals("Only <text> here.", page.select("article.post .body").text());
        assertEquals("whole text", page.select("article.post .author").text());
    }
}
