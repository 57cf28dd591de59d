package org.exhibit.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import org.exhibit.model.Document;
import org.exhibit.output.AnnotationWriter;
import org.exhibit.output.JsonWriter;
import org.exhibit.output.TeiWriter;
import org.junit.jupiter.api.Test;

import static org.exhibit.hardening.Hostile.post;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Thread text is untrusted: HTML with scripts, broken markup, XML entities and CDATA terminators pasted into a
 * post must come out of every writer as text, never as markup, and every output must stay parseable.
 */
class MarkupEscapingTest {
    static final String HOSTILE = "He said \"<script>alert('x')</script>\" and <img src=x onerror=alert(1)> "
            + "<b>unclosed <i>tags</div></blockquote> ]]> <!-- --> <!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]> &e; &amp; &#0; "
            + "<?xml version=\"1.0\"?> \"quoted <quote>fake</quote>\" — QUOTE(<b>name</b> @ <i>date</i>)";

    @Test void teiCarriesHostileMarkupAsText() throws Exception {
        Document doc = Hostile.analyse("hostile.html.txt", post("Anna <b>Petrova</b>", HOSTILE + "\n\n" + HOSTILE));
        String xml = TeiWriter.toString(doc);
        EncodingTest.parseXml(xml); // well-formed, and no DOCTYPE smuggled in
        assertFalse(xml.contains("<script"), "a script element in TEI");
        assertFalse(xml.contains("<img"), "an img element in TEI");
        assertFalse(xml.contains("<!DOCTYPE x"), "a DOCTYPE in TEI");
        assertTrue(xml.contains("&lt;script&gt;"), "script kept as escaped text");
    }

    @Test void jsonAndAnnotationsRoundTripTheHostileText() throws Exception {
        Document doc = Hostile.analyse("hostile2.txt", post("Anna Petrova", HOSTILE));
        JsonNode json = JsonWriter.mapper().readTree(JsonWriter.toString(doc));
        assertEquals(doc.text(), json.get("text").asText());
        JsonNode anno = JsonWriter.mapper().readTree(AnnotationWriter.toString(doc));
        assertTrue(anno.toString().contains("<script>"), "annotation selectors quote the text exactly");
    }

    @Test void brokenMarkupInQuotesNestsAndWrites() {
        String body = "“<blockquote>‘</blockquote>’ <div>“</span>” ”".repeat(500) + "\n\n" + "<p>".repeat(5_000);
        Hostile.analyse("broken.txt", post("Anna Petrova", body));
    }
}
