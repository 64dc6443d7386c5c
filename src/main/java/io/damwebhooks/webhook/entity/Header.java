package io.damwebhooks.webhook.entity;

/** A custom header sent with every delivery of a webhook. */
public record Header(String name, String value) { }
