package org.exhibit.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who quotes whom, through what: the provenance graph of one JSON edition. Nodes are the speakers, works and
 * posts a thread's passages come from (and the unnamed sources and named intermediaries they pass through); an
 * edge "quoted in" runs along each passage's chain, from the speaker to the work, through each enclosing hand
 * (its {@code via}, nearest first) to the post, and "reproduces" from an earlier post to the post that repeats it.
 * Groups collect sources that look separate but are one: reuse of a same-source kind and not-independent flags.
 * Read tolerantly from the edition (editions may come from disk); quotes are referred to by their index in the
 * edition's {@code quotes} array.
 */
public final class Provenance {
    /** What a node stands for. */
    public enum Kind {
        SPEAKER("speaker"), WORK("work"), HAND("hand"), UNNAMED("unnamed"), POST("post");

        public final String token;

        Kind(String token) { this.token = token; }
    }

    public static final class Node {
        public final int index;
        public final String key;
        public final Kind kind;
        public final String label;
        /** A second line of detail (author, year, pages, role), or null. */
        public String detail;
        /** The post's position for post nodes, else -1. */
        public final int post;
        /** Year the work is dated, or null. */
        public Integer year;
        /** Life or founding years of a speaker, as the authority gives them ("1888-1938"), or null. */
        public String years;
        /** Quotes whose chain passes through this node, in edition order. */
        public final TreeSet<Integer> quotes = new TreeSet<>();
        /** Group index, or -1. */
        public int group = -1;

        Node(int index, String key, Kind kind, String label, int post) {
            this.index = index; this.key = key; this.kind = kind; this.label = label; this.post = post;
        }
    }

    public static final class Edge {
        public final int index, from, to;
        public final String kind; // "quoted-in" or "reproduces"
        public final TreeSet<Integer> quotes = new TreeSet<>();
        /** Reuse items behind a reproduction drawn from text repeated without quotation (indices into reuse). */
        public final TreeSet<Integer> reuse = new TreeSet<>();

        Edge(int index, int from, int to, String kind) { this.index = index; this.from = from; this.to = to; this.kind = kind; }

        public int weight() { return Math.max(1, quotes.size() + reuse.size()); }
    }

    public static final class Group {
        public final int index;
        public final List<Integer> members = new ArrayList<>();
        /** The passages shown to be one source (the reuse parts and the quotes flags name). */
        public final TreeSet<Integer> quotes = new TreeSet<>();
        public final List<String> reasons = new ArrayList<>();

        Group(int index) { this.index = index; }
    }

