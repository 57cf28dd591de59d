package org.exhibit;

import java.util.Locale;

/**
 * Resource limits for untrusted input. Each has a default, and can be set by a system property
 * ({@code -Dexhibit.max-input-mb=64}) or an environment variable ({@code EXHIBIT_MAX_INPUT_MB=64}); the property
 * wins. The CLI's {@code --max-input-mb} sets the property. Values are read on every use, so tests and
 * long-running servers see changes.
 *
 * <ul>
 *   <li>{@code max-input-mb} (512): larger files are refused with one line naming the file and the limit.</li>
 *   <li>{@code max-posts} (100 000): a thread with more posts is refused the same way.</li>
 *   <li>{@code max-quote-depth} (64): quotes nested deeper are not analysed; the document gets a
 *       {@code nesting-limit} flag saying so.</li>
 *   <li>{@code max-line-chars} (200 000): lines longer than this are not examined by the pattern-based
 *       stages (post headers, quote tags, speaker phrases); their text is kept and still read for quotation
 *       marks.</li>
 *   <li>{@code max-analysis-seconds} (300): the command line stops analysing a file that has taken longer
 *       (checked between stages) and reports it on one line naming the file; the server's uploads have their own,
 *       shorter budget ({@code exhibit.upload-seconds}).</li>
 * </ul>
 */
public final class Limits {
    public static final String MAX_INPUT_MB = "max-input-mb";
    public static final String MAX_POSTS = "max-posts";
    public static final String MAX_QUOTE_DEPTH = "max-quote-depth";
    public static final String MAX_LINE_CHARS = "max-line-chars";
    public static final String MAX_ANALYSIS_SECONDS = "max-analysis-seconds";

    private Limits() {}

    public static long maxInputBytes() { return get(MAX_INPUT_MB, 512) * 1024 * 1024; }

    public static int maxPosts() { return (int) Math.min(Integer.MAX_VALUE, get(MAX_POSTS, 100_000)); }

    public static int maxQuoteDepth() { return (int) Math.min(Integer.MAX_VALUE, get(MAX_QUOTE_DEPTH, 64)); }

    public static int maxLineChars() { return (int) Math.min(Integer.MAX_VALUE, get(MAX_LINE_CHARS, 200_000)); }

    public static long maxAnalysisSeconds() { return get(MAX_ANALYSIS_SECONDS, 300); }

    /** How to set a limit, for error messages: "--max-input-mb or EXHIBIT_MAX_INPUT_MB". */
    public static String howToSet(String name) {
        return (name.equals(MAX_INPUT_MB) ? "--" + name + " or " : "-Dexhibit." + name + " or ") + env(name);
    }

    /** Sets a limit for this process (the CLI options use it). */
    public static void set(String name, long value) {
        if (value < 1) throw new IllegalArgumentException(name + " must be at least 1");
        System.setProperty("exhibit." + name, Long.toString(value));
    }

    static long get(String name, long fallback) {
        String v = System.getProperty("exhibit." + name);
        if (v == null || v.isBlank()) v = System.getenv(env(name));
        if (v == null || v.isBlank()) return fallback;
        try {
            long n = Long.parseLong(v.strip());
            return n >= 1 ? n : fallback;
        } catch (NumberFormatException e) {
            return fallback; // a garbled setting must not make every input fail
        }
    }

    private static String env(String name) { return "EXHIBIT_" + name.toUpperCase(Locale.ROOT).replace('-', '_'); }
}
