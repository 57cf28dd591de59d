package org.exhibit.analysis.dates;

import org.exhibit.analysis.dates.TimexNormalizer.Kind;
import org.exhibit.analysis.dates.TimexNormalizer.Timex;
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
            "the previous Friday     | 1938-03-03       | 1938-02-25",
            "the preceding Sunday    | 1938-03-06       | 1938-02-27",
            "the following Monday    | 1938-03-03       | 1938-03-07",
            "the next Thursday       | 1938-03-03       | 1938-03-10",
            "the following Monday morning | 1938-03-03  | 1938-03-07TMO",
            "the previous Friday     | 1938             | ?",
            "the next morning        | 1938-03-03       | 1938-03-04TMO",
            "the following evening   | 1938-03-31       | 1938-04-01TEV",
            "that evening            | 1938-03-03       | 1938-03-03TEV",
            "that night              | 1938-03-04TMO    | 1938-03-04TNI",
            "the same afternoon      | 1938-03-03       | 1938-03-03TAF",
            "the previous night      | 1938-03-01       | 1938-02-28TNI",
            "that evening            | 1938-03          | ?",
            "two days later          | 1938-03-04TEV    | 1938-03-06",
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

    /** Expressions that need nothing but themselves: durations, sets, vague references, spelled and fiscal years. */
    @ParameterizedTest(name = "{0} -> {1} ({2})")
    @CsvSource(delimiter = '|', value = {
            // durations
            "three days                  | P3D                | DURATION",
            "18 months                   | P18M               | DURATION",
            "a decade                    | P10Y               | DURATION",
            "two decades                 | P20Y               | DURATION",
            "a century                   | P100Y              | DURATION",
            "two-year                    | P2Y                | DURATION",
            "10-year                     | P10Y               | DURATION",
            "twenty-four hours           | PT24H              | DURATION",
            "twenty four hours           | PT24H              | DURATION",
            "45 minutes                  | PT45M              | DURATION",
            "2 1/2 years                 | P2Y6M              | DURATION",
            "5 1/2 hours                 | PT5H30M            | DURATION",
            "a minute and a half         | PT1M30S            | DURATION",
            "half an hour                | PT30M              | DURATION",
            "the first nine months       | P9M                | DURATION",
            "the nine months             | P9M                | DURATION",
            "the past two months         | P2M                | DURATION",
            "several years               | PXY                | DURATION",
            "a few days                  | PXD                | DURATION",
            "the next couple of years    | P2Y                | DURATION",
            "two to three weeks          | PXW                | DURATION",
            "two more weeks              | P2W                | DURATION",
            "more than four decades      | P40Y MORE_THAN     | DURATION",
            "less than a year            | P1Y LESS_THAN      | DURATION",
            "at least 72 hours           | PT72H EQUAL_OR_MORE | DURATION",
            "nearly a decade             | P10Y LESS_THAN     | DURATION",
            "about two weeks             | P2W APPROX         | DURATION",
            "the weekend                 | ?                  | DATE",
            "the past decade             | P10Y               | DURATION",
            "decades-long                | PXY                | DURATION",
            "two quarters                | P6M                | DURATION",
            // sets
            "daily                       | P1D                | SET",
            "weekly                      | P1W                | SET",
            "annually                    | P1Y                | SET",
            "every day                   | P1D                | SET",
            "each year                   | P1Y                | SET",
            "every other week            | P2W                | SET",
            "every three years           | P3Y                | SET",
            "per hour                    | PT1H               | SET",
            // vague references
            "now                         | PRESENT_REF        | DATE",
            "currently                   | PRESENT_REF        | DATE",
            "at present                  | PRESENT_REF        | DATE",
            "recently                    | PAST_REF           | DATE",
            "the past                    | PAST_REF           | DATE",
            "the future                  | FUTURE_REF         | DATE",
            "recent months               | PXM                | DURATION",
            // years in words, fiscal years, decades and centuries
            "nineteen ninety-six         | 1996               | DATE",
            "nineteen seventy-nine       | 1979               | DATE",
            "the year two thousand       | 2000               | DATE",
            "fiscal 1989                 | 1989               | DATE",
            "fiscal year 1990            | 1990               | DATE",
            "the 1980s                   | 198X               | DATE",
            "the 20th century            | 19                 | DATE",
            // German, French and Russian (Cyrillic and transliterated) names next to a year or a day
            "Freitag, 1. Dezember 1934   | 1934-12-01         | DATE",
            "Juli 1936                   | 1936-07            | DATE",
            "vendredi 1er décembre 1934  | 1934-12-01         | DATE",
            "juillet 1936                | 1936-07            | DATE",
            "1 dekabrya 1934             | 1934-12-01         | DATE",
            "pyatnitsa, 1 dekabrya 1934  | 1934-12-01         | DATE",
            "v dekabre 1927              | none               | DATE",
            "dekabre 1927                | 1927-12            | DATE",
            "sentyabr 1936               | 1936-09            | DATE",
            "пятница, 1 декабря 1934     | 1934-12-01         | DATE",
            "Sonntag, 12. März 1938      | 1938-03-12         | DATE",
    })
    void normalisesDurationsSetsAndReferences(String text, String expected, String type) {
        Timex t = TimexNormalizer.normalize(text);
        assertEquals(expected, render(t));
        if (t != null && t.value() != null) assertEquals(type, t.type());
    }

    /**
     * Expressions said at a time of writing (the anchor), in a clause of a tense: weekdays, deictic days, weeks,
     * quarters, yearless days and months, parts of the day, clock times, holidays.
     */
    @ParameterizedTest(name = "{0} said {2} at {1} -> {3}")
    @CsvSource(delimiter = '|', value = {
            // 1998-02-25 is a Wednesday
            "Friday             | 1998-02-25       | PAST    | 1998-02-20",
            "Friday             | 1998-02-25       | PRESENT | 1998-02-20",
            "Friday             | 1998-02-25       | FUTURE  | 1998-02-27",
            "Wednesday          | 1998-02-25       | PAST    | 1998-02-25",
            "last Friday        | 1998-02-25       | PRESENT | 1998-02-20",
            "next Monday        | 1998-02-25       | PRESENT | 1998-03-02",
            "Friday morning     | 1998-02-25       | PAST    | 1998-02-20TMO",
            "Tuesday night      | 1998-02-25       | PAST    | 1998-02-24TNI",
            "Friday             | 1998-02-25T14:00 | PAST    | 1998-02-20",
            "today              | 1998-02-25       | PRESENT | 1998-02-25",
            "yesterday          | 1998-02-25       | PAST    | 1998-02-24",
            "tomorrow           | 1998-02-28       | FUTURE  | 1998-03-01",
            "yesterday morning  | 1998-02-25       | PAST    | 1998-02-24TMO",
            "last night         | 1998-02-25       | PAST    | 1998-02-24TNI",
            "this afternoon     | 1998-02-25       | PRESENT | 1998-02-25TAF",
            "tonight            | 1998-02-25       | PRESENT | 1998-02-25TNI",
            "late yesterday     | 1998-02-25       | PAST    | 1998-02-24 END",
            // weeks, months, years, seasons
            "last week          | 1998-02-25       | PAST    | 1998-W08",
            "this week          | 1998-02-25       | PRESENT | 1998-W09",
            "next week          | 1998-12-30       | FUTURE  | 1999-W01",
            "early this week    | 1998-02-25       | PRESENT | 1998-W09 START",
            "the weekend        | 1998-02-25       | PAST    | 1998-W08-WE",
            "the weekend        | 1998-02-25       | FUTURE  | 1998-W09-WE",
            "last month         | 1998-01-15       | PAST    | 1997-12",
            "this month         | 1998-01-15       | PRESENT | 1998-01",
            "last year          | 1998-01-15       | PAST    | 1997",
            "earlier this year  | 1989-10-30       | PAST    | 1989 START",
            "later this year    | 1989-10-30       | FUTURE  | 1989 END",
            "early next year    | 1989-10-30       | FUTURE  | 1990 START",
            "last October       | 1999-05-06       | PAST    | 1998-10",
            "last October       | 1999-11-06       | PAST    | 1999-10",
            "next October       | 1999-05-06       | FUTURE  | 1999-10",
            "last fall          | 1989-10-30       | PAST    | 1988-FA",
            "last summer        | 1989-10-30       | PAST    | 1989-SU",
            "this summer        | 1989-10-30       | PAST    | 1989-SU",
            "January this year  | 1998-02-19       | PAST    | 1998-01",
            "June last year     | 1998-02-19       | PAST    | 1997-06",
            "six weeks ago      | 2000-01-06       | PAST    | 1999-W47",
            "a year ago         | 1989-10-26       | PAST    | 1988",
            "more than thirty years ago | 2009-03-12 | PAST  | 1979 BEFORE",
            // quarters and halves: the latest one begun by the time of writing
            "the third quarter  | 1989-10-26       | PAST    | 1989-Q3",
            "third-quarter      | 1989-10-26       | FUTURE  | 1989-Q3",
            "the fourth quarter | 1989-10-26       | PRESENT | 1989-Q4",
            "the fourth quarter | 1998-01-26       | PAST    | 1997-Q4",
            "the fiscal first quarter | 1989-10-26 | PAST    | 1989-Q1",
            "this year's third quarter | 1989-10-26 | PAST   | 1989-Q3",
            "the first half     | 1989-10-26       | PAST    | 1989-H1",
            "the quarter        | 1989-10-26       | PAST    | 1989-Q3",
            "the latest quarter | 1989-10-26       | PAST    | 1989-Q3",
            "the current quarter | 1989-10-26      | PAST    | 1989-Q4",
            "the year-ago quarter | 1989-10-26     | PAST    | 1988-Q3",
            "the quarter        | 1989-Q2          | NONE    | 1989-Q2",
            "the year-ago quarter | 1989-Q2        | NONE    | 1988-Q2",
            "a year earlier     | 1989-Q3          | NONE    | 1988-Q3",
            "the 1988 quarter   | 1989-10-26       | PAST    | 1988-Q3",
            "the 1988 third quarter | 1989-10-26   | PAST    | 1988-Q3",
            "the year-ago third quarter | 1989-10-26 | PAST  | 1988-Q3",
            "for the year       | 1989-10-26       | PAST    | none",
            "the fiscal year    | 1989-10-26       | PAST    | 1989",
            "year-end           | 1989-10-26       | FUTURE  | 1989 END",
            // yearless days and months: the past one, the next one, or the nearer (a future one counting further)
            "Oct. 23            | 1999-05-06       | PAST    | 1998-10-23",
            "Oct. 23            | 1999-05-06       | PRESENT | 1998-10-23",
            "Nov. 16            | 1989-10-30       | PRESENT | 1989-11-16",
            "Nov. 16            | 1989-10-30       | FUTURE  | 1989-11-16",
            "Nov. 25            | 2000-01-15       | PRESENT | 1999-11-25",
            "Jan. 14            | 2000-01-05       | FUTURE  | 2000-01-14",
            "December           | 1998-02-06       | PAST    | 1997-12",
            "April              | 1998-12-05       | FUTURE  | 1999-04",
            "October            | 1999-05-06       | PRESENT | 1998-10",
            "late November      | 2000-04-05       | PAST    | 1999-11 END",
            "mid-November       | 1989-10-27       | FUTURE  | 1989-11 MID",
            "the week of March 6 | 2000-02-24      | FUTURE  | 2000-W10",
            "May 11             | 1937             | NONE    | 1937-05-11",
            // clock times and holidays
            "9 a.m.             | 1998-10-13       | PAST    | 1998-10-13T09:00",
            "10:30 p.m. EST     | 1998-10-13       | PAST    | 1998-10-13T22:30",
            "9 a.m. Tuesday     | 2000-04-03       | FUTURE  | 2000-04-04T09:00",
            "5 p.m. EST Nov. 9  | 1989-11-02       | FUTURE  | 1989-11-09T17:00",
            "noon               | 1998-10-13       | PAST    | 1998-10-13T12:00",
            "Thanksgiving       | 2000-01-06       | PAST    | 1999-11-25",
            "Christmas          | 1998-12-01       | FUTURE  | 1998-12-25",
            // without a time of writing: underspecified or nothing
            "Friday             | null             | NONE    | XXXX-WXX-5",
            "Friday night       | null             | NONE    | XXXX-WXX-5TNI",
            "the third quarter  | null             | NONE    | XXXX-Q3",
            "last week          | null             | NONE    | ?",
    })
    void resolvesAgainstTheTimeOfWriting(String text, String anchor, String tense, String expected) {
        Timex t = TimexNormalizer.normalize(text, anchor.equals("null") ? null : anchor, TimexNormalizer.Tense.valueOf(tense));
        assertEquals(expected, render(t));
    }

    /**
     * The tense DateFinder reads off the clause of an expression (marked [[ ]]), which the table above takes as given:
     * the words before it, or for an expression opening its sentence the clause after it.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "The mayor resigned [[Tuesday]].                                  | PAST",
            "The council will vote [[Friday]].                                | FUTURE",
            "Officials met on [[Monday]] with the envoy.                      | PAST",
            "The envoy arrives [[Monday]].                                    | PRESENT",
            "On [[Tuesday]], the league plans to hold a rally.                | FUTURE",
            "On [[Tuesday]], the league will hold a rally.                    | FUTURE",
            "On [[Tuesday]], the league held a rally.                         | PAST",
            "Until [[Thursday]], the police had not named him.                | PAST",
            "On [[Friday]], the government planned to pay the claims.         | PAST",
            "[[Friday]], the company said, was the last day.                  | PAST",
            "On [[Friday]], when the minister set aside her plans, it rained. | PRESENT",
            "The team planned to leave Nairobi on [[Thursday]].               | FUTURE",
            "Protesters were planning to drive to the airport on [[Monday]].  | FUTURE",
            "The offer had been due to expire [[Friday]] evening.             | PAST",
            "It had been scheduled to expire at midnight [[Friday]].          | PAST",
            "The sale, which had been expected, is part of a program to repay the loan by [[February]]. | FUTURE",
            "A service planned at the church for [[Saturday]] was cancelled.  | PAST",
            "They have cared for him since he was rescued off the coast in [[late November]]. | PAST",
            "In [[January]], the company brought in a new chief.              | PAST",
    })
    void readsTheTenseOfTheClause(String marked, String expected) {
        int s = marked.indexOf("[["), e = marked.indexOf("]]") - 2;
        String text = marked.replace("[[", "").replace("]]", "");
        assertEquals(TimexNormalizer.Tense.valueOf(expected), DateFinder.tense(text, s, e), text);
    }

    @Test
    void typesFollowTheExpression() {
        assertEquals("TIME", TimexNormalizer.normalize("Friday morning", "1998-02-25", TimexNormalizer.Tense.PAST).type());
        assertEquals("DATE", TimexNormalizer.normalize("Friday", "1998-02-25", TimexNormalizer.Tense.PAST).type());
        assertEquals("SET", TimexNormalizer.normalize("every week").type());
        assertEquals("DURATION", TimexNormalizer.normalize("two weeks").type());
        assertEquals("DURATION", TimexNormalizer.typeOf("P3D"));
        assertEquals("TIME", TimexNormalizer.typeOf("1998-10-13T09:00"));
        assertEquals("DATE", TimexNormalizer.typeOf("1998-W08"));
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
