package org.exhibit.read;

import org.exhibit.Limits;
import org.exhibit.model.Marker;
import org.exhibit.model.Span;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain text of board HTML, with the quotes found on the way. Block elements become line breaks, runs of white
 * space one space. Quote containers (blockquote, Discourse {@code aside.quote}, IPB 4 {@code blockquote.ipsQuote},
 * XenForo {@code .bbCodeBlock--quote}, vBulletin {@code .bbcode_quote}, phpBB {@code blockquote} with {@code cite})
 * become quotes; their title lines ("name wrote:") are written before the quote's span and excluded from
 * enclosing quotes.
 */
final class HtmlText {
    private static final Set<String> SKIP = Set.of("script", "style", "noscript", "template", "button", "svg", "nav",
            "form", "select", "input", "textarea", "head", "iframe", "img", "video", "audio");
    private static final Set<String> SKIP_CLASS = Set.of("bbCodeBlock-expandLink", "bbCodeBlock-shrinkLink", "quoteExpand",
            "quote-controls", "ipsQuote_citationMenu", "quote-button", "post-menu-area", "signature");
    private static final Set<String> BLOCK = Set.of("p", "div", "blockquote", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2",
            "h3", "h4", "h5", "h6", "tr", "table", "tbody", "thead", "aside", "article", "section", "header", "footer",
            "figure", "figcaption", "hr", "main", "details", "summary", "address", "center", "fieldset", "body");
    /** Blockquotes that hold a whole post rather than a quote (vBulletin 4, XenForo 1). */
    private static final Set<String> NOT_QUOTE = Set.of("postcontent", "messageText", "restore", "quoteContainer");
    /** Lines that introduce a quote from outside it (IPB 2/3, SMF). */
    private static final Set<String> TITLE_CLASS = Set.of("quotetop", "quoteheader", "citation", "quotetitle");

    private static final Pattern[] TITLES = {
            Pattern.compile("^QUOTE\\s*\\((.+?)\\s*@\\s*(.+?)\\)", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^Quote from:\\s*(.+?)\\s+on\\s+(.+)$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^(.+?),\\s+on\\s+(.+?),\\s+said:", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^(?:Originally\\s+)?Posted by:?\\s+(.+?)()$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^(.+?)\\s+(?:wrote|said|writes|says)\\b:?(.*)$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^([^:\\n]{1,40}):()$"),
    };
    private static final Pattern POST_ID = Pattern.compile("(?:[?&]p=|#p|post[-_]?|/)(\\d+)\\b");

    private final ThreadText out;
    private final StringBuilder sb;
    private final List<Span> titles = new ArrayList<>();
    private final List<Found> found = new ArrayList<>();
    /** Title elements of open quotes: written once, before the quote's span, and skipped inside it. */
    private final Set<Element> skip = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private String post;
    private Found current;
    private boolean space;
    private int floor;
    /** Quote containers nested below {@link Limits#maxQuoteDepth()}, read as text; where the first began. */
    int tooDeep, firstTooDeep;

    HtmlText(ThreadText out) {
        this.out = out;
        this.sb = out.text;
    }

    /** Appends the contents of {@code root} as the body of {@code post}. */
    void body(Element root, String post) {
        this.post = post;
        this.floor = sb.length();
        this.space = false;
        children(root);
        newline();
    }

    /** Hands the quotes to the thread, each excluding the titles of the quotes nested in it. */
    void finish() {
        List<Span> sorted = Found.disjoint(titles);
        for (Found f : found) f.excludeWithin(sorted);
        out.quotes.addAll(found);
        found.clear();
    }

    /**
     * Work still to do, innermost first: nodes to visit and the steps that close an element once its children are
     * done. An explicit stack rather than recursion, so markup nested thousands deep costs heap, not call stack.
     */
    private final java.util.ArrayDeque<Object> todo = new java.util.ArrayDeque<>();

    private void children(Element e) {
        int mark = todo.size();
        push(e);
        while (todo.size() > mark) {
            Object next = todo.pop();
            if (next instanceof Runnable r) r.run();
            else walk((Node) next);
        }
    }

