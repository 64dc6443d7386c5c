package io.damwebhooks.webhook.boundary;

import java.util.Set;

/** The webhooks' REST resources, for the application to list. */
public final class WebhookApi {

    public static final Set<Class<?>> CLASSES = Set.of(WebhooksResource.class, TargetPolicyResource.class);

    private WebhookApi() { }
}
