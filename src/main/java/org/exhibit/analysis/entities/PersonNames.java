package org.exhibit.analysis.entities;

import org.exhibit.model.Document;
import org.exhibit.model.EntityType;
import org.exhibit.model.Mention;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Person names by their shape, for naming the author of a cited work: runs of capitalised words and initials,
 * minus sentence openers, roles, nationalities and words that make a run an organisation or a place. A single
 * word counts only when a verb of writing or saying follows it, or when it is the surname of a fuller name in the
 * same document (then {@link #fullForm} supplies that fuller name). PERSON mentions, when an earlier stage found
 * them, are taken as they are.
 */
public final class PersonNames {
    private PersonNames() {}

    public record Name(int start, int end, String text) {}

    private static final String WORD = "[A-Z][\\p{L}’'\\-]*\\p{L}";
    private static final String TOKEN = "(?:" + WORD + "|[A-Z]\\.)";
    private static final Pattern RUN = Pattern.compile(
            "(?<![\\p{L}.])" + TOKEN + "(?:[ \\t]+(?:(?:de|von|van|der|den|du|la|le|di|da|ibn|bin|al)[ \\t]+)?" + TOKEN + "){0,7}");

    public static final Set<String> STOP = Set.copyOf(java.util.Arrays.asList(
            "The", "A", "An", "In", "On", "At", "Of", "For", "From", "To", "By", "With", "And", "But", "Or", "Nor", "So",
            "Then", "There", "Here", "This", "That", "These", "Those", "It", "Its", "He", "She", "They", "We", "I", "You",
            "His", "Her", "Their", "Our", "My", "Your", "Who", "Whom", "What", "Which", "When", "Where", "Why", "How",
            "If", "As", "After", "Before", "During", "Since", "Until", "While", "Although", "Though", "Because", "Once",
            "Now", "Also", "Even", "Yet", "Still", "Anyway", "According", "Infact", "Fact", "Note", "See", "Try", "Read",
            "Yes", "No", "Not", "All", "Some", "Many", "Most", "One", "Two", "Three", "First", "Second", "Last", "Next",
            "Further", "Moreover", "However", "Perhaps", "Of", "Do", "Did", "Does", "Is", "Was", "Were", "Are", "Be",
            "Has", "Had", "Have", "Let", "Look", "Well", "Oh", "Ibid", "Id", "Op", "Cf", "Vol", "Chapter", "Section",
            "Part", "Book", "Article", "Review", "QUOTE", "Quote", "Source", "Sources", "Both", "Each", "Every", "Such",
            "Mr", "Mrs", "Ms", "Dr", "Prof", "Professor", "Sir", "Lord", "Lady", "Comrade", "President", "Ambassador",
            "General", "Secretary", "Commissar", "Marshal", "Chairman", "Premier", "Minister", "Judge", "Lawyer",
            "Colonel", "Captain", "Lieutenant", "Major", "Admiral", "Generalissimo", "King", "Queen", "Tsar", "Czar",
            "Emperor", "Prince", "Count", "Father", "Saint", "St", "Reverend", "Senator", "Governor", "Mayor", "Doctor",
            "American", "British", "English", "Soviet", "Russian", "German", "Japanese", "Chinese", "French", "Spanish",
            "Italian", "Polish", "Ukrainian", "Swiss", "Austrian", "Hungarian", "Czech", "Jewish", "Western", "Eastern",
            "Northern", "Southern", "North", "South", "East", "West", "Republican", "Imperial", "Anti", "Old", "New",
            "Great", "Left", "Right", "Red", "White", "Early", "Late", "Young", "Trotskyite", "Trotskyist", "Communist",
            "Bolshevik", "Menshevik", "Fascist", "Nazi", "Socialist", "Marxist", "Stalinist", "Leninist", "Liberal",
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
            "Spring", "Summer", "Autumn", "Winter", "Christmas", "Easter", "God", "Lord's"));

    /** Words that make a capitalised run a body, a publication, a place or an event rather than a person. */
    public static final Set<String> NOT_PERSON = Set.copyOf(java.util.Arrays.asList("Party", "Army", "Front", "Government", "Region", "Regions", "Industry",
            "Committee", "Court", "Congress", "Conference", "Commission", "Commissariat", "Ministry", "Office", "Bureau",
            "Politburo", "Politbureau", "Union", "Republic", "State", "States", "Revolution", "Trial", "Trials", "Centre",
            "Center", "University", "Press", "Times", "Review", "Journal", "Supplement", "Literary", "Magazine", "News",
            "Gazette", "Society", "Institute", "Academy", "Library", "Museum", "Church", "School", "College", "Company",
            "Corporation", "Bank", "Street", "Road", "Square", "River", "Sea", "Ocean", "Mountains", "Mines", "Province",
            "Provinces", "District", "Districts", "War", "Peace", "Treaty", "Memorial", "Document", "Articles",
            "Letters", "Plot", "Platform", "Opposition", "Section", "Chapter", "Council", "Assembly", "Parliament",
            "Senate", "Kingdom", "Empire", "Station", "Airport", "Hotel", "Square", "Prize", "Award", "Day", "Age",
            "Affairs", "Intelligence", "Service", "Services", "Police", "Guard", "Navy", "Division", "Brigade",
            "Battalion", "Regiment", "Corps", "Staff", "Headquarters", "Security", "Foundation", "Association",
            "League", "Federation", "Movement", "International", "Comintern", "Tribunal", "Procurator", "Gold",
            "Terror", "Purges", "Purge", "Civil", "Great", "Proceedings", "Report", "Case", "Cases"));

    static final Pattern WRITING_VERB = Pattern.compile("^\\s*(?:,[^,]{0,40},\\s*)?(?:also\\s+|later\\s+|himself\\s+|herself\\s+)?"
            + "(?:has|had|wrote|writes|written|says|said|states|stated|admits|admitted|argues|argued|claims|claimed|notes|"
            + "noted|reveals|revealed|describes|described|testifies|testified|explains|explained|recalls|recalled|"
            + "reports|reported|tells|told|asserts|asserted|observes|observed|remarks|remarked|declares|declared|adds|"
            + "added|insists|insisted|concludes|concluded|suggests|suggested|mentions|mentioned|published|publishes|"
            + "recounts|recounted|confirms|confirmed|quotes|quoted|cites|cited|goes|gives|gave|called|calls|made|"
            + "comments|commented|replied|replies|answered|answers|asks|asked|notes)\\b");

    /** Name-like runs in [from, to), in text order. */
    public static List<Name> runs(Document doc, int from, int to) {
        String t = doc.text();
        List<Name> out = new ArrayList<>();
        for (Mention m : doc.mentions())
            if (m.type() == EntityType.PERSON && m.span().start() >= from && m.span().end() <= to)
                out.add(new Name(m.span().start(), m.span().end(), m.entity() != null && !m.entity().isBlank() ? canonical(doc, m) : m.text()));
        Matcher m = RUN.matcher(t).region(from, to);
        while (m.find()) {
            Name n = clean(t, m.start(), m.end());
            if (n == null || covered(out, n)) continue;
            if (isPerson(doc, n)) out.add(n);
        }
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return out;
    }

    private static String canonical(Document doc, Mention m) {
        for (var e : doc.entities()) if (e.id().equals(m.entity())) return e.name();
        return m.text();
    }

    private static boolean covered(List<Name> l, Name n) {
        for (Name o : l) if (o.start() < n.end() && n.start() < o.end()) return true;
        return false;
    }

    /** Trims openers and roles from the front and a possessive from the end; null when nothing name-like is left. */
    public static Name clean(String t, int s, int e) {
        String run = t.substring(s, e);
        String[] toks = run.split("[ \\t]+");
        int skip = 0, at = s;
        while (skip < toks.length && (STOP.contains(strip(toks[skip])) || isAllCaps(toks[skip]))) {
            at = t.indexOf(toks[skip], at) + toks[skip].length();
            skip++;
        }
        if (skip == toks.length) return null;
        while (at < e && (t.charAt(at) == ' ' || t.charAt(at) == '\t')) at++;
        for (int i = skip; i < toks.length; i++) if (NOT_PERSON.contains(strip(toks[i])) || isAllCaps(toks[i])) return null;
        int end = e;
        String last = toks[toks.length - 1];
        if (last.endsWith("'s") || last.endsWith("’s")) end -= 2;
        else if (last.endsWith("'") || last.endsWith("’")) end -= 1;
        if (end <= at) return null;
        String text = t.substring(at, end);
        if (!text.contains(" ") && text.matches(".*(?:ists|ites|ians|viks)$")) return null; // Communists, Trotskyites
        if (text.length() < 3 || text.matches("([A-Z]\\.\\s?){1,8}")) return null;
        return new Name(at, end, text);
    }

    private static String strip(String tok) { return tok.replaceAll("(['’]s?|\\.)$", ""); }

    private static boolean isAllCaps(String tok) {
        String letters = tok.replaceAll("[^\\p{L}]", "");
        return letters.length() > 1 && letters.equals(letters.toUpperCase(Locale.ROOT));
    }

    static boolean isPerson(Document doc, Name n) {
        if (n.text().contains(" ")) {
            // Two or more words: at least two must be real words or a word and initials.
            return n.text().replaceAll("[A-Z]\\.", "").strip().length() >= 2;
        }
        String rest = doc.text().substring(n.end(), Math.min(doc.text().length(), n.end() + 80));
        if (WRITING_VERB.matcher(rest).find()) return true;
        return fullForm(doc, n.text()) != null;
    }

    private static final Pattern BEFORE_SURNAME = Pattern.compile("(?<![\\p{L}.])(?:" + TOKEN + "[ \\t]+){1,2}$");
    private static final Map<Document, Map<String, String>> FULL = new java.util.WeakHashMap<>();

    /** The most frequent longer form "Leon Trotsky" of a surname "Trotsky" in the document, or null. */
    static synchronized String fullForm(Document doc, String surname) {
        Map<String, String> cache = FULL.computeIfAbsent(doc, d -> new HashMap<>());
        if (cache.containsKey(surname)) return cache.get(surname);
        Map<String, Integer> counts = new HashMap<>();
        String best = null;
        String t = doc.text();
        for (int i = t.indexOf(surname); i >= 0; i = t.indexOf(surname, i + 1)) {
            int e = i + surname.length();
            if (e < t.length() && Character.isLetter(t.charAt(e)) || i == 0 || t.charAt(i - 1) != ' ' && t.charAt(i - 1) != '\t') continue;
            int w = Math.max(0, i - 60);
            Matcher m = BEFORE_SURNAME.matcher(t).region(w, i);
            if (!m.find()) continue;
            Name n = clean(t, m.start(), e);
            if (n == null || !n.text().endsWith(surname) || n.text().equals(surname)) continue;
            int c = counts.merge(n.text(), 1, Integer::sum);
            if (best == null || c > counts.get(best)) best = n.text();
        }
        cache.put(surname, best);
        return best;
    }

    /** A single surname made full when the document has a fuller form; other names as they are. */
    public static String expand(Document doc, String name) {
        if (name == null || name.contains(" ")) return name;
        String f = fullForm(doc, name);
        return f != null ? f : name;
    }
}
