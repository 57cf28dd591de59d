package org.exhibit.output;

import org.exhibit.model.*;

import java.io.IOException;
import java.io.Writer;
import java.util.*;

/**
 * The TEI P5 view of a document (valid against tei_all, which includes the CMC {@code post} element).
 *
 * <p>Header: the source file and its SHA-256 in {@code sourceDesc}; posters, people mentioned and speakers in
 * {@code particDesc/listPerson}, organisations in {@code listOrg}; places and the works cited or quoted in a
 * {@code standOff} ({@code listPlace}, {@code listBibl}). Body: {@code <div type="thread">} with one
 * {@code <post who when>} per post. Inline: passages as {@code <quote>} (inside {@code <cit>} with a {@code <bibl>}
 * naming speaker, work and pages when known), scare quotes as {@code <soCalled>}, titles as {@code <title>},
 * mentions as {@code persName/placeName/orgName ref}, dates as {@code <date when|from|to>}, citations as
 * {@code <bibl>}, flags as {@code <note type="flag">}. Quote markup (QUOTE tags, BBCode, '>') is left out of the
 * text, since the elements carry it; quotation marks stay.
 *
 * <p>Findings are stand-off spans and may overlap; {@link Nesting} makes them nest: at a crossing the span of
 * lower precedence (post &gt; quote &gt; citation &gt; date &gt; name) is split into parts linked by
 * {@code @next}/{@code @prev}, and a span whose element could not contain what it spans is dropped. Each split
 * and drop is reported by an XML comment in place.
 */
public final class TeiWriter {
    public static final String NS = "http://www.tei-c.org/ns/1.0";

    private enum Type { POST, PASSAGE, PHRASE, TITLE, SCARE, CITATION, DATE, NAME, NOTE, COMMENT }

    /** A finding to render inline; {@code finding} is the model object. */
    private record Tag(Type type, Object finding, String id) {}

    private final Document doc;
    private final Bibliography bib;
    private final Xml.Ids ids = new Xml.Ids();
    private final Map<String, String> entityIds = new HashMap<>();
    private final List<Entity> entities = new ArrayList<>();
    private final Map<String, String> posterIds = new LinkedHashMap<>();
    private final Map<String, String> speakerIds = new LinkedHashMap<>();
    private final Map<Bibliography.Entry, String> workIds = new HashMap<>();
    private final Map<String, String> postIds = new HashMap<>();
    private final Map<Quote, String> quoteIds = new HashMap<>();
    private final List<int[]> hidden = new ArrayList<>();
    private int maxHidden;
    private final StringBuilder out = new StringBuilder();

    private TeiWriter(Document doc) {
        this.doc = doc;
        this.bib = Bibliography.of(doc);
    }

    public static String toString(Document doc) { return new TeiWriter(doc).build(); }

    public static void write(Document doc, Writer w) throws IOException { w.write(toString(doc)); }

