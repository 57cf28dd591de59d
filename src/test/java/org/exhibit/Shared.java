package org.exhibit;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files the tests read from {@code ../shared} (the sample, the development sets, published schemas). Where that folder
 * is absent (a fresh clone on its own) tests that need it skip with a message; where it is present, a file that
 * should be in it and is not is a failure, so a test cannot pass in CI by quietly skipping.
 */
public final class Shared {
    static final Path ROOT = Path.of("..", "shared");

    private Shared() {}

    /** Whether {@code p} can be read; fails when {@code ../shared} is there but {@code p} is not. */
    public static boolean has(Path p) {
        if (Files.exists(p)) return true;
        if (Files.isDirectory(ROOT) && p.toAbsolutePath().normalize().startsWith(ROOT.toAbsolutePath().normalize()))
            throw new AssertionError(p + " is missing from " + ROOT.toAbsolutePath().normalize() + ", which is present: the test cannot run");
        return false;
    }
}