    /** Schedules the children of {@code e}, first child first. */
    private void push(Element e) {
        List<Node> kids = e.childNodes();
        for (int i = kids.size() - 1; i >= 0; i--) todo.push(kids.get(i));
    }

    /** Schedules {@code r} to run after everything scheduled later (the children pushed after it). */
    private void after(Runnable r) { todo.push(r); }

    private void walk(Node n) {
        if (n instanceof TextNode t) { text(t.getWholeText()); return; }
        if (!(n instanceof Element e)) return;
        String tag = e.normalName();
        if (SKIP.contains(tag) || skip.contains(e)) return;
        for (String c : e.classNames()) if (SKIP_CLASS.contains(c)) return;
        switch (tag) {
            case "br" -> { newline(); return; }
            case "q" -> { text("“"); after(() -> text("”")); push(e); return; }
            case "pre" -> { newline(); sb.append(e.wholeText().strip()); newline(); return; }
            default -> { }
        }
        Shape s = shape(e);
        if (s != null) { quote(e, s); return; }
        boolean title = e.classNames().stream().anyMatch(TITLE_CLASS::contains);
        boolean block = BLOCK.contains(tag) || title;
        if (block) newline();
        int start = sb.length();
        after(() -> {
            if (block) newline();
            if (title) titles.add(withNewline(ThreadText.trim(sb, start, sb.length())));
        });
        push(e);
    }

    /** Where a quote container keeps its title lines and its content. */
    private record Shape(List<Element> titles, Element content) {}

    private static Shape shape(Element e) {
        String tag = e.normalName();
        if (tag.equals("aside") && e.hasClass("quote"))
            return new Shape(e.select("> .title"), e.selectFirst("> blockquote"));
        if (e.hasClass("ipsQuote") || e.hasAttr("data-ipsquote"))
            return new Shape(e.select("> .ipsQuote_citation"), e.selectFirst("> .ipsQuote_contents"));
        if (e.hasClass("bbCodeBlock--quote"))
            return new Shape(e.select("> .bbCodeBlock-title"), e.selectFirst("> .bbCodeBlock-content"));
        if (e.hasClass("bbCodeQuote"))
            return new Shape(e.select(".attribution"), e.selectFirst(".quoteContainer > .quote, .quoteContainer"));
        if (e.hasClass("bbcode_quote"))
            return new Shape(e.select(".bbcode_postedby"), e.selectFirst(".message"));
        if (e.hasClass("quotemain") || tag.equals("td") && e.hasClass("quote") || e.hasClass("quotecontent"))
            return new Shape(List.of(), null);
        if (tag.equals("blockquote")) {
            for (String c : e.classNames()) if (NOT_QUOTE.contains(c)) return null;
            Element cite = leadingCite(e);
            if (cite == null && e.firstElementChild() != null && e.firstElementChild().normalName().equals("div"))
                cite = leadingCite(e.firstElementChild()); // phpBB 3: <blockquote><div><cite>
            List<Element> cites = cite == null ? List.of() : List.of(cite);
            return new Shape(cites, null);
        }
        return null;
    }

    /** A cite that opens the element ("name wrote:"); a cite further in is a title inside the passage. */
    private static Element leadingCite(Element e) {
        for (Node n : e.childNodes()) {
            if (n instanceof TextNode t && t.isBlank()) continue;
            return n instanceof Element c && c.normalName().equals("cite") ? c : null;
        }
        return null;
    }

    private void quote(Element e, Shape s) {
        newline();
        if (current != null && current.depth() + 1 >= Limits.maxQuoteDepth()) {
            // Below the depth limit a container is text of the quote around it, not a quote of its own.
            if (tooDeep++ == 0) firstTooDeep = sb.length();
            after(this::newline);
            push(e);
            return;
        }
        quoteTitle(e, s, new Found(post, null, null, null, Marker.HTML, current), 0);
    }

    /** Writes title line {@code i} of a quote, then the next, then the quote's content. */
    private void quoteTitle(Element e, Shape s, Found f, int i) {
        if (i == s.titles().size()) { quoteContent(e, s, f); return; }
        Element t = s.titles().get(i);
        newline();
        int ts = sb.length();
        after(() -> {
            Span span = ThreadText.trim(sb, ts, sb.length());
            newline();
            if (span.length() > 0) { titles.add(withNewline(span)); if (f.open == null) f.open = span; }
            quoteTitle(e, s, f, i + 1);
        });
        push(t);
    }

