package io.damwebhooks.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A small client for the REST API as a user calls it: JSON over HTTP with Basic credentials.
 * {@code Api.as(base, user, password).post("webhooks", json)}.
 */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    private final URI api;
    private final String authorization;

    private Api(URI api, String authorization) {
        this.api = api;
        this.authorization = authorization;
    }

    /** {@code base} is the deployment's URL (Arquillian's {@code @ArquillianResource URL}). */
    public static Api as(URL base, String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Api(URI.create(base.toString().replaceFirst("/*$", "/") + "api/"), "Basic " + token);
    }

    /** The same for a REST API at another path of the deployment, e.g. a DAM's own {@code rest/}. */
    public static Api as(URL base, String apiPath, String user, String password) {
        String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Api(URI.create(base.toString().replaceFirst("/*$", "/") + apiPath), "Basic " + token);
    }

    public static Api admin(URL base) {
        return as(base, Deployments.ADMIN, Deployments.ADMIN_PASSWORD);
    }

    public static Api publisher(URL base) {
        return as(base, Deployments.PUBLISHER, Deployments.PUBLISHER_PASSWORD);
    }

    public static Api anonymous(URL base) {
        return anonymous(base, "api/");
    }

    /** No credentials, for a REST API at another path of the deployment, e.g. a DAM's own {@code rest/}. */
    public static Api anonymous(URL base, String apiPath) {
        return new Api(URI.create(base.toString().replaceFirst("/*$", "/") + apiPath), null);
    }

    public Reply get(String path) { return send("GET", path, (byte[]) null); }
    public Reply post(String path, String json) { return send("POST", path, json); }
    public Reply put(String path, String json) { return send("PUT", path, json); }
    public Reply delete(String path) { return send("DELETE", path, (byte[]) null); }

    public Reply send(String method, String path, String body) {
        return send(method, path, body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Sends raw bytes: for bodies that are not valid UTF-8, or too large to be a String comfortably. */
    public Reply send(String method, String path, byte[] body) {
        return send(method, path, body, body == null ? null : "application/json");
    }

    /** A request with a body of any media type ({@code contentType} null: no Content-Type header). */
    public Reply send(String method, String path, String body, String contentType) {
        return send(method, path, body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8), contentType);
    }

    private Reply send(String method, String path, byte[] body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                // as curl does for large bodies: a server refusing the size answers before the body is sent
                .expectContinue(body != null && body.length > 1024 * 1024);
        if (contentType != null) request.header("Content-Type", contentType);
        if (authorization != null) request.header("Authorization", authorization);
        try {
            return new Reply(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET of a path on the server's root, outside the application: {@code /openapi}, {@code /health/ready}. */
    public static Reply serverGet(URL base, String path, String accept) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.toString()).resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Accept", accept).GET().build();
        try {
            return new Reply(HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer: status, headers, body, and the body parsed as JSON on demand. */
    public record Reply(HttpResponse<String> response) {
        public int status() { return response.statusCode(); }
        public String body() { return response.body(); }
        public String header(String name) { return response.headers().firstValue(name).orElse(null); }
        /** The Content-Type without its parameters, e.g. {@code application/problem+json}. */
        public String mediaType() {
            String type = header("Content-Type");
            return type == null ? null : type.split(";")[0].trim();
        }
        public JsonObject json() { return (JsonObject) parse(); }
        public jakarta.json.JsonArray array() { return (jakarta.json.JsonArray) parse(); }
        private JsonStructure parse() {
            try (var reader = Json.createReader(new StringReader(response.body()))) {
                return reader.read();
            }
        }
        @Override
        public String toString() { return status() + " " + body(); }
    }
}
