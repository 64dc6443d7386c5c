package io.damwebhooks.it.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Metrics text read by Prometheus' own parser: the official Python client's
 * {@code text_string_to_metric_families} (Debian's {@code python3-prometheus-client}; .ci/run installs
 * it). Java has no maintained parser of the text format, and a hand-written one would agree with our
 * writer rather than with Prometheus.
 */
public final class PrometheusText {

    private static final String PARSE = String.join("\n",
            "import json, sys",
            "from prometheus_client.parser import text_string_to_metric_families",
            "out = [{'family': f.name, 'type': f.type, 'name': s.name, 'labels': s.labels, 'value': s.value}",
            "       for f in text_string_to_metric_families(sys.stdin.read()) for s in f.samples]",
            "print(json.dumps(out))");

    /** One sample with its family's type ({@code counter}, {@code gauge}, {@code histogram}, …). */
    public record Sample(String family, String type, String name, Map<String, String> labels, double value) { }

    private PrometheusText() { }

    public static List<Sample> parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (JsonNode sample : run(text)) {
            Map<String, String> labels = new LinkedHashMap<>();
            sample.get("labels").fields().forEachRemaining(label -> labels.put(label.getKey(), label.getValue().asText()));
            samples.add(new Sample(sample.get("family").asText(), sample.get("type").asText(), sample.get("name").asText(),
                    labels, sample.get("value").asDouble()));
        }
        return samples;
    }

    /** The value of the one sample with this name and these labels (among others); NaN when there is none. */
    public static double value(List<Sample> samples, String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
                .mapToDouble(Sample::value).findFirst().orElse(Double.NaN);
    }

    /** The cumulative count of a histogram's bucket whose upper bound is {@code le}, however the bound is spelt. */
    public static double bucket(List<Sample> samples, String histogram, double le) {
        return samples.stream().filter(s -> s.name().equals(histogram + "_bucket")
                && Double.parseDouble(s.labels().get("le")) == le).mapToDouble(Sample::value)
                .findFirst().orElseThrow(() -> new AssertionError("no bucket le=" + le + " of " + histogram + " in " + samples));
    }

    /** How much a sample grew from one scrape to the next (a sample absent before counts from 0). */
    public static double delta(List<Sample> before, List<Sample> after, String name, Map<String, String> labels) {
        double was = value(before, name, labels);
        return value(after, name, labels) - (Double.isNaN(was) ? 0 : was);
    }

    private static JsonNode run(String text) {
        try {
            Process python = new ProcessBuilder(python(), "-c", PARSE).redirectErrorStream(true).start();
            python.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
            python.getOutputStream().close();
            String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!python.waitFor(30, TimeUnit.SECONDS) || python.exitValue() != 0) {
                throw new IllegalStateException("Prometheus' parser refused the metrics: " + out + "\n" + text);
            }
            return new ObjectMapper().readTree(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Debian's python3 carries the Debian package; another python3 first on the PATH may not. */
    private static String python() {
        return java.nio.file.Files.isExecutable(java.nio.file.Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }
}