    public final List<Node> nodes = new ArrayList<>();
    public final List<Edge> edges = new ArrayList<>();
    public final List<Group> groups = new ArrayList<>();
    /** The node path of each quote in the graph, source first, post last (absent for quotes not drawn). */
    public final Map<Integer, List<Integer>> paths = new LinkedHashMap<>();
    /**
     * The node that stands for each drawn quote's own source (its witness): the work it is taken from, else its
     * speaker, else the post it reproduces or its unnamed source.
     */
    public final Map<Integer, Integer> witness = new HashMap<>();
    /** Posts that neither quote a source nor are reproduced. */
    public int postsOutside;

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern WORDISH = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_.:-]*");

    private final JsonNode ed;
    private final JsonNode quotesArr, postsArr;
    private final Map<String, Integer> quoteById = new HashMap<>(), postById = new HashMap<>();
    private final Map<String, Integer> nodeByKey = new HashMap<>();
    private final Map<Long, Integer> edgeByEnds = new HashMap<>();
    private final Set<Integer> hands = new java.util.HashSet<>();

    private Provenance(JsonNode edition) {
        this.ed = edition == null ? MissingNode.getInstance() : edition;
        this.quotesArr = array(ed, "quotes");
        this.postsArr = array(ed, "posts");
    }

    /** The graph of one JSON edition. */
    public static Provenance of(JsonNode edition) {
        Provenance p = new Provenance(edition);
        p.build();
        return p;
    }

    public JsonNode quote(int i) { return quotesArr.get(i); }

    public int quoteCount() { return quotesArr.size(); }

    // ---- building

    private void build() {
        for (int i = 0; i < quotesArr.size(); i++) { String id = str(quotesArr.get(i), "id"); if (id != null) quoteById.putIfAbsent(id, i); }
        for (int i = 0; i < postsArr.size(); i++) { String id = str(postsArr.get(i), "id"); if (id != null) postById.putIfAbsent(id, i); }
        // Quotes that others passed through are hands: they are drawn even when nothing names their source.
        for (JsonNode q : quotesArr)
            for (JsonNode v : array(q, "via")) { Integer h = v.isTextual() ? quoteById.get(v.asText()) : null; if (h != null) hands.add(h); }
        for (int qi = 0; qi < quotesArr.size(); qi++) {
            JsonNode q = quotesArr.get(qi);
            if (!drawn(qi, q)) continue;
            List<Integer> mine = own(qi, q, false);
            List<Integer> path = new ArrayList<>(mine);
            for (JsonNode v : array(q, "via")) {
                if (!v.isTextual() || v.asText().isBlank()) continue;
                Integer h = quoteById.get(v.asText());
                if (h != null && h != qi) path.addAll(own(h, quotesArr.get(h), true));
                else if (h == null) path.add(node("hand:" + fold(v.asText()), Kind.HAND, clean(v.asText()), -1));
            }
            int post = postOf(q);
            if (post >= 0) path.add(postNode(post));
            List<Integer> simple = new ArrayList<>();
            for (int n : path) if (!simple.contains(n)) simple.add(n); // a chain visits a source once
            if (simple.size() < 2) continue;
            paths.put(qi, simple);
            witness.put(qi, mine.get(mine.size() - 1));
            for (int k = 0; k < simple.size(); k++) {
                nodes.get(simple.get(k)).quotes.add(qi);
                if (k > 0) {
                    Node a = nodes.get(simple.get(k - 1)), b = nodes.get(simple.get(k));
                    edge(a.index, b.index, a.kind == Kind.POST && b.kind == Kind.POST ? "reproduces" : "quoted-in").quotes.add(qi);
                }
            }
        }
        reuseBetweenPosts();
        groups();
        int outside = 0;
        for (int i = 0; i < postsArr.size(); i++) if (!nodeByKey.containsKey("post:" + i)) outside++;
        postsOutside = outside;
    }

    /** Whether a quote takes part: attributed in any way, a passage, or a hand others came through. */
    private boolean drawn(int qi, JsonNode q) {
        if (hands.contains(qi)) return true;
        if (named(q.path("speaker")) || workTitle(q.path("work")) != null || sourcePost(q) >= 0 || array(q, "via").size() > 0) return true;
        return "passage".equals(str(q, "kind"));
    }

    /** The nodes of a quote's own source, source first: the earlier post it reproduces, else speaker then work. */
    private List<Integer> own(int qi, JsonNode q, boolean asHand) {
        List<Integer> l = new ArrayList<>(2);
        int sp = sourcePost(q);
        if (sp >= 0) { l.add(postNode(sp)); return l; }
        JsonNode s = q.path("speaker"), w = q.path("work");
        String speaker = named(s) ? clean(str(s, "name")) : null;
        String title = workTitle(w);
        if (speaker != null) {
            String entity = str(s, "entity");
            int n = node("person:" + (entity != null ? "e:" + entity : fold(speaker)), Kind.SPEAKER, speaker, -1);
            Node node = nodes.get(n);
            if (node.years == null && entity != null) node.years = entityYears(entity);
            l.add(n);
        }
        if (title != null && !(speaker != null && redundant(speaker, title))) {
            int n = node("work:" + fold(title), Kind.WORK, title, -1);
            Node node = nodes.get(n);
            String author = str(w, "author");
            Integer year = w.path("year").canConvertToInt() ? w.path("year").asInt() : null;
            if (node.year == null && year != null) node.year = year;
            if (node.detail == null) {
                List<String> d = new ArrayList<>();
                if (author != null && !author.equalsIgnoreCase(title)) d.add(clean(author));
                if (year != null) d.add(String.valueOf(year));
                if (!d.isEmpty()) node.detail = String.join(", ", d);
            }
            l.add(n);
        }
        if (l.isEmpty()) {
            // Nothing names this source: a hand is a source of its own; other unattributed passages of a post are
            // drawn together, since nothing says whether they are one source or many.
            String id = str(q, "id");
            if (asHand || hands.contains(qi)) l.add(node("unnamed:q" + qi, Kind.UNNAMED, "unnamed source" + (id == null ? "" : " (" + id + ")"), -1));
            else l.add(node("unnamed:post:" + postOf(q), Kind.UNNAMED, "unattributed passages", -1));
            Node n = nodes.get(l.get(0));
            String t = str(q, "text");
            if (n.detail == null && t != null) n.detail = "“" + shorten(SPACES.matcher(t).replaceAll(" ").strip(), 60) + "”";
        }
        return l;
    }

    /** A periodical speaker ("reviewer, Times Literary Supplement") already names the work it wrote in. */
    private static boolean redundant(String speaker, String title) {
        String s = fold(speaker), t = fold(title);
        return s.equals(t) || (t.length() >= 4 && s.contains(t));
    }

    private int postNode(int post) {
        JsonNode p = postsArr.get(post);
        String author = str(p, "author");
        String id = str(p, "id");
        int n = node("post:" + post, Kind.POST, (id == null ? "post " + (post + 1) : id) + " · " + (author == null ? "unknown author" : clean(author)), post);
        Node node = nodes.get(n);
        if (node.detail == null) {
            String when = str(p, "published");
            if (when != null) node.detail = when.replace('T', ' ');
        }
        return n;
    }

    private int node(String key, Kind kind, String label, int post) {
        Integer n = nodeByKey.get(key);
        if (n != null) return n;
        Node node = new Node(nodes.size(), key, kind, label, post);
        nodes.add(node);
        nodeByKey.put(key, node.index);
        return node.index;
    }

    private Edge edge(int from, int to, String kind) {
        long k = ((long) from << 32) | (to & 0xffffffffL);
        Integer e = edgeByEnds.get(k);
        if (e != null) return edges.get(e);
        Edge edge = new Edge(edges.size(), from, to, kind);
        edges.add(edge);
        edgeByEnds.put(k, edge.index);
        return edge;
    }

    /** Text one post repeats from another without quoting it: a reproduction from the earlier to the later. */
    private void reuseBetweenPosts() {
        int ri = 0;
        for (JsonNode r : array(ed, "reuse")) {
            List<Integer> posts = new ArrayList<>();
            for (JsonNode part : array(r, "parts")) {
                if (str(part, "document") != null) continue;
                Integer qi = str(part, "quote") == null ? null : quoteById.get(str(part, "quote"));
                int post = -1;
                if (qi != null) {
                    JsonNode q = quotesArr.get(qi);
                    post = sourcePost(q) >= 0 ? sourcePost(q) : -1; // a reproduction is already drawn from the quote
                    if (post < 0) { posts.clear(); break; }       // a quote with a source of its own: not a post's words
                } else {
                    Integer p = str(part, "post") == null ? null : postById.get(str(part, "post"));
                    if (p != null) post = p;
                }
                if (post >= 0 && !posts.contains(post)) posts.add(post);
            }
            posts.sort(null);
            for (int k = 1; k < posts.size(); k++) {
                int a = postNode(posts.get(0)), b = postNode(posts.get(k));
                long key = ((long) a << 32) | (b & 0xffffffffL);
                Integer existing = edgeByEnds.get(key);
                if (existing != null) { edges.get(existing).reuse.add(ri); continue; }
                edge(a, b, "reproduces").reuse.add(ri);
            }
            ri++;
        }
    }

    /**
     * Sources that are one: the witnesses of each same-source reuse item, and of the quotes a not-independent or
     * same-source flag names (or, when it names none, the quotes its evidence lies in), joined where they share a
     * source. A group needs two different sources; posts are left out, as their reproductions are edges already.
     */
    private void groups() {
        int[] parent = new int[nodes.size()];
        for (int i = 0; i < parent.length; i++) parent[i] = i;
        Map<Integer, TreeSet<Integer>> quotesOf = new HashMap<>();
        Map<Integer, List<String>> reasonsOf = new HashMap<>();
        for (JsonNode r : array(ed, "reuse")) {
            String kind = str(r, "kind");
            if (!oneSource(kind)) continue;
            List<Integer> qs = new ArrayList<>();
            for (JsonNode part : array(r, "parts")) {
                Integer qi = str(part, "quote") == null ? null : quoteById.get(str(part, "quote"));
                if (qi != null) qs.add(qi);
            }
            join(parent, qs, quotesOf, reasonsOf, kind + " reuse");
        }
        for (JsonNode f : array(ed, "flags")) {
            String type = str(f, "type");
            if (!oneSource(type)) continue;
            String message = str(f, "message");
            List<Integer> qs = new ArrayList<>();
            if (message != null) {
                Matcher m = WORDISH.matcher(message);
                while (m.find()) {
                    String w = trimPunct(m.group());
                    Integer qi = quoteById.get(w);
                    if (qi != null && !qs.contains(qi)) qs.add(qi);
                }
            }
            if (qs.isEmpty()) qs.addAll(quotesAt(f.path("evidence")));
            join(parent, qs, quotesOf, reasonsOf, type + (message == null ? "" : ": " + message));
        }
        Map<Integer, Group> byRoot = new LinkedHashMap<>();
        for (Node n : nodes) {
            if (n.kind == Kind.POST) continue;
            int root = find(parent, n.index);
            byRoot.computeIfAbsent(root, k -> new Group(-1)).members.add(n.index);
        }
        for (Map.Entry<Integer, Group> e : byRoot.entrySet()) {
            Group tmp = e.getValue();
            if (tmp.members.size() < 2) continue;
            Group g = new Group(groups.size());
            g.members.addAll(tmp.members);
            for (int m : g.members) {
                nodes.get(m).group = g.index;
                TreeSet<Integer> q = quotesOf.get(m);
                if (q != null) g.quotes.addAll(q);
                List<String> why = reasonsOf.get(m);
                if (why != null) for (String w : why) if (!g.reasons.contains(w)) g.reasons.add(w);
            }
            groups.add(g);
        }
    }

    private void join(int[] parent, List<Integer> qs, Map<Integer, TreeSet<Integer>> quotesOf, Map<Integer, List<String>> reasonsOf, String reason) {
        List<Integer> ws = new ArrayList<>();
        for (int qi : qs) {
            Integer w = witness.get(qi);
            if (w == null || nodes.get(w).kind == Kind.POST) continue;
            ws.add(w);
            quotesOf.computeIfAbsent(w, k -> new TreeSet<>()).add(qi);
        }
        if (new LinkedHashSet<>(ws).size() < 2) return;
        for (int w : ws) reasonsOf.computeIfAbsent(w, k -> new ArrayList<>()).add(reason);
        for (int k = 1; k < ws.size(); k++) {
            int a = find(parent, ws.get(0)), b = find(parent, ws.get(k));
            if (a != b) parent[Math.max(a, b)] = Math.min(a, b);
        }
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) { parent[i] = parent[parent[i]]; i = parent[i]; }
        return i;
    }

    /** The innermost drawn quotes whose spans hold an evidence span. */
    private List<Integer> quotesAt(JsonNode evidence) {
        List<Integer> l = new ArrayList<>();
        if (!evidence.path("start").canConvertToInt() || !evidence.path("end").canConvertToInt()) return l;
        int s = evidence.path("start").asInt(), e = evidence.path("end").asInt();
        int best = -1, bestLen = Integer.MAX_VALUE;
        for (int qi : paths.keySet()) {
            JsonNode q = quotesArr.get(qi);
            int qs = q.path("start").asInt(-1), qe = q.path("end").asInt(-1);
            if (qs >= 0 && qs <= s && e <= qe && qe - qs < bestLen) { best = qi; bestLen = qe - qs; }
        }
        if (best >= 0) l.add(best);
        return l;
    }

    private static boolean oneSource(String kind) {
        if (kind == null) return false;
        String k = kind.toLowerCase(Locale.ROOT);
        return k.contains("same-source") || k.contains("same source") || k.contains("not-independent") || k.contains("not independent");
    }

    // ---- reading the edition

    private int sourcePost(JsonNode q) {
        String sp = str(q, "source_post");
        Integer p = sp == null ? null : postById.get(sp);
        return p == null ? -1 : p;
    }

    private int postOf(JsonNode q) {
        String pid = str(q, "post");
        Integer p = pid == null ? null : postById.get(pid);
        if (p != null) return p;
        int s = q.path("start").asInt(-1);
        for (int i = 0; i < postsArr.size(); i++) {
            JsonNode post = postsArr.get(i);
            if (post.path("start").asInt(-2) <= s && s < post.path("end").asInt(-2)) return i;
        }
        return -1;
    }

    private Map<String, String> entityYears;

    private String entityYears(String entity) {
        if (entityYears == null) {
            entityYears = new HashMap<>();
            for (JsonNode e : array(ed, "entities")) if (str(e, "id") != null && str(e, "years") != null) entityYears.putIfAbsent(str(e, "id"), str(e, "years"));
        }
        return entityYears.get(entity);
    }

    private static boolean named(JsonNode speaker) { return speaker != null && speaker.isObject() && str(speaker, "name") != null; }

    private static String workTitle(JsonNode w) {
        if (w == null || !w.isObject()) return null;
        String t = str(w, "title");
        if (t != null) return clean(t);
        String a = str(w, "author");
        return a == null ? null : "work by " + clean(a);
    }

    static String clean(String s) { return SPACES.matcher(s).replaceAll(" ").strip(); }

    static String fold(String s) { return clean(s).toLowerCase(Locale.ROOT); }

    private static String trimPunct(String s) {
        int e = s.length();
        while (e > 0 && ".:-".indexOf(s.charAt(e - 1)) >= 0) e--;
        return s.substring(0, e);
    }

    public static String shorten(String s, int max) {
        if (s.codePointCount(0, s.length()) <= max) return s;
        int end = s.offsetByCodePoints(0, max - 1);
        return s.substring(0, end).stripTrailing() + "…";
    }

    static JsonNode array(JsonNode n, String field) {
        JsonNode a = n == null ? null : n.get(field);
        return a != null && a.isArray() ? a : MissingNode.getInstance();
    }

    static String str(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || v.isNull() || v.isContainerNode() || v.isMissingNode()) return null;
        String s = v.asText();
        return s.isEmpty() ? null : s;
    }
}
