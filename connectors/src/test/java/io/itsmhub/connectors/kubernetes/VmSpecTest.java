package io.itsmhub.connectors.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VmSpecTest {

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "REQ-000012-1", "req_000012", "-req-1", "req-1-", "req.1",
            "a234567890123456789012345678901234567890123456789012345678901234"})
    void namesMustBeDnsLabels(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> VmSpec.of(name, "REQ-000012", 2, 4, 20, "debian-12"))
                .withMessageContaining("DNS-1123");
    }

    @Test
    void aNameOf63CharactersIsFine() {
        String name = "r" + "0".repeat(62);

        assertThat(VmSpec.of(name, "REQ-000012", 2, 4, 20, "debian-12").name()).hasSize(63);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "REQ 12", "REQ-000012-", "REQ/12"})
    void theRequestMustBeALabelValue(String request) {
        assertThatIllegalArgumentException().isThrownBy(() -> VmSpec.of("req-1", request, 2, 4, 20, "debian-12"))
                .withMessageContaining("request");
    }

    @Test
    void sizesMustBePositiveAndAnImageChosen() {
        assertThatIllegalArgumentException().isThrownBy(() -> VmSpec.of("req-1", "REQ-1", 0, 4, 20, "debian-12"))
                .withMessageContaining("cpu");
        assertThatIllegalArgumentException().isThrownBy(() -> VmSpec.of("req-1", "REQ-1", 2, 0, 20, "debian-12"))
                .withMessageContaining("memoryGi");
        assertThatIllegalArgumentException().isThrownBy(() -> VmSpec.of("req-1", "REQ-1", 2, 4, -1, "debian-12"))
                .withMessageContaining("diskGi");
        assertThatIllegalArgumentException().isThrownBy(() -> VmSpec.of("req-1", "REQ-1", 2, 4, 20, " "))
                .withMessageContaining("image");
    }

    @Test
    void extraLabelsAreCheckedAndCannotTakeOverTheHubsOwn() {
        assertThat(new VmSpec("req-1", "REQ-1", 2, 4, 20, "debian-12", Map.of("example.com/team", "payments"))
                .labels()).containsEntry("example.com/team", "payments");
        assertThatIllegalArgumentException().isThrownBy(() -> new VmSpec("req-1", "REQ-1", 2, 4, 20, "debian-12",
                Map.of("itsm-hub/request", "REQ-2"))).withMessageContaining("hub's own");
        assertThatIllegalArgumentException().isThrownBy(() -> new VmSpec("req-1", "REQ-1", 2, 4, 20, "debian-12",
                Map.of("team", "pay ments"))).withMessageContaining("team");
        assertThatIllegalArgumentException().isThrownBy(() -> new VmSpec("req-1", "REQ-1", 2, 4, 20, "debian-12",
                Map.of("Bad_Prefix/x", "y"))).withMessageContaining("Bad_Prefix/x");
    }
}
