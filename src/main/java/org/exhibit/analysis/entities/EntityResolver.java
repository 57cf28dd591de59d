package org.exhibit.analysis.entities;

import org.exhibit.analysis.Layer;
import org.exhibit.analysis.Stage;
import org.exhibit.analysis.entities.NameTokens.Tok;
import org.exhibit.authority.Authority;
import org.exhibit.authority.Authority.Entry;
import org.exhibit.authority.Authority.Hit;
import org.exhibit.authority.Authority.Near;
import org.exhibit.authority.NameKey;
import org.exhibit.authority.CommonWords;
import org.exhibit.model.Document;
import org.exhibit.model.Entity;
import org.exhibit.model.EntityType;
import org.exhibit.model.Mention;
import org.exhibit.model.Span;

import java.util.*;
import java.util.regex.Pattern;

/**
 * Finds the people, places and organisations a thread names and resolves each mention to an authority entry.
 *
 * <p>Candidates are capitalised word runs (with initials, {@code L.M. Kaganovich}, and possessives,
 * {@code Stalin's}), lower-case organisation names ({@code politburo}), derived forms ({@code Trotskyites},
 * {@code Zinovievites}: the person, {@code how="derived"}) and descriptions listed in the authority
 * ({@code Stalin's daughter}, {@code the American Ambassador to the USSR}). Each is resolved by the first of:
 * the name or a listed variant ({@code exact}, {@code variant}); the romanisation-folded key
 * ({@code transliteration}, see {@link NameKey}); a shared Daitch-Mokotoff code ({@code phonetic}); weighted
 * Damerau-Levenshtein distance within a length-dependent threshold ({@code edit-distance}); a near miss that the
 * words around it support, "the British Lawyer Pitt" ({@code context}). A surname borne by several entries goes to
 * the entry that lists the bare surname as a variant (Franco is Francisco Franco even next to Nicolás Franco),
 * else to the one the thread names nearest, else most; with none of these it stays unresolved.
 *
 * <p>Precision first: common English words (sentence starts, "Court", "Party") are never fuzzy-matched, short
 * names only match exactly or with support from context, and a given name that contradicts the entry's
 * ("Nicholas Franco" is not Francisco Franco) leaves the name unresolved. A person-like name that resolves to no
 * entry (a Russian surname form, or a given name, title or "by the name of" before it) becomes an entity of its
 * own, type person, id {@code local:slug} and no external ids, with spellings clustered by the same distance;
 * its mentions have {@code how="unresolved"}.
 */
public final class EntityResolver implements Stage {
    private static final String[] DERIVED = {"ites", "ists", "isms", "ians", "ite", "ist", "ism", "ian"};
    private static final Pattern SLAVIC = Pattern.compile(".*[a-z](ov|ova|ev|eva|ovs|sky|ski|skaya|skii|skiy|enko|dze|shvili|vich|ovich|evich|off|eff|yan)$");
    private static final Set<String> TITLES = Set.of("comrade", "mr", "mrs", "ms", "dr", "general", "marshal", "professor",
            "prof", "ambassador", "commissar", "colonel", "captain", "lieutenant", "admiral", "citizen", "lawyer",
            "prosecutor", "judge", "president", "premier", "chairman", "secretary", "sir", "lord", "lady", "tsar");
    private static final Set<String> SKIP_UNITS = Set.of("the", "a", "an");

    private final Authority fixed;

    /** Resolves against {@link Authority#current()} (the built-in file plus the user's). */
    public EntityResolver() { this(null); }

    public EntityResolver(Authority authority) { this.fixed = authority; }

    @Override public String name() { return "entities"; }
    @Override public Set<Layer> requires() { return Layer.withReader(Layer.QUOTES, Layer.CITATIONS); }
    @Override public Set<Layer> assigns() { return Set.of(Layer.ENTITIES); }

    /** A found mention: tokens [from, to), its candidate entries (one when resolved) or a local name. */
    private static final class Found {
        int from, to, start, end;
        List<Entry> candidates;
        Entry def; // default among several candidates
        String how;
        double confidence;
        String local; // name of an unresolved person
        Entry entry;   // the resolution

