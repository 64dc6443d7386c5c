package io.damwebhooks.platform.control;

/** One broken rule of the input: which field ({@code auth.password}, {@code headers[2].name}) and why. */
public record FieldError(String field, String message) { }
