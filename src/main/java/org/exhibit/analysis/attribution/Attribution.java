package org.exhibit.analysis.attribution;

import org.exhibit.analysis.Stage;
import org.exhibit.analysis.quotes.PriorPosts;
import org.exhibit.model.*;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.exhibit.analysis.Layer;
import java.util.Set;

/**
 * Says, for every quoted passage, whose words it is, which work it comes from, and through whose hands it came,
 * from the markup, the earlier post it reproduces, the sentence that introduces it, and the citation that follows
 * it. Every answer carries the span that justifies it; where the text gives no answer the field stays null.
 */
public final class Attribution implements Stage {
    @Override public String name() { return "attribution"; }
    @Override public Set<Layer> requires() { return Layer.withReader(Layer.QUOTES, Layer.CITATIONS, Layer.DATES, Layer.ENTITIES, Layer.REUSE); }
    @Override public Set<Layer> assigns() { return Set.of(Layer.ATTRIBUTION); }

    @Override public void apply(Document doc) {
        SpeechFrames frames = new SpeechFrames(doc);
        frames.explicit();
        Context ctx = new Context(doc);
        for (Quote q : doc.quotesInOrder()) {
            if (q.kind() != QuoteKind.PASSAGE) continue;
            ctx.attribute(q);
        }
        frames.dialogue();
        ReusedPosts.attribute(doc);
    }

    /**
     * Do the written name and the entity's name give different given names ("Mary Jones" and "Gareth Jones")?
     * Initials agree with a name of that letter; a given name that starts the other (Nick, Nicholas) agrees.
     */
    static boolean givenNamesDiffer(String written, Entity e) {
        String g = givenName(written);
        if (g == null) return false;
        List<String> forms = new ArrayList<>();
        forms.add(e.name());
        if (e.variants() != null) forms.addAll(e.variants());
        boolean anyGiven = false;
        for (String f : forms) {
            String h = givenName(f);
            if (h == null) continue;
            anyGiven = true;
            String a = org.exhibit.authority.NameKey.foldWord(g.toLowerCase(Locale.ROOT)), b = org.exhibit.authority.NameKey.foldWord(h.toLowerCase(Locale.ROOT));
            if (a.isEmpty() || b.isEmpty()) return false;
            if (a.length() == 1 || b.length() == 1) { if (a.charAt(0) == b.charAt(0)) return false; continue; }
            if (a.equals(b) || a.startsWith(b) || b.startsWith(a) || org.exhibit.authority.NameKey.edits(a, b) <= 1) return false;
        }
        return anyGiven;
    }

    /** The first given name (or initial) of a written name with two or more name words, titles aside; else null. */
    static String givenName(String name) {
        String[] w = name.strip().split("\\s+");
        int i = 0;
        for (int k = w.length - 2; k > 0; k--) if (Lexicon.honorific(w[k])) { i = k; break; } // "Democratic Rep. Anna Pruitt": from the title on
        while (i < w.length && (Lexicon.honorific(w[i]) || w[i].equalsIgnoreCase("the"))) i++;
        if (w.length - i < 2) return null;
        String g = w[i].replaceAll("[.,]", "");
        return g.isEmpty() || !Character.isUpperCase(g.charAt(0)) ? null : g;
    }

    /** One pass over a document, remembering what earlier passages established (speakers, their works, interviews). */
    static final class Context {
        final Document doc;
        final String text;
        final Map<String, Work> worksBySpeaker = new HashMap<>();
        Quote lastInterview;
        final List<Quote> done = new ArrayList<>();
        final java.util.TreeMap<Integer, List<Quote>> doneByEnd = new java.util.TreeMap<>();
        // the passages done, by post and by parent, in the order done: look-ups that scanned every earlier passage
        // made attribution quadratic in the posts of a thread (20 000 posts: 43 s)
        final Map<String, List<Quote>> doneByPost = new HashMap<>();
        final Map<String, List<Quote>> doneByParent = new HashMap<>();
        final Map<String, PriorPosts> priors;

        Context(Document doc) { this.doc = doc; this.text = doc.text(); this.priors = PriorPosts.forDocument(doc); }

        Context ctx() { return this; }

