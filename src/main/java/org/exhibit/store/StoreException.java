package org.exhibit.store;

/** A store that cannot be opened or used, worded for the user. */
public class StoreException extends Exception {
    public StoreException(String message) { super(message); }
}
