package org.exhibit.index;

import org.exhibit.model.Document;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The board a document comes from when the ingest was not told: the site an HTML page names (its
 * {@code og:site_name}, else the host of its canonical or {@code og:url} address), or the subreddit of comment
 * NDJSON. Null when the file does not say.
 */
final class Boards {
    private static final Pattern SITE_NAME = Pattern.compile(
            "<meta\\s[^>]*(?:property|name)\\s*=\\s*[\"'](?:og:site_name|application-name)[\"'][^>]*content\\s*=\\s*[\"']([^\"'<>]{1,120})[\"']"
                    + "|<meta\\s[^>]*content\\s*=\\s*[\"']([^\"'<>]{1,120})[\"'][^>]*(?:property|name)\\s*=\\s*[\"'](?:og:site_name|application-name)[\"']",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern URL = Pattern.compile(
            "<(?:link\\s[^>]*rel\\s*=\\s*[\"']canonical[\"'][^>]*href|meta\\s[^>]*property\\s*=\\s*[\"']og:url[\"'][^>]*content)\\s*=\\s*[\"'](https?://[^\"'<>\\s]+)[\"']",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SUBREDDIT = Pattern.compile("\"subreddit\"\\s*:\\s*\"([^\"]{1,64})\"");

    private Boards() {}

    static String of(Document doc, byte[] data) {
        String format = doc.source().format();
        String head = new String(data, 0, Math.min(data.length, 65536), StandardCharsets.UTF_8);
        if ("html".equals(format)) {
            Matcher m = SITE_NAME.matcher(head);
            if (m.find()) return unescape(m.group(1) != null ? m.group(1) : m.group(2)).strip();
            m = URL.matcher(head);
            if (m.find()) {
                try {
                    String host = URI.create(m.group(1)).getHost();
                    if (host != null) return host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "");
                } catch (IllegalArgumentException ignored) {
                    // not an address: no board
                }
            }
        } else if ("ndjson".equals(format)) {
            Matcher m = SUBREDDIT.matcher(head);
            if (m.find()) return "r/" + m.group(1);
        }
        return null;
    }

    private static String unescape(String s) {
        return s.replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">");
    }
}