        void attribute(Quote q) {
            Post post = doc.post(q.post());
            Quote parent = q.parent() == null ? null : doc.quote(q.parent());
            for (Quote a = parent; a != null; a = a.parent() == null ? null : doc.quote(a.parent())) q.via().add(a.id());

            Claim claim = null;
            Work work = null;
            boolean interview = false;
            boolean fromPost = false;
            boolean framed = q.speaker() != null; // a speech frame around the quotation already named its speaker
            // 1. The markup names the quoted poster.
            if (q.markupName() != null)
                claim = new Claim(q.markupName(), q.openMarker() != null ? q.openMarker() : q.span(), 0.9, false, true);
            // 2. The passage reproduces an earlier post of the thread.
            if (post != null) {
                PriorPosts prior = ctx().priors.get(post.id());
                PriorPosts.Match m = prior.match(text, q.span());
                boolean reproduced = false;
                if (q.reproduces() != null && doc.post(q.sourcePost()) != null) {
                    // found by the quote finder's reproduction search (cuts, edits): the span in the earlier post is the evidence
                    m = new PriorPosts.Match(doc.post(q.sourcePost()), q.span(), q.reproduces());
                    reproduced = true;
                }
                if (m != null && m.passage().length() * 10 >= q.span().length() * 6) {
                    q.sourcePost(m.post().id());
                    // Words that were already a quotation in that post keep their speaker; otherwise they are the poster's.
                    Quote earlier = quoteAt(m.post().id(), m.original());
                    if (claim == null && earlier != null && earlier.speaker() != null) {
                        Speaker es = earlier.speaker();
                        claim = new Claim(es.asWritten(), es.evidence() != null ? es.evidence().span() : earlier.span(), es.confidence(), false);
                        if (earlier.work() != null) work = earlier.work();
                        // a quote of a quote: the passage came through the earlier post's quotation of it
                        if (reproduced && !q.via().contains(earlier.id())) q.via().add(earlier.id());
                    } else if (claim == null && earlier == null && m.post().author() != null)
                    {
                        claim = reproduced ? new Claim(m.post().author(), m.original(), q.reproducesConfidence(), false, true)
                                : new Claim(m.post().author(), m.passage(), 0.9, false, true);
                        fromPost = true; // the earlier post's own words: its author wrote them, whatever names they mention
                    }
                }
            }
            int introStart = introStart(q, parent, post);
            if (work != null && q.work() == null) q.work(work);
            int introEnd = q.span().start();
            if (q.openMarker() != null && q.openMarker().end() <= introEnd
                    && text.substring(q.openMarker().end(), introEnd).replaceAll("[\"'`‘’“”«»„]", "").isBlank())
                introEnd = q.openMarker().start();
            // 3. Reported speech opening a block quotation.
            if (claim == null && !framed && q.marker() == Marker.BLOCK) {
                Matcher m = Patterns.TOLD_ME.matcher(text).region(q.span().start(), q.span().end());
                if (m.find()) claim = nameClaim(m.start(1), m.end(1), 0.8);
            }
            // 4. The introducing sentence(s).
            if (claim == null && !framed && introEnd > introStart) {
                IntroResult r = intro(q, introStart, introEnd, parent);
                if (r != null) { claim = r.claim; interview = r.interview; if (r.work != null) work = r.work; }
            }
            // 5. A passage that continues the one before it inside the same quotation shares its source.
            if (claim == null && !framed && parent != null) {
                Quote prev = previousSibling(q, parent);
                if (prev != null && prev.speaker() != null) {
                    Speaker s = prev.speaker();
                    q.speaker(new Speaker(s.name(), s.asWritten(), s.entity(), s.evidence(), Math.min(0.5, s.confidence())));
                    if (work == null && prev.work() != null) work = prev.work();
                }
            }
            // 5b. A dash line naming the source right after the passage ("- Beria's proposal, approved by the Politburo").
            if (claim == null && !framed) {
                Matcher da = Patterns.DASH_ATTRIBUTION.matcher(text).region(q.outer().end(), Math.min(text.length(), q.outer().end() + 120));
                if (da.find()) claim = nameClaim(da.start(1), da.end(1), 0.7);
            }
            // 5c. The citation right after the passage names its author ("(Serge, Memoirs of a Revolutionary, 1963, p. 128)").
            boolean byCitation = false;
            if (claim == null && !framed && q.kind() == QuoteKind.PASSAGE) {
                claim = citedAuthor(q);
                byCitation = claim != null;
            }
            if (claim != null && !fromPost && !interview && q.marker() != Marker.INTERVIEW && thirdPerson(q, claim)) claim = null;
            if (claim != null) {
                Speaker s = speaker(claim);
                // a citation's author is a speaker only as a person: "(Reuters, 2001)" or "(Ministry, 1937)" is a source, not a voice
                if (!byCitation || s.entity() != null && isPersonEntity(s.entity()) || s.entity() == null && isPersonName(s.name())) q.speaker(s);
            } else if (framed) {
                q.speaker(normalised(q.speaker()));
            }
            // Works: a citation right after the passage, a title in the introduction, the memoirs it is reported in,
            // or the work this speaker was quoted from earlier in the thread.
            Work cited = citationAfter(q);
            if (cited != null) work = merge(cited, work);
            if (work == null && q.marker() == Marker.BLOCK) work = memoirsAround(q, parent);
            if (work == null && q.speaker() != null) {
                Work known = worksBySpeaker.get(key(q.speaker().name()));
                if (known != null) work = new Work(known.title(), known.author(), known.year(), null, known.evidence(), 0.6);
            }
            if (work != null && work.author() == null && q.speaker() != null && !interview && isPersonName(q.speaker().name()))
                work = new Work(work.title(), q.speaker().name(), work.year(), work.pages(), work.evidence(), work.confidence());
            q.work(work);
            if (q.speaker() != null && work != null && work.title() != null && !worksBySpeaker.containsKey(key(q.speaker().name())))
                worksBySpeaker.put(key(q.speaker().name()), work);
            if (interview || q.marker() == Marker.INTERVIEW) lastInterview = q;
            flags(q, parent);
            done.add(q);
            if (q.post() != null) doneByPost.computeIfAbsent(q.post(), k -> new ArrayList<>()).add(q);
            if (q.parent() != null) doneByParent.computeIfAbsent(q.parent(), k -> new ArrayList<>()).add(q);
            doneByEnd.computeIfAbsent(q.outer().end(), k -> new ArrayList<>()).add(q);
        }

