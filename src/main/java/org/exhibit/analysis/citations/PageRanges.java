package org.exhibit.analysis.citations;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Page references as written ("pp. 95--96", "p. 113", "45 ff.") and their normal form ("95-96", "113", "45ff"). */
public final class PageRanges {
    private PageRanges() {}

    private static final String NUM = "(?:\\d{1,4}|[ivxlcdm]{1,7}(?![\\p{L}]))";
    private static final String DASH = "\\s*(?:---|--|-|–|—|to)\\s*";
    /** One page or range, optionally followed by f./ff. */
    public static final String RANGE = NUM + "(?:" + DASH + NUM + ")?(?:\\s?ff?\\.?(?![\\p{L}]))?";
    /** Several ranges separated by commas ("12-15, 20"); a following year is not a page. */
    public static final String LIST = RANGE + "(?:\\s*,\\s*(?!(?:1[5-9]|20)\\d\\d\\b)" + RANGE + "){0,12}";
    /** A page prefix: p., pp., page(s), S. (German), at (legal). */
    public static final String PREFIX = "(?:pp?\\.|pages?|S\\.)";

    private static final Pattern ONE = Pattern.compile("(" + NUM + ")(?:" + DASH + "(" + NUM + "))?\\s?(ff?)?\\.?");

    /** Normal form: prefix dropped, any dash or "to" becomes '-', abbreviated ranges expanded (95-6 becomes 95-96). */
    public static String normalise(String raw) {
        if (raw == null) return null;
        String s = raw.strip().replaceFirst("^(?:pp?\\.|pages?|S\\.|at)\\s*", "");
        List<String> parts = new ArrayList<>();
        for (String piece : s.split("\\s*,\\s*")) {
            Matcher m = ONE.matcher(piece.strip());
            if (!m.lookingAt()) continue;
            String a = m.group(1), b = m.group(2), f = m.group(3);
            StringBuilder out = new StringBuilder(a);
            if (b != null) out.append('-').append(expand(a, b));
            if (f != null) out.append(f);
            parts.add(out.toString());
        }
        return parts.isEmpty() ? null : String.join(", ", parts);
    }

    /** "95","6" gives "96"; "321","28" gives "328"; anything else is kept. */
    static String expand(String a, String b) {
        if (!a.chars().allMatch(Character::isDigit) || !b.chars().allMatch(Character::isDigit) || b.length() >= a.length()) return b;
        String full = a.substring(0, a.length() - b.length()) + b;
        if (Integer.parseInt(full) > Integer.parseInt(a)) return full;
        return b;
    }
}
