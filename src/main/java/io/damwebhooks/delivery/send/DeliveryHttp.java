package io.damwebhooks.delivery.send;

import io.damwebhooks.delivery.entity.Attempt;
import io.damwebhooks.platform.control.Durations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one HTTP client every delivery and token request goes through: pooled connections (reused
 * across deliveries), no redirects (a 3xx is a failure, as Standard Webhooks says), no automatic
 * retries (the retry policy decides), and the {@link GuardedDns} SSRF guard.
 * <p>
 * An attempt's deadline is Fault Tolerance's {@code @Timeout} on {@link Sender#send}, which interrupts
 * the sending thread. Blocking socket I/O ignores an interrupt, so the sockets here are made from NIO
 * channels: an interrupt closes the channel, which ends the exchange at once and closes the socket, also
 * for a receiver that trickles bytes. The per-read socket timeouts ({@code webhooks.delivery.timeout})
 * stay as a backstop for when Fault Tolerance is switched off ({@code MP_Fault_Tolerance_NonFallback_Enabled=false}).
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

    private CloseableHttpClient client;

    @PostConstruct
    void start() {
        Timeout limit = Timeout.of(Durations.parse("webhooks.delivery.timeout", timeoutText));
        PoolingHttpClientConnectionManager connections = new PoolingHttpClientConnectionManager(
                new DefaultHttpClientConnectionOperator(proxy -> SocketChannel.open().socket(), null,
                        new GuardedDns(allowPrivateNetworks),
                        RegistryBuilder.<TlsSocketStrategy>create()
                                .register(URIScheme.HTTPS.id, DefaultClientTlsStrategy.createDefault()).build()),
                PoolConcurrencyPolicy.STRICT, PoolReusePolicy.LIFO, TimeValue.NEG_ONE_MILLISECOND, null);
        connections.setMaxTotal(4 * DeliveryExecutors.MAX_SENDS);
        connections.setDefaultMaxPerRoute(DeliveryExecutors.MAX_SENDS);
        connections.setDefaultConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(limit).setSocketTimeout(limit).build());
        client = HttpClients.custom()
                .setConnectionManager(connections)
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

    /** Does nothing: calling it through the client proxy has the client built. */
    public void ready() {
    }

    /** Sends a delivery; keeps the first KiB of the answer. */
    public HttpAnswer exchange(HttpPost request) throws IOException {
        return exchange(request, Attempt.RESPONSE_BODY_LIMIT);
    }

    /** Sends the request; throws what kept it from an answer (an interrupt of this thread among them). */
    public HttpAnswer exchange(HttpPost request, int keep) throws IOException {
        ClassicHttpResponse response = null;
        try {
            response = client.executeOpen(null, request, null);
            Header retryAfter = response.getFirstHeader("Retry-After");
            return new HttpAnswer(response.getCode(), readHead(request, response.getEntity(), keep),
                    retryAfter == null ? null : retryAfter.getValue());
        } finally {
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
}