        /** An already attributed passage of the given post that covers most of the span. */
        Quote quoteAt(String postId, Span span) {
            for (Quote o : doneByPost.getOrDefault(postId, List.of()))
                if (o.span().overlap(span) * 10 >= o.span().length() * 8 && o.span().overlap(span) * 10 >= span.length() * 8) return o;
            return null;
        }

        /** The introduction runs back to the previous passage, the enclosing quote's start, or the post's start. */
        int introStart(Quote q, Quote parent, Post post) {
            int start = Math.max(post == null ? 0 : post.body().start(), q.span().start() - 800);
            if (parent != null) start = Math.max(start, parent.span().start());
            // a speech tag after an earlier quotation ("...," Mrs. Hobbs added.) is that quotation's, not this one's introduction
            Integer tagEnd = tagEnds().floorKey(q.span().start());
            if (tagEnd != null && tagEnd > start) start = tagEnd;
            // The latest end among earlier passages that end before this one starts (ancestors and the parent aside):
            // looked up by end offset, not by scanning every earlier passage (quadratic on long threads).
            for (Map.Entry<Integer, List<Quote>> e : doneByEnd.headMap(q.span().start(), true).descendingMap().entrySet()) {
                if (e.getKey() <= start) break;
                for (Quote o : e.getValue())
                    if (o != parent && !isAncestor(o, q)) return Math.min(e.getKey(), q.span().start());
            }
            return Math.min(start, q.span().start());
        }

        private java.util.TreeMap<Integer, Quote> tagEnds;

        /** The ends of the speech tags that follow a quotation and name its speaker, by offset. */
        java.util.TreeMap<Integer, Quote> tagEnds() {
            if (tagEnds == null) {
                tagEnds = new java.util.TreeMap<>();
                for (Quote o : doc.quotes()) {
                    if (o.speaker() == null || o.speaker().evidence() == null || o.speaker().evidence().span() == null) continue;
                    Span ev = o.speaker().evidence().span();
                    if (ev.start() >= o.outer().end() && ev.start() - o.outer().end() <= 40) tagEnds.put(ev.end(), o);
                }
            }
            return tagEnds;
        }

        boolean isAncestor(Quote a, Quote q) {
            for (Quote p = q.parent() == null ? null : doc.quote(q.parent()); p != null; p = p.parent() == null ? null : doc.quote(p.parent()))
                if (p == a || p.id().equals(a.id())) return true;
            return false;
        }

        Quote previousSibling(Quote q, Quote parent) {
            Quote best = null;
            for (Quote o : doneByParent.getOrDefault(parent.id(), List.of()))
                if (o.span().end() <= q.span().start()) best = o;
            return best;
        }

        /** A speaker as the text gives it; {@code verbatim} names (board user names) are never matched to the authority. */
        record Claim(String asWritten, Span span, double confidence, boolean pronoun, boolean verbatim) {
            Claim(String asWritten, Span span, double confidence, boolean pronoun) { this(asWritten, span, confidence, pronoun, false); }
        }

        record IntroResult(Claim claim, Work work, boolean interview) {}

        Claim nameClaim(int s, int e, double conf) {
            Span c = Names.clean(text, new Span(s, e));
            return c == null ? null : new Claim(text.substring(c.start(), c.end()), c, conf, false);
        }

