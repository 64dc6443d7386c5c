package io.damwebhooks.webhook.entity;

/**
 * An event that makes a webhook fire. {@code field} and {@code value} narrow
 * {@code asset.metadata_changed} to one metadata field and its new value; absent means any.
 */
public record Trigger(String event, String field, String value) { }