        Found(int from, int to, int start, int end, List<Entry> candidates, Entry def, String how, double confidence) {
            this.from = from; this.to = to; this.start = start; this.end = end;
            this.candidates = candidates; this.def = def; this.how = how; this.confidence = confidence;
        }
    }

    @Override public void apply(Document doc) {
        Authority a = fixed != null ? fixed : Authority.current();
        new Run(a, doc).run();
    }

    /** What the resolver derives from an authority once: first words of names, descriptions as word units. */
    private record Prepared(Set<String> firstWords, Map<String, List<Map.Entry<List<String>, Entry>>> descriptions) {}

    private static final Map<Authority, Prepared> PREPARED = Collections.synchronizedMap(new WeakHashMap<>());

    private static Prepared prepared(Authority a) {
        return PREPARED.computeIfAbsent(a, x -> {
            Set<String> first = new HashSet<>();
            Map<String, List<Map.Entry<List<String>, Entry>>> byFirst = new HashMap<>();
            for (Entry e : x.entries()) {
                first.add(Run.first(e.entity().name()));
                for (String v : e.entity().variants()) first.add(Run.first(v));
                for (String d : e.descriptions()) {
                    List<String> units = Run.descriptionUnits(x, d);
                    if (!units.isEmpty()) byFirst.computeIfAbsent(units.get(0), k -> new ArrayList<>()).add(Map.entry(units, e));
                }
            }
            return new Prepared(first, byFirst);
        });
    }

    /** The state of one resolution over one document. */
    private static final class Run {
        final Authority a;
        final Document doc;
        final String text;
        final List<Tok> toks;
        final boolean[] used;
        final List<Found> found = new ArrayList<>();
        final Set<String> firstWords;

        Run(Authority a, Document doc) {
            this.a = a;
            this.doc = doc;
            this.text = doc.text();
            this.toks = NameTokens.of(doc);
            this.used = new boolean[toks.size()];
            this.firstWords = prepared(a).firstWords;
        }

        /** The first word of a name as the tokenizer sees it ("p" for "P.B."). */
        static String first(String name) {
            List<Tok> ts = NameTokens.of(name);
            return ts.isEmpty() ? "" : ts.get(0).plainWord();
        }

        void run() {
            dictionary();
            nestedDerived();
            fuzzy();
            unresolved();
            choose();
            descriptions();
            emit();
        }

        // ---- pass 1: names and variants, longest first ----

        void dictionary() {
            int max = Math.max(1, a.maxWords());
            for (int i = 0; i < toks.size(); i++) {
                if (used[i]) continue;
                Tok t = toks.get(i);
                boolean multi = firstWords.contains(t.plainWord());
                for (int n = multi ? Math.min(max, toks.size() - i) : 1; n >= 1; n--) {
                    int j = i + n;
                    if (!span(i, j)) continue;
                    if (!anyCap(i, j)) continue;
                    // words of ASCII letters and digits with blanks between: the phrase's keys are made from the
                    // words' keys (as NameKey would make them), without a lookup in the process-wide key caches
                    boolean simple = simple(i, j);
                    String phrase = simple ? null : text.substring(t.start, toks.get(j - 1).end);
                    List<Hit> hits = n == 1 ? a.exactByKey(t.plainText()) // one word: the phrase is its text
                            : simple ? a.exactByKey(joinedKey(i, j)) : a.exact(phrase);
                    String how = "variant";
                    if (hits.isEmpty() && toks.get(j - 1).cap) {
                        hits = simple ? a.foldedByKey(foldedKey(i, j)) : a.folded(phrase);
                        how = "transliteration";
                    }
                    hits = admissible(hits, i, j);
                    if (hits.isEmpty()) continue;
                    if (how.equals("variant") && hits.stream().anyMatch(Hit::canonical)) how = "exact";
                    boolean explicit = hits.stream().anyMatch(Hit::explicit);
                    double conf = how.equals("exact") ? 1.0 : how.equals("variant") ? (explicit ? 0.97 : 0.9) : 0.9;
                    person(i, j, hits, how, conf, true);
                    i = j - 1;
                    break;
                }
            }
        }

