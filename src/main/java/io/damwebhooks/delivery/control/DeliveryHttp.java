package io.damwebhooks.delivery.control;

import io.damwebhooks.platform.control.Durations;
import io.damwebhooks.delivery.entity.Attempt;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import java.util.concurrent.ScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.util.Timeout;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one HTTP client every delivery and token request goes through: pooled connections (reused
 * across deliveries), no redirects (a 3xx is a failure, as Standard Webhooks says), no automatic
 * retries (the retry policy decides), the {@link GuardedDns} SSRF guard, and a hard deadline per
 * attempt: the timer aborts the exchange, so a receiver that trickles bytes cannot hold a thread.
 * <p>
 * Why Apache HttpClient rather than {@code java.net.http}: on Java 17 the JDK client has no resolver
 * hook, and connecting it to a pre-checked address breaks the {@code Host} header (restricted) and TLS
 * host name verification. Here the resolver that checks is the one whose answer is connected to.
 */
@ApplicationScoped
public class DeliveryHttp {

    /** Read beyond the first KiB and thrown away, so the connection can be reused; longer answers close it. */
    static final int DISCARD_LIMIT = 64 * 1024;

    @Inject
    @ConfigProperty(name = "webhooks.delivery.timeout", defaultValue = "15s")
    String timeoutText;

    @Inject
    @ConfigProperty(name = "webhooks.delivery.allow-private-networks", defaultValue = "false")
    boolean allowPrivateNetworks;

    @Resource(lookup = DeliveryExecutors.TIMER)
    ScheduledExecutorService timer;

    private CloseableHttpClient client;
    private Duration timeout;

    @PostConstruct
    void start() {
        timeout = Durations.parse("webhooks.delivery.timeout", timeoutText);
        Timeout limit = Timeout.of(timeout);
        client = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new GuardedDns(allowPrivateNetworks))
                        .setMaxConnTotal(4 * DeliveryExecutors.MAX_SENDS)
                        .setMaxConnPerRoute(DeliveryExecutors.MAX_SENDS)
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(limit).setSocketTimeout(limit).build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(limit).setResponseTimeout(limit)
                        .setRedirectsEnabled(false).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .setUserAgent(Version.userAgent())
                .build();
    }

    @PreDestroy
    void stop() {
        client.close(org.apache.hc.core5.io.CloseMode.GRACEFUL);
    }

    public Duration timeout() {
        return timeout;
    }

    /** Sends a delivery, giving up at {@code deadline}; keeps the first KiB of the answer. */
    public HttpAnswer exchange(HttpPost request, Instant deadline) throws IOException {
        return exchange(request, deadline, Attempt.RESPONSE_BODY_LIMIT);
    }

    /** Sends the request, giving up at {@code deadline}; throws what kept it from an answer. */
    public HttpAnswer exchange(HttpPost request, Instant deadline, int keep) throws IOException {
        long remaining = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> cutOff = timer.schedule(() -> {
            expired.set(true);
            request.cancel();
        }, remaining, TimeUnit.MILLISECONDS);
        ClassicHttpResponse response = null;
        try {
            response = client.executeOpen(null, request, null);
            Header retryAfter = response.getFirstHeader("Retry-After");
            return new HttpAnswer(response.getCode(), readHead(request, response.getEntity(), keep),
                    retryAfter == null ? null : retryAfter.getValue());
        } catch (IOException | RuntimeException e) {
            if (expired.get()) throw new AttemptTimedOut(timeout);
            throw e;
        } finally {
            cutOff.cancel(false);
            closeQuietly(response);
        }
    }

    /** Closing an answer cut off on purpose complains about the abort; the answer is already read. */
    private static void closeQuietly(ClassicHttpResponse response) {
        if (response == null) return;
        try {
            response.close();
        } catch (IOException | RuntimeException ignored) {
            // the connection is gone either way
        }
    }

    private static String readHead(HttpPost request, HttpEntity entity, int keep) throws IOException {
        if (entity == null) return null;
        InputStream in = entity.getContent();
        byte[] head = in.readNBytes(keep);
        // the rest is read and dropped, never kept; reaching its end hands the connection back to the
        // pool, and an answer longer than that is cut off with its connection
        byte[] buffer = new byte[8192];
        long dropped = 0;
        for (int n; dropped <= DISCARD_LIMIT && (n = in.read(buffer)) >= 0; ) dropped += n;
        if (dropped > DISCARD_LIMIT) request.cancel();
        else in.close();
        // PostgreSQL text cannot hold NUL; a multi-byte character cut at the limit becomes U+FFFD
        return new String(head, StandardCharsets.UTF_8).replace("\u0000", "");
    }

    /** The attempt's deadline passed before an answer came. */
    public static class AttemptTimedOut extends IOException {
        AttemptTimedOut(Duration timeout) {
            super("timed out after " + timeout.toMillis() + " ms (webhooks.delivery.timeout)");
        }
    }
}
