package org.exhibit.hardening;

import org.exhibit.model.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.exhibit.hardening.Hostile.post;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Adversarial strings for the regular expressions of the readers, the quote finder, attribution and the writers
 * (found by grepping src/main for Pattern.compile, matches and replaceAll): long runs of what a pattern repeats,
 * ending in what makes it fail, so a backtracking pattern would take exponential or quadratic time. Each input is
 * analysed end to end and must finish within {@link Hostile#BOUND}.
 */
class RegexBacktrackingTest {
    static final int N = 100_000;

    static Stream<Arguments> inputs() {
        return Stream.of(
                // Names.NAME_RX and Patterns.SAYS/POSSESSIVE/INTERVIEWED: capitalised words never followed by a verb of speech
                Arguments.of("capitalised words", "He said \"" + "Anna Boris Carl Dmitri ".repeat(N / 20) + "\" and then"),
                Arguments.of("capitalised words with possessives", "Anna's Boris's ".repeat(N / 14) + "interview with"),
                Arguments.of("initials", "A.".repeat(N / 2) + " wrote: \"x y z\""),
                Arguments.of("hyphenated capitals", "Humbert-Droz-".repeat(N / 13) + " said \"words words words\""),
                Arguments.of("comma clause", "Pitt" + ", a".repeat(N / 3) + " wrote \"x\""),
                Arguments.of("descriptor words", "according to the " + "Former ".repeat(N / 7) + "x"),
                Arguments.of("reviewer", "reviewer of " + "in the ".repeat(N / 7) + "'" + "x".repeat(90)),
                Arguments.of("interview with", "interview of Anna " + "with ".repeat(N / 5) + "."),
                // QuoteTags.HEADER, VB_POSTED, GLUED: tag lines that never close
                Arguments.of("QUOTE( and spaces", "QUOTE(" + " ".repeat(N) + "x"),
                Arguments.of("QUOTE( name @ spaces", "QUOTE(Anna @ " + " ".repeat(N) + "x"),
                Arguments.of("Originally Posted by spaces", "Quote:\nOriginally Posted by x" + " ".repeat(N) + "y\nwords"),
                Arguments.of("glued QUOTE runs", "xQUOTE ".repeat(N / 7) + "x"),
                // Quote marks: long runs of one mark, alternating marks, marks between letters
                Arguments.of("double quotes", "\"".repeat(N)),
                Arguments.of("alternating curly quotes", "“‘".repeat(N / 2) + "x"),
                Arguments.of("quoted words", "\"a\" ".repeat(N / 4)),
                // SpeechFrames' frame patterns, where every window holds a speech verb
                Arguments.of("quoted words with speech tags", "\"a,\" said the old man, \"b\" ".repeat(N / 30)),
                Arguments.of("apostrophes", "it's ".repeat(N / 5)),
                Arguments.of("backticks and doubled singles", "``''".repeat(N / 4)),
                // DisplayedQuotes.FOOTNOTE_TAIL and RunInQuotes.TITLE_CUE / CITATION_AFTER
                Arguments.of("superscripts", "\"quoted words here\" " + "¹".repeat(N) + "x"),
                Arguments.of("footnote digits", "\"quoted.\"" + "1".repeat(N) + "x"),
                Arguments.of("title cue punctuation", "the book's" + "!".repeat(N) + " \"Some Title Here\""),
                Arguments.of("citation after", "\"quoted words\" (" + "Ibid ".repeat(N / 5)),
                // Whitespace and line structure
                Arguments.of("spaces", "x" + " ".repeat(N) + "x"),
                Arguments.of("tabs and form feeds", "x" + "\t\f".repeat(N / 2) + "x"),
                Arguments.of("blank lines", "x" + "\n".repeat(N) + "x"),
                Arguments.of("CRs", "x" + "\r".repeat(N) + "x"),
                Arguments.of("one long line of prose", "The defendant said that the court was fair and ".repeat(N / 48)),
                // BoardTextReader header detection and Timestamps
                Arguments.of("header-like lines", "Anna\n16.06.2007 14:19\n".repeat(N / 22)),
                Arguments.of("timestamp-like lines", "Posted on Monday, 31st of ".repeat(N / 26)),
                // Interviews: many question lines after an announcement
                Arguments.of("interview questions", "An interview with him:\n\n" + "Q: Why?\n\n".repeat(N / 10)),
                // Attribution's Words/first-person checks and the writers' normalisation
                Arguments.of("first person", "\"" + "I me my ".repeat(N / 9) + "\""),
                Arguments.of("control and separator runs", "\"" + "\u2028\u00a0\u200b".repeat(N / 3) + "\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void finishesInBoundedTime(String what, String body) {
        Document doc = Hostile.analyse(what.replace(' ', '-') + ".txt", post("Anna Petrova", body));
        assertFalse(doc.posts().isEmpty());
    }
}
