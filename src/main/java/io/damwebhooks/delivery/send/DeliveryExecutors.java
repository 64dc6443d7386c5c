package io.damwebhooks.delivery.send;

import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The threads deliveries run on, defined by the application itself so the WAR deploys on a bare
 * server. {@link #MAX_SENDS} attempts run at once; the timer wakes the dispatcher (an attempt's
 * deadline is Fault Tolerance's {@code @Timeout} on {@link Sender#send}).
 */
@ApplicationScoped
@ManagedExecutorDefinition(name = DeliveryExecutors.SENDERS, maxAsync = DeliveryExecutors.MAX_SENDS)
@ManagedScheduledExecutorDefinition(name = DeliveryExecutors.TIMER, maxAsync = 2)
public class DeliveryExecutors {

    public static final String SENDERS = "java:app/concurrent/webhooks-delivery";
    public static final String TIMER = "java:app/concurrent/webhooks-delivery-timer";
    public static final int MAX_SENDS = 32;
}
