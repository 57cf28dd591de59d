package org.exhibit.authority;

import org.exhibit.model.EntityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class AuthorityTest {
    @TempDir Path dir;

    @Test void builtInCoversSeveralHundredEntriesOfEveryType() {
        Authority a = Authority.builtIn();
        assertTrue(a.size() >= 400, "entries: " + a.size());
        Set<EntityType> types = new HashSet<>();
        for (Authority.Entry e : a.entries()) {
            types.add(e.type());
            if (e.id().matches("Q\\d+")) assertEquals(e.id(), e.entity().ids().get("wikidata"));
            if (e.entity().years() != null) assertTrue(e.entity().years().matches("\\d{4}(-(\\d{4})?)?"), e.id() + " years " + e.entity().years());
        }
        assertEquals(Set.of(EntityType.PERSON, EntityType.PLACE, EntityType.ORGANISATION), types);
    }

    @Test void variantsAndTransliterationsResolveToOneEntry() {
        Authority a = Authority.builtIn();
        String id = a.resolve("Nikolai Bukharin").id();
        for (String v : new String[]{"Bukharin", "Bucharin", "Boukharine", "Bukharchik", "Nikolai Ivanovich", "N. I. Bukharin", "Бухарин"})
            assertEquals(id, a.resolve(v).id(), v);
        assertEquals(a.resolve("Georgy Pyatakov").id(), a.resolve("Yuri Piatakoff").id());
        assertEquals(a.resolve("Andrey Vyshinsky").id(), a.resolve("Wyschinski").id());
        assertEquals(a.resolve("Grigory Zinoviev").id(), a.resolve("Sinowjew").id());
        assertEquals("Q855", a.resolve("Stalin").id());
        assertEquals(EntityType.ORGANISATION, a.resolve("OGPU").type());
        assertEquals(EntityType.PLACE, a.resolve("Leningrad").type());
    }

    @Test void aSharedSurnameGoesToTheEntryThatListsIt() {
        Authority a = Authority.builtIn();
        assertEquals("Francisco Franco", a.resolve("Franco").entity().name());
        assertEquals("Nicolás Franco", a.resolve("Nicolas Franco").entity().name());
        assertEquals("Lev Sedov", a.resolve("Sedov").entity().name());
        assertEquals("Ivan Smirnov", a.resolve("Smirnov").entity().name());
    }

    @Test void userFileAddsAndOverrides() throws Exception {
        Path f = write("user.tsv", """
                # my additions
                kulikov-ye\tperson\tYegor Kulikov\t1891-1943\ttrade union official, Right Opposition\tKulikov|Ye. Kulikov
                Q855\tperson\tIosif Dzhugashvili\t1878-1953\tSoviet leader\tStalin|Koba\t\twikidata:Q855 viaf:12345
                """);
        Authority a = Authority.builtIn().extend(f);
        assertEquals(Authority.builtIn().size() + 1, a.size());
        assertEquals("Yegor Kulikov", a.resolve("Kulikov").entity().name());
        assertEquals("Iosif Dzhugashvili", a.resolve("Koba").entity().name());
        assertEquals("12345", a.byId("Q855").entity().ids().get("viaf"));
        assertNull(Authority.builtIn().resolve("Kulikov"), "the built-in authority is unchanged");
    }

    @Test void badFilesGiveOneLineNamingFileAndLine() throws Exception {
        assertBad(write("cols.tsv", "x\tperson\n"), "cols.tsv:1: expected 3 to 8 tab-separated columns");
        assertBad(write("type.tsv", "# c\nx\tthing\tX Y\n"), "type.tsv:2: unknown type 'thing'");
        assertBad(write("years.tsv", "x\tperson\tX Y\tborn 1900\n"), "years.tsv:1: bad years 'born 1900'");
        assertBad(write("dup.tsv", "x\tperson\tX Y\nx\tplace\tZ\n"), "dup.tsv:2: duplicate id x");
        assertBad(write("ids.tsv", "x\tperson\tX Y\t\t\t\t\tviaf\n"), "ids.tsv:1: bad external id 'viaf'");
        assertBad(write("empty.tsv", "# nothing\n\n"), "empty.tsv: has no entries");
        assertBad(dir.resolve("missing.tsv"), "missing.tsv: no such authority file");
        Path latin1 = dir.resolve("latin1.tsv");
        Files.write(latin1, "x\tperson\tIb\u00e1rruri\n".getBytes(StandardCharsets.ISO_8859_1));
        assertBad(latin1, "latin1.tsv: is not UTF-8 text");
    }

    private void assertBad(Path f, String expected) {
        AuthorityException e = assertThrows(AuthorityException.class, () -> Authority.builtIn().extend(f));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    private Path write(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }
}
