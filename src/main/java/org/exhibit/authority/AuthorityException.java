package org.exhibit.authority;

/** An authority file that cannot be used, worded for the user: "FILE:LINE: what is wrong". */
public class AuthorityException extends RuntimeException {
    public AuthorityException(String message) { super(message); }
}