    private void quoteContent(Element e, Shape s, Found f) {
        skip.addAll(s.titles());
        attributes(e, s, f);
        Found saved = current;
        current = f;
        int start = sb.length();
        after(() -> {
            skip.removeAll(s.titles());
            current = saved;
            newline();
            f.span = ThreadText.trim(sb, start, sb.length());
            if (f.span.length() > 0) found.add(f);
        });
        push(s.content() != null ? s.content() : e);
    }

    /** The attribution a quote carries in attributes or in its title line ("name wrote:"). */
    private static void attributes(Element e, Shape s, Found f) {
        f.name = first(e, "data-username", "data-ipsquote-username", "data-author", "data-quote", "data-user");
        f.date = Timestamps.any(first(e, "data-ipsquote-timestamp", "data-time", "data-timestamp", "data-date"));
        f.postRef = first(e, "data-post", "data-ipsquote-contentcommentid", "data-cid", "data-post-id");
        String source = e.attr("data-source");
        if (f.postRef == null && !source.isEmpty()) {
            Matcher m = Pattern.compile("(\\d+)").matcher(source);
            if (m.find()) f.postRef = m.group(1);
        }
        List<Element> titles = new ArrayList<>(s.titles());
        if (titles.isEmpty()) { // IPB 2/3 and SMF put the title just before the container
            Element prev = e.previousElementSibling();
            if (prev != null && prev.classNames().stream().anyMatch(TITLE_CLASS::contains)) titles.add(prev);
            // phpBB 2: the "name wrote:" row sits above the row of td.quote
            Element row = e.normalName().equals("td") && e.parent() != null ? e.parent().previousElementSibling() : null;
            if (row != null && row.text().strip().matches("(?s).{1,60}\\s(?:wrote|said):?")) titles.add(row);
        }
        for (Element t : titles) {
            String text = t.text().replace('\u00a0', ' ').strip();
            if (f.date == null) {
                Element time = t.selectFirst("time[datetime]");
                if (time != null) f.date = Timestamps.any(time.attr("datetime"));
            }
            if (f.postRef == null) {
                Element a = t.selectFirst("a[data-post-id]");
                if (a != null) f.postRef = a.attr("data-post-id");
                for (Element link : t.select("a[href]")) {
                    Matcher m = POST_ID.matcher(link.attr("href"));
                    if (f.postRef == null && link.attr("href").matches(".*(?:[?&]p=|#p|post).*") && m.find()) f.postRef = m.group(1);
                }
            }
            for (Pattern p : TITLES) {
                Matcher m = p.matcher(text);
                if (!m.find()) continue;
                if (f.name == null) f.name = m.group(1).strip();
                if (f.date == null && m.groupCount() > 1 && !m.group(2).isBlank()) f.date = time(m.group(2));
                break;
            }
            if (f.date == null) f.date = Timestamps.find(text);
        }
    }

    /** A title span with the line break after it, so a quote's text does not start with an empty line. */
    private Span withNewline(Span s) {
        return s.end() < sb.length() && sb.charAt(s.end()) == '\n' ? new Span(s.start(), s.end() + 1) : s;
    }

    /** A title's date as ISO, else as written when it looks like a date at all. */
    private static String time(String s) {
        String iso = Timestamps.any(s);
        if (iso == null) iso = Timestamps.find(s);
        return iso != null ? iso : s.matches(".*\\d.*") ? s.strip() : null;
    }

    private static String first(Element e, String... attrs) {
        for (String a : attrs) {
            String v = e.attr(a).strip();
            if (!v.isEmpty()) return v;
        }
        return null;
    }

    private void text(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') { space = true; continue; }
            if (space && sb.length() > floor && sb.charAt(sb.length() - 1) != '\n') sb.append(' ');
            space = false;
            sb.append(c);
        }
    }

    private void newline() {
        space = false;
        while (sb.length() > floor && sb.charAt(sb.length() - 1) == ' ') sb.setLength(sb.length() - 1);
        if (sb.length() > floor && sb.charAt(sb.length() - 1) != '\n') sb.append('\n');
    }
}
