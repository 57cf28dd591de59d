package org.exhibit.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/** JSON Schema validation for the tests (networknt validator). */
final class Schemas {
    private Schemas() {}

    static JsonSchema load(Path file, SpecVersion.VersionFlag version) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return JsonSchemaFactory.getInstance(version).getSchema(in);
        }
    }

    /** The validation messages, one per line; empty when valid. */
    static String errors(JsonSchema schema, JsonNode json) {
        Set<ValidationMessage> m = schema.validate(json);
        return m.stream().map(ValidationMessage::getMessage).sorted().collect(Collectors.joining("\n"));
    }
}
