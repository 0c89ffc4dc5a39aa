package io.itsmhub.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.itsmhub.core.incident.IncidentEvents.IncidentResolved;
import org.junit.jupiter.api.Test;

/** Events are stored under stable names, and every stored event reads back into its record. */
class EventTypesTest {

    final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    final EventTypes types = new EventTypes(json);

    @Test
    void everyEventRecordOfTheRecordHasAUniqueStableName() {
        assertThat(types.all()).containsKeys("IncidentCreated", "IncidentResolved", "IncidentTransitioned",
                "RequestApproved", "RequestApprovalRequested", "ChangeScheduled", "ReleaseRequested",
                "NotificationRequested", "CommentAdded");
        assertThat(types.all().values()).allSatisfy(type -> assertThat(type.isRecord()).isTrue());
        assertThat(EventTypes.nameOf(IncidentResolved.class)).isEqualTo("IncidentResolved");
    }

    @Test
    void aStoredEventReadsBackIntoItsRecord() throws Exception {
        IncidentResolved resolved = new IncidentResolved("INC-000001", "fixed", "restarted", "alertmanager", "fp", "alice");
        assertThat(types.read("IncidentResolved", json.writeValueAsString(resolved))).isEqualTo(resolved);
    }
}
