package org.exhibit.hardening;

import org.exhibit.read.Timestamps;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Found by fuzzing: timestamps naming days that do not exist were turned into invalid ISO dates. */
class TimestampsTest {
    @Test void daysBeyondTheEndOfTheMonthAreNotTimestamps() {
        assertNull(Timestamps.parse("2007-06-31"));
        assertNull(Timestamps.parse("31st June 2007, 12:08"));
        assertNull(Timestamps.parse("Feb 29 2007, 02:19 PM"));
        assertEquals("2008-02-29T14:19", Timestamps.parse("Feb 29 2008, 02:19 PM"));
        assertEquals("2007-06-30", Timestamps.parse("2007-06-30"));
    }

    @Test void secondsBeyond59AreNotTimestamps() {
        assertNull(Timestamps.parse("16.06.2007 14:19:75"));
        assertEquals("2007-06-16T14:19:59", Timestamps.parse("16.06.2007 14:19:59"));
    }
}