        /** Drops hits that the shape of the written words does not allow. */
        List<Hit> admissible(List<Hit> hits, int i, int j) {
            if (hits.isEmpty()) return hits;
            Tok t = toks.get(i);
            if (j - i > 1) return hits;
            List<Hit> out = new ArrayList<>(hits.size());
            for (Hit h : hits) {
                EntityType type = h.entry().type();
                if (!t.cap) {
                    // lower case: only longer organisation names that are no English word (politburo)
                    if (type != EntityType.ORGANISATION || t.text.length() < 6 || CommonWords.common(t.text)) continue;
                } else if (t.initial) continue;
                else if (CommonWords.notAName(t.text)) {
                    // a capitalised English word names a person only by an explicit variant, mid-sentence, and
                    // not after an article or inside another name (Conquest wrote; the Norman Conquest)
                    if (type == EntityType.PERSON && (!h.explicit() || t.sentenceStart || afterArticle(i))) continue;
                }
                if (t.allCaps == false && t.text.length() <= 3 && !h.canonical() && type != EntityType.PERSON) continue;
                out.add(h);
            }
            return out;
        }

        boolean afterArticle(int i) {
            if (i == 0 || !NameTokens.joined(text, toks.get(i - 1), toks.get(i))) return false;
            Tok p = toks.get(i - 1);
            String w = p.text.toLowerCase(Locale.ROOT);
            // also inside another proper name: the Norman Conquest
            return w.equals("the") || w.equals("a") || w.equals("an") || p.cap && !p.initial && !p.sentenceStart && !a.isGivenName(p.text);
        }

        /** Records a match over tokens [i, j); for people, takes in given names before it and checks them. */
        void person(int i, int j, List<Hit> hits, String how, double conf, boolean exactSurname) {
            List<Entry> entries = new ArrayList<>();
            for (Hit h : hits) if (!entries.contains(h.entry())) entries.add(h.entry());
            Entry def = Authority.unique(hits);
            int from = i;
            boolean allPeople = entries.stream().allMatch(e -> e.type() == EntityType.PERSON);
            if (allPeople) {
                from = givenStart(i);
                if (from < i) {
                    List<Tok> given = toks.subList(from, i);
                    List<Entry> fit = new ArrayList<>();
                    for (Entry e : entries) if (compatible(e, given)) fit.add(e);
                    if (fit.isEmpty()) {
                        // same surname, another given name: look for the namesake
                        String surname = text.substring(toks.get(i).start, toks.get(j - 1).end);
                        for (Hit h : a.folded(surname)) if (compatible(h.entry(), given) && !fit.contains(h.entry())) fit.add(h.entry());
                    }
                    if (fit.isEmpty() && exactSurname) {
                        markLocal(from, j, text.substring(toks.get(from).start, toks.get(j - 1).end));
                        return;
                    }
                    if (fit.isEmpty()) conf = Math.min(conf, 0.45);
                    else {
                        entries = fit;
                        def = fit.size() == 1 ? fit.get(0) : (def != null && fit.contains(def) ? def : null);
                    }
                }
            }
            Found f = new Found(from, j, toks.get(from).start, toks.get(j - 1).end, entries, def, how, conf);
            if (entries.size() == 1) f.entry = entries.get(0);
            add(f);
        }

        void add(Found f) {
            for (int k = f.from; k < f.to; k++) used[k] = true;
            found.add(f);
        }

        void markLocal(int from, int to, String name) {
            Found f = new Found(from, to, toks.get(from).start, toks.get(to - 1).end, List.of(), null, "unresolved", 0.5);
            f.local = name;
            add(f);
        }

        /** First token of the given names (initials, known given names, up to three) right before token i. */
        int givenStart(int i) {
            int k = i;
            while (k > 0 && i - k < 3) {
                Tok p = toks.get(k - 1);
                if (used[k - 1] || !NameTokens.joined(text, p, toks.get(k)) || !p.cap) break;
                if (!(p.initial || a.isGivenName(p.text)) || CommonWords.notAName(p.text)) break;
                k--;
            }
            return k;
        }

