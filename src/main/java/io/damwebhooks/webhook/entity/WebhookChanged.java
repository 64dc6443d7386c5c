package io.damwebhooks.webhook.entity;

/**
 * A CDI event: the webhook with this id was changed or deleted (observed after the commit), so that
 * whatever was kept for its former configuration — an OAuth2 access token — is dropped.
 */
public record WebhookChanged(String id) { }
