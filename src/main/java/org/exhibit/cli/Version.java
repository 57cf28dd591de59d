package org.exhibit.cli;

import picocli.CommandLine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** What {@code exhibit --version} prints: the project version and the commit it was built from. */
public final class Version implements CommandLine.IVersionProvider {
    @Override public String[] getVersion() { return new String[] {line()}; }

    /** "exhibit 0.1.0-SNAPSHOT (commit 1a2b3c4, modified)"; "commit unknown" for a build made outside git. */
    public static String line() {
        Properties v = load("/org/exhibit/version.properties");
        Properties git = load("/org/exhibit/git.properties");
        String version = v.getProperty("version", "unknown");
        String commit = git.getProperty("git.commit.id.abbrev", "");
        StringBuilder s = new StringBuilder("exhibit ").append(version).append(" (commit ");
        s.append(commit.isBlank() ? "unknown" : commit);
        if ("true".equals(git.getProperty("git.dirty"))) s.append(", modified");
        return s.append(')').toString();
    }

    private static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream(resource)) {
            if (in != null) p.load(in);
        } catch (IOException e) {
            // a missing or unreadable build stamp leaves the field unknown; it never stops the command
        }
        return p;
    }
}
