package io.damwebhooks.bench;

import io.damwebhooks.it.support.Api;
import io.damwebhooks.it.support.Deployments;
import io.damwebhooks.it.support.Poll;
import io.damwebhooks.it.support.ServiceProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark: boots the real service (Payara Micro with the built WAR, as a separate process), a
 * fast loopback receiver, and measures end-to-end throughput against the raw JDK HttpClient, latency at
 * a steady rate, a 100,000-delivery backlog, and isolation from a hanging receiver. Run by
 * {@code bench/run}; prints a Markdown table.
 */
public final class Benchmarks {

    static final int WEBHOOKS = 5;
    static final int EVENTS = Integer.getInteger("bench.events", 2000);
    static final int BACKLOG_EVENTS = Integer.getInteger("bench.backlog-events", 20_000);
    static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 16);
    /** Events sent, and not measured, before the end-to-end figure: the JIT compiles the hot paths first. */
    static final int WARMUP_EVENTS = Integer.getInteger("bench.warmup-events", 3000);
    /** Which measures to take: e2e, ordered, latency, isolation, backlog, scale (a second instance, PostgreSQL only); all by default. */
    static final String MEASURES = System.getProperty("bench.measures", "e2e,ordered,latency,isolation,backlog,scale");
    /** Assets the per-asset measure spreads its events over. */
    static final int ASSETS = Integer.getInteger("bench.assets", 100);
    /** Events per second of the latency measure (each to five webhooks). */
    static final int RATE = Integer.getInteger("bench.rate", 200);
    /**
     * The service's JVM options: the full JIT, as in production (the tests' processes stop at C1), then
     * any extra ones, space-separated (e.g. {@code -XX:StartFlightRecording=…} to profile).
     */
    static final List<String> SERVICE_OPTIONS = serviceOptions(System.getProperty("bench.service-options", ""));

    private static List<String> serviceOptions(String extra) {
        List<String> options = new ArrayList<>(List.of(ServiceProcess.FULL_JIT));
        if (!extra.isBlank()) options.addAll(List.of(extra.trim().split("\\s+")));
        return List.copyOf(options);
    }
    static final List<String> rows = new ArrayList<>() {
        @Override
        public boolean add(String row) {
            System.out.println(row); // as soon as it is measured: a long run can be stopped without losing it
            return super.add(row);
        }
    };

    /** PostgreSQL's own statistics (pg_stat_statements) while the PostgreSQL figures are taken; null on H2. */
    static javax.sql.DataSource statements;

    public static void main(String[] args) throws Exception {
        Path work = Files.createDirectories(Path.of("target", "bench"));
        String only = System.getProperty("bench.only", "h2,postgres");
        if (only.contains("h2")) {
            run("H2", Files.createTempDirectory(work, "h2-"), Map.of(), true);
        }
        if (only.contains("postgres")) {
            try (EmbeddedPostgres postgres = StatementTimes.start()) {
                statements = postgres.getPostgresDatabase();
                Map<String, String> db = Map.of("WEBHOOKS_DB_URL", postgres.getJdbcUrl("postgres", "postgres"),
                        "WEBHOOKS_DB_USER", "postgres", "WEBHOOKS_DB_PASSWORD", "postgres",
                        // one key for every instance: a second one reads the secrets the first one stored
                        "WEBHOOKS_SECRETS_KEY", key());
                run("PostgreSQL", Files.createTempDirectory(work, "pg-"), db, false);
                if (MEASURES.contains("backlog")) {
                    // a database of its own: the webhooks of the run above would take the backlog's events too
                    try (java.sql.Connection c = statements.getConnection(); java.sql.Statement create = c.createStatement()) {
                        create.execute("CREATE DATABASE backlog");
                    }
                    Map<String, String> own = new HashMap<>(db);
                    own.put("WEBHOOKS_DB_URL", postgres.getJdbcUrl("postgres", "backlog"));
                    backlog("PostgreSQL", Files.createTempDirectory(work, "pg-backlog-"), serviceEnvironment(own));
                }
            }
        }
        System.out.println("\n| database | measure | result |\n| --- | --- | --- |");
        rows.forEach(System.out::println);
    }

    static Map<String, String> serviceEnvironment(Map<String, String> db) {
        Map<String, String> env = new HashMap<>(db);
        env.put("WEBHOOKS_DELIVERY_ALLOW_HTTP", "true");
        env.put("WEBHOOKS_DELIVERY_ALLOW_PRIVATE_NETWORKS", "true");
        env.put("WEBHOOKS_DELIVERY_TIMEOUT", "3s");
        env.put("WEBHOOKS_DELIVERY_RETRY_DELAYS", String.join(",", java.util.Collections.nCopies(30, "1s")));
        return env;
    }

    static void run(String database, Path home, Map<String, String> db, boolean everything) throws Exception {
        Map<String, String> env = serviceEnvironment(db);
        try (BenchReceiver receiver = new BenchReceiver(0);
             ServiceProcess service = ServiceProcess.start(home, env, SERVICE_OPTIONS)) {
            Api admin = Api.admin(service.base());
            for (int i = 0; i < WEBHOOKS; i++) {
                Api.Reply created = admin.post("webhooks", webhook(receiver.port(), i));
                if (created.status() != 201) throw new IllegalStateException(created.toString());
            }
            URI events = URI.create(service.base() + "api/events");
            String publisher = Load.basic(Deployments.PUBLISHER, Deployments.PUBLISHER_PASSWORD);
            if (MEASURES.contains("e2e")) endToEnd(database, receiver, events, publisher, List.of(service.pid()), service.base());
            if (!everything && MEASURES.contains("scale")) {
                try (ServiceProcess second = ServiceProcess.start(home.resolve("second"), env, SERVICE_OPTIONS)) {
                    URI secondEvents = URI.create(second.base() + "api/events");
                    twoInstances(database, receiver, List.of(events, secondEvents), publisher, List.of(service.pid(), second.pid()));
                }
            }
            if (MEASURES.contains("ordered")) perAsset(database, receiver, events, publisher, admin);
            if (MEASURES.contains("latency")) latency(database, receiver, events, publisher);
            if (everything && MEASURES.contains("isolation")) isolation(database, receiver, events, publisher);
        }
        if (everything && MEASURES.contains("backlog")) backlog(database, Files.createTempDirectory(home.getParent(), "backlog-"), env);
    }

    static void endToEnd(String database, BenchReceiver receiver, URI events, String publisher, List<Long> pids, java.net.URL base) throws Exception {
        int warmup = WARMUP_EVENTS;
        Load.post(events, publisher, warmup, CONCURRENCY, i -> Events.body("warm-" + i));
        awaitTotal(receiver, (long) WEBHOOKS * warmup);
        String metricsBefore = Api.serverGet(base, "metrics", "text/plain").body();
        double ours = measured(database, receiver, pids, "end to end", () ->
                Load.post(events, publisher, EVENTS, CONCURRENCY, i -> Events.body("e2e-" + i)));
        String metricsAfter = Api.serverGet(base, "metrics", "text/plain").body();
        rows.add(String.format("| %s | end to end: taken by | hand-over %.0f, claims %.0f |", database,
                dispatched(metricsAfter, "handover") - dispatched(metricsBefore, "handover"),
                dispatched(metricsAfter, "claim") - dispatched(metricsBefore, "claim")));

        byte[] sample = Events.body("e2e-sample");  // the same size order as the bodies we sent
        URI direct = URI.create("http://127.0.0.1:" + receiver.port() + "/direct");
        Load.post(direct, null, WEBHOOKS * warmup, CONCURRENCY, i -> sample); // warmed up as ours was
        double jdkSeconds = Load.post(direct, null, WEBHOOKS * EVENTS, CONCURRENCY, i -> sample);
        double jdk = WEBHOOKS * EVENTS / jdkSeconds;
        rows.add(String.format("| %s | end to end: %d events x %d webhooks | %.0f deliveries/s; JDK HttpClient %.0f/s; ratio %.2f |",
                database, EVENTS, WEBHOOKS, ours, jdk, ours / jdk));
    }

    /** webhooks_delivery_dispatched_total for one way of taking deliveries, from Prometheus' text. */
    static double dispatched(String metrics, String via) {
        java.util.regex.Matcher value = java.util.regex.Pattern
                .compile("(?m)^webhooks_delivery_dispatched_total\\{via=\"" + via + "\"\\} (\\S+)").matcher(metrics);
        return value.find() ? Double.parseDouble(value.group(1)) : Double.NaN;
    }

    /** The end-to-end load split over two instances on one database (warmed up with a quarter of the usual warm-up each). */
    static void twoInstances(String database, BenchReceiver receiver, List<URI> events, String publisher, List<Long> pids) throws Exception {
        long warmed = receiver.total.get() + (long) WEBHOOKS * WARMUP_EVENTS / 4 * events.size();
        split(events, publisher, WARMUP_EVENTS / 4, "warm2-");
        awaitTotal(receiver, warmed);
        double ours = measured(database, receiver, pids, "two instances", () -> split(events, publisher, EVENTS / events.size(), "two-"));
        rows.add(String.format("| %s | end to end, two instances on one database: %d events x %d webhooks | %.0f deliveries/s |",
                database, EVENTS, WEBHOOKS, ours));
    }

    /** {@code count} events to each instance at once, half the concurrency each. */
    private static void split(List<URI> events, String publisher, int count, String prefix) {
        events.parallelStream().forEach(target -> Load.post(target, publisher, count, CONCURRENCY / events.size(),
                i -> Events.body(prefix + events.indexOf(target) + "-" + i)));
    }

    /**
     * Runs {@code load} and waits until every delivery it caused was received; answers deliveries per
     * second, and adds rows saying who used the CPU meanwhile and, on PostgreSQL, the database's own time.
     */
    static double measured(String database, BenchReceiver receiver, List<Long> pids, String what, Runnable load) throws Exception {
        if (statements != null) StatementTimes.reset(statements);
        CpuTimes cpu = CpuTimes.now(pids);
        long before = receiver.total.get();
        long start = System.nanoTime();
        load.run();
        awaitTotal(receiver, before + (long) WEBHOOKS * EVENTS);
        double seconds = (System.nanoTime() - start) / 1e9;
        rows.add("| " + database + " | " + what + ": CPU | " + CpuTimes.now(pids).since(cpu) + " |");
        if (statements != null) {
            for (String line : StatementTimes.perDelivery(statements, (long) WEBHOOKS * EVENTS)) {
                rows.add("| " + database + " | " + what + ": PostgreSQL | " + line + " |");
            }
        }
        return WEBHOOKS * EVENTS / seconds;
    }

    /**
     * The same five webhooks switched to per-asset ordering (and back), the same number of events, spread
     * over {@link #ASSETS} assets: each asset's deliveries go one at a time, so this is the throughput of
     * ordering next to the unordered figure of the same run.
     */
    static void perAsset(String database, BenchReceiver receiver, URI events, String publisher, Api admin) {
        switchOrdering(admin, "per-asset");
        long before = receiver.total.get();
        long start = System.nanoTime();
        Load.post(events, publisher, EVENTS, CONCURRENCY, i -> Events.body("ordered-" + i, "asset-" + (i % ASSETS)));
        awaitTotal(receiver, before + (long) WEBHOOKS * EVENTS);
        double seconds = (System.nanoTime() - start) / 1e9;
        switchOrdering(admin, "none");
        rows.add(String.format("| %s | per-asset ordering: %d events of %d assets x %d webhooks | %.0f deliveries/s |",
                database, EVENTS, ASSETS, WEBHOOKS, WEBHOOKS * EVENTS / seconds));
    }

    static void switchOrdering(Api admin, String ordering) {
        for (var webhook : admin.get("webhooks").array()) {
            var json = jakarta.json.Json.createObjectBuilder(webhook.asJsonObject()).add("ordering", ordering).build();
            Api.Reply changed = admin.put("webhooks/" + webhook.asJsonObject().getString("id"), json.toString());
            if (changed.status() != 200) throw new IllegalStateException(changed.toString());
        }
    }

    static void latency(String database, BenchReceiver receiver, URI events, String publisher) {
        Load load = new Load();
        int count = RATE * 15;
        long before = receiver.total.get();
        load.postAtRate(events, publisher, count, RATE, i -> "lat-" + i);
        awaitTotal(receiver, before + (long) WEBHOOKS * load.acceptedAt.size());
        Latencies latencies = new Latencies(load.acceptedAt, receiver.eventOf, receiver.arrivals);
        rows.add(String.format("| %s | latency at %d events/s (%d deliveries), accepted to received | p50 %.1f ms, p99 %.1f ms |",
                database, RATE, latencies.count(), latencies.percentileMillis(0.5), latencies.percentileMillis(0.99)));
        rows.add(String.format("| %s | latency: deliveries over %d ms, by quarter-second of the window | %s |",
                database, Latencies.SLOW_MS, latencies.slowTimeline()));
    }

    static void isolation(String database, BenchReceiver receiver, URI events, String publisher) {
        long[] healthy = perPathRate(receiver, events, publisher, "iso-a-");
        receiver.hangingPath = "/hook/4";
        long[] withHang = perPathRate(receiver, events, publisher, "iso-b-");
        double kept = (double) (withHang[0]) / healthy[0];
        rows.add(String.format("| %s | isolation: one of five receivers hangs | the other four keep %.0f %% of their throughput |",
                database, kept * 100));
    }

    /** Deliveries per second to the first four receivers while EVENTS events are posted. */
    static long[] perPathRate(BenchReceiver receiver, URI events, String publisher, String prefix) {
        long before = 0;
        for (int i = 0; i < 4; i++) before += receiver.count("/hook/" + i);
        long start = System.nanoTime();
        Load.post(events, publisher, EVENTS, CONCURRENCY, i -> Events.body(prefix + i));
        long target = before + 4L * EVENTS;
        Poll.until(Duration.ofMinutes(10), () -> {
            long sum = 0;
            for (int i = 0; i < 4; i++) sum += receiver.count("/hook/" + i);
            return sum;
        }, sum -> sum >= target, "four healthy receivers got every delivery");
        double seconds = (System.nanoTime() - start) / 1e9;
        return new long[]{Math.round(4L * EVENTS / seconds)};
    }

    static void backlog(String database, Path home, Map<String, String> env) throws Exception {
        BenchReceiver down = new BenchReceiver(0);
        int port = down.port();
        down.close(); // nothing listens: connections are refused
        try (ServiceProcess service = ServiceProcess.start(home, env, SERVICE_OPTIONS)) {
            Api admin = Api.admin(service.base());
            for (int i = 0; i < WEBHOOKS; i++) admin.post("webhooks", webhook(port, i));
            URI events = URI.create(service.base() + "api/events");
            String publisher = Load.basic(Deployments.PUBLISHER, Deployments.PUBLISHER_PASSWORD);
            long maxHeap = 0;
            for (int done = 0; done < BACKLOG_EVENTS; done += 1000) {
                int offset = done;
                Load.post(events, publisher, 1000, CONCURRENCY, i -> Events.body("backlog-" + (offset + i)));
                maxHeap = Math.max(maxHeap, service.usedHeapBytes());
            }
            try (BenchReceiver receiver = new BenchReceiver(port)) {
                long start = System.nanoTime();
                long expected = (long) WEBHOOKS * BACKLOG_EVENTS;
                while (receiver.total.get() < expected) {
                    maxHeap = Math.max(maxHeap, service.usedHeapBytes());
                    if (System.nanoTime() - start > Duration.ofMinutes(20).toNanos()) break;
                    Thread.sleep(500); // sampling the heap, not synchronising
                }
                long end = System.nanoTime();
                double seconds = (end - start) / 1e9;
                // the circuits opened while the receiver was down stay open up to webhooks.delivery.circuit-open
                // after it returns: that wait is the policy's, the rate from the first delivery is the drain's
                long first = receiver.arrivals.values().stream().mapToLong(Long::longValue).min().orElse(end);
                double draining = (end - first) / 1e9;
                rows.add(String.format("| %s | backlog: %d deliveries pending, receiver down, then up | %d drained in %.0f s (%.0f/s); the first after %.1f s (circuits open), then %.0f/s; max used heap %d MB (limit -Xmx512m) |",
                        database, expected, receiver.total.get(), seconds, receiver.total.get() / seconds,
                        (first - start) / 1e9, receiver.total.get() / draining, maxHeap >> 20));
            }
        }
    }

    static void awaitTotal(BenchReceiver receiver, long total) {
        Poll.until(Duration.ofMinutes(10), receiver.total::get, n -> n >= total, total + " deliveries received");
    }

    static String key() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }

    static String webhook(int port, int i) {
        return "{\"name\":\"bench " + i + "\",\"url\":\"http://127.0.0.1:" + port + "/hook/" + i + "\","
                + "\"triggers\":[{\"event\":\"asset.uploaded\"}],"
                + "\"fields\":[\"file.name\",\"file.size\",\"file.path\",\"file.mimeType\",\"file.cdnLink\",\"file.uuid\",\"image.width\",\"image.height\",\"meta.custom\"]}";
    }
}
