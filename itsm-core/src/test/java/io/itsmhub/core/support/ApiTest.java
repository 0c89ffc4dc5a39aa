package io.itsmhub.core.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.itsmhub.core.people.PeopleService;
import io.itsmhub.core.people.PersonForm;
import io.itsmhub.core.people.Role;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Base of the API tests: the whole core behind MockMvc, real HTTP Basic against the people table, and a
 * few users with the hub's roles. Runs on H2, and again on PostgreSQL in the build's second test pass.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(TestInfrastructure.class)
public abstract class ApiTest {

    protected static final String PASSWORD = "test-password-1";

    @Autowired protected MockMvc mvc;
    @Autowired protected ObjectMapper json;
    @Autowired protected PeopleService people;
    @Autowired protected MutableClock clock;

    @BeforeEach
    void users() {
        if (people.find("alice").isPresent()) {
            return;
        }
        people.saveGroup("service-desk", "first line", null);
        people.saveGroup("platform", "platform team", null);
        user("mike", null, Set.of(Role.AGENT, Role.REQUESTER), Set.of("platform"));
        user("rita", "mike", Set.of(Role.REQUESTER), Set.of());
        user("rick", "mike", Set.of(Role.REQUESTER), Set.of());
        user("alice", "mike", Set.of(Role.AGENT), Set.of("service-desk", "platform"));
        user("carol", "mike", Set.of(Role.CHANGE_MANAGER), Set.of());
        user("rob", "mike", Set.of(Role.RELEASE_MANAGER), Set.of());
        // a second change manager: templates and changes need one other than their author (issue 12 split dave's
        // change-manager and release-manager roles; holding both needs hub.roles.allow-combined-manager-roles)
        user("dave", "mike", Set.of(Role.CHANGE_MANAGER), Set.of());
    }

    private void user(String name, String manager, Set<Role> roles, Set<String> groups) {
        people.save(new PersonForm(name, name.toUpperCase(), name + "@example.com", null, manager, PASSWORD, roles, groups));
    }

    protected ResultActions postAs(String user, String url, Object body) throws Exception {
        var request = post(url).with(httpBasic(user, PASSWORD));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body instanceof String s ? s : json.writeValueAsString(body));
        }
        return mvc.perform(request);
    }

    protected ResultActions patchAs(String user, String url, Object body) throws Exception {
        return mvc.perform(patch(url).with(httpBasic(user, PASSWORD)).contentType(MediaType.APPLICATION_JSON)
                .content(body instanceof String s ? s : json.writeValueAsString(body)));
    }

    protected ResultActions getAs(String user, String url) throws Exception {
        return mvc.perform(get(url).with(httpBasic(user, PASSWORD)));
    }

    protected JsonNode body(ResultActions actions) throws Exception {
        MvcResult result = actions.andReturn();
        return json.readTree(result.getResponse().getContentAsString());
    }

}
