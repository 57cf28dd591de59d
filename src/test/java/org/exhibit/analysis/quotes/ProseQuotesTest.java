package org.exhibit.analysis.quotes;

import org.exhibit.model.Document;
import org.exhibit.model.Quote;
import org.exhibit.model.QuoteKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

/** Quotation marks in prose (novels, news): dialogue turns, hard-wrapped paragraphs, marks a plain-text copy damaged. */
class ProseQuotesTest {
    static List<String> spoken(Document doc) {
        return doc.quotes().stream().filter(q -> q.kind() == QuoteKind.PHRASE || q.kind() == QuoteKind.PASSAGE)
                .map(q -> q.text(doc)).collect(Collectors.toList());
    }

    static Quote quote(Document doc, String text) {
        return doc.quotes().stream().filter(q -> q.text(doc).equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no quote " + text + " in " + doc.quotes().stream().map(q -> q.text(doc)).toList()));
    }

    /** A line that ends a sentence inside a paragraph filled at a fixed width is no paragraph break. */
    @Test void hardWrappedParagraphIsOneParagraphEvenWhereALineEndsASentence() throws Exception {
        Document doc = QuoteFinderTest.analyse("""
                The ferry was late again, and the passengers stood about the pier in
                the rain, counting the gulls and the minutes.

                "We should have taken the train. The train is never late on a Sunday.
                It leaves at nine and it arrives at ten," said the clerk, folding his
                newspaper twice.

                "Trains are for people without patience," his sister answered, and she
                turned up her collar against the wind that came off the grey water.

                For a while neither of them said anything more, and the rain went on
                falling upon the roofs of the sheds along the quay as it had all
                morning.
                """);
        assertEquals(List.of("We should have taken the train. The train is never late on a Sunday.\nIt leaves at nine and it arrives at ten,",
                "Trains are for people without patience,"), spoken(doc));
        assertEquals(2, doc.quotes().size(), "two turns, neither running on into the other");
    }

    /** A short line in filled text (a heading, a signature) still ends its paragraph. */
    @Test void shortLineInFilledTextStillEndsItsParagraph() {
        String text = """
                CHAPTER TWO.
                The ferry was late again, and the passengers stood about the pier in
                the rain, counting the gulls and the minutes. Nobody spoke to anyone
                and the clerk read his newspaper as though he had never seen one.
                The gulls went on crying over the water and the wind came round to
                the east, which everyone agreed was the worst of all possible winds.
                """;
        List<Para> ps = Para.of(text, 0, text.length());
        assertEquals(2, ps.size());
        assertEquals("CHAPTER TWO.", ps.get(0).text());
    }

    /** Short unfilled lines (a forum post, a list) keep the old rule: a line ending a sentence ends its paragraph. */
    @Test void unfilledLinesKeepTheirBreaks() {
        String text = "I read the book last year.\nIt was fine.\nThe end was weak.\n";
        assertEquals(3, Para.of(text, 0, text.length()).size());
    }

    /** "But " he began: the dash that broke off the speech was lost; the mark still closes, and the words are speech. */
    @Test void closingMarkAfterALostDashClosesTheTurn() throws Exception {
        Document doc = QuoteFinderTest.analyse("""
                "But " the porter began.

                "No buts," said the inspector. "Open the gate."

                "I can t, sir " and he spread his empty hands.
                """);
        assertEquals(List.of("But ", "No buts,", "Open the gate.", "I can t, sir "), spoken(doc));
        assertEquals(QuoteKind.PHRASE, quote(doc, "But ").kind());
    }

    /** A curly closing mark after a space closes too; a curly opening one before a space opens. */
    @Test void curlyMarksWithSpacesOnBothSidesFaceTheirOwnWay() throws Exception {
        Document doc = QuoteFinderTest.analyse("“ Well, perhaps ” she said, and left the room without another word.\n");
        assertEquals(List.of(" Well, perhaps "), doc.quotes().stream().map(q -> q.text(doc)).toList());
    }

    /** Short turns of dialogue are speech, not scare quotes, because they open the paragraph and end in a comma. */
    @Test void shortTurnOpeningItsParagraphIsSpeech() throws Exception {
        Document doc = QuoteFinderTest.analyse("""
                "Not today," the porter pursued, without looking up from his ledger.

                "Tomorrow, then," the inspector ventured.

                "Perhaps--" and the porter shrugged.

                The town called the bridge its "miracle" and the river its "enemy".
                """);
        assertEquals(QuoteKind.PHRASE, quote(doc, "Not today,").kind());
        assertEquals(QuoteKind.PHRASE, quote(doc, "Tomorrow, then,").kind());
        assertEquals(QuoteKind.PHRASE, quote(doc, "Perhaps--").kind());
        assertEquals(QuoteKind.SCARE, quote(doc, "miracle").kind(), "a word in passing stays a scare quote");
        assertEquals(QuoteKind.SCARE, quote(doc, "enemy").kind());
    }

    /** A quoted phrase is someone's words when a report clause frames it, even one hidden in a longer phrase. */
    @Test void reportClauseInsideALongerPhraseFramesAQuotedPhrase() throws Exception {
        Document doc = QuoteFinderTest.analyse("""
                The mayor was remembered for her dislike of what she called the "paper palace" on the hill.

                The old woman looked at the new bridge for a long time, calling it "a fine thing" for the town.

                The Water Department has said that the old pipes were classed as "unsafe" years ago.
                """);
        assertEquals(QuoteKind.PHRASE, quote(doc, "paper palace").kind(), "'what she called': the phrase is hers");
        assertEquals(QuoteKind.PHRASE, quote(doc, "a fine thing").kind(), "', calling it': the old woman's words");
        assertEquals(QuoteKind.SCARE, quote(doc, "unsafe").kind(), "'Department' alone is no speaker of 'classed as'");
    }

    /** Where or when the subject spoke may stand between it and its report verb; the phrase is still the subject's. */
    @Test void reportClauseWithAPlaceOrOccasionBeforeItsVerbFramesAQuotedPhrase() throws Exception {
        Document doc = QuoteFinderTest.analyse("""
                The governor in her budget address called the harbour tunnel "a bottomless pit" and moved on.

                The minister at the long hearing described the new levy as "overdue" and sat down.

                The old harbour tunnel in the cold of winter was by then known to everyone as the "bottomless pit" of the town.
                """);
        assertEquals(QuoteKind.PHRASE, quote(doc, "a bottomless pit").kind(), "'the governor in her budget address called'");
        assertEquals(QuoteKind.PHRASE, quote(doc, "overdue").kind(), "'the minister at the long hearing described'");
        assertEquals(QuoteKind.SCARE, quote(doc, "bottomless pit").kind(), "no subject speaks: the writer's scare quote");
    }

    /** A subject with its auxiliary contracted ("she’s predicting") still opens a report clause. */
    @Test void reportClauseWithAContractedAuxiliaryFramesAQuotedPhrase() throws Exception {
        Document doc = QuoteFinderTest.analyse("""
                The coach is calm about the season, and she’s predicting that by spring the rival club “will be finished” in the league.

                By spring the rival club was thought to be “finished” in the league.
                """);
        assertEquals(QuoteKind.PHRASE, quote(doc, "will be finished").kind(), "'she’s predicting that': her words");
        assertEquals(QuoteKind.SCARE, quote(doc, "finished").kind(), "no subject speaks: the writer's scare quote");
    }

    /** "According to X" opening the clause gives a quoted phrase later in it a source. */
    @Test void accordingToOpeningTheClauseFramesAQuotedPhrase() throws Exception {
        Document doc = QuoteFinderTest.analyse("""
                For the club, according to Anna Lindqvist, the former club captain, the final match is "a reckoning" of the whole season.

                For the club, the final match of the season was by all accounts "a reckoning" of sorts.
                """);
        List<Quote> both = doc.quotes().stream().filter(q -> q.text(doc).equals("a reckoning")).toList();
        assertEquals(2, both.size());
        assertEquals(QuoteKind.PHRASE, both.get(0).kind(), "'according to Anna Lindqvist': her words");
        assertEquals(QuoteKind.SCARE, both.get(1).kind(), "no source in the clause: the writer's scare quote");
    }

    /** A speech tag ending the sentence (", he said.") makes the phrases quoted inside the sentence the speaker's. */
    @Test void speechTagEndingTheSentenceFramesAQuotedPhraseInsideIt() throws Exception {
        Document doc = QuoteFinderTest.analyse("""
                Ticket sales stayed low through the spring as fans waited to see how a "difficult rebuild" worked out, the chairman said.

                Ticket sales stayed low through the spring as fans waited to see how a "difficult rebuild" worked out.
                """);
        List<Quote> both = doc.quotes().stream().filter(q -> q.text(doc).equals("difficult rebuild")).toList();
        assertEquals(2, both.size());
        assertEquals(QuoteKind.PHRASE, both.get(0).kind(), "', the chairman said.': his words");
        assertEquals(QuoteKind.SCARE, both.get(1).kind(), "no tag: the writer's scare quote");
    }

    /** A no-break space before an opening mark is a space: the mark opens. */
    @Test void openingMarkAfterANoBreakSpaceOpens() throws Exception {
        Document doc = QuoteFinderTest.analyse("The council was not surprised.\u00a0\u201cWe saw it coming a long way off,\u201d said the clerk.\n");
        assertEquals(List.of("We saw it coming a long way off,"), spoken(doc));
    }

    /** Inside a quoted article, a paragraph whose first mark closes before its end opens a quotation of its own. */
    @Test void paragraphOfAQuotedArticleThatQuotesSomeoneNestsItsQuotation() throws Exception {
        Document doc = QuoteFinderTest.analyse("""
                The county paper put it this way on Monday:

                "The county has still not said why the bridge was closed for a week in the middle of the harvest.

                \u201cWe will not comment while the inspection goes on,\u201d a county spokeswoman said."

                Farmers were not impressed by the answer.
                """);
        Quote outer = quote(doc, "The county has still not said why the bridge was closed for a week in the middle of the harvest.\n\n"
                + "\u201cWe will not comment while the inspection goes on,\u201d a county spokeswoman said.");
        assertEquals(QuoteKind.PASSAGE, outer.kind());
        Quote inner = quote(doc, "We will not comment while the inspection goes on,");
        assertNotEquals(QuoteKind.SCARE, inner.kind());
        assertEquals(outer.id(), inner.parent(), "the spokeswoman's words are quoted inside the article");
    }

    /** Words after a noun that presents them ("shouts of", "a banner that read") are someone's, not scare quotes. */
    @Test void wordsPresentedByASpeechNounAreSpeech() throws Exception {
        Document doc = QuoteFinderTest.analyse("""
                The march reached the square at noon, to shouts of "Open the gates" and "Not one more day" from the crowd.

                One woman carried a banner that read "Bread first" all the way from the station.

                By evening the square was a "festival" rather than a protest.

                The mayor's "Build It Back Better" rallying cry was heard less often after the vote.
                """);
        assertEquals(QuoteKind.PHRASE, quote(doc, "Open the gates").kind());
        assertEquals(QuoteKind.PHRASE, quote(doc, "Not one more day").kind(), "joined by 'and' to a quoted phrase: more of the same");
        assertEquals(QuoteKind.PHRASE, quote(doc, "Bread first").kind());
        assertEquals(QuoteKind.SCARE, quote(doc, "festival").kind(), "a word in passing stays a scare quote");
        assertEquals(QuoteKind.PHRASE, quote(doc, "Build It Back Better").kind(), "a rallying cry is someone's words, not a title");
    }

    /** A short question or exclamation in plain-text italics ("_you?_") still ends as a sentence ends: speech. */
    @Test void shortSentenceEndingInItalicsIsSpeech() throws Exception {
        Document doc = QuoteFinderTest.analyse("""
                "And where were _you?_" asked the porter, looking up at last.

                She said nothing to that.
                """);
        assertEquals(QuoteKind.PHRASE, quote(doc, "And where were _you?_").kind());
    }
}
