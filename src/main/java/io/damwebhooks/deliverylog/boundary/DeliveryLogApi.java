package io.damwebhooks.deliverylog.boundary;

import java.util.Set;

/** The delivery log's REST resources (search, detail and redelivery, statistics), for the application to list. */
public final class DeliveryLogApi {

    public static final Set<Class<?>> CLASSES = Set.of(DeliveriesResource.class, WebhookDeliveriesResource.class, WebhookStatsResource.class);

    private DeliveryLogApi() { }
}
