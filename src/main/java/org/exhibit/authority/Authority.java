package org.exhibit.authority;

import org.apache.commons.codec.language.DaitchMokotoffSoundex;
import org.exhibit.model.Entity;
import org.exhibit.model.EntityType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.*;
import java.util.regex.Pattern;

/**
 * The people, places and organisations Exhibit knows by name, and the indexes that find them from a spelling.
 *
 * <h2>File format</h2>
 * UTF-8 text, one entry per line, eight tab-separated columns (trailing empty columns may be left off, the first
 * three are required); lines starting with {@code #} and blank lines are ignored:
 * <pre>
 * id  type  name  years  role  variants  descriptions  ids
 * Q855  person  Joseph Stalin  1878-1953  General Secretary of the CPSU  Stalin|Iosif Stalin|Koba  ...  viaf:...
 * </pre>
 * <ul>
 * <li>{@code id}: a Wikidata QID where it is certain (it then also appears as {@code ids.wikidata}), else a slug.
 *     An entry of a user file with the id of a built-in entry replaces it.</li>
 * <li>{@code type}: {@code person}, {@code place} or {@code organisation}.</li>
 * <li>{@code years}: life years {@code 1888-1938} (or founding-dissolution for organisations), may be empty.</li>
 * <li>{@code role}: a short description; its words also serve as context (a "British lawyer Pitt" is Pritt).</li>
 * <li>{@code variants}: other spellings, separated by {@code |}. For people the surname (last word of the name),
 *     initials forms ({@code L. M. Kaganovich}) and derived forms ({@code Trotskyite}) are generated; listing a
 *     bare surname makes that person the default bearer of a surname others share. Listing the first word of
 *     the name on its own marks a name written family name first ({@code Mao Zedong}: Mao).</li>
 * <li>{@code descriptions}: phrases that name the entity without its name, separated by {@code |}, e.g.
 *     {@code Stalin's daughter|American ambassador to the USSR}; names in them match any spelling of that name.</li>
 * <li>{@code ids}: external identifiers as {@code scheme:value}, separated by spaces ({@code viaf:12345}).</li>
 * </ul>
 */
