package org.exhibit.analysis.dates;

import java.util.Locale;

/** TIMEX3 duration values (P3D, P18M, PT24H, PXY) from a count and a unit code of {@code en/units.txt}. */
final class DurationValues {
    private DurationValues() {}

    /**
     * The duration of {@code n} units ("X" for an unspecified count, a decimal for "half a"); null for a unit this
     * does not know. Decades and centuries are written in years (P20Y, P100Y), as TimeBank does; quarters in
     * months, a weekend as two days, half units in the next smaller unit (P6M, PT12H, PT30M).
     */
    static String duration(String n, String code) {
        if (code == null) return null;
        if (n.equals("X")) {
            return switch (code) {
                case "TS" -> "PTXS";
                case "TM" -> "PTXM";
                case "TH" -> "PTXH";
                case "WE" -> "PXD";
                case "Q" -> "PXM";
                case "DE" -> "PXY";
                case "CE" -> "PXC";
                default -> "PX" + code;
            };
        }
        double v = Double.parseDouble(n);
        if (v <= 0) return null;
        if (v != Math.rint(v)) {
            // half units: "2 1/2 years" P2Y6M, "5 1/2 hours" PT5H30M; "half a year" P6M
            long k = (long) Math.floor(v);
            if (k > 0) {
                String tail = switch (code) {
                    case "Y" -> "6M";
                    case "D" -> "T12H";
                    case "TH" -> "30M";
                    case "TM" -> "30S";
                    default -> null;
                };
                if (tail != null) return (code.startsWith("T") ? "PT" + k + code.substring(1) : "P" + k + code) + tail;
            }
            return switch (code) {
                case "Y" -> whole("P", v * 12, "M");
                case "M" -> null;
                case "D" -> whole("PT", v * 24, "H");
                case "TH" -> whole("PT", v * 60, "M");
                case "TM" -> whole("PT", v * 60, "S");
                case "DE" -> whole("P", v * 10, "Y");
                case "CE" -> whole("P", v * 100, "Y");
                default -> null;
            };
        }
        long k = (long) v;
        return switch (code) {
            case "TS" -> "PT" + k + "S";
            case "TM" -> "PT" + k + "M";
            case "TH" -> "PT" + k + "H";
            case "WE" -> "P" + 2 * k + "D";
            case "Q" -> "P" + 3 * k + "M";
            case "DE" -> "P" + 10 * k + "Y";
            case "CE" -> "P" + 100 * k + "Y";
            default -> "P" + k + code;
        };
    }

    private static String whole(String prefix, double v, String unit) {
        return v == Math.rint(v) ? prefix + (long) v + unit : null;
    }

    /** The TIMEX3 mod of a quantifier ("more than" MORE_THAN, "nearly" LESS_THAN, "about" APPROX), or null. */
    static String mod(String quantifier) {
        if (quantifier == null) return null;
        String q = quantifier.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return switch (q) {
            case "more than", "over" -> "MORE_THAN";
            case "less than", "fewer than", "nearly", "almost", "under", "barely" -> "LESS_THAN";
            case "at least" -> "EQUAL_OR_MORE";
            case "at most", "up to", "no more than" -> "EQUAL_OR_LESS";
            case "about", "approximately", "roughly", "some" -> "APPROX";
            default -> null;
        };
    }
}
