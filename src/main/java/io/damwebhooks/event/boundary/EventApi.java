package io.damwebhooks.event.boundary;

import java.util.Set;

/** The events' REST resources (intake, event types), for the application to list. */
public final class EventApi {

    public static final Set<Class<?>> CLASSES = Set.of(EventsResource.class, EventTypesResource.class);

    private EventApi() { }
}