        IntroResult intro(Quote q, int from, int to, Quote parent) {
            // Look at the last two sentences before the passage.
            int s = sentenceStart(from, to, 2);
            String window = text.substring(s, to);
            Work work = titleWork(s, to);
            if (work == null) {
                Matcher wi = Patterns.WROTE_IN.matcher(text).region(s, to);
                if (wi.find()) work = new Work(wi.group(1).strip(), null, null, null, new Evidence(new Span(wi.start(1), wi.end(1)), wi.group(1)), 0.7);
            }
            Matcher m;
            // Interviews: the interviewee speaks.
            m = Patterns.INTERVIEW.matcher(text).region(s, to);
            if (m.find() && (q.marker() == Marker.INTERVIEW || m.group(3) != null || window.toLowerCase(Locale.ROOT).contains("interview"))) {
                Claim c = nameClaim(m.start(2), m.end(2), 0.8);
                if (c != null) {
                    String with = null;
                    if (m.group(3) != null) { // the interviewer: the last name in the with-phrase, not the interviewee again
                        Span w = Names.last(text, m.start(3), m.end(3));
                        if (w != null) {
                            with = text.substring(w.start(), w.end());
                            String ee = lastWord(c.asWritten());
                            if (ee != null && with.endsWith(" " + ee)) with = with.substring(0, with.length() - ee.length() - 1);
                            else if (ee != null && with.equals(ee)) with = null;
                        }
                    }
                    Integer year = year(Patterns.YEAR_IN, window);
                    String title = m.group(1).toLowerCase(Locale.ROOT) + " of " + c.asWritten() + (with == null ? "" : " with " + with);
                    return new IntroResult(c, new Work(title, null, year, null, new Evidence(new Span(m.start(), m.end()), m.group()), 0.7), true);
                }
            }
            m = Patterns.HIS_INTERVIEW.matcher(text).region(s, to);
            if (m.find()) {
                Claim c = null;
                Matcher says = Patterns.SAYS.matcher(text).region(s, m.start());
                if (says.find()) c = says.group(1).matches("(?i)he|she") ? pronoun(q, says.start(1), parent) : nameClaim(says.start(1), says.end(1), 0.8);
                if (c == null) c = pronoun(q, m.start(), parent);
                if (c != null) {
                    String with = text.substring(m.start(2), m.end(2));
                    return new IntroResult(c, new Work(m.group(1) + " of " + c.asWritten() + " with " + with, null, year(Patterns.YEAR_IN, window), null,
                            new Evidence(new Span(m.start(), m.end()), m.group()), 0.7), true);
                }
            }
            m = Patterns.INTERVIEW_POSSESSIVE.matcher(text).region(s, to);
            if (m.find()) {
                Claim c = nameClaim(m.start(1), m.end(1), 0.8);
                if (c != null) return new IntroResult(c, new Work(m.group(2) + " of " + c.asWritten() + " with " + m.group(3), null,
                        year(Patterns.YEAR_IN, window), null, new Evidence(new Span(m.start(), m.end()), m.group()), 0.7), true);
            }
            m = Patterns.INTERVIEWED.matcher(text).region(s, to);
            if (m.find()) {
                Claim c = nameClaim(m.start(2), m.end(2), 0.8);
                if (c != null) return new IntroResult(c, new Work("interview of " + c.asWritten() + " by " + m.group(1), null,
                        year(Patterns.YEAR_IN, window), null, new Evidence(new Span(m.start(), m.end()), m.group()), 0.7), true);
            }
            m = Patterns.REVIEWER.matcher(text).region(s, to);
            if (m.find()) {
                String title = m.group(2).strip();
                Span ev = new Span(m.start(), m.end());
                int r = text.indexOf("reviewer", m.start());
                // The evidence for the speaker is the word "reviewer": the names around it are the reviewed, not the reviewer.
                Claim c = new Claim((m.group(1) != null ? "anonymous " : "") + "reviewer, " + title, new Span(r, r + "reviewer".length()), 0.7, false);
                return new IntroResult(c, new Work(title, null, null, null, new Evidence(ev, m.group()), 0.7), false);
            }
            // Named speakers, nearest to the passage first; a pronoun only when nothing names anyone.
            Claim best = null;
            int bestAt = -1;
            for (Pattern p : List.of(Patterns.SAYS, Patterns.TESTIMONY_OF, Patterns.POSSESSIVE, Patterns.ACCORDING_TO, Patterns.DOCUMENT_BY)) {
                m = p.matcher(text).region(s, to);
                while (m.find()) {
                    String g = m.group(1);
                    Claim c;
                    if (g.matches("(?i)he|she")) c = pronoun(q, m.start(1), parent);
                    else c = g.startsWith("the ") ? new Claim(g, new Span(m.start(1), m.end(1)), 0.6, false) : nameClaim(m.start(1), m.end(1), 0.8);
                    if (c == null) continue;
                    boolean named = !c.pronoun();
                    boolean bestNamed = best != null && !best.pronoun();
                    if (best == null || (named && !bestNamed) || (named == bestNamed && m.start(1) > bestAt)) { best = c; bestAt = m.start(1); }
                }
            }
            m = Patterns.BODY_SAYS.matcher(text).region(s, to);
            while (m.find()) {
                Claim c = bodyClaim(m);
                if (c != null && (best == null || best.pronoun() || m.start(1) > bestAt)) { best = c; bestAt = m.start(1); }
            }
            if (best == null && Patterns.THE_INTERVIEW.matcher(window).find() && lastInterview != null && lastInterview.speaker() != null) {
                Speaker ls = lastInterview.speaker();
                return new IntroResult(new Claim(ls.asWritten(), ls.evidence().span(), 0.7, false), lastInterview.work(), true);
            }
            if (best != null || work != null) return new IntroResult(best, work, false);
            return null;
        }

