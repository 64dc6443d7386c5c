package io.damwebhooks.platform.control;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The application's own metric registry. The WAR brings its metrics library (the Prometheus Java
 * client) rather than using the server's: WildFly 38 has no MicroProfile Metrics, and Payara's and
 * Liberty's export names and units differently. Not the library's static default registry, so two
 * deployments in one server never share counts.
 */
@ApplicationScoped
public class Metrics {

    private final PrometheusRegistry registry = new PrometheusRegistry();

    public PrometheusRegistry registry() {
        return registry;
    }
}
