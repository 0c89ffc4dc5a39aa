package io.itsmhub.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.itsmhub.core.people.PeopleService;
import io.itsmhub.core.support.TestInfrastructure;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/** Without HUB_ADMIN_PASSWORD, the first start generates the admin's password, prints it once and stores a hash. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(properties = {"hub.admin.password=", "spring.datasource.url=jdbc:h2:mem:bootstrap;DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc
@Import(TestInfrastructure.class)
class AdminBootstrapTest {

    private static final Pattern GENERATED = Pattern.compile("bootstrap administrator 'admin': (\\S+)");

    @Autowired MockMvc mvc;
    @Autowired PeopleService people;
    @Autowired AdminBootstrap bootstrap;

    @Test
    void theGeneratedPasswordIsPrintedOnceStoredHashedAndLogsIn(CapturedOutput output) throws Exception {
        Matcher printed = GENERATED.matcher(output.getAll());
        assertThat(printed.find()).as("the first start prints the generated password").isTrue();
        String password = printed.group(1);

        assertThat(people.find("admin").orElseThrow().getPasswordHash()).startsWith("{bcrypt}").doesNotContain(password);
        mvc.perform(get("/api/v1/users").with(httpBasic("admin", password))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/users").with(httpBasic("admin", "guess"))).andExpect(status().isUnauthorized());

        bootstrap.run(new DefaultApplicationArguments()); // a restart on the same database
        assertThat(GENERATED.matcher(output.getAll()).results().count()).as("printed only once").isEqualTo(1);
        mvc.perform(get("/api/v1/users").with(httpBasic("admin", password))).andExpect(status().isOk());
    }
}