        /** Do the written given names or initials agree with what the entry knows of the person's? */
        boolean compatible(Entry e, List<Tok> given) {
            if (e.type() != EntityType.PERSON) return false;
            Set<String> names = e.givenNames();
            if (names.isEmpty()) return true;
            Tok g = given.get(0);
            String w = NameKey.foldWord(g.plainWord());
            if (w.isEmpty()) return true;
            for (String n : names) {
                if (n.isEmpty()) continue;
                if (g.initial || n.length() == 1) { if (n.charAt(0) == w.charAt(0)) return true; continue; }
                if (n.equals(w) || NameKey.distance(n, w) <= 1) return true;
                if (Math.min(n.length(), w.length()) >= 3 && (n.startsWith(w) || w.startsWith(n))) return true;
            }
            return false;
        }

        boolean span(int i, int j) {
            for (int k = i; k + 1 < j; k++) if (used[k + 1] || !NameTokens.joined(text, toks.get(k), toks.get(k + 1))) return false;
            return !used[i];
        }

        boolean simple(int i, int j) {
            for (int k = i; k < j; k++) if (!toks.get(k).simple()) return false;
            return true;
        }

        /** {@link NameKey#plain} of the simple phrase [i, j). */
        String joinedKey(int i, int j) {
            StringBuilder sb = new StringBuilder();
            for (int k = i; k < j; k++) { if (k > i) sb.append(' '); sb.append(toks.get(k).plainText()); }
            return sb.toString();
        }

        private final Map<String, String> foldedWords = new HashMap<>();

        /** {@link NameKey#fold} of the simple phrase [i, j): its words folded one by one, spaces dropped. */
        String foldedKey(int i, int j) {
            StringBuilder sb = new StringBuilder();
            for (int k = i; k < j; k++) sb.append(foldedWords.computeIfAbsent(toks.get(k).plainText(), NameKey::foldWord));
            return sb.toString();
        }

        boolean anyCap(int i, int j) {
            for (int k = i; k < j; k++) if (toks.get(k).cap) return true;
            return j - i == 1; // a single lower-case word is checked by admissible()
        }

        /** "the Trotskyite opposition" names an organisation and, inside it, Trotsky as its root. */
        void nestedDerived() {
            for (Found f : new ArrayList<>(found))
                if (f.entry != null && f.entry.type() != EntityType.PERSON)
                    for (int k = f.from; k < f.to; k++) if (toks.get(k).cap) derived(k);
        }

        // ---- pass 2: derived forms, phonetic and edit-distance matches, context ----

        void fuzzy() {
            for (int i = 0; i < toks.size(); i++) {
                if (used[i]) continue;
                Tok t = toks.get(i);
                if (!t.cap || t.initial || t.allCaps || t.text.length() < 4 || !letters(t.text)) continue;
                if (derived(i)) continue;
                if (notANameHere(t.text)) {
                    if (!CommonWords.common(t.text) && !t.sentenceStart && t.text.indexOf('-') < 0) contextual(i); // capitalised non-name word: context only
                    continue;
                }
                // a given name (Yakov) or a common surname (Ivanov) is a name in its own right, not a typo
                if (a.isKnownGivenName(t.text) || CommonWords.commonSurname(t.text)) continue;
                // the first word of an unknown two-word name ("Andrea Graziosi") is not a misspelt surname
                if (!t.possessive && i + 1 < toks.size() && !used[i + 1] && toks.get(i + 1).cap && !toks.get(i + 1).initial
                        && text.substring(t.after, toks.get(i + 1).start).isBlank()) continue;
                List<Near> near = a.near(t.text, 0);
                List<Entry> best = best(near, t.text);
                if (!best.isEmpty()) {
                    Near top = nearOf(near, best.get(0));
                    String how = top.phonetic() ? "phonetic" : "edit-distance"; // phonetic: past the edit threshold, same code
                    double conf = Math.max(0.5, (how.equals("phonetic") ? 0.85 : 0.8) - 0.1 * Math.max(0, top.distance() - 1));
                    List<Hit> hits = new ArrayList<>();
                    for (Entry e : best) hits.add(new Hit(e, near.stream().anyMatch(n -> n.entry() == e && n.explicit()), false));
                    person(i, i + 1, hits, how, conf, false);
                    continue;
                }
                contextual(i);
            }
        }

