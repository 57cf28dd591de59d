package org.exhibit.model;

/**
 * Whose words a quote is. {@code name} is canonical (from the authority file when resolved), {@code asWritten}
 * is the form the thread uses, {@code entity} the authority id or null.
 */
public record Speaker(String name, String asWritten, String entity, Evidence evidence, double confidence) {}
