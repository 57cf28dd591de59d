package org.exhibit.model;

/** Where a document came from: the file path as given, the format it was read as, and the SHA-256 of its bytes. */
public record Source(String path, String format, String sha256) {}