        /** A common word, or a compound with one (All-Russian, Anti-Soviet), is no name. */
        private final Map<String, Boolean> notAName = new HashMap<>();

        /** {@link #notAName(String)} once per distinct word of the document. */
        boolean notANameHere(String s) {
            Boolean b = notAName.get(s);
            if (b == null) notAName.put(s, b = notAName(s));
            return b;
        }

        static boolean notAName(String s) {
            if (CommonWords.notAName(s)) return true;
            if (s.indexOf('-') < 0) return false;
            for (String part : s.split("-")) if (!part.isEmpty() && CommonWords.notAName(part)) return true;
            return false;
        }

        static boolean letters(String s) {
            for (int k = 0; k < s.length(); k++) {
                char c = s.charAt(k);
                if (!Character.isLetter(c) && c != '-' && c != '\'' && c != '’') return false;
            }
            return true;
        }

        /** The nearest entries, restricted by type: places and organisations only one edit away, not by a suffix. */
        List<Entry> best(List<Near> near, String word) {
            String f = NameKey.fold(word);
            double min = Double.MAX_VALUE;
            List<Entry> out = new ArrayList<>();
            for (Near n : near) {
                if (f.equals(n.key() + "a") || n.key().endsWith("ski") && f.endsWith("skaia")) continue; // Kameneva is not Kamenev
                if (n.entry().type() != EntityType.PERSON) {
                    if (n.distance() > 1 || n.key().startsWith(f) || f.startsWith(n.key()) || f.length() < 6) continue;
                }
                if (n.distance() < min) { min = n.distance(); out.clear(); }
                if (n.distance() == min && !out.contains(n.entry())) out.add(n.entry());
            }
            return out;
        }

        static Near nearOf(List<Near> near, Entry e) {
            for (Near n : near) if (n.entry() == e) return n;
            return null;
        }

        /** Trotskyites, Zinovievites, Stalinist: the person at the root, how="derived". */
        boolean derived(int i) {
            Tok t = toks.get(i);
            for (String suffix : DERIVED) {
                if (!t.text.endsWith(suffix) || t.text.length() - suffix.length() < 3) continue;
                String root = t.text.substring(0, t.text.length() - suffix.length());
                List<Entry> people = new ArrayList<>();
                double conf = 0.9;
                Entry exact = Authority.unique(people(a.exact(root)));
                if (exact == null) exact = Authority.unique(people(a.folded(root)));
                if (exact != null) people.add(exact);
                else if (!CommonWords.common(t.text) && root.length() >= 5) {
                    List<Near> near = new ArrayList<>();
                    for (Near n : a.near(root, 0)) if (n.entry().type() == EntityType.PERSON) near.add(n);
                    List<Entry> best = best(near, root);
                    if (best.size() == 1) { people.add(best.get(0)); conf = 0.75; }
                }
                if (people.size() != 1) continue;
                Found f = new Found(i, i + 1, t.start, t.end, people, people.get(0), "derived", conf);
                f.entry = people.get(0);
                add(f);
                return true;
            }
            return false;
        }

        static List<Hit> people(List<Hit> hits) {
            List<Hit> out = new ArrayList<>();
            for (Hit h : hits) if (h.entry().type() == EntityType.PERSON) out.add(h);
            return out;
        }

        /** A near miss one edit further than the threshold, accepted when nearby words fit the entry's role. */
        void contextual(int i) {
            Tok t = toks.get(i);
            Set<String> window = window(i, 5);
            Entry pick = null;
            double d = 0;
            for (Near n : a.near(t.text, 1)) {
                if (n.entry().type() != EntityType.PERSON || n.distance() > 1) continue;
                if (Collections.disjoint(window, n.entry().contextWords())) continue;
                if (pick != null && pick != n.entry()) return; // two supported readings: leave it
                pick = n.entry();
                d = n.distance();
            }
            if (pick == null) return;
            person(i, i + 1, List.of(new Hit(pick, false, false)), "context", d <= 1 ? 0.65 : 0.55, false);
        }

