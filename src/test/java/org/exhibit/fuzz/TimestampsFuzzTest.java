package org.exhibit.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.exhibit.read.Timestamps;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Any line (fuzz bytes as UTF-8): {@link Timestamps#parse} returns null or an ISO 8601 date(-time) whose date part is a real date.
 * Seeds: src/test/resources/org/exhibit/fuzz/TimestampsFuzzTestInputs/parse/.
 */
class TimestampsFuzzTest {
    @FuzzTest(maxDuration = "5m")
    @DictionaryEntries({"January", "February", "Feb", "31st", "29th", "of ", "Posted on ", "Date: ", "Monday, ", " at ", "12:00", "23:59:59", "a.m.", "PM", "2100", "1900", "+02:00", "Z", "/"})
    void parse(byte[] bytes) {
        String line = new String(bytes, StandardCharsets.UTF_8);
        String iso = Timestamps.parse(line);
        if (iso == null) return;
        if (!iso.matches("\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2})?(Z|[+-]\\d{2}:?\\d{2})?)?"))
            throw new AssertionError("not ISO 8601: " + iso + " from " + line);
        try {
            LocalDate.parse(iso.substring(0, 10));
        } catch (DateTimeParseException e) {
            throw new AssertionError("no such date: " + iso + " from " + line);
        }
    }
}
