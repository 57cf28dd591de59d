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
        // Read as board text (format forced): the markup is then the post's text, not structure, and must stay text.
        // Any format detection an HTML reader does is covered by ReadersFuzzTest and the auto-detected case below.
        Document doc = Hostile.analyse("hostile.txt", post("Anna <b>Petrova</b>", HOSTILE + "\n\n" + HOSTILE)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), "text");
        String xml = TeiWriter.toString(doc);
        org.w3c.dom.Document dom = EncodingTest.parseXml(xml); // well-formed, and no DOCTYPE smuggled in
        assertEquals(0, dom.getElementsByTagName("script").getLength(), "a script element in TEI");
        assertEquals(0, dom.getElementsByTagName("img").getLength(), "an img element in TEI");
        assertFalse(xml.contains("<!DOCTYPE x"), "a DOCTYPE in TEI");
        String text = dom.getDocumentElement().getTextContent();
        assertTrue(text.contains("<script>alert('x')</script>"), "the script survives as text: " + text.substring(0, Math.min(400, text.length())));
        assertTrue(text.contains("<!ENTITY e SYSTEM"), "the entity declaration survives as text");
    }

    @Test void autoDetectedHostileMarkupNeverBecomesMarkupInTei() throws Exception {
        Document doc = Hostile.analyse("hostile.html", post("Anna <b>Petrova</b>", HOSTILE + "\n\n" + HOSTILE));
        org.w3c.dom.Document dom = EncodingTest.parseXml(TeiWriter.toString(doc));
        for (String element : new String[]{"script", "img", "b", "i", "blockquote"}) // HTML, not TEI, elements
            assertEquals(0, dom.getElementsByTagName(element).getLength(), "a " + element + " element in TEI");
    }

    @Test void jsonAndAnnotationsRoundTripTheHostileText() throws Exception {
        Document doc = Hostile.analyse("hostile2.txt", post("Anna Petrova", HOSTILE).getBytes(java.nio.charset.StandardCharsets.UTF_8), "text");
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
