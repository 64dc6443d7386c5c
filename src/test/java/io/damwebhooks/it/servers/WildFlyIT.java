package io.damwebhooks.it.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.damwebhooks.it.servers.neighbour.Neighbours;
import io.damwebhooks.it.support.Poll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The matrix's check on WildFly 38, and that the applications beside the service still log their users
 * in through WildFly's shared {@code other} domain after our set-up.
 */
class WildFlyIT extends ServerMatrix {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Override
    AppServer server() {
        return new WildFly(Generation.EE10);
    }

    /**
     * HTTP BASIC against the ApplicationRealm answers 200 with the user's password and 401 without it or with
     * a wrong one; the application with its own Jakarta Security mechanism gets the role from the realm
     * (which {@code integrated-jaspi=false} on {@code other}, our former set-up, took away: 403).
     */
    @Override
    void alsoOnThisServer(AppServer server) {
        String basic = "/" + Neighbours.BASIC + "/hello";
        // deployed at boot beside the service, but maybe a moment after it
        Poll.until(Duration.ofMinutes(1), () -> get(server, basic, null, null).statusCode(), status -> status != 404,
                Neighbours.BASIC + " deployed");
        assertEquals(401, get(server, basic, null, null).statusCode(), "no credentials");
        assertEquals(401, get(server, basic, "Authorization", basic(Neighbours.USER, "wrong-password")).statusCode(),
                "a wrong password");
        HttpResponse<String> loggedIn = get(server, basic, "Authorization", basic(Neighbours.USER, Neighbours.PASSWORD));
        assertEquals(200, loggedIn.statusCode(), loggedIn.body());
        assertEquals(Neighbours.USER + " true", loggedIn.body(), "the user, with the role the realm gives it");

        String header = "/" + Neighbours.TRUSTED_HEADER + "/hello";
        Poll.until(Duration.ofMinutes(1), () -> get(server, header, null, null).statusCode(), status -> status != 404,
                Neighbours.TRUSTED_HEADER + " deployed");
        assertEquals(401, get(server, header, null, null).statusCode(), "no caller");
        HttpResponse<String> known = get(server, header, Neighbours.HEADER, Neighbours.USER);
        assertEquals(200, known.statusCode(), "the realm's role for a caller named by the application's own mechanism: " + known.body());
        assertEquals(Neighbours.USER + " true", known.body());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> get(AppServer server, String path, String header, String value) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.httpPort() + path))
                .timeout(Duration.ofSeconds(30));
        if (header != null) request.header(header, value);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
