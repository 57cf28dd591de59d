package org.exhibit.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.SpecVersion;
import com.thaiopensource.validate.ValidationDriver;
import org.exhibit.cli.AnalyzeCommand;
import org.exhibit.model.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Threads in every input format, analysed by the full pipeline, export to all four outputs and each validates
 * against its schema: JSON against ours, TEI against tei_all.rng, CSL against csl-data.json, and every annotation
 * selector picks out its own text.
 */
class EveryFormatExportsTest {
    static ValidationDriver teiAll;
    static JsonSchema csl, ours;

    @BeforeAll static void schemas() throws Exception {
        if (org.exhibit.Shared.has(TeiWriterTest.TEI_ALL)) teiAll = TeiWriterTest.driver(TeiWriterTest.TEI_ALL);
        if (org.exhibit.Shared.has(CslWriterTest.CSL)) csl = Schemas.load(CslWriterTest.CSL, SpecVersion.VersionFlag.V7);
        ours = Schemas.load(Path.of("schema/exhibit-document.schema.json"), SpecVersion.VersionFlag.V202012);
    }

    static List<Path> inputs() throws Exception {
        List<Path> in = new ArrayList<>();
        for (String dir : List.of("src/test/resources/threads", "src/test/resources/gold"))
            try (Stream<Path> s = Files.list(Path.of(dir))) {
                s.filter(p -> !p.toString().endsWith(".gold.json")).sorted().forEach(in::add);
            }
        Path sample = Path.of("../shared/samples/show-trials-thread.txt");
        if (org.exhibit.Shared.has(sample)) in.add(sample);
        return in;
    }

    @TestFactory Stream<DynamicTest> exportsValidate() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path p : inputs()) {
            tests.add(DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
                Document d = AnalyzeCommand.analyze(p, "auto");
                assertFalse(d.posts().isEmpty());
                JsonNode json = JsonWriter.mapper().readTree(JsonWriter.toString(d));
                assertEquals("", Schemas.errors(ours, json), "JSON edition of " + p);
                AnnotationWriterTest.checkSelectors(d, false);
                JsonNode cslJson = JsonWriter.mapper().readTree(CslWriter.toString(d));
                if (csl != null) assertEquals("", Schemas.errors(csl, cslJson), "CSL of " + p);
                String tei = TeiWriter.toString(d);
                assumeTrue(teiAll != null, "../shared/schemas/tei_all.rng not present: TEI not validated");
                TeiWriterTest.assertValid(teiAll, tei);
            }));
        }
        assertTrue(tests.size() >= 10, "inputs in every format");
        return tests.stream();
    }
}
