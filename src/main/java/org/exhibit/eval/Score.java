package org.exhibit.eval;

import java.util.ArrayList;
import java.util.List;

/** Counts for one task: true positives, false positives (found, not in gold), false negatives (in gold, missed). */
public final class Score {
    private final String task;
    private int tp, fp, fn;
    private final List<String> misses = new ArrayList<>();
    private final List<String> falseAlarms = new ArrayList<>();

    public Score(String task) { this.task = task; }

    public String task() { return task; }
    public int tp() { return tp; }
    public int fp() { return fp; }
    public int fn() { return fn; }
    public List<String> misses() { return misses; }
    public List<String> falseAlarms() { return falseAlarms; }

    public void hit() { tp++; }
    public void miss(String what) { fn++; misses.add(what); }
    public void falseAlarm(String what) { fp++; falseAlarms.add(what); }

    public double precision() { return tp + fp == 0 ? (fn == 0 ? 1 : 0) : tp / (double) (tp + fp); }
    public double recall() { return tp + fn == 0 ? 1 : tp / (double) (tp + fn); }
    public double f1() {
        double p = precision(), r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    @Override public String toString() {
        return String.format("%-16s P %.3f  R %.3f  F1 %.3f  (tp %d, fp %d, fn %d)", task, precision(), recall(), f1(), tp, fp, fn);
    }
}
