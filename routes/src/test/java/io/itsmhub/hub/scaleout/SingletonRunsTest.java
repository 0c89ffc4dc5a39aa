package io.itsmhub.hub.scaleout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The several-hubs test's reading of singleton timer runs from the hubs' logs, on logs written here. */
class SingletonRunsTest {

    @TempDir
    Path dir;

    @Test
    void findsRunsOfOneTimerOnTwoHubsThatOverlapAndNothingElse() throws IOException {
        Path one = log("hub-1.log",
                "2026-12-07T20:00:00.000Z DEBUG [ticket=] 11 --- [itsm-hub] [timer] io.itsmhub.hub.leader : "
                        + "singleton-run name=sla-breach hub=11@vm start=1000 end=1100",
                "unrelated line",
                "x singleton-run name=sla-breach hub=11@vm start=1300 end=1400",
                "x singleton-run name=mail-intake hub=11@vm start=5000 end=5100");
        Path two = log("hub-2.log",
                // starts in the millisecond the other ended: that one logged its end before it let the lock go
                "x singleton-run name=sla-breach hub=22@vm start=1100 end=1200",
                // inside hub 1's second run: two leaders at once
                "x singleton-run name=sla-breach hub=22@vm start=1350 end=1500",
                // another timer at the same time is no conflict
                "x singleton-run name=mail-intake hub=22@vm start=1300 end=1400");

        SingletonRuns runs = SingletonRuns.parse(List.of(one, two));

        assertThat(runs.runs()).hasSize(6);
        assertThat(runs.summary()).containsEntry("sla-breach", "4 runs on 2 hubs").containsEntry("mail-intake", "2 runs on 2 hubs");
        assertThat(runs.overlaps()).singleElement().satisfies(o -> {
            assertThat(o.first().start()).isEqualTo(1300);
            assertThat(o.second().hub()).isEqualTo("22@vm");
            assertThat(o.toString()).contains("sla-breach").contains("hub-1.log").contains("hub-2.log");
        });
    }

    @Test
    void aHubOverlappingItselfIsNotTwoLeaders() throws IOException {
        Path restarted = log("hub-2.log", "x singleton-run name=sla-breach hub=22@vm start=1000 end=2000",
                "x singleton-run name=sla-breach hub=22@vm start=1500 end=1600");

        assertThat(SingletonRuns.parse(List.of(restarted)).overlaps()).isEmpty();
    }

    private Path log(String name, String... lines) throws IOException {
        return Files.write(dir.resolve(name), List.of(lines));
    }
}
