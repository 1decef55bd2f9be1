package org.bastion.crm.api.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.util.UUID;

import org.bastion.crm.api.Caller;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

class RecordEventsTest {

    private static final Caller ADA = new Caller("u-ada", "Ada", java.util.Set.of(), true);

    @Test
    void topicsFollowTheSchemeOfTheCrmRoot() {
        String prefix = RecordEvents.topicPrefix("deals");
        assertThat(prefix).isEqualTo("org/bastion/crm/deals/");
        assertThat(RecordEvents.topic(prefix, RecordEvents.CREATED)).isEqualTo("org/bastion/crm/deals/CREATED");
        assertThat(RecordEvents.allTopics(prefix)).isEqualTo("org/bastion/crm/deals/*");
    }

    @Test
    void refusesARecordsNameThatIsNotOneTopicToken() {
        assertThatThrownBy(() -> RecordEvents.topicPrefix("deals/*")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RecordEvents.topicPrefix("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void postsAnEventWithTheRecordIdAndTheCallerIdOnly() {
        EventAdmin eventAdmin = mock(EventAdmin.class);
        UUID id = UUID.randomUUID();

        RecordEvents.post(eventAdmin, "org/bastion/crm/contacts/", RecordEvents.DELETED, id, ADA);

        ArgumentCaptor<Event> posted = ArgumentCaptor.forClass(Event.class);
        verify(eventAdmin).postEvent(posted.capture());
        Event event = posted.getValue();
        assertThat(event.getTopic()).isEqualTo("org/bastion/crm/contacts/DELETED");
        assertThat(event.getProperty(RecordEvents.PROPERTY_ID)).isEqualTo(id.toString());
        assertThat(event.getProperty(RecordEvents.PROPERTY_CALLER)).isEqualTo("u-ada");
        assertThat(event.getPropertyNames()).containsExactlyInAnyOrder("id", "caller", "event.topics");
    }

    @Test
    void postingWithoutAnEventAdminDoesNothing() {
        RecordEvents.post(null, "org/bastion/crm/contacts/", RecordEvents.CREATED, UUID.randomUUID(), ADA);
    }
}
