package org.exhibit.read;

import org.exhibit.model.Document;
import org.exhibit.model.Source;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Board HTML pages. Posts are found from the markup of common boards (XenForo, IPB 4, Discourse, vBulletin,
 * phpBB, SMF), blog articles with their comments (WordPress) and schema.org microdata; a page of none of these is
 * one post. The document text is the plain text of the posts, each
 * headed by its author and time lines like a board copy; quotes come from blockquotes and the boards' quote boxes.
 */
public final class HtmlReader implements ThreadReader {
    private static final Pattern DOCTYPE = Pattern.compile("^\\s*(?:<\\?xml[^>]*>\\s*)?(?:<!--.*?-->\\s*)*<(?:!doctype\\s+html|html)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<(?:p|div|br|blockquote|span|a|table|li|article|aside|b|i|em|strong)\\b[^>]*>",
            Pattern.CASE_INSENSITIVE);

    /** Where a board's markup keeps a post, its author, its time and its content; "@attr" reads an attribute. */
    private record Shape(String post, String author, String time, String content) {}

    private static final List<Shape> SHAPES = List.of(
            new Shape("article.message[data-author], li.message[data-author]", "@data-author",
                    "time[datetime], .DateTime[data-time], .DateTime[title], .DateTime", ".bbWrapper, .messageText"),
            new Shape("article.ipsComment", ".cAuthorPane_author a, [itemprop=author] [itemprop=name], .ipsComment_author a, .cAuthorPane_author",
                    "time[datetime]", "[data-role=commentContent], .ipsType_richText, .ipsComment_content"),
            new Shape("div.topic-post, div.crawler-post", ".names .username a, .names .first a, [itemprop=author] [itemprop=name], .creator a, .username",
                    "time[datetime], .post-date [data-time], [data-time], .post-date, .post-time", ".cooked, [itemprop=text]"),
            new Shape("li.postcontainer, li.postbitlegacy, li.postbit", "a.username strong, a.username, .username",
                    "span.date, .postdate, .date", "blockquote.postcontent, .postbody .content, div.content, div.postbody"),
            new Shape("table[id^=post]", ".bigusername", "td.thead", "div[id^=post_message_]"),
            new Shape("div.post", ".author .username, .author .username-coloured, .author strong a, .author strong, .postprofile .username, .postprofile dt a",
                    ".author time[datetime], .author", ".content, .postbody"),
            new Shape("div.post_wrapper", ".poster h4 a, .poster h4", ".keyinfo .smalltext, .postinfo .smalltext, .smalltext", ".post .inner, .inner, .post"),
            // WordPress and most blogs: the article, then its comments
            new Shape("article.type-post, article.post, .comment-body", ".comment-author .fn, .entry-meta .author a, .byline .author a, .author .fn, .author a, .fn",
                    "time[datetime], .comment-metadata, .entry-date", ".entry-content, .comment-content, .comment-text"),
            // schema.org microdata, which many other boards and comment systems write
            new Shape("[itemtype$=/Comment], [itemtype$=/DiscussionForumPosting], [itemprop=comment]", "[itemprop=author] [itemprop=name], [itemprop=author]",
                    "[itemprop=datePublished], time[datetime]", "[itemprop=text], [itemprop=articleBody]"));

    @Override public String format() { return "html"; }

    @Override public double sniff(String text, String fileName) {
        if (Json.looksLikeJson(text)) return 0; // markup inside JSON strings is the JSON readers' business
        String head = text.length() > 4096 ? text.substring(0, 4096) : text;
        if (DOCTYPE.matcher(head).lookingAt()) return 0.95;
        // A fragment: most lines carry markup. A board text copy that mentions a few <i> tags has mostly bare lines.
        int lines = 0, tagged = 0;
        for (String line : head.split("\n")) {
            if (line.isBlank()) continue;
            lines++;
            if (TAG.matcher(line).find()) tagged++;
        }
        if (tagged >= 3 && tagged * 10 >= lines * 3) return 0.75;
        return tagged > 0 && tagged == lines ? 0.3 : 0;
    }

    @Override public Document read(Source source, String text) {
        ThreadText thread = new ThreadText();
        read(Jsoup.parse(text), thread);
        return thread.build(source);
    }

    /** Appends the posts of a parsed page to the thread. */
    static void read(org.jsoup.nodes.Document page, ThreadText thread) {
        // The first shape whose posts mostly name an author; a shape that only matches (a "div.post" of another
        // board, say) is the fallback.
        Shape chosen = null;
        List<Element> chosenPosts = null;
        for (Shape s : SHAPES) {
            List<Element> posts = outermost(page.select(s.post()), s.content());
            if (posts.isEmpty()) continue;
            Set<Element> set = identitySet(posts);
            long named = posts.stream().filter(p -> author(p, s.author(), set) != null).count();
            if (chosen == null || named * 2 >= posts.size()) { chosen = s; chosenPosts = posts; }
            if (named * 2 >= posts.size()) break;
        }
        if (chosen != null) {
            Set<Element> set = identitySet(chosenPosts);
            for (Element p : chosenPosts) {
                thread.begin(author(p, chosen.author(), set), time(p, chosen.time(), set));
                String board = boardId(p, set);
                String id = thread.idFor(board);
                Element content = own(p, chosen.content(), set);
                body(thread, content != null ? content : p, id);
                thread.end(id, null, board, board == null ? null : permalink(p, board, set));
            }
            return;
        }
        thread.begin(null, null);
        Element body = page.body();
        Elements main = page.select("main, [role=main]");
        body(thread, main.size() == 1 ? main.first() : body, thread.currentId());
        thread.end(thread.currentId(), null);
    }