        /** The speaking body ("Burdenko commission") or the issuer of the speaking document ("TASS" of "Gorbachev's TASS statement"). */
        Claim bodyClaim(Matcher m) {
            String noun = m.group(2).toLowerCase(Locale.ROOT);
            List<int[]> words = new ArrayList<>();
            Matcher w = Patterns.CAPITALISED_WORD.matcher(text).region(m.start(1), m.end(1));
            while (w.find()) words.add(new int[]{w.start(), w.end()});
            while (!words.isEmpty() && Names.NOT_NAMES.contains(text.substring(words.get(0)[0], words.get(0)[1]))) words.remove(0);
            if (Patterns.DOCUMENT_NOUNS.contains(noun)) // the issuer: words after any possessive owner
                for (int k = words.size() - 1; k >= 0; k--)
                    if (text.substring(words.get(k)[0], words.get(k)[1]).matches(".*(’s|'s)")) { words = new ArrayList<>(words.subList(k + 1, words.size())); break; }
            if (words.isEmpty()) return null;
            int s = words.get(0)[0], e = Patterns.DOCUMENT_NOUNS.contains(noun) ? words.get(words.size() - 1)[1] : m.end(2);
            return new Claim(text.substring(s, e), new Span(s, e), 0.7, false, true); // a body, not a person to resolve
        }

        /** "he" resolved to the subject of an earlier sentence, or the speaker of the passage just before. */
        Claim pronoun(Quote q, int at, Quote parent) {
            int floor = parent != null ? parent.span().start() : doc.post(q.post()).body().start();
            // the earlier passage that ends last at or before the pronoun (the first done among equals), the parent
            // and ancestors aside: looked up by end offset, nearest first
            Quote prevPassage = null;
            for (List<Quote> ending : doneByEnd.headMap(at, true).descendingMap().values()) {
                for (Quote o : ending)
                    if (o != parent && !isAncestor(o, q)) { prevPassage = o; break; }
                if (prevPassage != null) break;
            }
            if (prevPassage != null) floor = Math.max(floor, prevPassage.outer().end());
            // The sentence holding the pronoun, up to it ("Alla Kirilina published her study, and she said"), then earlier ones.
            int end = at;
            for (int k = 0; k < 6 && end > floor; k++) {
                int start = k == 0 ? sentenceContaining(floor, end) : sentenceStart(floor, end, 1);
                String sentence = text.substring(start, end);
                if (!Patterns.STARTS_WITH_PRONOUN.matcher(sentence).find()) {
                    Span n = subject(start, end);
                    if (n != null) return new Claim(text.substring(n.start(), n.end()), n, 0.6, true);
                }
                end = start;
            }
            if (prevPassage != null && prevPassage.speaker() != null) {
                Speaker s = prevPassage.speaker();
                return new Claim(s.asWritten(), s.evidence() == null ? prevPassage.span() : s.evidence().span(), 0.6, true);
            }
            return null;
        }

        /** The first person named in the sentence: a resolved person mention when the resolver ran, else a name phrase. */
        Span subject(int start, int end) {
            Mention best = null;
            for (Mention mn : doc.mentions())
                if (mn.type() == EntityType.PERSON && mn.span().start() >= start && mn.span().end() <= end && (best == null || mn.span().start() < best.span().start())) best = mn;
            if (best != null) return best.span();
            Span name = Names.first(text, start, end);
            if (name == null) return null;
            for (Mention mn : doc.mentions()) if (mn.type() != EntityType.PERSON && mn.span().overlaps(name)) return null; // a place or an organisation
            for (TimeExpression t : doc.dates()) if (t.span().overlaps(name)) return null;
            return name;
        }

        /** Start of the sentence that offset {@code at} lies in. */
        int sentenceContaining(int floor, int at) {
            int i = at;
            while (i > floor && !isBoundary(i)) i--;
            while (i < at && Character.isWhitespace(text.charAt(i))) i++;
            return Math.max(i, floor);
        }

        /** Start of the n-th sentence counting back from {@code to}, not before {@code floor}. */
        int sentenceStart(int floor, int to, int n) {
            int i = to;
            while (i > floor && Character.isWhitespace(text.charAt(i - 1))) i--;
            if (i > floor && ".:!?".indexOf(text.charAt(i - 1)) >= 0) i--; // the sentence's own end
            int found = 0;
            boolean letterSince = false;
            for (; i > floor; i--) {
                char c = text.charAt(i - 1);
                if (Character.isLetter(c)) letterSince = true;
                if (letterSince && isBoundary(i) && ++found == n) break;
                if (isBoundary(i)) letterSince = false;
            }
            while (i < to && Character.isWhitespace(text.charAt(i))) i++;
            return Math.max(i, floor);
        }

