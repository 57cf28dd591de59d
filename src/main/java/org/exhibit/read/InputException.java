package org.exhibit.read;

/** A problem with one input file, worded for the user: it names the file and what is wrong with it. */
public class InputException extends Exception {
    public InputException(String message) { super(message); }

    public InputException(String message, Throwable cause) { super(message, cause); }
}
