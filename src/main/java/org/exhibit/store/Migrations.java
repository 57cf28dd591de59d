package org.exhibit.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Versioned schema scripts ({@code V<n>__name.sql} beside this class), applied in order in one transaction and
 * recorded in {@code schema_version}: the same scripts for SQLite and PostgreSQL.
 */
final class Migrations {
    /** Append new scripts here; never edit one that has shipped. */
    static final List<String> SCRIPTS = List.of("V1__corpus.sql", "V2__board_reuse.sql", "V3__post_board_ids.sql");

    private Migrations() {}

    static void apply(Connection c) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            // Two clients opening a fresh server store at once must not both create the tables.
            if ("PostgreSQL".equals(c.getMetaData().getDatabaseProductName())) s.execute("SELECT pg_advisory_xact_lock(4542784)");
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, script TEXT NOT NULL)");
            int current = 0;
            try (ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
                if (rs.next()) current = rs.getInt(1);
            }
            for (int v = current + 1; v <= SCRIPTS.size(); v++) {
                for (String sql : statements(SCRIPTS.get(v - 1))) s.execute(sql);
                s.execute("INSERT INTO schema_version (version, script) VALUES (" + v + ", '" + SCRIPTS.get(v - 1) + "')");
            }
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    static List<String> statements(String script) {
        String text;
        try (InputStream in = Migrations.class.getResourceAsStream(script)) {
            if (in == null) throw new IllegalStateException("missing schema script " + script);
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n")) if (!line.strip().startsWith("--")) sb.append(line).append('\n');
        List<String> out = new ArrayList<>();
        for (String stmt : sb.toString().split(";")) if (!stmt.isBlank()) out.add(stmt.strip());
        return out;
    }
}
