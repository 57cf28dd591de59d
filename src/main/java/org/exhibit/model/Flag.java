package org.exhibit.model;

/** Something a careful reader would raise, with the span that shows it. */
public record Flag(String type, String message, Evidence evidence) {}
