package org.exhibit.read;

/**
 * Turns whatever one document's work throws into that document's one-line error, so the other inputs of a run
 * go on. A reader or stage that recurses too deep ({@link StackOverflowError}) or allocates beyond the heap
 * ({@link OutOfMemoryError}) has unwound by the time this sees it, and what it held is garbage.
 */
public final class Failures {
    private Failures() {}

    /** Work on one document that may throw anything. */
    public interface Work<T> { T run() throws Exception; }

    /** Runs {@code work}; anything but an {@link InputException} becomes one naming {@code name}. */
    public static <T> T isolate(String name, Work<T> work) throws InputException {
        try {
            return work.run();
        } catch (InputException e) {
            throw e;
        } catch (Throwable t) { // NOPMD: one document's failure, whatever it is, must not end the run
            throw of(name, t);
        }
    }

    /** The one-line error for {@code name} that {@code t} caused. */
    public static InputException of(String name, Throwable t) {
        if (t instanceof InputException ie) return ie;
        return new InputException(name + ": could not be analysed: " + describe(t), t);
    }

    /** What went wrong, in words, with the exception's class: no stack trace, one line. */
    public static String describe(Throwable t) {
        String what;
        if (t instanceof StackOverflowError) what = "its structure is nested too deep to follow";
        else if (t instanceof OutOfMemoryError) what = "it needs more memory than the Java heap has (raise -Xmx or split the file)";
        else {
            String m = t.getMessage();
            what = m == null || m.isBlank() ? "internal error" : m.lines().findFirst().orElse("").strip();
            if (what.length() > 200) what = what.substring(0, 200) + "…";
        }
        return what + " (" + t.getClass().getSimpleName() + ")";
    }
}