public final class Authority {
    public static final String RESOURCE = "/org/exhibit/authority/authority.tsv";
    public static final String ENV = "EXHIBIT_AUTHORITY";
    private static final Pattern YEARS = Pattern.compile("(c\\. ?)?\\d{3,4}\\??(-((c\\. ?)?\\d{3,4}\\??)?)?");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]*");

    /** One entity with what the resolver needs to know about it. */
    public record Entry(Entity entity, List<String> descriptions, Set<String> contextWords, Set<String> givenNames) {
        public String id() { return entity.id(); }
        public EntityType type() { return entity.type(); }
    }

    /** An entry found under a key; explicit when the key is its name or a listed variant, not a generated one. */
    public record Hit(Entry entry, boolean explicit, boolean canonical) {}

    /** A fuzzy candidate: the entry, the key it is near and the distance to it. */
    public record Near(Entry entry, String key, double distance, boolean phonetic, boolean explicit) {}

    private static Authority builtIn;
    private static Authority current;

    private final List<Entry> entries;
    private final Map<String, Entry> byId = new HashMap<>();
    private final Map<String, List<Hit>> plain = new HashMap<>();
    private final Map<String, List<Hit>> folded = new HashMap<>();
    private final Map<String, List<Hit>> single = new HashMap<>(); // one-word fold keys, for fuzzy search
    private final Map<Character, List<String>> byFirst = new HashMap<>(); // one-word keys by first letter
    private final Map<String, List<String>> tails = new HashMap<>();     // one-word keys by all but the first letter
    // the plain spellings behind each one-word fold key: folding can push a typo further away (Trotksy folds to
    // "trotxi", two edits from Trotsky's "trotski", though the spellings are one transposition apart)
    private final Map<String, Set<String>> spellings = new HashMap<>();
    private final Set<String> givenNames = new HashSet<>();
    private int maxWords = 1;
    private Map<String, Set<String>> phonetic; // Daitch-Mokotoff code -> one-word fold keys, built on first use
    private final Map<String, List<Near>> nearCache = new HashMap<>();

    public Authority(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        // first names only: a middle or second name (Francisco Franco Bahamonde) may be someone's surname
        for (Entry e : this.entries)
            if (e.type() == EntityType.PERSON)
                for (String n : personNames(e.entity())) {
                    String first = NameKey.foldWord(NameKey.plain(n).split(" ")[0]);
                    if (first.length() > 1) givenNames.add(first);
                }
        for (Entry e : this.entries) index(e);
    }

    /** The bundled authority file. */
    public static synchronized Authority builtIn() {
        if (builtIn == null) {
            try (InputStream in = Authority.class.getResourceAsStream(RESOURCE)) {
                if (in == null) throw new AuthorityException(RESOURCE + ": missing from the build");
                builtIn = new Authority(parse(new InputStreamReader(in, StandardCharsets.UTF_8), "authority.tsv"));
            } catch (IOException e) {
                throw new AuthorityException(RESOURCE + ": cannot be read: " + e.getMessage());
            }
        }
        return builtIn;
    }

    /** The authority in use: set by {@link #configure}, else the built-in one extended by $EXHIBIT_AUTHORITY. */
    public static synchronized Authority current() {
        if (current == null) configure(null);
        return current;
    }

    /**
     * Uses the built-in authority extended by {@code file}, or by the file named in $EXHIBIT_AUTHORITY when
     * {@code file} is null. Throws {@link AuthorityException} naming the file and line of the first problem.
     */
    public static synchronized Authority configure(Path file) {
        if (file == null) {
            String env = System.getenv(ENV);
            if (env != null && !env.isBlank()) file = Path.of(env);
        }
        current = file == null ? builtIn() : builtIn().extend(file);
        return current;
    }

    /** This authority with the entries of a user file added; an entry with a known id replaces the old one. */
    public Authority extend(Path file) {
        String name = file.toString();
        if (!Files.exists(file)) throw new AuthorityException(name + ": no such authority file");
        if (Files.isDirectory(file)) throw new AuthorityException(name + ": is a directory, not an authority file");
        List<Entry> added;
        try (Reader r = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
            added = parse(r, name);
        } catch (CharacterCodingException e) {
            throw new AuthorityException(name + ": is not UTF-8 text");
        } catch (IOException e) {
            throw new AuthorityException(name + ": cannot be read: " + e.getMessage());
        }
        if (added.isEmpty()) throw new AuthorityException(name + ": has no entries (expected tab-separated lines: id, type, name, years, role, variants, descriptions, ids)");
        Map<String, Entry> merged = new LinkedHashMap<>();
        for (Entry e : entries) merged.put(e.id(), e);
        for (Entry e : added) merged.put(e.id(), e);
        return new Authority(new ArrayList<>(merged.values()));
    }

    /** Parses authority lines; {@code name} is used in error messages. */
    public static List<Entry> parse(Reader reader, String name) throws IOException {
        List<Entry> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        BufferedReader br = new BufferedReader(reader);
        String line;
        int no = 0;
        while ((line = br.readLine()) != null) {
            no++;
            if (no == 1 && line.startsWith("\uFEFF")) line = line.substring(1);
            if (line.isBlank() || line.startsWith("#")) continue;
            String where = name + ":" + no + ": ";
            if (line.indexOf('\0') >= 0) throw new AuthorityException(where + "binary data, not an authority file");
            String[] c = line.split("\t", -1);
            if (c.length < 3 || c.length > 8)
                throw new AuthorityException(where + "expected 3 to 8 tab-separated columns (id, type, name, years, role, variants, descriptions, ids), found " + c.length);
            String id = c[0].strip();
            if (!ID.matcher(id).matches()) throw new AuthorityException(where + "bad id '" + id + "' (letters, digits, '.', '_', ':' or '-')");
            if (!seen.add(id)) throw new AuthorityException(where + "duplicate id " + id);
            EntityType type = type(c[1].strip());
            if (type == null) throw new AuthorityException(where + "unknown type '" + c[1].strip() + "' (person, place or organisation)");
            String canonical = c[2].strip();
            if (canonical.isEmpty() || NameKey.plain(canonical).isEmpty()) throw new AuthorityException(where + "empty name");
            String years = col(c, 3);
            if (!years.isEmpty() && !YEARS.matcher(years).matches())
                throw new AuthorityException(where + "bad years '" + years + "' (expected e.g. 1888-1938)");
            String role = col(c, 4);
            List<String> variants = list(col(c, 5));
            List<String> descriptions = list(col(c, 6));
            Map<String, String> ids = new LinkedHashMap<>();
            if (id.matches("Q\\d+")) ids.put("wikidata", id);
            for (String x : col(c, 7).split("[\\s;,]+")) {
                if (x.isEmpty()) continue;
                int k = x.indexOf(':');
                if (k <= 0 || k == x.length() - 1) throw new AuthorityException(where + "bad external id '" + x + "' (expected scheme:value, e.g. viaf:12345)");
                ids.put(x.substring(0, k).toLowerCase(Locale.ROOT), x.substring(k + 1));
            }
            Entity entity = new Entity(id, canonical, type, years.isEmpty() ? null : years, role.isEmpty() ? null : role,
                    List.copyOf(variants), Collections.unmodifiableMap(ids));
            out.add(new Entry(entity, List.copyOf(descriptions), contextWords(role, descriptions), givenNames(entity)));
        }
        return out;
    }

    private static String col(String[] c, int i) { return i < c.length ? c[i].strip() : ""; }

    private static List<String> list(String s) {
        List<String> l = new ArrayList<>();
        for (String x : s.split("\\|")) if (!x.isBlank()) l.add(x.strip());
        return l;
    }

    static EntityType type(String s) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "person": return EntityType.PERSON;
            case "place": return EntityType.PLACE;
            case "organisation": case "organization": case "org": return EntityType.ORGANISATION;
            default: return null;
        }
    }

    private static final Set<String> CONTEXT_STOP = Set.of("the", "and", "of", "in", "to", "for", "with", "who", "his",
            "her", "at", "on", "a", "an", "by", "from", "as", "was", "later", "first", "after", "head", "member");

    private static Set<String> contextWords(String role, List<String> descriptions) {
        Set<String> w = new HashSet<>();
        StringBuilder all = new StringBuilder(role);
        for (String d : descriptions) all.append(' ').append(d);
        for (String x : NameKey.plain(all.toString()).split(" ")) if (x.length() >= 3 && !CONTEXT_STOP.contains(x)) w.add(x);
        return Collections.unmodifiableSet(w);
    }

    /** Words before a name that are titles or particles, not given names. */
    static final Set<String> NOT_GIVEN = Set.of("the", "a", "an", "il", "la", "le", "el", "de", "del", "von", "van",
            "der", "di", "da", "tsar", "czar", "emperor", "king", "queen", "general", "generalissimo", "generalisimo",
            "marshal", "comrade", "chairman", "president", "premier", "ambassador", "admiral", "colonel", "captain",
            "commandante", "comandante", "mr", "mrs", "ms", "dr", "sir", "lord", "lady", "saint", "st", "pope", "father",
            "uncle", "iron", "red", "old", "young");

    /** Folded given names (all words but the last) of a person's name and multi-word variants. */
    private static Set<String> givenNames(Entity e) {
        Set<String> g = new HashSet<>();
        if (e.type() != EntityType.PERSON) return g;
        for (String n : personNames(e)) {
            String[] w = NameKey.plain(n).split(" ");
            for (int i = 0; i < w.length - 1; i++) if (w[i].length() > 1 || i == 0) g.add(NameKey.foldWord(w[i]));
        }
        return Collections.unmodifiableSet(g);
    }

    /** The name and multi-word variants of a person that have the given-names-then-surname shape. */
    private static List<String> personNames(Entity e) {
        List<String> names = new ArrayList<>();
        names.add(e.name());
        names.addAll(e.variants());
        List<String> out = new ArrayList<>();
        for (String n : names) {
            String[] w = NameKey.plain(n).split(" ");
            if (w.length < 2 || w[w.length - 1].length() < 2 || w[w.length - 1].matches("[ivx]+")) continue;
            boolean ok = true;
            for (int i = 0; i < w.length - 1; i++) if (NOT_GIVEN.contains(w[i])) ok = false;
            if (ok) out.add(n);
        }
        return out;
    }

    private void index(Entry e) {
        byId.put(e.id(), e);
        Entity en = e.entity();
        add(en.name(), e, true, true);
        for (String v : en.variants()) add(v, e, true, false);
        if (en.type() == EntityType.PERSON) {
            // a name whose first word is listed on its own is written family name first (Mao Zedong, Zhou Enlai)
            String firstWord = NameKey.plain(en.name()).split(" ")[0];
            boolean familyFirst = en.variants().stream().anyMatch(v -> NameKey.plain(v).equals(firstWord));
            for (String n : personNames(en)) {
                String[] w = NameKey.plain(n).split(" ");
                String last = w[w.length - 1];
                // a surname that is also a given name (Lloyd George) is no key on its own
                if (!familyFirst && last.length() >= 3 && !givenNames.contains(NameKey.foldWord(last))) add(last, e, false, false);
                StringBuilder initials = new StringBuilder();
                for (int i = 0; i < w.length - 1; i++) initials.append(w[i].charAt(0));
                add(initials + " " + last, e, false, false);
                add(w[0].charAt(0) + " " + last, e, false, false);
                if (w.length > 2) add(w[0] + " " + last, e, false, false);
            }
        }
    }

    private void add(String name, Entry e, boolean explicit, boolean canonical) {
        String p = NameKey.plain(name);
        if (p.isEmpty()) return;
        maxWords = Math.max(maxWords, p.split(" ").length);
        put(plain, p, new Hit(e, explicit, canonical));
        String f = NameKey.fold(name);
        put(folded, f, new Hit(e, explicit, canonical));
        boolean oneWord = p.indexOf(' ') < 0;
        boolean acronym = name.length() <= 6 && name.equals(name.toUpperCase(Locale.ROOT));
        if (oneWord && !acronym && f.length() >= 4) {
            if (!single.containsKey(f)) {
                byFirst.computeIfAbsent(f.charAt(0), x -> new ArrayList<>()).add(f);
                tails.computeIfAbsent(f.substring(1), x -> new ArrayList<>()).add(f);
            }
            put(single, f, new Hit(e, explicit, canonical));
            spellings.computeIfAbsent(f, x -> new HashSet<>(2)).add(p);
        }
    }

    private static void put(Map<String, List<Hit>> m, String k, Hit h) {
        List<Hit> l = m.computeIfAbsent(k, x -> new ArrayList<>(1));
        for (int i = 0; i < l.size(); i++) {
            Hit o = l.get(i);
            if (o.entry() == h.entry()) {
                if (h.explicit() && !o.explicit() || h.canonical() && !o.canonical()) l.set(i, h);
                return;
            }
        }
        l.add(h);
    }

    public List<Entry> entries() { return entries; }
    public Entry byId(String id) { return byId.get(id); }
    public int size() { return entries.size(); }
    /** The most words any name or variant has (bounds the phrase lookups). */
    public int maxWords() { return maxWords; }

    /** Entries named exactly so (case, accents and punctuation aside). */
    public List<Hit> exact(String name) { return plain.getOrDefault(NameKey.plain(name), List.of()); }

    /** {@link #exact} of a name whose {@link NameKey#plain} key the caller has already. */
    public List<Hit> exactByKey(String plainKey) { return plain.getOrDefault(plainKey, List.of()); }

    /** Entries whose romanisation-folded key equals that of the name. */
    public List<Hit> folded(String name) { return folded.getOrDefault(NameKey.fold(name), List.of()); }

    /** {@link #folded} of a name whose {@link NameKey#fold} key the caller has already. */
    public List<Hit> foldedByKey(String foldKey) { return folded.getOrDefault(foldKey, List.of()); }

    /** Hits on a one-word folded key. */
    public List<Hit> single(String foldKey) { return single.getOrDefault(foldKey, List.of()); }

    /** Is the (folded) word a given name of some person in the authority? */
    /** Is the word exactly (after folding) a given name of some person in the authority? */
    public boolean isKnownGivenName(String word) { return givenNames.contains(NameKey.foldWord(NameKey.plain(word))); }

    public boolean isGivenName(String word) {
        String f = NameKey.foldWord(NameKey.plain(word));
        if (givenNames.contains(f)) return true;
        if (f.length() < 5 || NOT_GIVEN.contains(f)) return false;
        for (String g : givenNames) // Nicholas for Nicolás, Mikhail for Mikhael
            if (g.charAt(0) == f.charAt(0) && Math.abs(g.length() - f.length()) <= 1 && NameKey.distance(g, f) <= 1) return true;
        return false;
    }

    /** The entry a name resolves to without ambiguity (exact, else folded), or null. */
    public Entry resolve(String name) {
        for (List<Hit> hits : List.of(exact(name), folded(name))) {
            Entry best = unique(hits);
            if (best != null) return best;
        }
        return null;
    }

    /** The single explicit hit, else the single hit, else null. */
    public static Entry unique(List<Hit> hits) {
        if (hits.isEmpty()) return null;
        Entry canonical = null, explicit = null;
        int nCanonical = 0, nExplicit = 0;
        for (Hit h : hits) {
            if (h.canonical()) { canonical = h.entry(); nCanonical++; }
            if (h.explicit()) { explicit = h.entry(); nExplicit++; }
        }
        if (nCanonical == 1) return canonical;
        if (nExplicit == 1) return explicit;
        return nExplicit == 0 && hits.size() == 1 ? hits.get(0).entry() : null;
    }

    /**
     * One-word keys near the folded word, best first: by edit distance within {@link NameKey#threshold} (plus
     * {@code slack}), or sharing a Daitch-Mokotoff code and within the threshold plus a half. A distance above one
     * needs the same first letter.
     */
    public synchronized List<Near> near(String word, double slack) {
        String f = NameKey.fold(word);
        String cacheKey = f + "\u0000" + slack;
        List<Near> cached = nearCache.get(cacheKey);
        if (cached != null) return cached;
        double max = NameKey.threshold(f.length()) + slack;
        String plainWord = NameKey.plain(word);
        Map<String, Near> best = new HashMap<>();
        if (max > 0 && !f.isEmpty()) {
            // keys with the same first letter, and those one edit away at the first letter
            Set<String> keys = new HashSet<>(byFirst.getOrDefault(f.charAt(0), List.of()));
            String tail = f.substring(1);
            keys.add(tail);
            keys.addAll(tails.getOrDefault(tail, List.of()));
            keys.addAll(tails.getOrDefault(f, List.of()));
            if (f.length() > 1) keys.add("" + f.charAt(1) + f.charAt(0) + f.substring(2));
            for (String key : keys) {
                List<Hit> hits = single.get(key);
                if (hits == null || Math.abs(key.length() - f.length()) > max || key.equals(f)) continue;
                double d = NameKey.distance(f, key, max);
                if (d > max && plainWord.length() >= 5) d = Math.min(d, plainDistance(plainWord, key, max));
                if (d > max || d > 1 && key.charAt(0) != f.charAt(0)) continue;
                for (Hit h : hits) best.merge(h.entry().id() + "\u0000" + key, new Near(h.entry(), key, d, false, h.explicit()), (a, b) -> a.distance() <= b.distance() ? a : b);
            }
        }
        for (String key : phoneticKeys(word)) {
            if (key.equals(f)) continue;
            double d = NameKey.distance(f, key, Math.max(max, NameKey.threshold(f.length())) + 0.5);
            if (d > Math.max(max, NameKey.threshold(f.length())) + 0.5 || d > 1 && key.charAt(0) != f.charAt(0)) continue;
            for (Hit h : single.getOrDefault(key, List.of()))
                best.putIfAbsent(h.entry().id() + "\u0000" + key, new Near(h.entry(), key, d, true, h.explicit()));
        }
        List<Near> l = new ArrayList<>(best.values());
        l.sort(Comparator.comparingDouble(Near::distance).thenComparing(n -> n.entry().id()));
        l = List.copyOf(l);
        nearCache.put(cacheKey, l);
        return l;
    }

    /**
     * A spelling behind a fold key that the plain word is one swap of two neighbouring letters away from (the
     * commonest typo, which folding can turn into two edits): distance 1, else none. Only swaps: a plain one-letter
     * change is already judged on the folded keys (Tanakh is no Tanaka).
     */
    private double plainDistance(String plainWord, String key, double max) {
        for (String sp : spellings.getOrDefault(key, Set.of()))
            if (sp.length() == plainWord.length() && sp.charAt(0) == plainWord.charAt(0) && swapped(sp, plainWord)) return 1;
        return Double.MAX_VALUE;
    }

    private static boolean swapped(String a, String b) {
        int i = 0, n = a.length();
        while (i < n && a.charAt(i) == b.charAt(i)) i++;
        return i + 1 < n && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                && a.substring(i + 2).equals(b.substring(i + 2));
    }

    private static final DaitchMokotoffSoundex DM = new DaitchMokotoffSoundex();

    /** Daitch-Mokotoff soundex codes of a folded word, one per alternative reading (the coding for Slavic names). */
    static Set<String> codes(String foldKey) {
        Set<String> out = new HashSet<>();
        if (foldKey.length() < 4) return out;
        try {
            for (String alt : DM.soundex(foldKey).split("\\|")) if (!alt.isEmpty()) out.add(alt);
        } catch (RuntimeException e) { /* the encoder rejects some inputs; no phonetic match then */ }
        return out;
    }

    private Set<String> phoneticKeys(String word) {
        if (phonetic == null) {
            phonetic = new HashMap<>();
            for (Map.Entry<String, List<Hit>> k : single.entrySet()) {
                if (k.getValue().stream().noneMatch(h -> h.entry().type() == EntityType.PERSON)) continue;
                for (String c : codes(k.getKey())) phonetic.computeIfAbsent(c, x -> new HashSet<>()).add(k.getKey());
            }
        }
        Set<String> out = new HashSet<>();
        for (String c : codes(NameKey.fold(word))) out.addAll(phonetic.getOrDefault(c, Set.of()));
        return out;
    }
}
