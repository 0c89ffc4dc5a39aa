package io.itsmhub.connectors.oa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OaDecisionTest {

    @Test
    void parsesADecisionAndIgnoresExtraFields() {
        OaDecision decision = OaDecision.parse("{\"approvalId\":\"APR-7\",\"decision\":\"APPROVED\",\"decidedBy\":\"bob\","
                + "\"comment\":\"同意，注意回滚\",\"nonce\":\"5f1c\",\"oaId\":\"OA-2024-0099\",\"decidedAt\":1700000000}");

        assertThat(decision).isEqualTo(new OaDecision("APR-7", "APPROVED", "bob", "同意，注意回滚", "5f1c"));
        assertThat(decision.approved()).isTrue();
    }

    @Test
    void commentAndNonceAreOptional() {
        OaDecision decision = OaDecision.parse("{\"approvalId\":\"APR-7\",\"decision\":\"REJECTED\",\"decidedBy\":\"bob\","
                + "\"comment\":null}");

        assertThat(decision.approved()).isFalse();
        assertThat(decision.comment()).isNull();
        assertThat(decision.nonce()).isNull();
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"approved", "APPROVE", "YES", "1", "", " APPROVED"})
    void anUnknownDecisionIsRefused(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> OaDecision.parse(
                "{\"approvalId\":\"APR-7\",\"decision\":\"" + value + "\",\"decidedBy\":\"bob\"}"))
                .withMessageContaining("unknown OA decision");
    }

    @ParameterizedTest(name = "[{index}] {0}.")
    @ValueSource(strings = {
            "{\"decision\":\"APPROVED\",\"decidedBy\":\"bob\"}",
            "{\"approvalId\":\" \",\"decision\":\"APPROVED\",\"decidedBy\":\"bob\"}",
            "{\"approvalId\":\"APR-7\",\"decidedBy\":\"bob\"}",
            "{\"approvalId\":\"APR-7\",\"decision\":\"APPROVED\"}",
            "{\"approvalId\":{\"id\":7},\"decision\":\"APPROVED\",\"decidedBy\":\"bob\"}",
            "[\"APR-7\",\"APPROVED\"]",
            "\"APPROVED\"",
            "{\"approvalId\":\"APR-7\",",
            ""})
    void anythingElseIsRefused(String json) {
        assertThatIllegalArgumentException().isThrownBy(() -> OaDecision.parse(json));
    }
}
