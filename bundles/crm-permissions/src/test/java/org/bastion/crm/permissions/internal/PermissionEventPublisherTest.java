package org.bastion.crm.permissions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.bastion.crm.api.Caller;
import org.bastion.crm.api.permissions.PermissionEvents;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

class PermissionEventPublisherTest {

    private final PermissionEventPublisher publisher = new PermissionEventPublisher();

    @Test
    void eventsArePostedAsynchronouslyWithActorAndTimestampAndWithoutNullValues() {
        EventAdmin eventAdmin = mock(EventAdmin.class);
        publisher.eventAdmin = eventAdmin;
        Map<String, Object> properties = new HashMap<>();
        properties.put(PermissionEvents.TEAM, "north");
        properties.put(PermissionEvents.USER_ID, null);

        publisher.post(PermissionEvents.TEAM_CREATED, new Caller("u-1", "Ann", Set.of(), true), properties);

        ArgumentCaptor<Event> posted = ArgumentCaptor.forClass(Event.class);
        verify(eventAdmin).postEvent(posted.capture());
        verify(eventAdmin, never()).sendEvent(any());
        Event event = posted.getValue();
        assertThat(event.getTopic()).isEqualTo(PermissionEvents.TEAM_CREATED);
        assertThat(event.getProperty(PermissionEvents.TEAM)).isEqualTo("north");
        assertThat(event.getProperty(PermissionEvents.ACTOR)).isEqualTo("u-1");
        assertThat(event.getProperty(PermissionEvents.TIMESTAMP)).isInstanceOf(Long.class);
        assertThat(event.containsProperty(PermissionEvents.USER_ID)).isFalse();
    }

    @Test
    void withoutEventAdminNothingFails() {
        publisher.eventAdmin = null;

        publisher.post(PermissionEvents.TEAM_CREATED, Caller.SYSTEM, Map.of(PermissionEvents.TEAM, "north"));
    }
}
