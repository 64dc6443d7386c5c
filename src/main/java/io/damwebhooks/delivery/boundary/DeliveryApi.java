package io.damwebhooks.delivery.boundary;

import java.util.Set;

/** The REST resources that make deliveries: a test send and a recovery, for the application to list. */
public final class DeliveryApi {

    public static final Set<Class<?>> CLASSES = Set.of(WebhookTestResource.class, RecoveryResource.class);

    private DeliveryApi() { }
}
