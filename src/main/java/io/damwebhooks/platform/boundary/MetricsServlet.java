package io.damwebhooks.platform.boundary;

import io.damwebhooks.platform.control.Metrics;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /dam-webhooks/metrics}: the application's metrics in the Prometheus text format, the
 * same on every server. Like the servers' own {@code /metrics}, it needs no credentials: it holds
 * counts, never a secret, an address or a name.
 */
@WebServlet("/metrics")
public class MetricsServlet extends HttpServlet {

    private static final PrometheusTextFormatWriter TEXT = PrometheusTextFormatWriter.create();

    @Inject
    Metrics metrics;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType(TEXT.getContentType());
        TEXT.write(response.getOutputStream(), metrics.registry().scrape());
    }
}
