package io.damwebhooks.it.console;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Another site's pages, on a second port of this machine: one page per state-changing operation of the
 * service, each trying it the two ways a page may without the service's consent — a form POST that
 * submits itself (a top-level navigation), or a {@code no-cors} fetch with credentials (and a
 * {@code cors} one for PUT and DELETE, which the browser must preflight). A page's script sets
 * {@code window.attackDone} when its fetches are answered.
 */
final class AttackerSite implements AutoCloseable {

    /** An operation of the service: method, absolute URL, and a body for a text/plain form. */
    record Operation(String method, String url, String body) { }

    private final HttpServer server;
    private final List<Operation> operations;

    AttackerSite(List<Operation> operations) {
        this.operations = operations;
        try {
            server = HttpServer.create(new InetSocketAddress(0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String[] path = exchange.getRequestURI().getPath().split("/");
            int index = Integer.parseInt(path[path.length - 1]);
            boolean form = exchange.getRequestURI().getPath().startsWith("/form/");
            byte[] page = (form ? formPage(operations.get(index)) : fetchPage(operations.get(index))).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
    }

    int size() {
        return operations.size();
    }

    Operation operation(int index) {
        return operations.get(index);
    }

    /** The page that submits operation {@code index} as a form, on this site under {@code host}. */
    String formPage(String host, int index) {
        return "http://" + host + ":" + server.getAddress().getPort() + "/form/" + index;
    }

    /** The page that fetches operation {@code index}. */
    String fetchPage(String host, int index) {
        return "http://" + host + ":" + server.getAddress().getPort() + "/fetch/" + index;
    }

    private static String formPage(Operation operation) {
        // a form can only GET or POST: PUT and DELETE are left to the fetch pages
        String body = operation.body() == null ? "" : "<input type=hidden name='" + operation.body().replace("'", "&#39;") + "' value=''>";
        return "<!doctype html><form id=f method=post enctype=text/plain action='" + operation.url() + "'>" + body + "</form>"
                + "<script>document.getElementById('f').submit()</script>";
    }

    private static String fetchPage(Operation operation) {
        String mode = operation.method().equals("POST") ? "no-cors" : "cors";
        String body = operation.body() == null ? "undefined" : "'" + operation.body().replace("\\", "\\\\").replace("'", "\\'") + "'";
        return "<!doctype html><script>window.attackDone = null;"
                + "fetch('" + operation.url() + "', {method: '" + operation.method() + "', mode: '" + mode + "', credentials: 'include',"
                + " headers: {'Content-Type': 'text/plain'}, body: " + body + "})"
                + ".then(r => window.attackDone = 'answered ' + r.type, e => window.attackDone = 'failed ' + e);</script>";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
