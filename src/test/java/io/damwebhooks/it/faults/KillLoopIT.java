package io.damwebhooks.it.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.damwebhooks.it.support.Api;
import io.damwebhooks.it.support.AssetEvents;
import io.damwebhooks.it.support.LaneReceiver;
import io.damwebhooks.it.support.Deployments;
import io.damwebhooks.it.support.DurablePostgres;
import io.damwebhooks.it.support.EventStream;
import io.damwebhooks.it.support.Poll;
import io.damwebhooks.it.support.Receiver;
import io.damwebhooks.it.support.ServiceProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * kill -9 in a loop loses nothing. A steady stream of events (each posted until it is answered 202,
 * with its id, as a DAM retries); the service is killed with SIGKILL at a random moment and started
 * again on the same data and port, {@link #CYCLES} times. At the end every event answered 202 has
 * reached the receiver, and the duplicates stay within what was leased (in flight) at the kills.
 * Leases keep their default of 60 s: what was in flight must go out within 5 s of the restarted
 * service answering, which only the release of leases at start ({@code LeaseRecovery}) allows.
 * On H2 the URL is a plain {@code jdbc:h2:file:} one, as a new user writes it.
 * <p>
 * Through the first kills runs a second stream: 1,000 metadata changes of 50 assets, each asset's posted
 * one after another, to a per-asset webhook whose receiver answers at random slowly, 503 or 204
 * ({@link LaneReceiver}). Each asset's deliveries must arrive one at a time in acceptance order, and the
 * kill loop's own (unordered) webhook, which gets the same events, must get them all too.
 */
@Tag("slow")
class KillLoopIT {

    /** Three kills per database: six random moments per run, within what CI's 30 minutes allow (a start is ~18 s). */
    static final int CYCLES = 3;
    static final long RESEND_LIMIT_MS = 5_000;

    @Test
    void onAnH2FileWithAPlainUrlThenItsDiskFull() throws Exception {
        Path home = Deployments.freshHome();
        String url = "jdbc:h2:file:" + home.resolve("db").resolve("webhooks");
        // the H2 file on a filesystem of its own, where the machine lets us mount one (root): the disk-full case
        SmallDisk disk = SmallDisk.mount(home.resolve("db"));
        try {
            loop("H2", home, Map.of("WEBHOOKS_DB_URL", url), () -> {
                try (Connection connection = DriverManager.getConnection(url)) { // the process is dead: the file is free
                    return leased(connection);
                }
            }, disk == null ? null : (service, receiver) -> DiskFull.check(service, receiver, disk));
        } finally {
            if (disk != null) disk.close();
        }
        if (disk == null) System.out.println("kill loop on H2: no disk-full case, a filesystem could not be mounted here: " + SmallDisk.whyNot);
    }

    @Test
    void onPostgreSql() throws Exception {
        try (EmbeddedPostgres postgres = DurablePostgres.start()) {
            loop("PostgreSQL", Deployments.freshHome(), Map.of("WEBHOOKS_DB_URL", postgres.getJdbcUrl("postgres", "postgres"),
                    "WEBHOOKS_DB_USER", "postgres", "WEBHOOKS_DB_PASSWORD", "postgres"), () -> {
                try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
                    return leased(connection);
                }
            }, null);
        }
    }

    interface Leased {
        /** Per webhook id, its deliveries that are leased. */
        Map<String, Set<String>> read() throws Exception;
    }

    /** More to prove on the same service after the loop. */
    interface Then {
        void check(ServiceProcess service, Receiver receiver) throws Exception;
    }

    private void loop(String database, Path home, Map<String, String> db, Leased leasedAtKill, Then then) throws Exception {
        Map<String, String> environment = new HashMap<>(db);
        environment.put("WEBHOOKS_DELIVERY_ALLOW_HTTP", "true");
        environment.put("WEBHOOKS_DELIVERY_ALLOW_PRIVATE_NETWORKS", "true");
        // the per-asset webhook's receiver fails at random: retried soon, and its circuit not open for long
        environment.put("WEBHOOKS_DELIVERY_RETRY_DELAYS", "100ms,200ms,300ms,500ms,500ms,500ms,500ms");
        environment.put("WEBHOOKS_DELIVERY_CIRCUIT_OPEN", "1s");
        try (Receiver receiver = new Receiver(20); // the receiver's own work: deliveries are in flight when the kill comes
             LaneReceiver lanes = new LaneReceiver()) {
            ServiceProcess service = ServiceProcess.start(home, environment);
            EventStream stream = null;
            AssetEvents ordered = null;
            try {
                Api.Reply created = Api.admin(service.base()).post("webhooks", """
                        {"name": "kill loop", "url": "%s", "triggers": [{"event": "asset.uploaded"}, {"event": "asset.metadata_changed"}]}"""
                        .formatted(receiver.url("/hook")));
                assertEquals(201, created.status(), created.toString());
                String webhookId = created.json().getString("id");
                Api.Reply perAsset = Api.admin(service.base()).post("webhooks", """
                        {"name": "per asset", "url": "%s", "ordering": "per-asset", "triggers": [{"event": "asset.metadata_changed"}]}"""
                        .formatted(lanes.url("/ordered")));
                assertEquals(201, perAsset.status(), perAsset.toString());
                stream = new EventStream(Api.publisher(service.base()), "kill");
                ordered = new AssetEvents(List.of(Api.publisher(service.base())), "kill", 50, 20, 10, 30);
                int inFlightAtKills = 0;
                List<String> report = new ArrayList<>();
                for (int cycle = 1; cycle <= CYCLES; cycle++) {
                    int before = receiver.eventIds.size();
                    Poll.until(Duration.ofMinutes(2), receiver.eventIds::size, n -> n >= before + 20, "the stream flowing (cycle " + cycle + ")");
                    int accepted = stream.accepted.size();
                    int more = ThreadLocalRandom.current().nextInt(1, 60); // a random moment
                    Poll.until(Duration.ofMinutes(1), stream.accepted::size, n -> n >= accepted + more, "more events accepted");
                    service.kill();
                    long killedAt = System.nanoTime();
                    Map<String, Set<String>> leased = leasedAtKill.read();
                    Set<String> inFlight = leased.getOrDefault(webhookId, Set.of());
                    int leasedCount = leased.values().stream().mapToInt(Set::size).sum();
                    inFlightAtKills += inFlight.size();

                    service = service.restart();
                    long answering = System.nanoTime();
                    Map<String, Long> resentAt = Poll.until(Duration.ofSeconds(50), () -> resent(receiver, inFlight, killedAt),
                            times -> times.size() == inFlight.size(), "what was in flight at the kill sent again (cycle " + cycle + ")");
                    long first = resentAt.values().stream().mapToLong(t -> t).min().orElse(answering);
                    long last = resentAt.values().stream().mapToLong(t -> t).max().orElse(answering);
                    report.add("cycle %d: %d in flight at the kill; restart answering -> first resend %d ms, all resent %d ms"
                            .formatted(cycle, inFlight.size(), (first - answering) / 1_000_000, (last - answering) / 1_000_000));
                    assertTrue(last - answering <= RESEND_LIMIT_MS * 1_000_000, report.get(report.size() - 1));
                    assertTrue(Files.readString(service.log()).contains("Released " + leasedCount + " leases"),
                            "the restart released exactly the leases of the killed run (" + leasedCount + "); see " + service.log());
                }
                stream.close();
                Set<String> accepted = stream.accepted;
                Poll.until(Duration.ofMinutes(2), () -> receiver.eventIds.containsAll(accepted), all -> all,
                        "every event answered 202 reached the receiver");
                report.forEach(line -> System.out.println("kill loop on " + database + ": " + line));
                System.out.printf("kill loop on %s: %d events accepted, %d received, %d duplicates, %d in flight at the kills%n",
                        database, accepted.size(), receiver.eventIds.size(), receiver.duplicates(), inFlightAtKills);
                assertTrue(receiver.duplicates() <= inFlightAtKills,
                        receiver.duplicates() + " duplicates, but only " + inFlightAtKills + " deliveries were in flight at the kills");
                checkOrder(database, ordered, lanes, receiver);
                if (then != null) then.check(service, receiver);
            } finally {
                if (stream != null) stream.close();
                if (ordered != null) ordered.close();
                service.close();
            }
        }
    }

    /** Every ordered event delivered, each asset's one at a time in acceptance order; the unordered webhook has them all. */
    private static void checkOrder(String database, AssetEvents ordered, LaneReceiver lanes, Receiver unordered) {
        Poll.until(Duration.ofMinutes(2), ordered::finished, done -> done, "the 1,000 ordered events accepted");
        Poll.until(Duration.ofMinutes(3), () -> lanes.succeeded.containsAll(ordered.accepted), all -> all, "every ordered event delivered");
        Poll.until(Duration.ofMinutes(1), () -> unordered.eventIds.containsAll(ordered.accepted), all -> all,
                "the unordered webhook has every ordered event too");
        System.out.printf("kill loop on %s: per-asset webhook: %d events of 50 assets, %d requests%n",
                database, ordered.accepted.size(), lanes.requests.get());
        assertEquals(1000, ordered.accepted.size());
        assertEquals(List.of(), lanes.orderProblems(ordered.acceptedPerAsset), "each asset's deliveries one at a time, in acceptance order");
    }

    /** When each in-flight delivery arrived after the kill, for those that have. */
    private static Map<String, Long> resent(Receiver receiver, Set<String> inFlight, long killedAt) {
        Map<String, Long> times = new HashMap<>();
        for (String id : inFlight) {
            Long at = receiver.lastSeenAt.get(id);
            if (at != null && at > killedAt) times.put(id, at);
        }
        return times;
    }

    /** Deliveries claimed and not finished, per webhook: what a kill can make the service send twice. */
    private static Map<String, Set<String>> leased(Connection connection) throws Exception {
        Map<String, Set<String>> ids = new HashMap<>();
        try (ResultSet rows = connection.createStatement().executeQuery(
                "SELECT webhook_id, id FROM delivery WHERE status = 'pending' AND lease_until IS NOT NULL")) {
            while (rows.next()) ids.computeIfAbsent(rows.getString(1), w -> new java.util.HashSet<>()).add(rows.getString(2));
        }
        return ids;
    }
}