        /** Lower-case words of the same sentence within {@code width} words before the token and two after. */
        Set<String> window(int i, int width) {
            Set<String> w = new HashSet<>();
            for (int k = i - 1; k >= 0 && k >= i - width; k--) {
                w.add(toks.get(k).plainText());
                if (toks.get(k).sentenceStart) break;
            }
            for (int k = i + 1; k < toks.size() && k <= i + 2 && !toks.get(k).sentenceStart; k++) w.add(toks.get(k).plainText());
            return w;
        }

        // ---- pass 3: person-like names that no entry knows ----

        void unresolved() {
            for (int i = 0; i < toks.size(); i++) {
                if (used[i]) continue;
                Tok t = toks.get(i);
                boolean named = i >= 2 && toks.get(i - 2).plainText().equals("name") && toks.get(i - 1).plainText().equals("of");
                if (!t.cap || t.initial || t.allCaps || t.text.length() < (named ? 2 : 3) || !letters(t.text) || notANameHere(t.text)) continue;
                String lower = t.plainText();
                int from = givenStart(i);
                boolean titled = i > 0 && TITLES.contains(toks.get(i - 1).plainText()) && NameTokens.joined(text, toks.get(i - 1), t);
                boolean slavic = lower.length() >= 5 && SLAVIC.matcher(lower).matches();
                if (!(slavic || titled || named || from < i)) continue;
                int to = i + 1;
                if (named && to < toks.size() && !used[to] && toks.get(to).cap && NameTokens.joined(text, t, toks.get(to))) to++;
                markLocal(from, to, text.substring(toks.get(from).start, toks.get(to - 1).end));
                i = to - 1;
            }
            // other spellings of the names just found (Kulikow beside Kulikov)
            Map<Character, Set<String>> keys = new HashMap<>();
            for (Found f : found)
                if (f.local != null) {
                    String k = localKey(f.local);
                    if (!k.isEmpty()) keys.computeIfAbsent(k.charAt(0), x -> new HashSet<>()).add(k);
                }
            if (keys.isEmpty()) return;
            Map<String, Boolean> near = new HashMap<>();
            for (int i = 0; i < toks.size(); i++) {
                Tok t = toks.get(i);
                if (used[i] || !t.cap || t.allCaps || t.text.length() < 5 || !letters(t.text) || notANameHere(t.text)) continue;
                String f = NameKey.fold(t.text);
                if (f.isEmpty()) continue;
                boolean hit = near.computeIfAbsent(f, x -> {
                    for (String k : keys.getOrDefault(x.charAt(0), Set.of())) {
                        double max = NameKey.threshold(Math.min(k.length(), x.length()));
                        if (NameKey.distance(k, x, max) <= max) return true;
                    }
                    return false;
                });
                if (hit) markLocal(i, i + 1, t.text);
            }
        }

        // ---- ambiguous surnames: the entry the thread names nearest or most, else the default ----

        void choose() {
            Map<String, Integer> count = new HashMap<>();
            TreeMap<Integer, List<Entry>> at = new TreeMap<>();
            for (Found f : found) {
                if (f.entry == null) continue;
                count.merge(f.entry.id(), 1, Integer::sum);
                at.computeIfAbsent(f.start, x -> new ArrayList<>()).add(f.entry);
            }
            for (Found f : found) {
                if (f.entry != null || f.local != null) continue;
                if (f.def != null) { f.entry = f.def; continue; } // a listed bare surname: its default bearer
                Entry pick = null;
                int bestGap = 3000;
                for (Map.Entry<Integer, List<Entry>> m : at.subMap(f.start - 3000, f.end + 3000).entrySet())
                    for (Entry e : m.getValue())
                        if (f.candidates.contains(e) && Math.abs(m.getKey() - f.start) < bestGap) { bestGap = Math.abs(m.getKey() - f.start); pick = e; }
                if (pick == null) {
                    int most = 0;
                    for (Entry e : f.candidates) {
                        int c = count.getOrDefault(e.id(), 0);
                        if (c > most) { most = c; pick = e; } else if (c == most && c > 0) pick = null;
                    }
                }
                if (pick == null) pick = f.def;
                if (pick != null) {
                    f.entry = pick;
                    f.confidence *= 0.9;
                } else f.local = text.substring(f.start, f.end);
            }
        }

