package org.exhibit.read;

import org.exhibit.Limits;
import org.exhibit.model.Document;
import org.exhibit.model.Marker;
import org.exhibit.model.Post;
import org.exhibit.model.Source;
import org.exhibit.model.Span;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BBCode as boards store and export it. The text is kept verbatim, tags included; every {@code [quote]} pair
 * becomes a quote whose span is the content between the tags, with the tags of nested quotes and inline
 * formatting listed as exclusions. Understands phpBB, vBulletin, IPB 3, XenForo, SMF, MyBB and Discourse attributes.
 * An unclosed {@code [quote]} runs to the end of its post; a stray {@code [/quote]} is left as text.
 */
public final class BbcodeReader implements ThreadReader {
    static final Pattern OPEN = Pattern.compile("\\[quote(?:\\s*=\\s*([^\\]\\n]*)|(\\s+[^\\]\\n]*))?\\]", Pattern.CASE_INSENSITIVE);
    static final Pattern CLOSE = Pattern.compile("\\[/quote\\s*\\]", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("\\[quote(?:\\s*=\\s*[^\\]\\n]*|\\s+[^\\]\\n]*)?\\]|\\[/quote\\s*\\]", Pattern.CASE_INSENSITIVE);
    /** Inline formatting tags: markup, not words of the passage. */
    private static final Pattern FORMAT = Pattern.compile(
            "\\[/?(?:b|i|u|s|strike|em|strong|color|colour|size|font|url|email|center|left|right|justify|sub|sup|spoiler|highlight|indent|list|\\*|img|code|user)(?:=[^\\]\\n]*)?\\]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SMF_AUTHOR = Pattern.compile("^\\s*author=([^'\"\\]][^\\]]*?)\\s+(?:link|date)=");
    private static final Pattern ATTR = Pattern.compile("([\\w-]+)\\s*=\\s*(?:'([^']*)'|\"([^\"]*)\"|&quot;(.*?)&quot;|([^\\s\\]]+))");

    @Override public String format() { return "bbcode"; }

    @Override public double sniff(String text, String fileName) {
        if (Json.looksLikeJson(text)) return 0; // markup inside JSON strings is the JSON readers' business
        int opens = count(OPEN, text), closes = count(CLOSE, text);
        if (opens > 0 && closes > 0) return 0.9;
        if (opens > 0) return 0.7;
        return count(FORMAT, text) >= 2 ? 0.35 : 0;
    }

    @Override public Document read(Source source, String text) {
        List<Post> posts = BoardTextReader.posts(text);
        List<Found> found = new ArrayList<>();
        int[] tooDeep = {0, -1, -1};
        for (Post p : posts) found.addAll(quotes(text, p.body(), p.id(), tooDeep));
        posts = replyLinks(text, posts, found);
        Document doc = new Document(source, text, posts);
        Found.addAll(doc, found);
        if (tooDeep[0] > 0) Found.flagTooDeep(doc, tooDeep[0], new Span(tooDeep[1], tooDeep[2]));
        return doc;
    }

    /** The quotes of one post body. */
    static List<Found> quotes(String text, Span body, String post) { return quotes(text, body, post, new int[]{0, -1, -1}); }

    /**
     * The quotes of one post body. Quotes nested deeper than {@link Limits#maxQuoteDepth()} are not made quotes:
     * they are counted in {@code tooDeep[0]} (the first one's tag at {@code tooDeep[1..2]}), and each outermost such
     * region, tags and text, is one exclusion of the quotes around it. So a post costs time and memory linear in
     * its length whatever its nesting: a quote keeps only the tags inside it, found by binary search, and at most
     * the limit's number of quotes contain any one tag.
     */
    static List<Found> quotes(String text, Span body, String post, int[] tooDeep) {
        final class Frame {
            final int openStart, openEnd, depth; final Frame parent; Span close; Found found;
            Frame(int openStart, int openEnd, Frame parent) {
                this.openStart = openStart; this.openEnd = openEnd; this.parent = parent;
                this.depth = parent == null ? 1 : parent.depth + 1;
            }
        }
        int max = Limits.maxQuoteDepth();
        List<Frame> frames = new ArrayList<>();
        List<Span> tags = new ArrayList<>();
        Frame top = null;
        int deepFrom = -1; // start of the outermost open quote below the limit, -1 when none is open
        Matcher m = TAG.matcher(text).region(body.start(), body.end());
        while (m.find()) {
            Span tag = new Span(m.start(), m.end());
            if (m.group().charAt(1) != '/') {
                top = new Frame(m.start(), m.end(), top);
                if (top.depth > max) {
                    if (deepFrom < 0) deepFrom = m.start();
                    if (tooDeep[0]++ == 0) { tooDeep[1] = m.start(); tooDeep[2] = m.end(); }
                } else {
                    frames.add(top);
                    tags.add(tag);
                }
            } else if (top != null) {
                top.close = tag;
                if (top.depth == max + 1) { tags.add(new Span(deepFrom, tag.end())); deepFrom = -1; }
                else if (top.depth <= max) tags.add(tag);
                top = top.parent;
            } else if (deepFrom < 0) tags.add(tag); // a stray closing tag, left as text (and out of the passage)
        }
        if (deepFrom >= 0) tags.add(new Span(deepFrom, body.end())); // unclosed below the limit: to the post's end
        Matcher f = FORMAT.matcher(text).region(body.start(), body.end());
        while (f.find()) tags.add(new Span(f.start(), f.end()));
        List<Span> ex = Found.disjoint(tags); // format tags inside a region too deep fall into it

        List<Found> out = new ArrayList<>();
        for (Frame fr : frames) {
            int end = fr.close != null ? fr.close.start() : body.end();
            Span span = BoardTextReader.trim(text, fr.openEnd, end);
            if (span.length() == 0) continue;
            Found parent = null;
            for (Frame p = fr.parent; p != null && parent == null; p = p.parent) parent = p.found;
            fr.found = new Found(post, span, new Span(fr.openStart, fr.openEnd), fr.close, Marker.BBCODE, parent);
            Matcher open = OPEN.matcher(text).region(fr.openStart, fr.openEnd);
            if (open.lookingAt()) attributes(fr.found, open.group(1), open.group(2));
            fr.found.excludeWithin(ex);
            out.add(fr.found);
        }
        return out;
    }

    /**
     * A quote tag that names the quoted post by the board's id ({@code post_id=N}, {@code [quote="name;N"]},
     * {@code post:N}) is kept as a reply link: the quoting post replies to that post, when nothing else said, and
     * a post of the copy that carries no id of its own takes the board's id from the tag ({@link Post#boardId})
     * when it is the one the tag names: the post of that id, or else the named poster's only earlier post, or the
     * one of theirs (the nearest of {@link #CANDIDATES}) that holds the quotation's opening words.
     */
    static List<Post> replyLinks(String text, List<Post> posts, List<Found> found) {
        java.util.Map<String, Integer> at = new java.util.HashMap<>();
        for (int i = 0; i < posts.size(); i++) {
            at.putIfAbsent(posts.get(i).id(), i);
            if (posts.get(i).boardId() != null) at.putIfAbsent(posts.get(i).boardId(), i);
        }
        java.util.Map<String, String> reply = new java.util.HashMap<>();
        String[] board = new String[posts.size()];
        for (Found f : found) {
            if (f.postRef == null || f.parent != null) continue;
            String ref = f.postRef.strip();
            Integer self = at.get(f.post);
            if (self == null || ref.isEmpty()) continue;
            Integer target = at.get(ref);
            if (target == null && f.name != null) target = namedPost(text, posts, self, f);
            if (target == null || target >= self) continue;
            reply.putIfAbsent(f.post, posts.get(target).id());
            if (posts.get(target).boardId() == null && !at.containsKey(ref)) { board[target] = ref; at.put(ref, target); }
        }
        if (reply.isEmpty()) return posts;
        List<Post> out = new ArrayList<>(posts.size());
        for (int i = 0; i < posts.size(); i++) {
            Post p = posts.get(i);
            String r = p.replyTo() == null ? reply.get(p.id()) : p.replyTo();
            out.add(new Post(p.id(), p.author(), p.published(), p.body(), p.header(), r, board[i] != null ? board[i] : p.boardId(), p.url()));
        }
        return out;
    }

    /** How many earlier posts of the named poster are searched for a quotation's opening words. */
    static final int CANDIDATES = 20;

    /** The earlier post a named quotation comes from: the poster's only one, or the nearest holding its opening words. */
    private static Integer namedPost(String text, List<Post> posts, int self, Found f) {
        List<Integer> theirs = new ArrayList<>();
        for (int i = self - 1; i >= 0 && theirs.size() < CANDIDATES; i--) if (f.name.equalsIgnoreCase(posts.get(i).author())) theirs.add(i);
        if (theirs.isEmpty()) return null;
        int s = f.span.start(), e = Math.min(f.span.end(), s + 60);
        int cut = text.indexOf('[', s);
        if (cut >= 0 && cut < e) e = cut;
        int nl = text.indexOf('\n', s);
        if (nl >= 0 && nl < e) e = nl;
        String opening = text.substring(s, e).strip();
        if (opening.length() >= 20) {
            for (int i : theirs) {
                Span b = posts.get(i).body();
                if (text.substring(b.start(), b.end()).contains(opening)) return i;
            }
        }
        return theirs.size() == 1 ? theirs.get(0) : null;
    }

    /** Reads the attribution written in an opening tag: {@code =value} or {@code key=value} attributes. */
    static void attributes(Found q, String value, String attrs) {
        String rest = attrs;
        if (value != null) {
            String v = value.strip().replace("&quot;", "\"");
            if (!v.isEmpty() && (v.charAt(0) == '"' || v.charAt(0) == '\'')) {
                int close = v.indexOf(v.charAt(0), 1);
                String inner = close > 0 ? v.substring(1, close) : v.substring(1);
                rest = close > 0 ? v.substring(close + 1) : null;
                // XenForo "name, post: 123, member: 5"; Discourse "name, post:3, topic:45"
                Matcher xf = Pattern.compile("^(.*?),\\s*post:\\s*(\\d+)").matcher(inner);
                if (xf.find()) { q.name = xf.group(1).strip(); q.postRef = xf.group(2); }
                else nameAndPost(q, inner.strip());
            } else {
                nameAndPost(q, v);
            }
        }
        if (rest == null) return;
        Matcher smf = SMF_AUTHOR.matcher(rest); // SMF: author=John Smith link=topic=5.msg77#msg77 date=1181999940
        if (smf.find()) q.name = smf.group(1).strip();
        Matcher a = ATTR.matcher(rest);
        String date = null, epoch = null;
        while (a.find()) {
            String key = a.group(1).toLowerCase();
            String val = a.group(2) != null ? a.group(2) : a.group(3) != null ? a.group(3) : a.group(4) != null ? a.group(4) : a.group(5);
            switch (key) {
                case "name", "author", "user", "username" -> { if (q.name == null || q.name.isEmpty()) q.name = val; }
                case "date" -> { if (val.matches("\\d{9,}")) epoch = val; else date = val; }
                case "time", "timestamp", "dateline" -> epoch = val;
                case "post", "post_id", "postid", "pid", "p" -> q.postRef = val;
                case "link" -> {
                    Matcher msg = Pattern.compile("(?:msg|[?&]p=|#p)(\\d+)").matcher(val);
                    if (msg.find()) q.postRef = msg.group(1);
                }
                default -> { }
            }
        }
        String iso = Timestamps.fromEpoch(epoch);
        q.date = iso != null ? iso : date == null ? null : orRaw(Timestamps.any(date), date);
        if (q.name != null && q.name.isEmpty()) q.name = null;
    }

    private static final Pattern NAME_POST = Pattern.compile("^(.+?)\\s*;\\s*n?(\\d+)$");

    /** vBulletin's "name;postid" (vBulletin 5: "name;n12345"), quoted or not; else the whole value is the name. */
    private static void nameAndPost(Found q, String v) {
        Matcher m = NAME_POST.matcher(v);
        if (m.matches()) { q.name = m.group(1).strip(); q.postRef = m.group(2); }
        else q.name = v;
    }

    private static String orRaw(String iso, String raw) { return iso != null ? iso : raw; }

    private static int count(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find() && n < 100) n++;
        return n;
    }
}