        /** Does a sentence end just before offset i? Hard-wrapped line ends and initials ("L.M.") do not end one. */
        boolean isBoundary(int i) {
            char c = text.charAt(i - 1);
            char next = i < text.length() ? text.charAt(i) : '\n';
            if (c == '\n') {
                int k = i - 2;
                while (k >= 0 && text.charAt(k) == ' ') k--;
                if (k < 0 || text.charAt(k) == '\n') return true;
                char p = text.charAt(k);
                return ".!?:\"'’”)".indexOf(p) >= 0 || text.startsWith("QUOTE", i);
            }
            if (!Character.isWhitespace(next)) return false;
            if (".!?".indexOf(c) >= 0)
                return !(i >= 3 && Character.isUpperCase(text.charAt(i - 2)) && !Character.isLetter(text.charAt(i - 3)));
            return "\"'’”".indexOf(c) >= 0 && i >= 2 && ".!?".indexOf(text.charAt(i - 2)) >= 0;
        }

        /** A title quoted in the introduction ("his book 'Mission to Moscow' in 1940"). */
        Work titleWork(int from, int to) {
            Quote title = null;
            for (Quote t : doc.quotes())
                if (t.kind() == QuoteKind.TITLE && t.span().start() >= from && t.span().end() <= to) title = t;
            if (title == null) return null;
            String after = text.substring(title.outer().end(), Math.min(to, title.outer().end() + 20));
            Integer year = year(Patterns.YEAR_AFTER, after);
            String t = title.text(doc).strip().replaceAll("[,.;:]+$", "");
            return new Work(t, null, year, null, new Evidence(title.outer(), text.substring(title.outer().start(), title.outer().end())), 0.8);
        }

        static Integer year(Pattern p, String s) {
            Matcher m = p.matcher(s);
            return m.find() ? Integer.valueOf(m.group(1)) : null;
        }

        /** The citation that follows the passage: a reference, or an Ibid. standing for the work it repeats. */
        Work citationAfter(Quote q) {
            int end = q.outer().end();
            Matcher src = Patterns.SOURCE_LINE.matcher(text).region(end, Math.min(text.length(), end + 260));
            if (src.find()) { // "Source: Title, Place, Year, p. N" on the next line
                String line = src.group(1).strip();
                String title = line.split("\\s*[,(]\\s*")[0].replaceAll("[.;:]+$", "");
                Matcher pg = Patterns.PAGES.matcher(line);
                Matcher yr = Patterns.YEAR_IN.matcher(" in " + line.replaceAll(".*?\\b(1[5-9]\\d\\d|20\\d\\d)\\b.*", "$1"));
                if (!title.isBlank()) return new Work(title, null, line.matches(".*\\b(1[5-9]\\d\\d|20\\d\\d)\\b.*") && yr.find() ? Integer.valueOf(yr.group(1)) : null,
                        pg.find() ? pg.group(1).replaceAll("\\s*[-–]+\\s*", "-") : null, new Evidence(new Span(src.start(1), src.end(1)), line), 0.7);
            }
            Citation best = null;
            for (Citation c : citationsStarting(end, end + 40)) {
                if (c.kind() == Citation.Kind.FOOTNOTE_MARKER || c.kind() == Citation.Kind.TITLE) continue;
                String gap = text.substring(end, c.span().start());
                if (!gap.matches("[\\s.,;:()\\d'’\"”]*")) continue;
                if (best == null || c.span().start() < best.span().start()) best = c;
            }
            if (best == null) return null;
            String title = best.kind() == Citation.Kind.REFERENCE ? best.title() : best.resolvesTo();
            if (title == null && best.pages() == null) return null;
            return new Work(title, best.author(), best.year(), best.pages(), new Evidence(best.span(), best.text()), 0.85);
        }

        private java.util.NavigableMap<Integer, List<Citation>> citationsByStart;

        /**
         * The citations starting in [from, to], in the document's order: looked up by offset, since every passage
         * asks for the citation right after it (a scan of all citations per passage grew with their product).
         */
        List<Citation> citationsStarting(int from, int to) {
            if (citationsByStart == null) {
                citationsByStart = new java.util.TreeMap<>();
                for (Citation c : doc.citations()) citationsByStart.computeIfAbsent(c.span().start(), k -> new ArrayList<>(1)).add(c);
            }
            List<Citation> out = new ArrayList<>();
            for (List<Citation> l : citationsByStart.subMap(from, true, to, true).values()) out.addAll(l);
            return out;
        }

        /** The author a reference (or an Ibid. resolved to one) right after the passage names, as a claim on its words. */
        Claim citedAuthor(Quote q) {
            int end = q.outer().end();
            for (Citation c : citationsStarting(end, end + 40)) {
                if (c.author() == null) continue;
                if (!text.substring(end, c.span().start()).matches("[\\s.,;:(]*")) continue;
                Citation ref = c;
                if (c.kind() != Citation.Kind.REFERENCE) { // Ibid., op. cit.: the reference it repeats carries the name
                    ref = null;
                    for (Citation o : doc.citations())
                        if (o.kind() == Citation.Kind.REFERENCE && o.span().end() <= c.span().start() && o.author() != null
                                && o.author().equals(c.author()) && (ref == null || o.span().start() > ref.span().start())) ref = o;
                    if (ref == null) return null;
                }
                int at = text.indexOf(ref.author(), ref.span().start());
                if (at < 0 || at >= ref.span().end()) return null;
                return new Claim(ref.author(), new Span(at, at + ref.author().length()), 0.7, false);
            }
            return null;
        }

