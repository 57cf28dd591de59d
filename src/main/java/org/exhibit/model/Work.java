package org.exhibit.model;

/** The written source a quote was taken from. Any field may be null when the thread does not say. */
public record Work(String title, String author, Integer year, String pages, Evidence evidence, double confidence) {}
