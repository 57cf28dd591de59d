package org.exhibit.analysis.dates;

import org.exhibit.analysis.Pipeline;
import org.exhibit.analysis.Stage;
import com.fasterxml.jackson.databind.JsonNode;
import org.exhibit.model.Document;
import org.exhibit.model.Marker;
import org.exhibit.model.Post;
import org.exhibit.model.Quote;
import org.exhibit.model.Source;
import org.exhibit.model.QuoteKind;
import org.exhibit.model.Span;
import org.exhibit.model.TimeExpression;
import org.exhibit.output.JsonWriter;
import org.exhibit.read.Readers;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DateFinderTest {
    /** A board-text thread: author line, timestamp line, body. */
    static Document thread(String text) throws Exception {
        return Readers.read("thread.txt", text.getBytes(StandardCharsets.UTF_8), "text");
    }

    static Document find(String text) throws Exception {
        Document d = thread(text);
        new DateFinder().apply(d);
        return d;
    }

    static Document body(String body) throws Exception {
        return find("Vasily\n12 March 2009, 10:15\n" + body + "\n");
    }

    static TimeExpression date(Document d, String text) {
        for (TimeExpression t : d.dates()) if (t.text().equals(text)) return t;
        fail("no date \"" + text + "\" among " + texts(d));
        return null;
    }

    static List<String> texts(Document d) {
        List<String> l = new ArrayList<>();
        for (TimeExpression t : d.dates()) l.add(t.text());
        return l;
    }

    /** The range value of the two dates a written-out range was split into, after checking both ends carry it. */
    static String range(Document d, String text) {
        List<TimeExpression> ends = new ArrayList<>();
        for (TimeExpression t : d.dates()) if (t.range() != null && t.range().text().equals(text)) ends.add(t);
        assertEquals(2, ends.size(), "two ends of \"" + text + "\" among " + texts(d));
        assertEquals(ends.get(0).range(), ends.get(1).range());
        assertTrue(ends.get(0).span().end() <= ends.get(1).span().start());
        assertEquals(ends.get(0).range().value(), ends.get(0).value() + "/" + ends.get(1).value());
        return ends.get(0).range().value();
    }

    static String value(Document d, String text) {
        TimeExpression t = date(d, text);
        return t.value() + (t.mod() == null ? "" : " " + t.mod());
    }

    @Test
    void postTimestampIsADateAnchoredToNothing() throws Exception {
        Document d = find("Cassius Clay\n27th July 2003, 12:08\nThe trials of 1936 to 1938 were real.\n");
        TimeExpression ts = date(d, "27th July 2003, 12:08");
        assertEquals("2003-07-27T12:08", ts.value());
        assertNull(ts.anchor());
        assertNull(ts.anchorText());
        assertEquals("1936/1938", range(d, "1936 to 1938"));
        assertEquals("1936", value(d, "1936"), "TimeML draws a range as its two dates");
        assertEquals("1938", value(d, "1938"));
    }

    @Test
    void relativeDatesCountFromTheNearestEarlierDate() throws Exception {
        Document d = body("On September 23, 1936 a wave of explosions hit the Siberian mines, the second in nine months. "
                + "There were 12 dead. Three days later, Yagoda became Commissar of Communications. "
                + "Two weeks later the first arrests were made, and the next year the trial followed.");
        TimeExpression later = date(d, "Three days later");
        assertEquals("1936-09-26", later.value());
        assertEquals("September 23, 1936", later.anchorText());
        assertEquals("September 23, 1936", d.slice(later.anchor()));
        assertEquals("1936-10-10", value(d, "Two weeks later"), "chains from the resolved date before it");
        assertEquals("1937", value(d, "the next year"));
        TimeExpression nine = date(d, "nine months");
        assertEquals("DURATION", nine.type(), "a duration without a direction is a duration, not a date");
        assertEquals("P9M", nine.value());
        assertNull(nine.anchor());
        assertEquals(List.of("12 March 2009, 10:15", "September 23, 1936", "nine months", "Three days later", "Two weeks later", "the next year"), texts(d));
    }

    @Test
    void relativeDateWithNothingBeforeItStaysUnresolved() throws Exception {
        Document d = body("Three days later, Yagoda became Commissar of Communications.");
        TimeExpression t = date(d, "Three days later");
        assertNull(t.value());
        assertNull(t.anchor());
    }

    @Test
    void relativeDatesDoNotReachIntoAnotherPost() throws Exception {
        Document d = find("Anna\n1st May 2005, 09:00\nKirov was killed on 1 December 1934.\n\n"
                + "Boris\n2nd May 2005, 10:00\nThe next year the Kremlin affair followed.\n");
        assertNull(date(d, "The next year").value());
    }

    @Test
    void yearlessDayTakesTheNearestEarlierYear() throws Exception {
        Document d = body("In 1937 Trotskyites collaborated with the Japanese. There was fighting in the streets of Barcelona.\n"
                + "The POUM leaders were accused by the PCE of being in the pay of Franco (85).\n"
                + "On May 11, 5 days after the fighting began, Faupel, Hitler's ambassador to Franco, wrote:");
        TimeExpression may = date(d, "May 11");
        assertEquals("1937-05-11", may.value());
        assertEquals("1937", may.anchorText());
        assertFalse(texts(d).contains("5 days after"), "anchored to an event, not to a date");
        assertFalse(texts(d).toString().contains("85"), "a footnote marker is not a date");
    }

    @Test
    void yearlessDayPrefersAYearLaterInTheSameSentence() throws Exception {
        Document d = body("The Kirov murder was in 1934. The plenum sat on February 23 and again on March 3, 1937.");
        assertEquals("1937-02-23", value(d, "February 23"));
        assertEquals("1937-03-03", value(d, "March 3, 1937"));
    }

    @Test
    void yearlessDayWithoutContextTakesThePostYear() throws Exception {
        Document d = body("On May 11 the meeting was cancelled.");
        TimeExpression t = date(d, "May 11");
        assertEquals("2009-05-11", t.value());
        assertEquals("12 March 2009, 10:15", t.anchorText());
        assertNotNull(t.anchor());
    }

    @Test
    void yearlessDayWithoutAnyYearIsUnderspecified() throws Exception {
        Document d = find("On May 11 the meeting was cancelled, and on 2 June it met again.");
        assertEquals("XXXX-05-11", value(d, "May 11"));
        assertEquals("XXXX-06-02", value(d, "2 June"));
    }

    @Test
    void monthsAloneOnlyAfterAPreposition() throws Exception {
        Document d = body("In 1937 the Trotskyists organised a company in Hebei. In March the two battalions mutinied. "
                + "May I add that the Long March was over, and that March was not a word he used? They may march on.");
        assertEquals("1937-03", value(d, "March"));
        assertEquals(1, texts(d).stream().filter(s -> s.equals("March")).count(), texts(d).toString());
        assertFalse(texts(d).contains("May"));
    }

    @Test
    void decadesSeasonsAndModifiers() throws Exception {
        Document d = body("A KGB investigation during the late 1980's found nothing wrong with the investigation back in the 1930's. "
                + "In the spring of 1931 Serebrovsky went to Berlin; in the middle of the summer of 1931 Smirnov met Sedov. "
                + "Their last talk was held in early 1929, and by mid-1937 it was all over; in late 1936 Yagoda fell. "
                + "Which year was it? Perhaps 1933 or 1934 or 1935. It was built c. 1930 and rebuilt around 1950.");
        assertEquals("198X END", value(d, "the late 1980's"));
        assertEquals("193X", value(d, "the 1930's"));
        assertEquals("1931-SP", value(d, "the spring of 1931"));
        assertEquals("1931-SU MID", value(d, "the middle of the summer of 1931"));
        assertEquals("1929 START", value(d, "early 1929"));
        assertEquals("1937 MID", value(d, "mid-1937"));
        assertEquals("1936 END", value(d, "late 1936"));
        assertEquals("1933/1935 APPROX", value(d, "Perhaps 1933 or 1934 or 1935"));
        assertEquals("1930 APPROX", value(d, "c. 1930"));
        assertEquals("1950 APPROX", value(d, "around 1950"));
        Document about = body("He wrote a book about 1937. It was written in about 1960, by Trotsky (b. 1879, d. 1940).");
        assertEquals("1937", value(about, "1937"));
        assertEquals("1960 APPROX", value(about, "about 1960"));
        assertEquals("1940", value(about, "1940"));
    }

    @Test
    void rangesAndTitles() throws Exception {
        Document d = body("The trials of a few dozen people through the years 1936 to 1938 are the subject. He worked between 1928 "
                + "and 1937 in the Urals. Try Richard Pipes 'The Russian Revolution a People's Tragedy. 1891-1924'. "
                + "The purges of 1936–38 were the peak. From December 1927 to January 1928 the opposition was expelled.");
        assertEquals("1936/1938", range(d, "1936 to 1938"));
        assertEquals("1928/1937", range(d, "between 1928 and 1937"));
        assertEquals("1891/1924", range(d, "1891-1924"));
        assertEquals("1936/1938", value(d, "1936–38"), "a short second year stays one expression");
        assertEquals("1927-12/1928-01", range(d, "From December 1927 to January 1928"));
        assertEquals("1927-12", value(d, "December 1927"));
    }

    @Test
    void numbersThatAreNotYears() throws Exception {
        Document d = body("In December 1927 there was an election: out of over 725,000 votes the opposition got less than 6000 votes. "
                + "There were 12 dead and 15 speeches. Over 1500 were shot, and 1200 officers were arrested. About 1500 men died. "
                + "See Report of Court Proceedings (Moscow, 1937), pp. 95--96 and p. 1938; page 1936 is torn (85). "
                + "It cost $1900, or 1,936 roubles. Order No. 1937 is at http://example.org/archive/1934/order.html and 2000 people read it. "
                + "The score was 1934:12 and 1933.75 is a decimal.");
        assertEquals(List.of("12 March 2009, 10:15", "December 1927", "1937"), texts(d));
    }

    @Test
    void numbersInCodeAndPathsAreNotYears() throws Exception {
        Document d = body("The archive is at fond/1936 and the delay is setTimeout(fn, 1000); the buffer is 2 * 1024 or 1936 + 1. "
                + "Published (Moscow, 1937), and reprinted in 1938 two days\nafter the review.");
        // "1938 two" is no date; "two days" (before an event, not a date) is a duration
        assertEquals(List.of("12 March 2009, 10:15", "1937", "1938", "two days"), texts(d));
        assertEquals("P2D", value(d, "two days"));
    }

    @Test
    void yearsInYearLikeContexts() throws Exception {
        Document d = body("Bukharin was arrested in 1938. The Trial was already in 1938. Till the year 1924 he said nothing. "
                + "1937 was the worst year. The 1936 Constitution changed nothing. He was at the Congress in 1928.2 Another "
                + "feature is this. In an interview in 1992 Kaganovich spoke.");
        assertEquals(List.of("12 March 2009, 10:15", "1938", "1938", "1924", "1937", "1936", "1928", "1992"), texts(d));
    }

    @Test
    void agesAreNotDecades() throws Exception {
        Document d = body("In his thirties he was already a commissar; in her 40s she wrote it down. The thirties were hard.");
        assertEquals(List.of("12 March 2009, 10:15", "The thirties"), texts(d));
        assertEquals("193X", value(d, "The thirties"));
    }

    @Test
    void fullDatesInSeveralNotations() throws Exception {
        Document d = body("He was born on 18.12.1878, elected on 3 April 1922, and died 1953-03-05; the news came on "
                + "Friday, March 6, 1953. The QUOTE(Comrade @ 27th July 2003, 12:08) header has a time.");
        assertEquals("1878-12-18", value(d, "18.12.1878"));
        assertEquals("1922-04-03", value(d, "3 April 1922"));
        assertEquals("1953-03-05", value(d, "1953-03-05"));
        assertEquals("1953-03-06", value(d, "Friday, March 6, 1953"));
        assertEquals("2003-07-27T12:08", value(d, "27th July 2003, 12:08"));
    }

    @Test
    void pastedSourcesInOtherLanguages() throws Exception {
        Document d = body("Kirov wurde am 1. Dezember 1934 ermordet. Le procès s'ouvre le 19 août 1936. "
                + "Пленум ЦК в феврале 1937 года; приговор от 13 марта 1938 г. On May 11. Then nothing.");
        assertEquals("1934-12-01", value(d, "1. Dezember 1934"));
        assertEquals("1936-08-19", value(d, "19 août 1936"));
        assertEquals("1937-02", value(d, "феврале 1937"));
        assertEquals("1938-03-13", value(d, "13 марта 1938"));
        assertEquals("1938-05-11", value(d, "May 11"));
    }

    @Test
    void deicticDatesUseThePostDateButNotInsideQuotes() throws Exception {
        String body = "Ten years ago I read Conquest. The reviewer wrote: 'more than thirty years ago nobody asked.'";
        Document d = thread("Vasily\n12 March 2009, 10:15\n" + body + "\n");
        int qs = d.text().indexOf("more than"), qe = d.text().indexOf("asked.") + 6;
        d.quotes().add(new Quote("q1", "p1", new Span(qs, qe), QuoteKind.PASSAGE, Marker.SINGLE, null, null));
        new DateFinder().apply(d);
        assertEquals("1999", value(d, "Ten years ago"));
        Document story = body("Stalin died in March 1953. Next year Khrushchev rose.\nI will write more next week.");
        assertEquals("1954", value(story, "Next year"));
        assertEquals("March 1953", date(story, "Next year").anchorText());
        assertEquals("2009-W12", value(story, "next week"), "a week, not a day");
        assertEquals("12 March 2009, 10:15", date(d, "Ten years ago").anchorText());
        TimeExpression inQuote = date(d, "more than thirty years ago");
        assertNull(inQuote.value(), "the quoted author's 'now' is unknown");
        assertSame(d.quotes().get(0), DateFinder.enclosingQuote(d, inQuote.span()));
    }

    @Test
    void jsonShowsValueModAndAnchor() throws Exception {
        Document d = body("On September 23, 1936 the mines exploded. Three days later, Yagoda fell. In early 1929 it began.");
        JsonNode dates = JsonWriter.toJson(d).path("dates");
        JsonNode later = null, early = null;
        for (JsonNode n : dates) {
            if (n.path("text").asText().equals("Three days later")) later = n;
            if (n.path("text").asText().equals("early 1929")) early = n;
        }
        assertNotNull(later);
        assertEquals("1936-09-26", later.path("value").asText());
        assertEquals("September 23, 1936", later.path("anchor").path("text").asText());
        assertEquals(d.codePoint(d.text().indexOf("September 23")), later.path("anchor").path("start").asInt());
        assertNotNull(early);
        assertEquals("START", early.path("mod").asText());
        assertTrue(early.path("anchor").isNull());
    }

    @Test
    void timestampInsideAWordyHeader() {
        String text = "Posted by Ivan on June 16, 2007 at 2:19 pm\nIn 1937 it began. The next year it ended.";
        int nl = text.indexOf('\n');
        Document d = new Document(new Source("t.html", "html", "0"), text,
                List.of(new Post("p1", "Ivan", "2007-06-16T14:19", new Span(nl + 1, text.length()), new Span(0, nl), null)));
        new DateFinder().apply(d);
        TimeExpression ts = date(d, "June 16, 2007 at 2:19 pm");
        assertEquals("2007-06-16T14:19", ts.value());
        assertNull(ts.anchor());
        assertEquals("1938", value(d, "The next year"));
    }

    @Test
    void forumChromeIsNotDates() throws Exception {
        Document d = body("Posts: 1937\n[quote=\"Ivan\" post_id=1936 time=1230768000]In 1935 the constitution was drafted.[/quote]\n"
                + "See showthread.php?t=1934&page=2 for more.");
        assertEquals(List.of("12 March 2009, 10:15", "1935"), texts(d));
    }

    @Test
    void registeredInTheStandardPipelineAfterQuotes() {
        List<String> names = new ArrayList<>();
        for (Stage s : Pipeline.standard().stages()) names.add(s.name());
        assertTrue(names.indexOf("dates") > names.indexOf("quotes"), names.toString());
    }

    /** A news report: the timestamp line is the time of writing. 1999-05-06 is a Thursday. */
    static Document report(String body) throws Exception {
        return find("Newswire\n6th May 1999\n" + body + "\n");
    }

    @Test
    void weekdaysAndDeicticDaysCountFromTheTimeOfWriting() throws Exception {
        Document d = report("The mayor resigned Tuesday, aides said today. The council will vote Friday on a successor, "
                + "and it met yesterday morning. Officials said last week that the budget was short; this week they said nothing.");
        assertEquals("1999-05-04", value(d, "Tuesday"), "past: the last Tuesday");
        assertEquals("1999-05-06", value(d, "today"));
        assertEquals("1999-05-07", value(d, "Friday"), "future tense: the next Friday");
        assertEquals("1999-05-05TMO", value(d, "yesterday morning"));
        assertEquals("TIME", date(d, "yesterday morning").type());
        assertEquals("1999-W17", value(d, "last week"), "a week, not a day");
        assertEquals("1999-W18", value(d, "this week"));
        assertEquals("6th May 1999", date(d, "Tuesday").anchorText());
    }

    @Test
    void theTenseOfAFrontedDayComesFromTheClauseAfterIt() throws Exception {
        Document d = report("On Monday, the league plans to hold a rally in the capital. Until Tuesday, the police had not "
                + "named a suspect. Protesters were planning to march on Saturday. The team planned to leave on Sunday. "
                + "The offer had been due to expire Wednesday evening; it now runs to June.");
        assertEquals("1999-05-10", value(d, "Monday"), "'plans to' after the fronted day: the coming Monday");
        assertEquals("1999-05-04", value(d, "Tuesday"), "'had not' after the fronted day: the last Tuesday");
        assertEquals("1999-05-08", value(d, "Saturday"), "'were planning to': a plan, so the next Saturday");
        assertEquals("1999-05-09", value(d, "Sunday"), "'planned to leave': still ahead at the time of writing");
        assertEquals("1999-05-05TEV", value(d, "Wednesday evening"), "'had been due to': a plan that lapsed");
    }

    @Test
    void aYearThatOnlyBoundsATermSetsNoStory() throws Exception {
        Document d = report("The company plans to redeem on Nov. 16 its notes due March 1, 2011. It has doubled its profits "
                + "every year since 1980. In September, it announced plans to buy a rival, and the rights expire Dec. 21.");
        assertEquals("1999-11-16", value(d, "Nov. 16"), "'due March 1, 2011' is a term, not the year of the redemption");
        assertEquals("1998-09", value(d, "September"), "'since 1980' sets no story: September counts from the time of writing");
        assertEquals("6th May 1999", date(d, "September").anchorText());
    }

    @Test
    void yearlessDaysAndMonthsTakeTheNearestYearInTheirTense() throws Exception {
        Document d = report("The doctor was killed on Oct. 23 in his kitchen. The suspect was seen in December, police said. "
                + "The hearing will be held Nov. 16, and the summit is planned for April next year.");
        assertEquals("1998-10-23", value(d, "Oct. 23"), "a past event: the last Oct. 23, not the coming one");
        assertEquals("1998-12", value(d, "December"));
        assertEquals("1999-11-16", value(d, "Nov. 16"));
        TimeExpression oct = date(d, "Oct. 23");
        assertEquals("6th May 1999", oct.anchorText(), "resolved against the post's time, not against another date");
    }

    @Test
    void aStoryOfAnotherTimeKeepsItsOwnYears() throws Exception {
        Document d = body("In 1937 the trials went on. On May 11 the commission met, and in June it reported. "
                + "By 1938 it was over.");
        assertEquals("1937-05-11", value(d, "May 11"), "a post about 1937 continues in 1937");
        assertEquals("1937-06", value(d, "June"));
    }

    @Test
    void quartersAndYearAgoPeriods() throws Exception {
        Document d = find("Newswire\n26th October 1989\nThe company posted third-quarter net income of $4 million, up from "
                + "$3 million a year earlier. Sales in the latest quarter rose 5%. In the year-ago quarter it lost money. "
                + "It expects the fourth quarter to be weak, and results for the first nine months were flat.\n");
        assertEquals("1989-Q3", value(d, "third-quarter"));
        assertEquals("1988-Q3", value(d, "a year earlier"), "a year before the quarter just named");
        assertEquals("third-quarter", date(d, "a year earlier").anchorText());
        assertEquals("1989-Q3", value(d, "the latest quarter"));
        assertEquals("1988-Q3", value(d, "the year-ago quarter"));
        assertEquals("1989-Q4", value(d, "the fourth quarter"));
        assertEquals("P9M", value(d, "the first nine months"));
        assertEquals("DURATION", date(d, "the first nine months").type());
    }

    @Test
    void durationsSetsAndVagueReferences() throws Exception {
        Document d = report("The talks lasted three days. He has worked there for 18 months and meets the board every week. "
                + "Prices are now higher than they were recently, and the plant produces 500 units daily.");
        assertEquals("P3D", value(d, "three days"));
        assertEquals("P18M", value(d, "18 months"));
        TimeExpression week = date(d, "every week");
        assertEquals("P1W", week.value());
        assertEquals("SET", week.type());
        assertEquals("EVERY", week.quant());
        assertEquals("PRESENT_REF", value(d, "now"));
        assertEquals("PAST_REF", value(d, "recently"));
        assertEquals("SET", date(d, "daily").type());
        assertNull(date(d, "three days").anchor(), "a duration needs no anchor");
        Document h = report("The boat was found on Thanksgiving Day, and the family met again at Christmas.");
        assertEquals("1998-11-26", value(h, "Thanksgiving Day"), "the fourth Thursday of November before");
        assertEquals("1998-12-25", value(h, "Christmas"));
    }

    @Test
    void numbersThatLookLikeDatesInNews() throws Exception {
        Document d = report("WASHINGTON, May 5 (Reuters) -- The index fell 47.3 points to close at 2082.1, and the other "
                + "settled at 1678.5. A 52-year-old doctor and his 6-year-old son, 37 years old, were there for a second time. "
                + "Profits will rise $1.76 a year, and 700 seats a week are added. \"It was a great day,\" he said on \"This Week.\"");
        List<String> t = texts(d);
        assertEquals("1999-05-05", value(d, "May 5"), "a dateline's date is the report's");
        assertFalse(t.contains("2082") || t.contains("1678"), "index values are not years: " + t);
        assertFalse(t.stream().anyMatch(x -> x.contains("year-old") || x.contains("37 years")), "ages are not durations: " + t);
        assertFalse(t.contains("a second"), t.toString());
        assertFalse(t.contains("a year") || t.contains("a week"), "rates are not durations: " + t);
        assertFalse(t.contains("This Week"), "a programme's title: " + t);
    }

    @Test
    void aPassageFromAnotherTimeResolvesAgainstItsOwnTime() throws Exception {
        String body = "My grandfather's memoir (Ivanov, Moscow Years, 1938) says: \"Yesterday the director was taken away. "
                + "On Friday we burned his letters. In May we left the city.\" An older diary has: \"On 2 March 1937 the "
                + "hearing opened. Yesterday they read the charges.\" And a third, undated: \"Yesterday it rained.\"";
        Document d = find("Vasily\n12 March 2009, 10:15\n" + body + "\n");
        String text = d.text();
        int a = text.indexOf("Yesterday the director"), b = text.indexOf("city.") + 5;
        int c = text.indexOf("On 2 March"), e = text.indexOf("charges.") + 8;
        int g = text.indexOf("Yesterday it"), h = text.indexOf("rained.") + 7;
        int w = text.indexOf("Ivanov"), we = text.indexOf("1938)") + 4;
        d.dates().clear();
        Quote memoir = new Quote("q1", "p1", new Span(a, b), QuoteKind.PASSAGE, Marker.DOUBLE, null, null);
        memoir.work(new org.exhibit.model.Work("Moscow Years", "Ivanov", 1938, null,
                new org.exhibit.model.Evidence(new Span(w, we), text.substring(w, we)), 0.9));
        d.quotes().add(memoir);
        d.quotes().add(new Quote("q2", "p1", new Span(c, e), QuoteKind.PASSAGE, Marker.BLOCK, null, null));
        d.quotes().add(new Quote("q3", "p1", new Span(g, h), QuoteKind.PASSAGE, Marker.BLOCK, null, null));
        new DateFinder().apply(d);
        List<TimeExpression> yesterdays = written(d, "Yesterday");
        assertEquals(3, yesterdays.size(), texts(d).toString());
        assertNull(yesterdays.get(0).value(), "the work's year gives no day for 'yesterday': no value rather than the post's");
        assertEquals("1938-05", value(d, "May"), "a yearless month of the memoir takes the work's year");
        assertEquals("1938", date(d, "May").anchorText(), "the anchor is the citation's year");
        assertTrue(new Span(w, we).contains(date(d, "May").anchor()), "the anchor lies in the citation");
        assertEquals("1937-03-01", yesterdays.get(1).value(), "the day before the date written in the passage");
        assertEquals("2 March 1937", yesterdays.get(1).anchorText(), "the anchor is the date in the passage");
        assertNull(yesterdays.get(2).value(), "an undated passage keeps its deictics without a value");
        assertNull(yesterdays.get(2).anchor());
    }

    /** Every date written exactly {@code text}, in the order found. */
    static List<TimeExpression> written(Document d, String text) {
        List<TimeExpression> l = new ArrayList<>();
        for (TimeExpression t : d.dates()) if (t.text().equals(text)) l.add(t);
        return l;
    }

    @Test
    void speechQuotedInAReportIsOfTheReportsTimeButAPastedPassageIsNot() throws Exception {
        String body = "\"We will decide on Friday,\" the minister said. The memoir reads: \"On Friday we left the city.\"";
        Document d = find("Newswire\n6th May 1999\n" + body + "\n");
        // the reader's quote finder is another stage: mark the two quotations as it would
        String text = d.text();
        int a = text.indexOf("We will"), b = text.indexOf(",\" the minister");
        int c = text.indexOf("On Friday"), e = text.indexOf("city.") + 5;
        d.dates().clear();
        d.quotes().add(new Quote("q1", "p1", new Span(a, b), QuoteKind.PHRASE, Marker.DOUBLE, null, null));
        d.quotes().add(new Quote("q2", "p1", new Span(c, e), QuoteKind.PASSAGE, Marker.DOUBLE, null, null));
        new DateFinder().apply(d);
        List<TimeExpression> fridays = written(d, "Friday");
        assertEquals(2, fridays.size(), texts(d).toString());
        assertEquals("1999-05-07", fridays.get(0).value(), "the minister speaks at the report's time");
        assertEquals("XXXX-WXX-5", fridays.get(1).value(), "a written passage has its own, unknown, time");
    }

    @Test
    void rangesAreTwoDatesThatKeepTheRange() throws Exception {
        Document d = report("He was convicted of shootings between 1994 and 1997 in three states.");
        TimeExpression from = date(d, "1994"), to = date(d, "1997");
        assertEquals("1994/1997", from.range().value());
        assertEquals("between 1994 and 1997", from.range().text());
        assertEquals(from.range(), to.range());
        assertEquals("1997", to.value());
    }
}
