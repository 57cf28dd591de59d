package org.exhibit.eval;

import com.fasterxml.jackson.databind.JsonNode;
import org.exhibit.authority.Authority;
import org.exhibit.authority.NameKey;
import org.exhibit.model.Document;
import org.exhibit.model.Entity;
import org.exhibit.model.Mention;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Name resolution against the gold {@code people} [{name, years, as_written[]}].
 *
 * <p>The unit is a gold written form ("Bakhurin" for Nikolai Bukharin). Every occurrence of the form in the
 * text (whole words, every copy of a repeated post) is looked up; an occurrence is <em>right</em> when a mention
 * overlapping it resolves to the gold person, <em>wrong</em> when the mention over it resolves to someone else.
 * A form is a hit (tp) when all its occurrences are right, a miss (fn) otherwise (also when it is not in the
 * text); a form with any wrong occurrence is also a false alarm (fp). Recall is thus over the gold forms, and
 * precision over the forms the resolver resolved: the gold list is not exhaustive, so mentions of names it does
 * not list are not judged.
 *
 * <p>An entity is the gold person when its name or id is what the gold name resolves to in the authority (so
 * "D. N. Pritt" and "Denis Nowell Pritt" agree), or when the folded names are equal, or when the years and the
 * folded surnames are.
 */
public final class PeopleTask implements EvalTask {
    @Override public String name() { return "people"; }

    @Override public Score score(JsonNode gold, Document doc, GoldQuotes quotes) {
        if (!gold.has("people")) return null;
        Score s = new Score(name());
        Map<String, Entity> entities = new HashMap<>();
        for (Entity e : doc.entities()) entities.put(e.id(), e);
        String text = doc.text();
        for (JsonNode p : gold.path("people")) {
            String name = p.path("name").asText(""), years = p.path("years").asText("");
            for (JsonNode w : p.path("as_written")) {
                String form = w.asText("");
                if (form.isEmpty()) continue;
                int total = 0, right = 0;
                List<String> wrong = new ArrayList<>();
                for (int at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
                    int end = at + form.length();
                    if (at > 0 && Character.isLetterOrDigit(text.charAt(at - 1)) || end < text.length() && Character.isLetterOrDigit(text.charAt(end))) continue;
                    total++;
                    boolean ok = false;
                    String other = null;
                    for (Mention m : doc.mentions()) {
                        if (m.span().end() <= at || m.span().start() >= end) continue;
                        Entity e = entities.get(m.entity());
                        if (e != null && same(e, name, years)) { ok = true; break; }
                        if (e != null && m.span().start() <= at && m.span().end() >= end) other = e.name();
                    }
                    if (ok) right++;
                    else if (other != null) wrong.add(other);
                }
                String label = "'" + form + "' (" + name + ")";
                if (total > 0 && right == total) s.hit();
                else s.miss(label + (total == 0 ? ": not in the text" : ": " + right + " of " + total + " occurrences resolved to the person"));
                if (!wrong.isEmpty()) s.falseAlarm(label + " resolved to " + String.join(", ", wrong.stream().distinct().toList()));
            }
        }
        return s;
    }

    /** Is the entity the gold person? See the class comment. */
    static boolean same(Entity e, String goldName, String goldYears) {
        Authority.Entry a = Authority.current().resolve(goldName);
        if (a != null && a.id().equals(e.id())) return true;
        if (NameKey.fold(e.name()).equals(NameKey.fold(goldName))) return true;
        if (goldYears.isEmpty() || !goldYears.equals(e.years())) return false;
        return NameKey.fold(last(e.name())).equals(NameKey.fold(last(goldName)));
    }

    private static String last(String name) {
        String[] w = NameKey.plain(name).split(" ");
        return w[w.length - 1];
    }
}