    private String build() {
        assignIds();
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TEI xmlns=\"").append(NS).append("\">\n");
        header();
        standOff();
        out.append("<text>\n<body>\n<div type=\"thread\">\n");
        for (Flag f : doc.flags()) if (f.evidence() == null || f.evidence().span() == null) note(f, null);
        body();
        out.append("</div>\n</body>\n</text>\n</TEI>\n");
        return out.toString();
    }

    // ---- ids ------------------------------------------------------------------------------------------------

    private void assignIds() {
        for (Post p : doc.posts()) postIds.put(p.id(), ids.make("post-", p.id()));
        for (Post p : doc.posts())
            if (p.author() != null) posterIds.computeIfAbsent(p.author(), a -> ids.make("poster-", a));
        Set<String> seen = new HashSet<>();
        for (Entity e : doc.entities()) {
            if (e.id() == null || e.type() == null || !seen.add(e.id())) continue; // one list entry per entity id
            entities.add(e);
            entityIds.put(e.id(), ids.make(switch (e.type()) {
                case PERSON -> "person-";
                case PLACE -> "place-";
                case ORGANISATION -> "org-";
            }, e.id()));
        }
        for (Quote q : doc.quotes()) {
            Speaker s = q.speaker();
            if (s != null && (s.entity() == null || !entityIds.containsKey(s.entity())) && s.name() != null)
                speakerIds.computeIfAbsent(s.name(), n -> ids.make("speaker-", n));
        }
        for (Bibliography.Entry e : bib.entries()) workIds.put(e, ids.make("", e.id));
        for (Quote q : doc.quotesInOrder()) quoteIds.put(q, ids.make("quote-", q.id()));
    }

    private String speakerRef(Speaker s) {
        if (s.entity() != null && entityIds.containsKey(s.entity())) return entityIds.get(s.entity());
        return speakerIds.get(s.name());
    }

    // ---- header ---------------------------------------------------------------------------------------------

    private void header() {
        Source src = doc.source();
        String name = fileName(src.path());
        out.append("<teiHeader>\n<fileDesc>\n<titleStmt>\n<title>").append(Xml.text(name)).append("</title>\n")
                .append("<title type=\"sub\">A source-critical edition made by Exhibit</title>\n</titleStmt>\n")
                .append("<publicationStmt>\n<p>Generated by Exhibit from the file named below; not published.</p>\n</publicationStmt>\n")
                .append("<sourceDesc>\n<bibl type=\"file\"><title>").append(Xml.text(name)).append("</title>")
                .append(" <idno type=\"path\">").append(Xml.text(src.path())).append("</idno>")
                .append(" <idno type=\"sha256\">").append(Xml.text(String.valueOf(src.sha256()))).append("</idno>")
                .append(" <note type=\"format\">").append(Xml.text(String.valueOf(src.format()))).append("</note></bibl>\n")
                .append("</sourceDesc>\n</fileDesc>\n");
        boolean persons = !posterIds.isEmpty() || !speakerIds.isEmpty() || has(EntityType.PERSON);
        if (persons || has(EntityType.ORGANISATION)) {
            out.append("<profileDesc>\n<particDesc>\n");
            if (!posterIds.isEmpty()) {
                out.append("<listPerson type=\"posters\">\n");
                posterIds.forEach((n, id) -> out.append("<person xml:id=\"").append(id).append("\"><persName>")
                        .append(Xml.text(n)).append("</persName></person>\n"));
                out.append("</listPerson>\n");
            }
            if (has(EntityType.PERSON)) {
                out.append("<listPerson type=\"mentioned\">\n");
                for (Entity e : entities) if (e.type() == EntityType.PERSON) entity(e, "person", "persName");
                out.append("</listPerson>\n");
            }
            if (!speakerIds.isEmpty()) {
                out.append("<listPerson type=\"speakers\">\n");
                speakerIds.forEach((n, id) -> out.append("<person xml:id=\"").append(id).append("\"><persName>")
                        .append(Xml.text(n)).append("</persName></person>\n"));
                out.append("</listPerson>\n");
            }
            if (has(EntityType.ORGANISATION)) {
                out.append("<listOrg>\n");
                for (Entity e : entities) if (e.type() == EntityType.ORGANISATION) entity(e, "org", "orgName");
                out.append("</listOrg>\n");
            }
            out.append("</particDesc>\n</profileDesc>\n");
        }
        out.append("</teiHeader>\n");
    }

    private boolean has(EntityType t) {
        for (Entity e : entities) if (e.type() == t) return true;
        return false;
    }

    private void entity(Entity e, String element, String nameElement) {
        out.append('<').append(element).append(" xml:id=\"").append(entityIds.get(e.id())).append("\"><")
                .append(nameElement).append('>').append(Xml.text(e.name() == null ? e.id() : e.name()))
                .append("</").append(nameElement).append('>');
        if (e.variants() != null)
            for (String v : e.variants()) if (v != null && !v.equals(e.name()))
                out.append('<').append(nameElement).append(" type=\"variant\">").append(Xml.text(v)).append("</").append(nameElement).append('>');
        if (e.ids() != null)
            e.ids().forEach((k, v) -> out.append("<idno type=\"").append(Xml.attr(Xml.token(k))).append("\">").append(Xml.text(v)).append("</idno>"));
        if (e.years() != null) out.append("<note type=\"years\">").append(Xml.text(e.years())).append("</note>");
        if (e.role() != null) out.append("<note type=\"role\">").append(Xml.text(e.role())).append("</note>");
        out.append("</").append(element).append(">\n");
    }

    private void standOff() {
        if (!has(EntityType.PLACE) && bib.entries().isEmpty()) return;
        out.append("<standOff>\n");
        if (has(EntityType.PLACE)) {
            out.append("<listPlace>\n");
            for (Entity e : entities) if (e.type() == EntityType.PLACE) entity(e, "place", "placeName");
            out.append("</listPlace>\n");
        }
        if (!bib.entries().isEmpty()) {
            out.append("<listBibl>\n");
            for (Bibliography.Entry e : bib.entries()) {
                out.append("<bibl xml:id=\"").append(workIds.get(e)).append("\" type=\"").append(e.cslType()).append("\">");
                if (e.post() != null) {
                    out.append("<ptr target=\"#").append(postIds.get(e.post().id())).append("\"/>");
                    if (e.author() != null) out.append("<author ref=\"#").append(posterIds.get(e.author())).append("\">").append(Xml.text(e.author())).append("</author>");
                    out.append("<title>").append(Xml.text(e.title())).append("</title>");
                    String when = TeiDates.dateTime(e.published());
                    if (when != null) out.append("<date when=\"").append(when).append("\">").append(Xml.text(e.published())).append("</date>");
                } else {
                    if (e.author() != null) out.append("<author>").append(Xml.text(e.author())).append("</author>");
                    if (e.title() != null) out.append("<title>").append(Xml.text(e.title())).append("</title>");
                    if (e.place() != null) out.append("<pubPlace>").append(Xml.text(e.place())).append("</pubPlace>");
                    if (e.year() != null) out.append(yearDate(e.year()));
                }
                out.append("</bibl>\n");
            }
            out.append("</listBibl>\n");
        }
        out.append("</standOff>\n");
    }

    private static String yearDate(int year) {
        if (year == 0) return "<date>0</date>"; // XML Schema has no year zero
        String y = year < 0 ? String.format("-%04d", -year) : String.format("%04d", year);
        return "<date when=\"" + y + "\">" + year + "</date>";
    }

    // ---- body -----------------------------------------------------------------------------------------------

    private void body() {
        hide();
        Nesting<Tag> n = new Nesting<>(doc.text().length(), TeiWriter::canContain);
        for (Post p : doc.posts()) n.insert(new Nesting.Node<>(p.body().start(), p.body().end(), new Tag(Type.POST, p, postIds.get(p.id())), true));
        for (Quote q : doc.quotesInOrder()) {
            Type t = switch (q.kind()) {
                case PASSAGE -> Type.PASSAGE;
                case SCARE -> Type.SCARE;
                case TITLE -> Type.TITLE;
                default -> Type.PHRASE;
            };
            insert(n, q.span(), new Tag(t, q, quoteIds.get(q)));
        }
        int i = 0;
        for (Citation c : doc.citations()) insert(n, c.span(), new Tag(Type.CITATION, c, ids.make("cite-", String.valueOf(++i))));
        i = 0;
        for (TimeExpression t : doc.dates()) insert(n, t.span(), new Tag(Type.DATE, t, ids.make("date-", String.valueOf(++i))));
        i = 0;
        for (Mention m : doc.mentions()) insert(n, m.span(), new Tag(Type.NAME, m, ids.make("mention-", String.valueOf(++i))));
        for (Flag f : doc.flags()) flagNote(n, f, null);
        for (Quote q : doc.quotes()) for (Flag f : q.flags()) flagNote(n, f, q);
        for (Nesting.Node<Tag> d : List.copyOf(n.dropped)) {
            if (d.tag.type() == Type.NOTE || d.tag.type() == Type.COMMENT) continue;
            String what = element(d.tag) + " " + d.tag.id() + " [" + doc.codePoint(d.start) + "," + doc.codePoint(d.end) + ")";
            n.insert(new Nesting.Node<>(d.start, d.start, new Tag(Type.COMMENT, what + " dropped: its element cannot contain the markup it overlaps", null), false));
        }
        Map<Nesting.Node<Tag>, List<Nesting.Node<Tag>>> pieces = new HashMap<>();
        for (Nesting.Node<Tag> c : n.root.children) if (c.tag.type() == Type.POST) collect(c, pieces);
        for (Nesting.Node<Tag> c : n.root.children) if (c.tag.type() == Type.POST) { render(c, pieces); out.append('\n'); }
    }

    private static void insert(Nesting<Tag> n, Span s, Tag tag) {
        if (s != null && s.length() > 0) n.insert(new Nesting.Node<>(s.start(), s.end(), tag, false));
    }

    /**
     * A flag becomes a note right after its evidence, or after its quote. A note never goes inside a quote, so a
     * quote's text content stays the passage: it moves to the end of the outermost quote around it.
     */
    private void flagNote(Nesting<Tag> n, Flag f, Quote q) {
        Span at = f.evidence() != null ? f.evidence().span() : null;
        if (at == null && q == null) return; // document-level, written at the top of the thread
        int p = at != null ? at.end() : q.span().end();
        for (boolean moved = true; moved; ) {
            moved = false;
            for (Quote o : doc.quotes())
                if (o.span().start() < p && p < o.span().end()) { p = o.span().end(); moved = true; }
        }
        n.insert(new Nesting.Node<>(p, p, new Tag(Type.NOTE, new Object[]{f, q}, null), false));
    }

    private static boolean canContain(Tag parent, Tag child) {
        Type c = child.type();
        if (c == Type.POST) return false;
        return switch (parent.type()) {
            case POST, PASSAGE, PHRASE, TITLE -> true;
            case CITATION, DATE, NAME, SCARE -> c != Type.PASSAGE && c != Type.PHRASE && c != Type.CITATION;
            default -> false;
        };
    }

    /** Marker text that the elements replace: quote tags, BBCode, '>' prefixes. Quotation marks are kept. */
    private void hide() {
        for (Quote q : doc.quotes()) {
            boolean markup = switch (q.marker()) {
                case QUOTE_HEADER, QUOTE_CLOSING_ONLY, BBCODE, HTML, MARKDOWN -> true;
                default -> false;
            };
            if (markup && q.openMarker() != null) hidden.add(new int[]{q.openMarker().start(), q.openMarker().end()});
            if (markup && q.closeMarker() != null) hidden.add(new int[]{q.closeMarker().start(), q.closeMarker().end()});
            for (Span s : q.exclusions()) hidden.add(new int[]{s.start(), s.end()});
        }
        hidden.sort(Comparator.comparingInt(a -> a[0]));
        for (int[] h : hidden) maxHidden = Math.max(maxHidden, h[1] - h[0]);
    }

    private void collect(Nesting.Node<Tag> node, Map<Nesting.Node<Tag>, List<Nesting.Node<Tag>>> pieces) {
        pieces.computeIfAbsent(node.origin, k -> new ArrayList<>()).add(node);
        for (Nesting.Node<Tag> c : node.children) collect(c, pieces);
    }

    private void render(Nesting.Node<Tag> node, Map<Nesting.Node<Tag>, List<Nesting.Node<Tag>>> pieces) {
        Tag tag = node.tag;
        if (tag.type() == Type.COMMENT) { out.append("<!-- ").append(Xml.comment((String) tag.finding())).append(" -->"); return; }
        if (tag.type() == Type.NOTE) { Object[] fq = (Object[]) tag.finding(); note((Flag) fq[0], (Quote) fq[1]); return; }
        List<Nesting.Node<Tag>> parts = pieces.getOrDefault(node.origin, List.of(node));
        int k = parts.indexOf(node);
        String id = k == 0 ? tag.id() : tag.id() + "-part" + (k + 1);
        StringBuilder link = new StringBuilder();
        if (parts.size() > 1) {
            if (k == 0) out.append("<!-- ").append(Xml.comment(element(tag) + " " + tag.id() + " crosses the boundary of another element: split into "
                    + parts.size() + " parts linked by @next/@prev")).append(" -->");
            if (k > 0) link.append(" prev=\"#").append(k == 1 ? tag.id() : tag.id() + "-part" + k).append('"');
            if (k + 1 < parts.size()) link.append(" next=\"#").append(tag.id()).append("-part").append(k + 2).append('"');
        }
        boolean cit = false;
        String bibl = null;
        if (tag.type() == Type.PASSAGE) {
            bibl = citBibl((Quote) tag.finding());
            cit = bibl != null;
            if (cit) out.append("<cit>");
            if (k + 1 < parts.size()) bibl = null; // the bibl follows the last part only
        }
        out.append('<').append(element(tag)).append(" xml:id=\"").append(id).append('"').append(link).append(attributes(tag)).append('>');
        int pos = node.start;
        for (Nesting.Node<Tag> c : node.children) {
            text(pos, c.start);
            render(c, pieces);
            pos = Math.max(pos, c.end);
        }
        text(pos, node.end);
        out.append("</").append(element(tag)).append('>');
        if (bibl != null) out.append(bibl);
        if (cit) out.append("</cit>");
    }

    private static String element(Tag t) {
        return switch (t.type()) {
            case POST -> "post";
            case PASSAGE -> "quote";
            case PHRASE -> "q";
            case TITLE -> "title";
            case SCARE -> "soCalled";
            case CITATION -> "bibl";
            case DATE -> "date";
            case NAME -> {
                EntityType type = ((Mention) t.finding()).type();
                yield type == null ? "name" : switch (type) {
                    case PERSON -> "persName";
                    case PLACE -> "placeName";
                    case ORGANISATION -> "orgName";
                };
            }
            case NOTE -> "note";
            case COMMENT -> "comment";
        };
    }

    private String attributes(Tag t) {
        StringBuilder a = new StringBuilder();
        switch (t.type()) {
            case POST -> {
                Post p = (Post) t.finding();
                a.append(" n=\"").append(Xml.attr(p.id())).append("\" modality=\"written\"");
                if (p.author() != null) a.append(" who=\"#").append(posterIds.get(p.author())).append('"');
                String when = TeiDates.dateTime(p.published());
                if (when != null) a.append(" when=\"").append(when).append('"');
                if (p.replyTo() != null && postIds.containsKey(p.replyTo())) a.append(" replyTo=\"#").append(postIds.get(p.replyTo())).append('"');
                // the board's permalink: where the post's words are drawn from
                if (p.url() != null) a.append(" source=\"").append(Xml.attr(p.url())).append('"');
            }
            case PASSAGE, PHRASE, TITLE, SCARE -> {
                Quote q = (Quote) t.finding();
                if (t.type() != Type.TITLE && t.type() != Type.SCARE) a.append(" type=\"").append(q.kind().json()).append('"');
                a.append(" rend=\"").append(Xml.attr(Xml.token(q.marker().label()))).append('"');
                Bibliography.Entry e = bib.of(q);
                if (e != null) a.append(" source=\"#").append(workIds.get(e)).append('"');
                if (q.sourcePost() != null && postIds.containsKey(q.sourcePost()) && (e == null || e.post() == null))
                    a.append(" corresp=\"#").append(postIds.get(q.sourcePost())).append('"');
            }
            case CITATION -> {
                Citation c = (Citation) t.finding();
                a.append(" type=\"").append(c.kind().json()).append('"');
                Bibliography.Entry e = bib.of(c);
                if (e != null) a.append(" corresp=\"#").append(workIds.get(e)).append('"');
            }
            case DATE -> {
                TimeExpression d = (TimeExpression) t.finding();
                TeiDates.attributes(d.value(), d.mod()).forEach((k, v) -> a.append(' ').append(k).append("=\"").append(Xml.attr(v)).append('"'));
            }
            case NAME -> {
                Mention m = (Mention) t.finding();
                if (m.entity() != null && entityIds.containsKey(m.entity())) a.append(" ref=\"#").append(entityIds.get(m.entity())).append('"');
            }
            default -> {}
        }
        return a.toString();
    }

    /** The {@code <bibl>} after a passage: whose words (speaker), from which work, on which pages; null if unknown. */
    private String citBibl(Quote q) {
        Speaker s = q.speaker();
        Work w = q.work();
        Bibliography.Entry e = bib.of(q);
        if (s == null && w == null && e == null) return null;
        StringBuilder b = new StringBuilder("<bibl>");
        if (s != null && s.name() != null) {
            b.append("<respStmt><resp>words of</resp><persName");
            String ref = speakerRef(s);
            if (ref != null) b.append(" ref=\"#").append(ref).append('"');
            b.append('>').append(Xml.text(s.name())).append("</persName></respStmt>");
        }
        if (w != null) {
            if (w.author() != null) b.append("<author>").append(Xml.text(w.author())).append("</author>");
            if (w.title() != null) b.append("<title>").append(Xml.text(w.title())).append("</title>");
            if (w.year() != null) b.append(yearDate(w.year()));
            if (w.pages() != null) b.append("<biblScope unit=\"page\">").append(Xml.text(w.pages())).append("</biblScope>");
        }
        if (e != null) b.append("<ptr target=\"#").append(workIds.get(e)).append("\"/>");
        return b.append("</bibl>").toString();
    }

    private void note(Flag f, Quote q) {
        out.append("<note type=\"flag\" subtype=\"").append(Xml.attr(Xml.token(f.type()))).append('"');
        if (q != null) out.append(" target=\"#").append(quoteIds.get(q)).append('"');
        out.append('>').append(Xml.text(f.message() == null ? f.type() : f.message())).append("</note>");
    }

    /** Document text in [from, to), without hidden marker spans, escaped, with a line beginning after each newline. */
    private void text(int from, int to) {
        String t = doc.text();
        int at = from;
        int i = 0; // first hidden span that may end after from: hidden spans rarely nest, so search by start
        for (int a = 0, b = hidden.size(); a < b; ) { int m = (a + b) >>> 1; if (hidden.get(m)[0] < from - maxHidden) a = i = m + 1; else b = m; }
        for (; i < hidden.size(); i++) {
            int[] h = hidden.get(i);
            if (h[1] <= at) continue;
            if (h[0] >= to) break;
            if (h[0] > at) emit(t, at, h[0]);
            at = Math.max(at, h[1]);
        }
        if (at < to) emit(t, at, to);
    }

    private void emit(String t, int from, int to) {
        out.append(Xml.text(t.substring(from, to)).replace("\n", "\n<lb/>"));
    }

    private static String fileName(String path) { return Bibliography.fileName(path); }
}
