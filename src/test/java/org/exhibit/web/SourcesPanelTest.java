package org.exhibit.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.exhibit.model.Document;
import org.exhibit.model.Reuse;
import org.exhibit.model.Span;
import org.exhibit.output.JsonWriter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The sources panel: what each speaker and work supports, and which seemingly independent sources are one. */
class SourcesPanelTest {
    static int qi(ObjectNode ed, String id) {
        var quotes = ed.withArray("quotes");
        for (int i = 0; i < quotes.size(); i++) if (quotes.get(i).get("id").asText().equals(id)) return i;
        throw new IllegalArgumentException(id);
    }

    @Test void countsQuotesPerSpeakerAndWork() {
        ObjectNode ed = JsonWriter.toJson(WebFixtures.annotated());
        var page = Jsoup.parse(new ThreadPage("t", "t", ed).render());
        Element sources = page.getElementById("sources");
        Element davies = sources.select("ul.sources li").stream().filter(li -> li.text().startsWith("Joseph E. Davies")).findFirst().orElseThrow();
        assertTrue(davies.text().contains("2 quotes"), davies.text());
        Element work = sources.select("ul.sources li").stream().filter(li -> li.text().startsWith("Mission to Moscow")).findFirst().orElseThrow();
        assertTrue(work.text().contains("2 quotes"), work.text());
    }

    @Test void sameSourceReuseShowsWhichSourcesCollapse() {
        Document d = WebFixtures.annotated();
        d.reuse().clear();
        d.flags().clear();
        // Two quotes given to different hands that turn out to be one passage (as the reuse stage records it).
        Span a = WebFixtures.at(d, WebFixtures.DAVIES, 0), b = WebFixtures.at(d, WebFixtures.DAVIES, 1);
        d.reuse().add(new Reuse("same source quoted twice", List.of(new Reuse.Part(null, "p1", a, WebFixtures.DAVIES, "q1"),
                new Reuse.Part(null, "p2", b, WebFixtures.DAVIES, "q5")), 0.97, null));
        ObjectNode ed = JsonWriter.toJson(d);
        var page = Jsoup.parse(new ThreadPage("t", "t", ed).render());
        Element list = page.selectFirst("#sources ul.independence");
        assertNotNull(list, "a list of sources that are not independent");
        Element item = list.selectFirst("li");
        assertTrue(item.text().contains("Joseph E. Davies") && item.text().contains("Cassius Clay") && item.text().contains("are one source"), item.text());
        assertEquals(List.of("#q-" + qi(ed, "q1"), "#q-" + qi(ed, "q5")), item.select("a.jump").eachAttr("href"));
    }

    @Test void notIndependentFlagsAreListedAndOrdinaryReuseIsNot() {
        ObjectNode ed = JsonWriter.toJson(WebFixtures.annotated()); // a verbatim repeat and a same-source flag
        ed.withArray("flags").addObject().put("type", "not-independent").put("message", "Both reports go back to Davies's cable.");
        var page = Jsoup.parse(new ThreadPage("t", "t", ed).render());
        var items = page.select("#sources ul.independence li");
        assertEquals(2, items.size(), items.toString());
        assertTrue(items.get(0).text().contains("one witness, not two"));
        assertTrue(items.get(1).text().contains("Davies's cable"));
        assertTrue(page.select("#sources ul.independence").text().indexOf("verbatim repeat") < 0, "a plain repeat is not a collapse");
    }

    @Test void noCollapseNoSection() {
        ObjectNode ed = JsonWriter.toJson(WebFixtures.annotated());
        ed.putArray("flags");
        assertNull(Jsoup.parse(new ThreadPage("t", "t", ed).render()).selectFirst("#sources ul.independence"));
    }
}
