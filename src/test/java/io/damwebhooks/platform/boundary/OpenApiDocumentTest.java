package io.damwebhooks.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.damwebhooks.it.support.OpenApiValidation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The OpenAPI document as written, the one every server serves: valid, complete, and not left to scanning. */
class OpenApiDocumentTest {

    private static final Path DOCUMENT = Path.of("src/main/resources/META-INF/openapi.yaml");

    @Test
    void validatesWithSwaggerParserAndDocumentsEveryAnswer() throws IOException {
        assertEquals(List.of(), OpenApiValidation.problems(Files.readString(DOCUMENT)));
    }

    @Test
    void aBrokenDocumentIsCaught() throws IOException {
        String broken = Files.readString(DOCUMENT)
                .replace("  - name: Events\n", "  - name: Webhooks\n")
                .replace("        \"204\":\n          description: Deleted\n", "");
        List<String> problems = OpenApiValidation.problems(broken);
        assertTrue(problems.contains("tag Webhooks is listed twice"), problems::toString);
        assertTrue(problems.contains("DELETE /api/webhooks/{id}: no success answer"), problems::toString);
    }

    @Test
    void annotationsAreNotScannedIntoIt() throws IOException {
        Properties config = new Properties();
        try (var in = Files.newInputStream(Path.of("src/main/resources/META-INF/microprofile-config.properties"))) {
            config.load(in);
        }
        assertEquals("true", config.getProperty("mp.openapi.scan.disable"));
        assertFalse(Files.readString(DOCUMENT).contains("maxProperties: 0"));
    }
}
