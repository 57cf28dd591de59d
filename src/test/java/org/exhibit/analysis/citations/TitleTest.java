package org.exhibit.analysis.citations;

import org.exhibit.model.Citation;
import org.exhibit.model.Document;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.exhibit.analysis.citations.CitationTestDocs.*;
import static org.exhibit.model.Citation.Kind.TITLE;
import static org.junit.jupiter.api.Assertions.*;

class TitleTest {
    @Test void bookWithClaimedYearAndNoNamedAuthor() {
        Document doc = post("Anyway first of all here is the testimony of the American Ambassador to the USSR who was present "
                + "at all three trials, he wrote about these events in his book 'Mission to Moscow' in 1940.");
        Citation c = only(doc, TITLE);
        assertEquals("'Mission to Moscow' in 1940", c.text());
        assertEquals("Mission to Moscow", c.title());
        assertEquals(1940, c.year());
        assertNull(c.author(), "a description is not a name");
    }

    @Test void possessiveTakesThePersonFromTheSentenceBefore() {
        Document doc = post("Then there is the testimony of John Littlepage a American worker who worked in the USSR for 10 "
                + "years, note also that he was not a Communist. From his book, 'In Search of Soviet Gold'.");
        Citation c = only(doc, TITLE);
        assertEquals("In Search of Soviet Gold", c.title());
        assertEquals("John Littlepage", c.author());
    }

    @Test void nameRightBeforeATitle() {
        Document doc = post("Zinoviev was calling for his expulsion according to many western sources (try Richard Pipes "
                + "'The Russian Revolution a People's Tragedy. 1891-1924') and Kirov once called for him 'to be shot'.");
        Citation c = only(doc, TITLE);
        assertEquals("Richard Pipes", c.author());
        assertEquals("The Russian Revolution a People's Tragedy. 1891-1924", c.title(), "kept as written");
        assertTrue(c.text().startsWith("Richard Pipes '"));
    }

    @Test void titlesAfterVariousCues() {
        Document doc = post("According to many sympathetic accounts (like 'The Assaniaition of Trotsky' sitting behind me) he was "
                + "respected. An article titled \"Stalin and the Kulaks\" appeared later. The reviewer of the memoirs wrote in the pages "
                + "of the ‘Times Literary Supplement’ about it. Robert Conquest wrote in *The Great Terror* that the trials were staged. "
                + "The novel [i]Darkness at Noon[/i] by Arthur Koestler is fiction. Her 1937 pamphlet, “I Accuse”, sold well.");
        List<Citation> t = of(doc, TITLE);
        assertEquals(List.of("The Assaniaition of Trotsky", "Stalin and the Kulaks", "Times Literary Supplement", "The Great Terror",
                "Darkness at Noon", "I Accuse"), t.stream().map(Citation::title).toList());
        assertEquals("Robert Conquest", t.get(3).author(), "the writer of 'wrote in'");
        assertEquals("Arthur Koestler", t.get(4).author(), "'by' after the title");
        assertEquals(1937, t.get(5).year());
        assertNull(t.get(0).author());
        assertNull(t.get(2).author());
    }

    @Test void possessiveAuthorBeforeTheWorkNoun() {
        Document doc = post("Richard Pipes' book 'The Russian Revolution' is long. Stephen Cohen's favourable biography, "
                + "'Bukharin and the Bolshevik Revolution', says otherwise.");
        List<Citation> t = of(doc, TITLE);
        assertEquals(List.of("Richard Pipes", "Stephen Cohen"), t.stream().map(Citation::author).toList());
    }

    @Test void scareQuotesNicknamesAndSpeechAreNotTitles() {
        Document doc = post("Another example is the case of the so called 'Doctors Plot', according to his daughter. Stalin "
                + "affectionately called him 'Bukharchik'. They were all very much 'Old Bolsheviks'. Kulikov addressed Bukharin: "
                + "'You remember Nikolai Ivanovich, how you took me by the arm'. He wrote in a letter: 'We are ready to act now.' "
                + "The Japanese called it a 'Second Section of the Eighth Army'. Trotsky whom Lenin had called 'Judas'.");
        assertTrue(of(doc, TITLE).isEmpty(), of(doc, TITLE).toString());
    }
}