    /** A post anchor: "post12345", "p12345", "post-12345", "post_message_12345", "js-post-12345", "comment-77", "msg123". */
    private static final Pattern ANCHOR = Pattern.compile("^(?:js-)?(?:post|p|postcontainer|post_message_|post-|post_|comment-|msg|edit|entry)[-_]?(\\d+)$");

    private static final Pattern DIGITS = Pattern.compile("\\d+");

    /** The board's id of a post: its data-post-id / data-content attribute or its anchor, the number kept. */
    static String boardId(Element post, Set<Element> posts) {
        for (String attr : List.of("data-post-id", "data-pid", "data-content", "id", "data-post")) {
            String v = post.attr(attr).strip();
            if (v.isEmpty()) continue;
            if (!attr.equals("id") && DIGITS.matcher(v).matches()) return v;
            Matcher m = ANCHOR.matcher(v);
            if (m.matches()) return m.group(1);
        }
        // vBulletin and phpBB put the anchor on an element inside the post (a[name=post123], div#p123)
        int seen = 0;
        for (Element a : post.select("[id], a[name]")) {
            if (a == post || !belongs(a, post, posts)) continue;
            Matcher m = ANCHOR.matcher(a.hasAttr("id") ? a.id() : a.attr("name"));
            if (m.matches()) return m.group(1);
            if (++seen >= 8) break;
        }
        return null;
    }

    /**
     * The post's permalink: a link of the post's own (not of a quotation in it) whose address names the post's id
     * as an anchor or parameter ("#post123", "#p123", "?p=123", "showpost.php?p=123", "/123"), made absolute
     * when the page gives its address.
     */
    static String permalink(Element post, String boardId, Set<Element> posts) {
        int seen = 0;
        for (Element a : post.select("a[href]")) {
            if (!belongs(a, post, posts) || a.closest("blockquote") != null) continue;
            String href = a.attr("href").strip();
            int at = href.lastIndexOf(boardId);
            if (at > 0 && at + boardId.length() == href.length() || at > 0 && !Character.isDigit(href.charAt(at + boardId.length()))) {
                char before = href.charAt(at - 1);
                if (before == '#' || before == '=' || before == '/' || before == 'p' || before == '-' || before == '_') {
                    String abs = a.absUrl("href");
                    return abs.isEmpty() ? href : abs;
                }
            }
            if (++seen >= 12) break;
        }
        return null;
    }

    /** Appends one post body given as HTML (Discourse "cooked") to the thread. */
    static void body(ThreadText thread, Element root, String post) {
        HtmlText h = new HtmlText(thread);
        h.body(root, post);
        h.finish();
        if (h.tooDeep > 0 && thread.tooDeep++ == 0) thread.firstTooDeep = h.firstTooDeep;
        if (h.tooDeep > 1) thread.tooDeep += h.tooDeep - 1;
    }

    private static Set<Element> identitySet(List<Element> l) {
        Set<Element> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(l);
        return set;
    }

    /** Drops posts inside the content of another post (an embedded post); comments inside an article stay. */
    private static List<Element> outermost(Elements found, String content) {
        Set<Element> all = identitySet(found), contents = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Element e : found) {
            Element c = own(e, content, all);
            if (c != null) contents.add(c);
        }
        List<Element> l = new ArrayList<>();
        for (Element e : found) {
            boolean nested = false;
            for (Element a = e.parent(); a != null && !nested; a = a.parent()) nested = contents.contains(a);
            if (!nested) l.add(e);
        }
        return l;
    }

    private static String author(Element post, String selector, Set<Element> posts) {
        if (selector.startsWith("@")) {
            String v = post.attr(selector.substring(1)).strip();
            return v.isEmpty() ? null : v;
        }
        for (String sel : selector.split(",\\s*")) {
            Element a = own(post, sel, posts);
            if (a != null && !a.text().isBlank()) return a.text().strip();
        }
        return null;
    }

    /** The first match of the earliest selector that belongs to this post, not to a post nested in it (a comment in an article). */
    private static Element own(Element post, String selectors, Set<Element> posts) {
        for (String sel : selectors.split(",\\s*"))
            for (Element e : post.select(sel))
                if (belongs(e, post, posts)) return e;
        return null;
    }

    private static boolean belongs(Element e, Element post, Set<Element> posts) {
        for (Element a = e; a != null; a = a.parent()) {
            if (a == post) return true;
            if (posts.contains(a)) return false;
        }
        return false;
    }

    /** The post time: a machine-readable attribute where there is one, else the visible text. */
    private static String time(Element post, String selector, Set<Element> posts) {
        for (String sel : selector.split(",\\s*")) {
            Element t = own(post, sel, posts);
            if (t == null) continue;
            for (String attr : List.of("datetime", "content", "data-time", "data-timestamp", "title")) {
                String iso = Timestamps.any(t.attr(attr));
                if (iso == null && attr.equals("title")) iso = Timestamps.find(t.attr(attr));
                if (iso != null) return iso;
            }
            String iso = Timestamps.find(t.text());
            if (iso != null) return iso;
        }
        return null;
    }
}
