package io.itsmhub.core.cmdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import io.itsmhub.core.support.ApiTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CmdbApiTest extends ApiTest {

    @Test
    void whatDependsOnACiIsAnsweredTransitivelyEvenThroughACycle() throws Exception {
        String tag = Long.toString(System.nanoTime(), 36);
        String cluster = ci("cluster-" + tag, "CLUSTER");
        String vm = ci("vm-" + tag, "VM");
        String app = ci("app-" + tag, "APPLICATION");
        String service = ci("svc-" + tag, "SERVICE");
        String peer = ci("peer-" + tag, "APPLICATION");
        relate(vm, "HOSTED_ON", cluster);
        relate(app, "RUNS_ON", vm);
        relate(service, "DEPENDS_ON", app);
        relate(app, "CONNECTS_TO", peer);
        relate(peer, "DEPENDS_ON", app); // a cycle: app ↔ peer

        JsonNode dependents = body(getAs("alice", "/api/v1/cis/" + cluster + "/dependents").andExpect(status().isOk()));
        assertThat(dependents.findValuesAsText("number")).containsExactlyInAnyOrder(vm, app, service, peer);
        JsonNode dependencies = body(getAs("alice", "/api/v1/cis/" + service + "/dependencies"));
        assertThat(dependencies.findValuesAsText("number")).containsExactlyInAnyOrder(app, vm, cluster, peer);
        JsonNode ofPeer = body(getAs("alice", "/api/v1/cis/" + peer + "/dependents"));
        assertThat(ofPeer.findValuesAsText("number")).containsExactlyInAnyOrder(app, service);
    }

    @Test
    void attributeChangesAreJournaledAndBadInputIsRefused() throws Exception {
        String tag = Long.toString(System.nanoTime(), 36);
        String app = ci("api-" + tag, "APPLICATION");
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("version", "2.4.0");
        patchAs("alice", "/api/v1/cis/" + app, Map.of("attributes", attributes, "lifecycle", "MAINTENANCE"))
                .andExpect(jsonPath("$.attributes.version").value("2.4.0"))
                .andExpect(jsonPath("$.lifecycle").value("MAINTENANCE"));
        JsonNode journal = body(getAs("alice", "/api/v1/cis/" + app + "/journal"));
        assertThat(journal.findValuesAsText("field")).contains("attributes.version", "lifecycle");

        postAs("alice", "/api/v1/cis", Map.of("name", "api-" + tag, "ciClass", "APPLICATION"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("name"));
        postAs("alice", "/api/v1/cis", Map.of("name", "x-" + tag, "ciClass", "TOASTER"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("ciClass"));
        postAs("alice", "/api/v1/cis/" + app + "/relations", Map.of("type", "RUNS_ON", "target", app))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("target"));
        postAs("rita", "/api/v1/cis", Map.of("name", "y-" + tag, "ciClass", "VM")).andExpect(status().isForbidden());
    }

    private String ci(String name, String ciClass) throws Exception {
        return body(postAs("alice", "/api/v1/cis", Map.of("name", name, "ciClass", ciClass)).andExpect(status().isCreated()))
                .get("number").asText();
    }

    private void relate(String source, String type, String target) throws Exception {
        postAs("alice", "/api/v1/cis/" + source + "/relations", Map.of("type", type, "target", target))
                .andExpect(status().isCreated());
    }
}