        // ---- pass 4: descriptions (Stalin's daughter, the German Ambassador to Spain) ----

        void descriptions() {
            Map<String, List<Map.Entry<List<String>, Entry>>> byFirst = prepared(a).descriptions;
            if (byFirst.isEmpty()) return;
            // the document as units: entity ids for resolved names, lower-case words, '|' at punctuation
            Map<Integer, Found> foundAt = new HashMap<>();
            Set<String> named = new HashSet<>();
            for (Found f : found) if (f.entry != null) { foundAt.put(f.from, f); named.add(f.entry.id()); }
            List<String> units = new ArrayList<>();
            List<int[]> spans = new ArrayList<>();
            for (int i = 0; i < toks.size(); i++) {
                Tok t = toks.get(i);
                if (i > 0 && !gapIsBlank(toks.get(i - 1), t)) { units.add("|"); spans.add(new int[]{t.start, t.start}); }
                Found f = foundAt.get(i);
                if (f != null && f.entry != null) {
                    units.add("@" + f.entry.id());
                    spans.add(new int[]{f.start, f.end});
                    i = f.to - 1;
                    t = toks.get(i);
                } else {
                    String w = t.plainText();
                    if (SKIP_UNITS.contains(w)) continue;
                    units.add(w);
                    spans.add(new int[]{t.start, t.end});
                }
                if (t.possessive) { units.add("'s"); spans.add(new int[]{t.end, t.after}); }
            }
            for (int u = 0; u < units.size(); u++) {
                List<Map.Entry<List<String>, Entry>> cands = byFirst.get(units.get(u));
                if (cands == null) continue;
                int bestLen = 0;
                List<Entry> hits = new ArrayList<>();
                for (Map.Entry<List<String>, Entry> c : cands) {
                    List<String> d = c.getKey();
                    if (u + d.size() > units.size() || !units.subList(u, u + d.size()).equals(d)) continue;
                    if (d.size() > bestLen) { bestLen = d.size(); hits.clear(); }
                    if (d.size() == bestLen && !hits.contains(c.getValue())) hits.add(c.getValue());
                }
                if (hits.isEmpty()) continue;
                Entry pick = hits.size() == 1 ? hits.get(0) : null;
                if (pick == null) {
                    for (Entry e : hits) if (named.contains(e.id())) { if (pick != null) { pick = null; break; } pick = e; }
                    if (pick == null) continue;
                }
                int start = spans.get(u)[0], end = spans.get(u + bestLen - 1)[1];
                start = withArticle(start);
                Found f = new Found(-1, -1, start, end, List.of(pick), pick, "description", hits.size() == 1 ? 0.8 : 0.7);
                f.entry = pick;
                found.add(f);
                u += bestLen - 1;
            }
        }

        static List<String> descriptionUnits(Authority a, String phrase) {
            List<Tok> ts = NameTokens.of(phrase);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < ts.size(); i++) {
                int matched = 0;
                for (int n = Math.min(a.maxWords(), ts.size() - i); n >= 1 && matched == 0; n--) {
                    boolean ok = true;
                    for (int k = i; k + 1 < i + n; k++) if (!NameTokens.joined(phrase, ts.get(k), ts.get(k + 1))) ok = false;
                    if (!ok || !ts.get(i).cap) continue;
                    Entry e = a.resolve(phrase.substring(ts.get(i).start, ts.get(i + n - 1).end));
                    if (e == null) continue;
                    out.add("@" + e.id());
                    matched = n;
                }
                Tok last = ts.get(i + Math.max(matched, 1) - 1);
                if (matched == 0) {
                    String w = ts.get(i).plainText();
                    if (!SKIP_UNITS.contains(w)) out.add(w);
                } else i += matched - 1;
                if (last.possessive) out.add("'s");
            }
            return out;
        }

