package org.exhibit.read;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class TimestampsTest {
    @Test void visibleBoardTimes() {
        assertEquals("2007-06-16T14:19", Timestamps.parse("06-16-2007, 02:19 PM"));   // vBulletin
        assertEquals("2007-06-16T14:19", Timestamps.parse("16.06.2007 14:19"));
        assertNull(Timestamps.parse("06-13-2007-1"));
        assertEquals("2007-06-16T14:19", Timestamps.any("16 June 2007 - 02:19 PM")); // IPB 3
    }

    @Test void machineTimes() {
        assertEquals("2007-06-16T13:19:00Z", Timestamps.any("1181999940"));
        assertEquals("2007-06-16T13:19:00Z", Timestamps.any("1181999940000"));   // milliseconds
        assertEquals("2015-04-13T21:04:00+02:00", Timestamps.any("2015-04-13T21:04:00+0200"));
        assertEquals("2021-05-04T09:30:12Z", Timestamps.any("2021-05-04T09:30:12.000Z"));
        assertNull(Timestamps.any("yesterday"));
        assertNull(Timestamps.fromEpoch("12345"));
    }

    @Test void timeInsideALine() {
        assertEquals("2007-06-16T14:19", Timestamps.find("by Lenka » Sat Jun 16, 2007 2:19 pm"));
        assertEquals("2007-06-16T14:19", Timestamps.find("« Reply #1 on: June 16, 2007, 02:19 PM »"));
        assertNull(Timestamps.find("Post #1181999940 by Lenka"));
        assertNull(Timestamps.find("no time here at all"));
    }
}
