package io.itsmhub.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class WorkflowTest {

    enum Light { RED, GREEN, BROKEN }

    private final Workflow<Light> lights = Workflow.of("light", Light.class)
            .transition("go", Light.GREEN, Light.RED)
            .transition("stop", Light.RED, Light.GREEN)
            .transition("break", Light.BROKEN, Light.RED, Light.GREEN)
            .build();

    @Test
    void anAllowedTransitionNamesItsTarget() {
        assertThat(lights.check("go", Light.RED, "L-1").to()).isEqualTo(Light.GREEN);
    }

    @Test
    void aRefusedTransitionSaysWhatIsAllowedInstead() {
        assertThatThrownBy(() -> lights.check("go", Light.GREEN, "L-1"))
                .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                    assertThat(e.allowedActions()).containsExactly("stop", "break");
                    assertThat(e.getMessage()).isEqualTo("light L-1 is GREEN: 'go' is not allowed (allowed: stop, break)");
                });
        assertThatThrownBy(() -> lights.check("fly", Light.RED, "L-1")).isInstanceOf(IllegalTransitionException.class);
        assertThat(lights.allowedFrom(Light.BROKEN)).isEmpty();
    }
}