        boolean gapIsBlank(Tok a, Tok b) {
            for (int k = a.after; k < b.start; k++) {
                char c = text.charAt(k);
                if (c != ' ' && c != '\t' && c != '\u00a0' && c != '\'' && c != '’' && c != '-') return false;
            }
            return true;
        }

        /** Moves a start back over a preceding "the ". */
        int withArticle(int start) {
            int s = start;
            while (s > 0 && text.charAt(s - 1) == ' ') s--;
            if (s >= 3 && text.substring(s - 3, s).equalsIgnoreCase("the") && (s == 3 || !Character.isLetter(text.charAt(s - 4))))
                return s - 3;
            return start;
        }

        // ---- output: one entity per resolution, mentions in text order ----

        void emit() {
            found.sort(Comparator.comparingInt((Found f) -> f.start).thenComparingInt(f -> -f.end));
            Map<String, Entity> locals = localEntities();
            Set<String> added = new HashSet<>();
            for (Entity e : doc.entities()) added.add(e.id());
            for (Found f : found) {
                Entity e;
                String how = f.how;
                if (f.entry != null) e = f.entry.entity();
                else {
                    e = locals.get(localKey(f.local));
                    how = "unresolved";
                }
                if (e == null) continue;
                if (added.add(e.id())) doc.entities().add(e);
                Span s = new Span(f.start, f.end);
                doc.mentions().add(new Mention(s, doc.slice(s), e.id(), e.type(), how, f.entry != null ? f.confidence : 0.5));
            }
        }

        /** The clustering key of an unresolved name: its folded surname (never empty). */
        static String localKey(String name) {
            String k = NameKey.fold(surname(name));
            return k.isEmpty() ? "~" + name : k;
        }

        static String surname(String name) {
            String t = name.strip();
            int sp = Math.max(t.lastIndexOf(' '), Math.max(t.lastIndexOf('\t'), t.lastIndexOf('\u00a0')));
            return t.substring(sp + 1);
        }

        /** Unresolved names clustered by surname key and edit distance; each cluster named by its longest form. */
        Map<String, Entity> localEntities() {
            Map<String, String> keyToCluster = new HashMap<>();
            Map<String, List<String>> forms = new LinkedHashMap<>();
            for (Found f : found) {
                if (f.entry != null || f.local == null) continue;
                String key = localKey(f.local);
                String cluster = keyToCluster.get(key);
                if (cluster == null) {
                    for (String c : forms.keySet())
                        if (c.charAt(0) == key.charAt(0) && NameKey.distance(c, key) <= NameKey.threshold(Math.min(c.length(), key.length()))) { cluster = c; break; }
                    if (cluster == null) cluster = key;
                    keyToCluster.put(key, cluster);
                }
                forms.computeIfAbsent(cluster, x -> new ArrayList<>()).add(f.local);
            }
            Map<String, Entity> out = new HashMap<>();
            Set<String> taken = new HashSet<>();
            for (Map.Entry<String, List<String>> c : forms.entrySet()) {
                Map<String, Integer> freq = new HashMap<>();
                for (String v : c.getValue()) freq.merge(v, 1, Integer::sum);
                String name = freq.keySet().stream().max(Comparator.comparingInt((String s) -> s.split("\\s+").length)
                        .thenComparingInt(freq::get).thenComparing(Comparator.reverseOrder())).orElseThrow();
                List<String> variants = freq.keySet().stream().filter(v -> !v.equals(name)).sorted().toList();
                String slug = NameKey.plain(name).replace(' ', '-');
                if (slug.isEmpty()) slug = Integer.toHexString(name.hashCode());
                while (!taken.add(slug)) slug = slug + "-2"; // two clusters, one spelling of their names
                Entity e = new Entity("local:" + slug, name, EntityType.PERSON, null, null, variants, Map.of());
                for (Map.Entry<String, String> k : keyToCluster.entrySet()) if (k.getValue().equals(c.getKey())) out.put(k.getKey(), e);
            }
            return out;
        }
    }
}
