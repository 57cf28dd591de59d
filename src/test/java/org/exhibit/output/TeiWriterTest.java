package org.exhibit.output;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import org.exhibit.model.*;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class TeiWriterTest {
    static final Path TEI_ALL = Path.of("../shared/schemas/tei_all.rng");
    static final Path CMC = Path.of("../shared/schemas/cmc-proposal.rng");
    static final List<String> errors = new ArrayList<>();
    static ValidationDriver teiAll, cmc;

    /** tei_all.rng is over a megabyte: parse it once for the class. */
    @BeforeAll
    static void loadSchemas() throws Exception {
        if (org.exhibit.Shared.has(TEI_ALL)) teiAll = driver(TEI_ALL);
        if (org.exhibit.Shared.has(CMC)) cmc = driver(CMC);
    }

    static ValidationDriver driver(Path rng) throws Exception {
        PropertyMapBuilder props = new PropertyMapBuilder();
        props.put(ValidateProperty.ERROR_HANDLER, new ErrorHandler() {
            @Override public void warning(SAXParseException e) {}
            @Override public void error(SAXParseException e) { errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage()); }
            @Override public void fatalError(SAXParseException e) { error(e); }
        });
        ValidationDriver d = new ValidationDriver(props.toPropertyMap());
        assertTrue(d.loadSchema(ValidationDriver.fileInputSource(rng.toFile())), "schema loads: " + rng + " " + errors);
        return d;
    }

    static void assertValid(ValidationDriver d, String xml) throws Exception {
        errors.clear();
        boolean ok = d.validate(new InputSource(new StringReader(xml)));
        assertTrue(ok && errors.isEmpty(), () -> String.join("\n", errors) + "\n---\n" + numbered(xml));
    }

    static String numbered(String xml) {
        StringBuilder b = new StringBuilder();
        int n = 1;
        for (String line : xml.split("\n", -1)) b.append(n++).append(": ").append(line).append('\n');
        return b.toString();
    }

    static org.w3c.dom.Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    static Element byId(org.w3c.dom.Document x, String id) {
        NodeList all = x.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (id.equals(e.getAttributeNS("http://www.w3.org/XML/1998/namespace", "id"))) return e;
        }
        return null;
    }

    static List<Element> elements(org.w3c.dom.Document x, String name) {
        NodeList l = x.getElementsByTagNameNS(TeiWriter.NS, name);
        List<Element> r = new ArrayList<>();
        for (int i = 0; i < l.getLength(); i++) r.add((Element) l.item(i));
        return r;
    }

    @Test
    void threadWithNestedAndOverlappingFindingsIsValidTei() throws Exception {
        Assumptions.assumeTrue(teiAll != null, "../shared/schemas/tei_all.rng not present: skipping TEI validation");
        String xml = TeiWriter.toString(Fixtures.thread());
        assertValid(teiAll, xml);
    }

    @Test
    void sampleThreadIsValidTei() throws Exception {
        Assumptions.assumeTrue(teiAll != null, "../shared/schemas/tei_all.rng not present: skipping TEI validation");
        Path sample = Path.of("../shared/samples/show-trials-thread.txt");
        Assumptions.assumeTrue(org.exhibit.Shared.has(sample), "../shared/samples not present: skipping");
        Document d = org.exhibit.cli.AnalyzeCommand.analyze(sample, "auto");
        String xml = TeiWriter.toString(d);
        assertValid(teiAll, xml);
        org.w3c.dom.Document x = parse(xml);
        assertEquals(d.posts().size(), elements(x, "post").size());
        for (Quote q : d.quotes()) assertEquals(q.text(d), passage(byId(x, "quote-" + q.id())), q.id());
    }

    @Test
    void aPostsPermalinkIsItsSourceInValidTei() throws Exception {
        Assumptions.assumeTrue(teiAll != null, "../shared/schemas/tei_all.rng not present: skipping TEI validation");
        String nd = "{\"id\":\"c7\",\"author\":\"Ines\",\"created_utc\":1551520800,\"url\":\"https://board.example.net/t/ration/5?x=1&y=2#c7\","
                + "\"body\":\"Ration cards came back in the winter of 1941.\"}\n";
        Document d = org.exhibit.read.Readers.read("r.ndjson", nd.getBytes(java.nio.charset.StandardCharsets.UTF_8), "auto");
        org.exhibit.analysis.Pipeline.standard().run(d);
        String xml = TeiWriter.toString(d);
        assertValid(teiAll, xml);
        Element post = elements(parse(xml), "post").get(0);
        assertEquals("https://board.example.net/t/ration/5?x=1&y=2#c7", post.getAttribute("source"));
        assertEquals("c7", post.getAttribute("n"));
    }

    @Test
    void degenerateFindingsStillGiveValidTei() throws Exception {
        Assumptions.assumeTrue(teiAll != null, "../shared/schemas/tei_all.rng not present: skipping TEI validation");
        String xml = TeiWriter.toString(Fixtures.degenerate());
        assertValid(teiAll, xml);
        org.w3c.dom.Document x = parse(xml);
        assertEquals("Ann.", elements(x, "name").get(0).getTextContent());
        // The quote across two posts is cut at the post boundary into linked parts (its id, given twice, made unique).
        Element first = byId(x, "quote-q1-2");
        assertEquals("post-p1", first.getParentNode().getAttributes().getNamedItemNS("http://www.w3.org/XML/1998/namespace", "id").getNodeValue());
        assertEquals("#quote-q1-2-part2", first.getAttribute("next"));
        assertEquals("Ann.", first.getTextContent());
        assertEquals("Second", byId(x, "quote-q1-2-part2").getTextContent());
        assertEquals(1, elements(x, "person").stream().filter(e -> e.getAttributeNS("http://www.w3.org/XML/1998/namespace", "id").equals("person-ann")).count());
    }

    @Test
    void bareDocumentAndEmptyFindingsAreValidTei() throws Exception {
        Assumptions.assumeTrue(teiAll != null, "../shared/schemas/tei_all.rng not present: skipping TEI validation");
        String xml = TeiWriter.toString(Fixtures.bare());
        assertValid(teiAll, xml);
        assertTrue(xml.contains("&lt;b&gt;really&lt;/b&gt;"), xml);
    }

    @Test
    void validAgainstTheCmcCustomisation() throws Exception {
        Assumptions.assumeTrue(cmc != null, "../shared/schemas/cmc-proposal.rng not present: skipping CMC validation");
        assertValid(cmc, TeiWriter.toString(Fixtures.thread()));
        assertValid(cmc, TeiWriter.toString(Fixtures.degenerate()));
        assertValid(cmc, TeiWriter.toString(Fixtures.bare()));
    }

    @Test
    void postsQuotesAndNestingComeThrough() throws Exception {
        Document d = Fixtures.thread();
        org.w3c.dom.Document x = parse(TeiWriter.toString(d));
        List<Element> posts = elements(x, "post");
        assertEquals(2, posts.size());
        assertEquals("2003-07-27T12:08:00", posts.get(0).getAttribute("when"));
        assertEquals("#" + byId(x, posts.get(0).getAttribute("who").substring(1)).getAttributeNS("http://www.w3.org/XML/1998/namespace", "id"),
                posts.get(0).getAttribute("who"));
        assertEquals("Cassius Clay", byId(x, posts.get(0).getAttribute("who").substring(1)).getTextContent());

        // Each quote's text content is the passage (markers excluded), and nesting is kept.
        for (Quote q : d.quotes()) {
            Element e = byId(x, "quote-" + q.id());
            assertNotNull(e, q.id());
            assertEquals(q.text(d), passage(e), q.id());
        }
        Element q3 = byId(x, "quote-q3"), q4 = byId(x, "quote-q4");
        assertTrue(isAncestor(q3, q4), "q4 nested in q3");
        assertEquals("cit", ((Element) byId(x, "quote-q1").getParentNode()).getLocalName());
        assertEquals("soCalled", byId(x, "quote-q2").getLocalName());
        assertTrue(isAncestor(byId(x, "quote-q1"), byId(x, "quote-q2")));
        // The Invision QUOTE header is markup, not text of the post.
        assertFalse(posts.get(1).getTextContent().contains("QUOTE("), posts.get(1).getTextContent());
        // The speaker points into the person list, the work into the bibliography.
        Element bibl = (Element) byId(x, "quote-q1").getNextSibling();
        assertEquals("bibl", bibl.getLocalName());
        assertTrue(bibl.getTextContent().contains("Mission to Moscow") && bibl.getTextContent().contains("43"), bibl.getTextContent());
        Element speaker = (Element) bibl.getElementsByTagNameNS(TeiWriter.NS, "persName").item(0);
        assertEquals("Joseph E. Davies", byId(x, speaker.getAttribute("ref").substring(1)).getElementsByTagNameNS(TeiWriter.NS, "persName").item(0).getTextContent());
        Element work = byId(x, byId(x, "quote-q1").getAttribute("source").substring(1));
        assertEquals("listBibl", ((Element) work.getParentNode()).getLocalName());
        assertEquals("post", byId(x, "quote-q3").getAttribute("source").isEmpty() ? "" : byId(x, byId(x, "quote-q3").getAttribute("source").substring(1)).getAttribute("type"));
    }

    @Test
    void crossingMentionIsSplitAndLinked() throws Exception {
        Document d = Fixtures.thread();
        String xml = TeiWriter.toString(d);
        org.w3c.dom.Document x = parse(xml);
        // The mention runs from inside a citation, across the gap, into a quote: three parts, in three parents.
        Element first = byId(x, "mention-8");
        Element second = byId(x, "mention-8-part2");
        Element third = byId(x, "mention-8-part3");
        assertNotNull(first, xml);
        assertNotNull(second, xml);
        assertNotNull(third, xml);
        assertEquals("#mention-8-part2", first.getAttribute("next"));
        assertEquals("#mention-8", second.getAttribute("prev"));
        assertEquals("#mention-8-part3", second.getAttribute("next"));
        assertEquals("p. 43", first.getTextContent());
        assertEquals(": \"", second.getTextContent());
        assertEquals("The defendants", third.getTextContent());
        assertEquals("bibl", first.getParentNode().getLocalName());
        assertEquals("post", second.getParentNode().getLocalName());
        assertEquals(byId(x, "quote-q1"), third.getParentNode());
        assertTrue(xml.contains("<!-- persName mention-8 crosses the boundary of another element: split into 3 parts"), xml);
    }

    @Test
    void datesNamesCitationsAndFlags() throws Exception {
        org.w3c.dom.Document x = parse(TeiWriter.toString(Fixtures.thread()));
        List<Element> dates = elements(x, "date");
        Element summer = dates.stream().filter(e -> e.getTextContent().equals("summer of 1937")).findFirst().orElseThrow();
        assertEquals("1937-06", summer.getAttribute("from"));
        assertEquals("1937-08", summer.getAttribute("to"));
        assertTrue(dates.stream().anyMatch(e -> e.getTextContent().equals("1941") && e.getAttribute("when").equals("1941")));
        Element ny = elements(x, "placeName").stream().filter(e -> e.getTextContent().equals("New York") && e.hasAttribute("ref")).findFirst().orElseThrow();
        assertEquals("place", byId(x, ny.getAttribute("ref").substring(1)).getLocalName());
        assertTrue(elements(x, "orgName").stream().anyMatch(e -> e.getTextContent().equals("NKVD") && e.getAttribute("ref").equals("#org-nkvd")));
        Element ibid = elements(x, "bibl").stream().filter(e -> "ibid".equals(e.getAttribute("type"))).findFirst().orElseThrow();
        Element conquest = elements(x, "bibl").stream().filter(e -> e.getTextContent().startsWith("Conquest")).findFirst().orElseThrow();
        assertEquals(conquest.getAttribute("corresp"), ibid.getAttribute("corresp"), "Ibid. points at the work it repeats");
        List<Element> notes = elements(x, "note").stream().filter(e -> "flag".equals(e.getAttribute("type"))).toList();
        assertEquals(3, notes.size());
        assertTrue(notes.stream().anyMatch(e -> e.getTextContent().equals("Vyshinsky's 1937 trial <is> later than the claimed source")
                && e.getAttribute("target").equals("#quote-q1")));
    }

    @Test
    void crossingQuotesAndForbiddenNestingStayWellFormed() throws Exception {
        Document d = Fixtures.read("x.txt", "He said \"one two three\" and 'four five' then six. On 5 May 1937 \"we met\" there.\n");
        String t = d.text();
        String post = d.posts().get(0).id();
        Span a = new Span(t.indexOf("one"), t.indexOf("three") + 5);
        Span b = new Span(t.indexOf("three"), t.indexOf("five") + 4); // crosses a
        d.quotes().add(new Quote("a", post, a, QuoteKind.PASSAGE, Marker.DOUBLE, null, null));
        d.quotes().add(new Quote("b", post, b, QuoteKind.PASSAGE, Marker.SINGLE, null, null));
        d.quotes().add(new Quote("c", post, new Span(t.indexOf("we met"), t.indexOf("we met") + 6), QuoteKind.PASSAGE, Marker.DOUBLE, null, null));
        // A date that would have to contain a quote: TEI <date> cannot hold a <quote>, so it is dropped.
        d.dates().add(new TimeExpression(new Span(t.indexOf("5 May"), t.indexOf(" there")), "5 May 1937 \"we met\"", "1937-05-05", null, null, null));
        d.mentions().add(new Mention(new Span(0, t.length()), t, "nobody", EntityType.PERSON, "context", 0.1));
        String xml = TeiWriter.toString(d);
        org.w3c.dom.Document x = parse(xml);
        assertEquals("one two three", byId(x, "quote-a").getTextContent());
        assertEquals("#quote-b-part2", byId(x, "quote-b").getAttribute("next"));
        assertTrue(xml.contains("date date-1 [") && xml.contains("dropped"), xml);
        assertTrue(elements(x, "date").isEmpty());
        if (teiAll != null) assertValid(teiAll, xml);
    }

    @Test
    void unicodeAndMarkupCharactersAreEscaped() throws Exception {
        // Built directly: the readers refuse control characters, but the writer must not rely on that.
        String text = "Ann\n1st May 2020, 10:00\nx < y && z > \"w\" 😀 \u0007bell \uD800 lone\n";
        Document d = new Document(new Source("a<b>&\"c\".txt", "text", "00"), text,
                List.of(new Post("p1", "Ann <admin>", "2020-05-01T10:00", new Span(text.indexOf('x'), text.length() - 1))));
        String xml = TeiWriter.toString(d);
        org.w3c.dom.Document x = parse(xml);
        String body = elements(x, "post").get(0).getTextContent();
        assertTrue(body.contains("x < y && z > \"w\" 😀 \uFFFDbell \uFFFD lone"), body);
        assertEquals("a<b>&\"c\".txt", elements(x, "title").get(0).getTextContent());
        if (teiAll != null) assertValid(teiAll, xml);
    }

    /** Text content without the apparatus: the bibl of a nested cit, notes. */
    static String passage(org.w3c.dom.Node n) {
        if (n instanceof Element e && (e.getLocalName().equals("note")
                || e.getLocalName().equals("bibl") && e.getParentNode().getLocalName().equals("cit"))) return "";
        if (n.getNodeType() == org.w3c.dom.Node.TEXT_NODE) return n.getNodeValue();
        StringBuilder b = new StringBuilder();
        for (org.w3c.dom.Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) b.append(passage(c));
        return b.toString();
    }

    static boolean isAncestor(org.w3c.dom.Node a, org.w3c.dom.Node b) {
        for (org.w3c.dom.Node n = b.getParentNode(); n != null; n = n.getParentNode()) if (n == a) return true;
        return false;
    }
}
