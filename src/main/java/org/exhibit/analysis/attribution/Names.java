package org.exhibit.analysis.attribution;

import org.exhibit.model.Span;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Name phrases in English prose: capitalised words and initials ({@code L.M. Kaganovich}, {@code Jules
 * Humbert-Droz}), stripped of titles and descriptors ({@code The British Lawyer Pitt} → {@code Pitt}).
 */
final class Names {
    private Names() {}

    static final String NAME_RX = "(?:[A-Z]\\.\\s?)*[A-Z][\\p{L}’'-]+(?:\\s+(?:(?:[A-Z]\\.\\s?)*[A-Z][\\p{L}’'-]+|(?:de|von|van|la|le|al|bin|ibn|del|der)\\s+[A-Z][\\p{L}-]+))*";
    static final Pattern NAME = Pattern.compile(NAME_RX);

    /** Capitalised words that start sentences or name things other than people. */
    static final Set<String> NOT_NAMES = Set.of("The", "A", "An", "In", "On", "At", "During", "Then", "There", "Here", "And", "But",
            "So", "Now", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I", "You", "Of", "For", "From", "With",
            "After", "Before", "When", "While", "Also", "Anyway", "First", "Next", "Further", "Infact", "Of course", "Yes", "No",
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
            "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "His", "Her", "Their", "Our", "My", "Its",
            "If", "As", "Why", "What", "Who", "How", "Where", "Which", "Some", "Many", "Most", "All", "One", "Two", "Another",
            "Soviet", "Russian", "American", "British", "English", "German", "French", "Japanese", "Chinese", "Spanish", "Party",
            "Court", "Trial", "State", "Government", "Comrade", "Comrades", "Mr", "Mrs", "Dr", "Professor", "General", "Lawyer",
            "Ambassador", "President", "Secretary", "Commissar", "Marshal", "Sir", "Lord", "Not", "Note", "Perhaps", "Even",
            "Moreover", "However", "Indeed", "Still", "Yet", "Only", "Both", "Each", "Every", "According", "Augmenting", "Let",
            "Western", "West", "East", "Bolshevik", "Bolsheviks", "Communist", "Communists", "Trotskyite", "Trotskyites", "Politburo",
            "Politbureau", "Supreme", "Central", "Committee", "NKVD", "USSR", "U.S.S.R.", "CC", "Ibid", "QUOTE",
            "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten", "Twelve", "Twenty", "Hundreds", "Thousands",
            "Second", "Third", "Last", "Later", "Earlier", "Today", "Yesterday", "Years", "Months", "Days");

    /** The person's name inside a phrase, or null: trailing capitalised words after descriptors. */
    static Span clean(String text, Span s) {
        String phrase = text.substring(s.start(), s.end());
        String[] words = phrase.split("\\s+");
        int skip = 0, offset = 0;
        while (skip < words.length - 1 && NOT_NAMES.contains(stripPossessive(words[skip]))) {
            offset += words[skip].length();
            while (s.start() + offset < s.end() && Character.isWhitespace(text.charAt(s.start() + offset))) offset++;
            skip++;
        }
        if (skip == words.length - 1 && NOT_NAMES.contains(stripPossessive(words[skip]))) return null;
        int start = s.start() + offset, end = s.end();
        String rest = text.substring(start, end);
        if (rest.endsWith("’s") || rest.endsWith("'s")) end -= 2;
        if (end <= start) return null;
        return new Span(start, end);
    }

    static String stripPossessive(String w) {
        return w.replaceAll("(’s|'s|[,.:;])$", "");
    }

    /** The first name phrase in text[from, to) outside quotation marks, or null. */
    static Span first(String text, int from, int to) {
        Matcher m = NAME.matcher(text).region(from, to);
        while (m.find()) {
            if (insideQuotes(text, from, m.start())) continue;
            Span c = clean(text, new Span(m.start(), m.end()));
            if (c != null) return c;
        }
        return null;
    }

    /** The last name phrase ending at or before {@code to}, or null. */
    static Span last(String text, int from, int to) {
        Matcher m = NAME.matcher(text).region(from, to);
        Span best = null;
        while (m.find()) {
            Span c = clean(text, new Span(m.start(), m.end()));
            if (c != null) best = c;
        }
        return best;
    }

    private static boolean insideQuotes(String text, int from, int at) {
        int dq = 0;
        for (int i = from; i < at; i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '“' || c == '”') dq++;
        }
        return dq % 2 == 1;
    }
}
