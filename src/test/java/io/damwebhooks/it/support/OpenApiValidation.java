package io.damwebhooks.it.support;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.tags.Tag;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a tool that reads the OpenAPI document would complain about: swagger-parser's validation
 * messages, plus what the issue found wrong once and a validator lets pass — a tag listed twice, an
 * operation without a success answer with a schema, an error answer that is not the problem document.
 */
public final class OpenApiValidation {

    private OpenApiValidation() { }

    /** Every complaint about the document (YAML or JSON); empty when it is valid and complete. */
    public static List<String> problems(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
        List<String> problems = new ArrayList<>(result.getMessages());
        OpenAPI api = result.getOpenAPI();
        if (api == null) {
            problems.add("not an OpenAPI document");
            return problems;
        }
        Set<String> tags = new HashSet<>();
        for (Tag tag : api.getTags() == null ? List.<Tag>of() : api.getTags()) {
            if (!tags.add(tag.getName())) problems.add("tag " + tag.getName() + " is listed twice");
        }
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                problems.addAll(operationProblems(method + " " + path, operation))));
        return problems;
    }

    /**
     * The complaints about a server's {@code /openapi} (JSON), less Payara 6.2025.x's root property
     * {@code endpoints}: a Payara defect (renamed {@code x-endpoints} upstream) that the WAR cannot
     * remove; the WAR's own {@code /dam-webhooks/openapi.yaml} has no such thing.
     */
    public static List<String> servedProblems(String json) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode document =
                    (com.fasterxml.jackson.databind.node.ObjectNode) new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
            document.remove("endpoints");
            return problems(document.toString());
        } catch (java.io.IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
    }

    private static List<String> operationProblems(String name, Operation operation) {
        List<String> problems = new ArrayList<>();
        boolean success = false;
        for (var answer : operation.getResponses().entrySet()) {
            String code = answer.getKey();
            var content = answer.getValue().getContent();
            if (code.startsWith("2")) {
                success = true;
                boolean withSchema = content != null && content.values().stream().allMatch(m -> m.getSchema() != null);
                if (!code.equals("204") && !withSchema) problems.add(name + ": " + code + " has no schema");
            } else if (code.startsWith("4") && (content == null || !content.containsKey("application/problem+json"))) {
                problems.add(name + ": " + code + " is not a problem document");
            }
        }
        if (!success) problems.add(name + ": no success answer");
        if (operation.getOperationId() == null) problems.add(name + ": no operationId");
        return problems;
    }
}
