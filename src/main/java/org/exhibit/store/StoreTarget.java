package org.exhibit.store;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Where a corpus is stored: a directory (SQLite file {@code corpus.db} inside it) or a PostgreSQL server given as
 * {@code postgresql://user:password@host:port/db} or as a JDBC URL.
 */
public record StoreTarget(String jdbcUrl, Properties properties, Path directory) {
    public static final String SQLITE_FILE = "corpus.db";

    public boolean isPostgres() { return jdbcUrl.startsWith("jdbc:postgresql:"); }

    /** Reads what the user typed after --db / --jdbc. */
    public static StoreTarget parse(String spec) {
        if (spec.startsWith("jdbc:postgresql:")) return new StoreTarget(spec, new Properties(), null);
        if (spec.startsWith("jdbc:sqlite:")) return new StoreTarget(spec, new Properties(), null);
        if (spec.startsWith("jdbc:")) throw new IllegalArgumentException(spec + ": only SQLite and PostgreSQL stores are supported");
        if (spec.startsWith("postgresql://") || spec.startsWith("postgres://")) return postgres(spec);
        Path dir = Path.of(spec).toAbsolutePath().normalize();
        return new StoreTarget("jdbc:sqlite:" + dir.resolve(SQLITE_FILE), new Properties(), dir);
    }

    /** libpq-style URL to JDBC: user and password move from the authority into connection properties. */
    private static StoreTarget postgres(String spec) {
        URI uri = URI.create(spec);
        Properties p = new Properties();
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            p.setProperty("user", decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            if (colon >= 0) p.setProperty("password", decode(userInfo.substring(colon + 1)));
        }
        String host = uri.getHost() == null ? "localhost" : uri.getHost();
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String db = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new StoreTarget("jdbc:postgresql://" + host + port + db + query, p, null);
    }

    private static String decode(String s) { return URLDecoder.decode(s, StandardCharsets.UTF_8); }

    /** The URL without credentials, for messages. */
    public String display() { return directory != null ? directory.toString() : jdbcUrl.replaceAll("password=[^&]*", "password=***"); }
}
