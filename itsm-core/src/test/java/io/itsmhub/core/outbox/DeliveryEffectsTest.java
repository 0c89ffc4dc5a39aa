package io.itsmhub.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.itsmhub.core.support.ApiTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** A side effect recorded under its idempotency key is found by the redelivery, with or without the peer's answer. */
class DeliveryEffectsTest extends ApiTest {

    @Autowired DeliveryEffects effects;
    @Autowired TransactionTemplate tx;

    @Test
    void anEffectRecordedInTheCallersTransactionHappensOnce() {
        String key = UUID.randomUUID() + ":plan";
        assertThat((Boolean) tx.execute(status -> effects.firstTime(key))).isTrue();
        assertThat((Boolean) tx.execute(status -> effects.firstTime(key))).as("the redelivery plans nothing").isFalse();
        assertThat(effects.done(key)).as("recorded without an answer").hasValue("");
    }

    @Test
    void anEffectRecordedWithThePeersAnswerGivesItBack() {
        String key = UUID.randomUUID() + ":oa-submit";
        assertThat(effects.done(key)).isEmpty();
        effects.record(key, "OA-42");
        effects.record(key, "OA-43"); // a concurrent redelivery recording too changes nothing
        assertThat(effects.done(key)).hasValue("OA-42");
    }

    @Test
    void anEffectRolledBackWithItsTransactionWasNotDone() {
        String key = UUID.randomUUID() + ":plan";
        tx.executeWithoutResult(status -> {
            effects.firstTime(key);
            status.setRollbackOnly();
        });
        assertThat(effects.done(key)).isEmpty();
    }
}
