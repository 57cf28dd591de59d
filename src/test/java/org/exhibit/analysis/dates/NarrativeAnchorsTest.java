package org.exhibit.analysis.dates;

import org.exhibit.model.Document;
import org.exhibit.model.TimeExpression;
import org.junit.jupiter.api.Test;

import static org.exhibit.analysis.dates.DateFinderTest.*;
import static org.junit.jupiter.api.Assertions.*;

/** Relative expressions of a narrative count from the last date told, not from the time of writing. */
class NarrativeAnchorsTest {
    @Test void aStoryChainsFromDateToDate() throws Exception {
        Document d = find("Anya\n2 March 2019, 10:15\nMy grandfather was taken to the Lubyanka on March 4, 1938. The next morning "
                + "they came back for his brother, and that evening the whole street knew. Two days later the family was evicted. "
                + "On the following Monday they left for Kazan. The previous Friday they had sold the piano.\n");
        TimeExpression morning = date(d, "The next morning");
        assertEquals("1938-03-05TMO", morning.value());
        assertEquals("TIME", morning.type());
        assertEquals("March 4, 1938", d.slice(morning.anchor()));
        TimeExpression evening = date(d, "that evening");
        assertEquals("1938-03-05TEV", evening.value(), "the day last spoken of");
        assertEquals("The next morning", evening.anchorText());
        assertEquals("1938-03-07", value(d, "Two days later"), "a part of a day anchors a count of days");
        assertEquals("1938-03-14", value(d, "the following Monday"), "the Monday after 7 March, itself a Monday");
        assertEquals("1938-03-11", value(d, "The previous Friday"));
    }

    @Test void aWeekdayBeforeOrAfterTheStorysDateIsNotOfTheTimeOfWriting() throws Exception {
        Document d = find("Lev\n2 March 2019, 10:15\nHe was arrested on Thursday, 3 March 1938. The previous Friday he had burned his letters.\n");
        TimeExpression prev = date(d, "The previous Friday");
        assertEquals("1938-02-25", prev.value());
        assertEquals("Thursday, 3 March 1938", prev.anchorText());
    }

    @Test void inThePostersOwnDaysTheyChainFromTheDeicticDay() throws Exception {
        Document d = find("Boris\n2 March 2019, 11:40\nI met him on Tuesday. The next morning I wrote to the archive. "
                + "That evening I called again. We will meet the following Friday.\n");
        assertEquals("2019-02-26", value(d, "Tuesday"));
        assertEquals("2019-02-27TMO", value(d, "The next morning"));
        assertEquals("2019-02-27TEV", value(d, "That evening"));
        TimeExpression fri = date(d, "the following Friday");
        assertEquals("2019-03-08", fri.value(), "a plan of the poster's: from the time of writing");
        assertEquals("2 March 2019, 11:40", fri.anchorText());
    }

    @Test void withNoDayToCountFromTheyStayWithoutAValue() throws Exception {
        Document d = find("Olga\n2 March 2019, 10:15\nThat evening nobody slept, and the following Monday the trains stopped.\n");
        assertNull(date(d, "That evening").value());
        assertNull(date(d, "the following Monday").value());
        Document year = find("Olga\n2 March 2019, 10:15\nIn 1937 the purge reached the village. That evening nobody slept.\n");
        assertNull(date(year, "That evening").value(), "a year is no day to count from");
    }
}
