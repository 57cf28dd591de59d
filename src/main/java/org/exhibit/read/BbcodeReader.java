package org.exhibit.read;

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
        Document doc = new Document(source, text, posts);
        List<Found> found = new ArrayList<>();
        for (Post p : posts) found.addAll(quotes(text, p.body(), p.id()));
        Found.addAll(doc, found);
        return doc;
    }

    /** The quotes of one post body. */
    static List<Found> quotes(String text, Span body, String post) {
        final class Frame {
            final Matcher open; final Frame parent; Span close; Found found;
            Frame(Matcher open, Frame parent) { this.open = open; this.parent = parent; }
        }
        List<Frame> frames = new ArrayList<>();
        List<Span> tags = new ArrayList<>();
        Frame top = null;
        Matcher m = TAG.matcher(text).region(body.start(), body.end());
        while (m.find()) {
            Span tag = new Span(m.start(), m.end());
            tags.add(tag);
            if (m.group().charAt(1) != '/') {
                Matcher open = OPEN.matcher(text).region(m.start(), m.end());
                open.lookingAt();
                top = new Frame(open, top);
                frames.add(top);
            } else if (top != null) {
                top.close = tag;
                top = top.parent;
            } // else: a stray closing tag, left as text
        }
        Matcher f = FORMAT.matcher(text).region(body.start(), body.end());
        while (f.find()) tags.add(new Span(f.start(), f.end()));

        List<Found> out = new ArrayList<>();
        for (Frame fr : frames) {
            int end = fr.close != null ? fr.close.start() : body.end();
            Span span = BoardTextReader.trim(text, fr.open.end(), end);
            if (span.length() == 0) continue;
            Found parent = null;
            for (Frame p = fr.parent; p != null && parent == null; p = p.parent) parent = p.found;
            fr.found = new Found(post, span, new Span(fr.open.start(), fr.open.end()), fr.close, Marker.BBCODE, parent);
            attributes(fr.found, fr.open.group(1), fr.open.group(2));
            fr.found.excludeWithin(tags);
            out.add(fr.found);
        }
        return out;
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
                else q.name = inner.strip();
            } else {
                int semi = v.indexOf(';'); // vBulletin name;postid (vBulletin 5: name;n12345)
                if (semi > 0 && v.substring(semi + 1).strip().matches("n?\\d+")) {
                    q.name = v.substring(0, semi).strip();
                    q.postRef = v.substring(semi + 1).strip().replaceFirst("^n", "");
                } else {
                    q.name = v;
                }
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

    private static String orRaw(String iso, String raw) { return iso != null ? iso : raw; }

    private static int count(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find() && n < 100) n++;
        return n;
    }
}