        boolean isPersonEntity(String id) {
            for (Entity e : doc.entities()) if (e.id().equals(id)) return e.type() == org.exhibit.model.EntityType.PERSON;
            return false;
        }

        /** A speaker a speech frame named as written, given the authority's name where the resolver found one for it. */
        Speaker normalised(Speaker s) {
            if (s == null || s.entity() != null || s.evidence() == null || s.asWritten() == null || s.asWritten().startsWith("the ")) return s;
            Entity e = canonical(s.evidence().span());
            if (e == null || e.type() != org.exhibit.model.EntityType.PERSON || !resembles(s.asWritten(), e) || givenNamesDiffer(s.asWritten(), e)
                    || !SpeechFrames.lastWordsAgree(s.asWritten(), e)) return s; // "Brian Fallon" is not an entity "Brian"
            return new Speaker(e.name(), s.asWritten(), e.id(), s.evidence(), s.confidence());
        }

        Work merge(Work cited, Work intro) {
            if (intro == null) return cited;
            return new Work(cited.title() != null ? cited.title() : intro.title(), cited.author() != null ? cited.author() : intro.author(),
                    cited.year() != null ? cited.year() : intro.year(), cited.pages(), cited.evidence(), cited.confidence());
        }

        /** A block quotation of reported speech comes from the memoirs the enclosing text names. */
        Work memoirsAround(Quote q, Quote parent) {
            int from = Math.max(doc.post(q.post()).body().start(), q.span().start() - 3000);
            Matcher m = Patterns.MEMOIRS_OF.matcher(text).region(from, q.span().start());
            java.util.regex.MatchResult last = null;
            while (m.find()) last = m.toMatchResult();
            if (last == null) return null;
            Span n = Names.clean(text, new Span(last.start(2), last.end(2)));
            if (n == null) return null;
            String who = canonical(n) != null ? canonical(n).name() : text.substring(n.start(), n.end());
            return new Work(last.group(1) + " of " + who, who, null, null, new Evidence(new Span(last.start(), last.end()), last.group()), 0.6);
        }

        /**
         * A passage presented as X's words that names X in the third person is not X's: its author is someone else,
         * unnamed. Mentions inside the passage's own nested quotations do not count.
         */
        boolean thirdPerson(Quote q, Claim claim) {
            List<String> forms = new ArrayList<>();
            String surname = claim.asWritten().startsWith("the ") ? null : lastWord(claim.asWritten());
            if (surname != null && surname.length() >= 3 && Character.isUpperCase(surname.charAt(0))) forms.add(surname);
            Entity e = canonical(claim.span());
            if (e != null) { String s2 = lastWord(e.name()); if (s2 != null) forms.add(s2); }
            if (claim.asWritten().startsWith("the ")) {
                Matcher head = Patterns.WRITER_HEAD.matcher(claim.asWritten());
                if (head.find()) forms.add(head.group(1));
            }
            if (forms.isEmpty()) return false;
            List<Span> nested = new ArrayList<>();
            // the passages that start inside this one, found by binary search over the passages by start (a scan of
            // every quote for each quote was quadratic in the quotes of a thread)
            Quote[] byStart = passagesByStart();
            int lo = 0, hi = byStart.length;
            while (lo < hi) { int mid = (lo + hi) >>> 1; if (byStart[mid].span().start() < q.span().start()) lo = mid + 1; else hi = mid; }
            for (int k = lo; k < byStart.length && byStart[k].span().start() < q.span().end(); k++) {
                Quote o = byStart[k];
                if (o != q && q.span().contains(o.span())) nested.add(o.span());
            }
            for (String f : forms) {
                for (int at = wordAt(text, f, q.span().start(), q.span().end()); at >= 0; at = wordAt(text, f, at + 1, q.span().end())) {
                    int from = at;
                    boolean inNested = nested.stream().anyMatch(n -> n.contains(from));
                    if (inNested || claim.span().contains(at)) continue;
                    String written = text.substring(at, at + f.length());
                    q.flags().add(new Flag("third-person", "presented as the words of " + claim.asWritten()
                            + ", but the passage speaks of " + written + " in the third person: its author is not named in the thread",
                            new Evidence(new Span(at, at + f.length()), written)));
                    return true;
                }
            }
            return false;
        }

        private Quote[] passagesByStart;

        /** The document's passages ordered by start, made once per document. */
        Quote[] passagesByStart() {
            if (passagesByStart == null)
                passagesByStart = doc.quotes().stream().filter(o -> o.kind() == QuoteKind.PASSAGE)
                        .sorted(java.util.Comparator.comparingInt(o -> o.span().start())).toArray(Quote[]::new);
            return passagesByStart;
        }

