package org.exhibit.analysis;

import org.exhibit.analysis.TimexNormalizer.Kind;
import org.exhibit.analysis.TimexNormalizer.Timex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.*;

class TimexNormalizerTest {
    private static String render(Timex t) {
        if (t == null) return "none";
        return (t.value() == null ? "?" : t.value()) + (t.mod() == null ? "" : " " + t.mod());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "September 23, 1936          | 1936-09-23",
            "Sept. 23rd, 1936            | 1936-09-23",
            "23 September 1936           | 1936-09-23",
            "the 23rd of September, 1936 | 1936-09-23",
            "23rd Sept 1936              | 1936-09-23",
            "Wednesday, 23 September 1936| 1936-09-23",
            "23.9.1936                   | 1936-09-23",
            "23.09.1936                  | 1936-09-23",
            "1936-09-23                  | 1936-09-23",
            "9/23/1936                   | 1936-09-23",
            "23/9/1936                   | 1936-09-23",
            "27th July 2003, 12:08       | 2003-07-27T12:08",
            "Jun 16 2007, 02:19 PM       | 2007-06-16T14:19",
            "December 1927               | 1927-12",
            "1. Dezember 1934            | 1934-12-01",
            "1er décembre 1934           | 1934-12-01",
            "1 декабря 1934              | 1934-12-01",
            "декабре 1927                | 1927-12",
            "März 1938                   | 1938-03",
            "Dec. 1927                   | 1927-12",
            "december of 1927            | 1927-12",
            "May '37                     | 1937-05",
            "1941                        | 1941",
            "AD 1066                     | 1066",
            "1936 to 1938                | 1936/1938",
            "1936-1938                   | 1936/1938",
            "1936–38                     | 1936/1938",
            "1941/42                     | 1941/1942",
            "1937-8                      | 1937/1938",
            "from 1929 to 1933           | 1929/1933",
            "between 1928 and 1937       | 1928/1937",
            "December 1927 to January 1928 | 1927-12/1928-01",
            "1-3 March 1937              | 1937-03-01/1937-03-03",
            "April–May 1940              | 1940-04/1940-05",
            "between April and May 1940  | 1940-04/1940-05",
            "the 1930s                   | 193X",
            "the 1930's                  | 193X",
            "1930s                       | 193X",
            "the '30s                    | 193X",
            "the thirties                | 193X",
            "the late 1980's             | 198X END",
            "the early 1930s             | 193X START",
            "the mid-1930s               | 193X MID",
            "the late thirties           | 193X END",
            "the 19th century            | 18",
            "the twentieth century       | 19",
            "the spring of 1931          | 1931-SP",
            "the summer of 1931          | 1931-SU",
            "autumn 1941                 | 1941-FA",
            "the fall of 1937            | 1937-FA",
            "the winter of 1941-42       | 1941-WI",
            "the summer of '31           | 1931-SU",
            "the middle of the summer of 1931 | 1931-SU MID",
            "the first half of 1937      | 1937-H1",
            "the last quarter of 1937    | 1937-Q4",
            "early 1929                  | 1929 START",
            "mid-1937                    | 1937 MID",
            "mid 1937                    | 1937 MID",
            "late 1936                   | 1936 END",
            "the end of 1936             | 1936 END",
            "the beginning of 1937       | 1937 START",
            "early December 1927         | 1927-12 START",
            "Perhaps 1933 or 1934 or 1935| 1933/1935 APPROX",
            "1933, 1934 or 1935          | 1933/1935 APPROX",
            "around 1930                 | 1930 APPROX",
            "circa 1930                  | 1930 APPROX",
            "c. 1930                     | 1930 APPROX",
            "ca. 1930                    | 1930 APPROX",
            "sometime in 1929            | 1929 APPROX",
            "1936 or so                  | 1936 APPROX",
            "1936-ish                    | 1936 APPROX",
            "two years after 1917        | 1919",
            "before 1930                 | 1930 BEFORE",
            "prior to 1930               | 1930 BEFORE",
            "after the 1930s             | 193X AFTER",
            "three years before 1917     | 1914",
            "Three days later            | ?",
            "May 11                      | XXXX-05-11",
            "11 May                      | XXXX-05-11",
            "the 11th of May             | XXXX-05-11",
    })
    void normalisesWithoutContext(String text, String expected) {
        assertEquals(expected, render(TimexNormalizer.normalize(text)));
    }

    @ParameterizedTest(name = "{0} after {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "Three days later        | 1936-09-23       | 1936-09-26",
            "three days later        | 1936-09-30       | 1936-10-03",
            "two weeks later         | 1936-09-23       | 1936-10-07",
            "a week earlier          | 1936-09-23       | 1936-09-16",
            "the next year           | 1936-09-23       | 1937",
            "the following year      | 1936             | 1937",
            "the previous year       | 1936             | 1935",
            "the following month     | 1936-12-23       | 1937-01",
            "that year               | 1936-09-23       | 1936",
            "later that year         | 1936-09-23       | 1936",
            "the same day            | 1938-03-15       | 1938-03-15",
            "that month              | 1936             | 1936",
            "the next day            | 1936-02-28       | 1936-02-29",
            "the day after           | 1936-12-31       | 1937-01-01",
            "a few days later        | 1936-09-23       | 1936-09-26 APPROX",
            "eighteen months later   | 1936             | 1937",
            "three days later        | 1936             | 1936",
            "two years later         | 1933/1935        | 1937",
            "twenty-five years later | 1917-10          | 1942",
            "the following spring    | 1936-09-23       | 1937-SP",
            "that summer             | 1931             | 1931-SU",
            "the end of that year    | 1937-05          | 1937 END",
            "the summer of that year | 1937-05          | 1937-SU",
            "May of the following year | 1936-09-23     | 1937-05",
            "May 11                  | 1937             | 1937-05-11",
            "On May 11               | 1937             | none",
            "5 December              | 1936-01-01       | 1936-12-05",
            "March                   | 1937             | 1937-03",
            "late May                | 1937             | 1937-05 END",
            "the spring              | 1942             | 1942-SP",
            "thirty years ago        | 2003-07-27T12:08 | 1973",
            "last year               | 2003-07-27T12:08 | 2002",
            "three days later        | 193X              | ?",
    })
    void resolvesAgainstAnAnchor(String text, String anchor, String expected) {
        assertEquals(expected, render(TimexNormalizer.normalize(text, anchor)));
    }

    @ParameterizedTest(name = "not a date: {0}")
    @CsvSource(delimiter = '|', value = {"31 February 1937", "1937-13-01", "September 31, 1936", "the late Stalin", "May",
            "march on Rome", "12 dead", "725,000", "6000", "999", "2200", "1917 or 1937", "between 1936 to 1938", "1938-36", "the fall of Paris"})
    void refusesWhatIsNotADate(String text) {
        Timex t = TimexNormalizer.normalize(text);
        assertTrue(t == null || text.equals("May"), text + " gave " + render(t));
        if (text.equals("May")) assertNull(TimexNormalizer.normalize("may"), "lower-case may is a verb");
    }

    @Test
    void kindsSayWhatContextIsNeeded() {
        assertEquals(Kind.ABSOLUTE, TimexNormalizer.kind("the spring of 1931"));
        assertEquals(Kind.ABSOLUTE, TimexNormalizer.kind("early 1929"));
        assertEquals(Kind.YEARLESS, TimexNormalizer.kind("May 11"));
        assertEquals(Kind.YEARLESS, TimexNormalizer.kind("late May"));
        assertEquals(Kind.ANAPHORIC, TimexNormalizer.kind("Three days later"));
        assertEquals(Kind.ANAPHORIC, TimexNormalizer.kind("the end of that year"));
        assertEquals(Kind.DEICTIC, TimexNormalizer.kind("ten years ago"));
        assertNull(TimexNormalizer.kind("the trial"));
    }

    @Test
    void matchesAtGivesTheLongestFirst() {
        String s = "It was Perhaps 1933 or 1934 or 1935. Sergo was alive.";
        var ms = TimexNormalizer.matchesAt(s, s.indexOf("Perhaps"));
        assertFalse(ms.isEmpty());
        assertEquals("Perhaps 1933 or 1934 or 1935", s.substring(ms.get(0).start(), ms.get(0).end()));
        assertTrue(TimexNormalizer.matchesAt(s, s.indexOf("Sergo")).isEmpty());
    }

    @Test
    void sortKeysPlaceModsInsideTheirPeriod() {
        assertTrue(TimexValue.sortKey("1936", "END").isAfter(TimexValue.sortKey("1936-06", null)));
        assertTrue(TimexValue.sortKey("1936", "START").isBefore(TimexValue.sortKey("1936-02", null)));
        assertTrue(TimexValue.sortKey("193", null).isBefore(TimexValue.sortKey("1931-SP", null)));
        assertTrue(TimexValue.sortKey("1931-SU", null).isAfter(TimexValue.sortKey("1931-SP", null)));
        assertNull(TimexValue.sortKey("XXXX-05-11", null));
        assertNull(TimexValue.sortKey(null, null));
    }
}
