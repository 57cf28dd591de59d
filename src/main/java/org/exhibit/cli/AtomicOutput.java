package org.exhibit.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files written under {@code --out}: named after the input's file name only (never its directories, so no input
 * name can place output outside the directory), and written to a temporary file that replaces the target in one
 * atomic rename, so an interrupted or failed write leaves the previous edition as it was.
 */
public final class AtomicOutput {
    private AtomicOutput() {}

    /** Writes the content of one output file. */
    public interface Body {
        void write(Writer w) throws IOException;
    }

    /** The output file for an input: DIR/NAME+suffix, where NAME is the input's last path element. */
    public static Path target(Path dir, Path input, String suffix) throws IOException {
        Path last = input.getFileName();
        String name = last == null ? "" : last.toString();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) name = "input";
        Path target = dir.resolve(name + suffix);
        if (!target.normalize().getParent().equals(dir.normalize()) && !dir.normalize().toString().isEmpty())
            throw new IOException(target + ": would be outside " + dir);
        return target;
    }

    /** Writes the file through a temporary sibling and an atomic rename; on failure the target is untouched. */
    public static void write(Path target, Body body) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".exhibit", ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                body.write(w);
            }
            // A symbolic link at the target is replaced, not followed.
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }
}