        /** Where {@code word} next stands as a whole word (any case) in {@code text} between {@code from} and {@code to}, or -1. */
        static int wordAt(String text, String word, int from, int to) {
            for (int i = from; i + word.length() <= to; i++) {
                if (!text.regionMatches(true, i, word, 0, word.length())) continue;
                int end = i + word.length();
                if ((i == 0 || !wordChar(text.charAt(i - 1))) && (end >= text.length() || !wordChar(text.charAt(end)))) return i;
            }
            return -1;
        }

        private static boolean wordChar(char c) { return Character.isLetterOrDigit(c) || c == '_'; }

        static String lastWord(String s) {
            String[] w = s.replaceAll("[,.;:]+$", "").split("\\s+");
            return w.length == 0 ? null : w[w.length - 1].replaceAll("(’s|'s)$", "");
        }

        private PersonMentions personMentions;

        /** The entity of the first resolved person mention overlapping the span, or null. */
        Entity canonical(Span span) {
            if (personMentions == null) personMentions = new PersonMentions(doc);
            return personMentions.first(span);
        }

        Speaker speaker(Claim c) {
            Entity e = c.verbatim() ? null : canonical(c.span());
            if (e != null && !c.asWritten().startsWith("the ") && (!resembles(c.asWritten(), e) || givenNamesDiffer(c.asWritten(), e)
                    || !SpeechFrames.lastWordsAgree(c.asWritten(), e))) e = null;
            String name = e != null ? e.name() : c.asWritten();
            double conf = e != null ? c.confidence() : c.confidence() * 0.9;
            return new Speaker(name, c.asWritten(), e == null ? null : e.id(), new Evidence(c.span(), text.substring(c.span().start(), c.span().end())), conf);
        }

        /** Does the written name's surname look like the entity's (or one of its variants)? Guards against a wrong resolution. */
        static boolean resembles(String written, Entity e) {
            String w = lastWord(written);
            if (w == null) return false;
            w = w.toLowerCase(Locale.ROOT);
            List<String> forms = new ArrayList<>();
            forms.add(e.name());
            if (e.variants() != null) forms.addAll(e.variants());
            for (String f : forms) {
                String l = lastWord(f);
                if (l == null) continue;
                l = l.toLowerCase(Locale.ROOT);
                if (l.equals(w) || written.toLowerCase(Locale.ROOT).contains(l)) return true;
                // plain edits, or a swap of two neighbouring letters counted as one (Trotksy)
                int limit = Math.max(1, Math.min(l.length(), w.length()) / 4);
                if (org.exhibit.authority.NameKey.edits(l, w) <= limit || org.exhibit.authority.NameKey.distance(l, w, limit) <= limit) return true;
            }
            return false;
        }

        void flags(Quote q, Quote parent) {
            boolean thirdPerson = q.flags().stream().anyMatch(f -> f.type().equals("third-person"));
            if (parent == null && q.speaker() == null && q.work() == null && !thirdPerson)
                q.flags().add(new Flag("unattributed", "a pasted passage whose author the thread never names", new Evidence(q.span(),
                        text.substring(q.span().start(), Math.min(q.span().end(), q.span().start() + 60)))));
            List<String> absent = new ArrayList<>();
            Span first = null;
            for (Citation c : doc.citations())
                if (c.kind() == Citation.Kind.FOOTNOTE_MARKER && q.span().contains(c.span()) && c.flags() != null && c.flags().contains("note-absent")
                        && directlyIn(q, c.span())) {
                    absent.add(c.text().strip());
                    if (first == null) first = c.span();
                }
            if (!absent.isEmpty())
                q.flags().add(new Flag("notes-absent", "footnote markers " + String.join(", ", absent) + " point to notes that are not in the thread",
                        new Evidence(first, text.substring(first.start(), first.end()))));
            if (q.speaker() != null && q.speaker().entity() != null && q.speaker().asWritten() != null) {
                String as = lastWord(q.speaker().asWritten()), canon = lastWord(q.speaker().name());
                if (as != null && canon != null && !as.equalsIgnoreCase(canon) && !q.speaker().name().toLowerCase(Locale.ROOT).contains(as.toLowerCase(Locale.ROOT))
                        && !q.speaker().asWritten().startsWith("the "))
                    q.flags().add(new Flag("misspelled-speaker", "the speaker is named only as \"" + q.speaker().asWritten() + "\"; probably " + q.speaker().name(),
                            q.speaker().evidence()));
            }
        }

        boolean directlyIn(Quote q, Span s) {
            for (Quote o : doc.quotes()) if (o != q && o.kind() == QuoteKind.PASSAGE && q.span().contains(o.span()) && o.span().contains(s)) return false;
            return true;
        }

        /** Speakers are remembered by surname, so "John Littlepage" and "Littlepage" share their works. */
        /** A proper name, not a description ("the American Ambassador ...") or a role ("reviewer, TLS"). */
        static boolean isPersonName(String name) {
            return !name.isEmpty() && Character.isUpperCase(name.charAt(0)) && !name.contains(",") && !name.startsWith("The ");
        }

        static String key(String name) {
            String w = lastWord(name);
            return (w == null ? name : w).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", "");
        }
    }

}
