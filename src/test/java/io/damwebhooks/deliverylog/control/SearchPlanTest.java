package io.damwebhooks.deliverylog.control;

import io.damwebhooks.delivery.outbox.OutboxRows;
import io.damwebhooks.platform.control.Schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.damwebhooks.delivery.entity.DeliveryStatus;
import io.damwebhooks.platform.entity.Ids;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The delivery search on a table of 50,000 deliveries in {@code mvn verify}, of 1,000,000 in the benchmark
 * ({@code bench/run -Dbench.measures=search} runs {@link #main} with {@code -Dsearch.rows=1000000}), on
 * both databases with the real schema: 30 days of five webhooks' deliveries, one asset with a hundredth.
 * Every filter combination that matters runs as {@link DeliverySearch} builds it, a page of 51 rows;
 * each must read an index (H2: in order, "index sorted", never a table scan; PostgreSQL: no Seq Scan)
 * and answer within 100 ms (the median of five runs). A webhook's deliveries of one status read their own
 * range of {@code delivery_webhook_state} (V9), in order on both: in this data the webhook asked for has
 * no failed and no pending deliveries at all, so any other index made the search read all the other
 * webhooks' failed (pending) rows, or its whole history, to answer an empty page.
 */
public class SearchPlanTest {

    static final int ROWS = Integer.getInteger("search.rows", 50_000);
    static final Instant END = Instant.parse("2026-11-29T10:00:00Z");
    static final Duration SPAN = Duration.ofDays(30);
    static final long LIMIT_MS = 100;
    static final String[] TYPES = {"asset.uploaded", "asset.uploaded", "asset.uploaded", "asset.uploaded",
            "asset.metadata_changed", "asset.metadata_changed", "asset.metadata_changed", "asset.moved", "asset.renamed",
            "asset.info_changed", "asset.tags_changed", "asset.labels_changed", "asset.deleted"};

    /** The index that some searches must read first (or only), by case name, on both pages. */
    static final Map<String, String> READS = Map.of(
            "a webhook's failed ones", "delivery_webhook_state",
            "a webhook's pending ones", "delivery_webhook_state");
    /**
     * The same on H2 only. An asset's failed deliveries join two tables (V10): PostgreSQL may instead hash
     * the asset's range with the failed range when it expects both to be small, and still answers within
     * the limit; H2 must read the asset's range in order and look each row up.
     */
    static final Map<String, String> READS_ON_H2 = Map.of("its failed ones", "delivery_search_asset");

    /** The benchmark's entry: both databases, at {@code -Dsearch.rows}. */
    public static void main(String[] args) throws Exception {
        SearchPlanTest test = new SearchPlanTest();
        test.onH2();
        test.onPostgreSql();
    }

    @Test
    void onH2() throws Exception {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:search;DB_CLOSE_DELAY=-1");
        check(h2, false);
    }

    @Test
    void onPostgreSql() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            check(postgres.getDatabase("postgres", "postgres", Map.of("reWriteBatchedInserts", "true")), true);
        }
    }

    private static void check(DataSource dataSource, boolean postgres) throws Exception {
        Schema.migrate(dataSource);
        long loading = System.nanoTime();
        String middleId = load(dataSource);
        System.out.printf("%s: %,d deliveries loaded in %.1f s%n", postgres ? "PostgreSQL" : "H2", ROWS, (System.nanoTime() - loading) / 1e9);
        Instant dayAgo = END.minus(Duration.ofDays(1));
        Instant middle = END.minus(SPAN.dividedBy(2));
        Map<String, SearchCriteria> cases = new LinkedHashMap<>();
        cases.put("no filter", criteria(null, null, null, null, null, null, null));
        cases.put("an asset", criteria("asset-4242", null, null, null, null, null, null));
        cases.put("the asset with a hundredth of them", criteria("asset-hot", null, null, null, null, null, null));
        cases.put("its failed ones", criteria("asset-hot", null, null, DeliveryStatus.failed, null, null, null));
        cases.put("its ones to one webhook", criteria("asset-hot", null, null, null, "wh_2", null, null));
        cases.put("its ones of a day", criteria("asset-hot", null, null, null, null, middle, middle.plus(Duration.ofDays(1))));
        cases.put("an asset never seen", criteria("asset-none", null, null, null, null, null, null));
        cases.put("an event", criteria(null, "evt_77777", null, null, null, null, null));
        cases.put("an event to one webhook", criteria(null, "evt_77777", null, null, "wh_3", null, null));
        cases.put("a webhook", criteria(null, null, null, null, "wh_1", null, null));
        cases.put("a webhook's failed ones", criteria(null, null, null, DeliveryStatus.failed, "wh_1", null, null));
        cases.put("a webhook's pending ones", criteria(null, null, null, DeliveryStatus.pending, "wh_1", null, null));
        cases.put("a webhook's succeeded ones", criteria(null, null, null, DeliveryStatus.succeeded, "wh_1", null, null));
        cases.put("a webhook's deletions", criteria(null, null, "asset.deleted", null, "wh_1", null, null));
        cases.put("a webhook's day, 15 days ago", criteria(null, null, null, null, "wh_1", middle, middle.plus(Duration.ofDays(1))));
        cases.put("failed ones", criteria(null, null, null, DeliveryStatus.failed, null, null, null));
        cases.put("pending ones", criteria(null, null, null, DeliveryStatus.pending, null, null, null));
        cases.put("succeeded ones", criteria(null, null, null, DeliveryStatus.succeeded, null, null, null));
        cases.put("failed ones of the last day", criteria(null, null, null, DeliveryStatus.failed, null, dayAgo, END));
        cases.put("an event type", criteria(null, null, "asset.deleted", null, null, null, null));
        cases.put("an event type, failed", criteria(null, null, "asset.labels_changed", DeliveryStatus.failed, null, null, null));
        cases.put("an hour, 15 days ago", criteria(null, null, null, null, null, middle, middle.plus(Duration.ofHours(1))));
        cases.put("a week, from 20 days ago", criteria(null, null, null, null, null, END.minus(Duration.ofDays(20)), END.minus(Duration.ofDays(13))));
        cases.put("since yesterday", criteria(null, null, null, null, null, dayAgo, null));
        List<String> slow = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            for (var entry : cases.entrySet()) {
                for (String before : new String[] {null, middleId}) { // the first page, and one deep in the log
                    String name = entry.getKey() + (before == null ? "" : ", a later page");
                    DeliverySearch.Clauses clauses = DeliverySearch.clauses(entry.getValue(), before);
                    String sql = clauses.sql() + " FETCH FIRST 51 ROWS ONLY";
                    String plan = plan(connection, (postgres ? "EXPLAIN " : "EXPLAIN ANALYZE ") + sql, clauses);
                    if (postgres) {
                        assertFalse(plan.contains("Seq Scan"), name + ": " + plan);
                        assertTrue(plan.contains("Index"), name + ": " + plan);
                    } else {
                        assertFalse(plan.contains("tableScan"), name + ": " + plan);
                        assertTrue(plan.contains("index sorted"), name + ": " + plan);
                    }
                    String index = READS.getOrDefault(entry.getKey(), postgres ? null : READS_ON_H2.get(entry.getKey()));
                    // (PostgreSQL may sort a range it expects to be small; it never reads more than the range)
                    if (index != null) assertTrue(index(plan).startsWith(index), name + " reads " + index + ": " + plan);
                    long[] millis = new long[5];
                    for (int i = 0; i < millis.length; i++) {
                        long start = System.nanoTime();
                        run(connection, sql, clauses);
                        millis[i] = (System.nanoTime() - start) / 1_000_000;
                    }
                    Arrays.sort(millis);
                    System.out.printf("| %s | %s | %d ms | %s |%n", postgres ? "PostgreSQL" : "H2", name, millis[2], index(plan));
                    if (millis[2] > LIMIT_MS) slow.add(name + " took " + millis[2] + " ms: " + plan);
                }
            }
        }
        assertEquals(List.of(), slow, "searches slower than " + LIMIT_MS + " ms");
    }

    /** The index a plan reads, for the benchmark's table. */
    private static String index(String plan) {
        Matcher m = Pattern.compile("(?i)(?:PUBLIC\\.|using |Index Scan on )(\\w+)").matcher(plan);
        List<String> names = new ArrayList<>();
        while (m.find()) if (!m.group(1).matches("(?i)DELIVERY(_SEARCH)?")) names.add(m.group(1).toLowerCase());
        return String.join(", ", names.stream().distinct().toList());
    }

    private static SearchCriteria criteria(String asset, String event, String type, DeliveryStatus status, String webhook,
                                           Instant from, Instant to) {
        return new SearchCriteria(asset, event, type, status, webhook, from, to);
    }

    private static PreparedStatement prepare(Connection connection, String sql, DeliverySearch.Clauses clauses) throws Exception {
        PreparedStatement statement = connection.prepareStatement(sql);
        clauses.bind(statement);
        return statement;
    }

    private static String plan(Connection connection, String sql, DeliverySearch.Clauses clauses) throws Exception {
        try (PreparedStatement explain = prepare(connection, sql, clauses); ResultSet rows = explain.executeQuery()) {
            StringBuilder plan = new StringBuilder();
            while (rows.next()) plan.append(rows.getString(1)).append('\n');
            return plan.toString();
        }
    }

    private static int run(Connection connection, String sql, DeliverySearch.Clauses clauses) throws Exception {
        try (PreparedStatement select = prepare(connection, sql, clauses); ResultSet rows = select.executeQuery()) {
            int count = 0;
            while (rows.next()) count++;
            return count;
        }
    }

    /**
     * Five webhooks; each event goes to all five; 30 days, oldest first; ids made at their createdAt as
     * the service makes them. One event in 100 is about "asset-hot" (10,000 deliveries), the others
     * about 100,000 assets; one delivery in 50 failed, one in 100 pending. Answers an id from the middle.
     */
    private static String load(DataSource dataSource) throws Exception {
        String middle = null;
        try (Connection c = dataSource.getConnection()) {
            for (int w = 0; w < 5; w++) Schema.webhook(c, "wh_" + w, true, END.minus(SPAN));
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO delivery (id, webhook_id, event_id, event_type,"
                    + " asset_uuid, status, attempt_count, next_attempt_at, last_status_code, created_at, updated_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)");
                 PreparedStatement search = c.prepareStatement(OutboxRows.SEARCH_COLUMNS)) {
                long step = SPAN.toMillis() / ROWS;
                Instant start = END.minus(SPAN);
                for (int i = 0; i < ROWS; i++) {
                    int event = i / 5;
                    Instant created = start.plusMillis(i * step);
                    String id = Ids.at("msg", created);
                    if (i == ROWS / 2) middle = id;
                    int hash = Math.floorMod(i * 31 + event * 17, 100);
                    String status = hash < 2 ? "failed" : hash == 2 ? "pending" : "succeeded";
                    insert.setString(1, id);
                    insert.setString(2, "wh_" + i % 5);
                    insert.setString(3, "evt_" + event);
                    insert.setString(4, TYPES[Math.floorMod(event * 7, TYPES.length)]);
                    insert.setString(5, event % 100 == 0 ? "asset-hot" : "asset-" + event % 100_000);
                    insert.setString(6, status);
                    insert.setObject(7, status.equals("pending") ? AttemptStats.utc(created.plusSeconds(60)) : null);
                    insert.setObject(8, status.equals("failed") ? Integer.valueOf(503) : status.equals("pending") ? null : Integer.valueOf(200));
                    insert.setObject(9, AttemptStats.utc(created));
                    insert.setObject(10, AttemptStats.utc(created));
                    insert.addBatch();
                    search.setString(1, id);
                    search.setString(2, "wh_" + i % 5);
                    search.setString(3, "evt_" + event);
                    search.setString(4, TYPES[Math.floorMod(event * 7, TYPES.length)]);
                    search.setString(5, event % 100 == 0 ? "asset-hot" : "asset-" + event % 100_000);
                    search.setObject(6, AttemptStats.utc(created));
                    search.addBatch();
                    if (i % 5000 == 4999) {
                        insert.executeBatch();
                        search.executeBatch();
                        c.commit();
                    }
                }
                insert.executeBatch();
                search.executeBatch();
                c.commit();
            }
            c.setAutoCommit(true);
            try (Statement analyze = c.createStatement()) {
                if (c.getMetaData().getDatabaseProductName().contains("H2")) {
                    analyze.execute("ANALYZE");
                } else {
                    analyze.execute("ANALYZE delivery");
                    analyze.execute("ANALYZE delivery_search");
                }
            }
        }
        return middle;
    }
}
