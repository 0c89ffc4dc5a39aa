package io.itsmhub.core.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.itsmhub.core.support.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * One context for the account tests: a directory, small throttle limits, and each test calling from an address of
 * its own (RFC 5737 documentation addresses, only ever a field of the mock request) so that the per-address counts
 * of one test, or of other test classes on the same database, never reach another.
 */
@Import(FakeDirectory.Config.class)
@TestPropertySource(properties = {"hub.ldap.group-roles.itsm-agents=agent",
        "hub.security.login-throttle.max-failures-per-account=3",
        "hub.security.login-throttle.max-failures-per-address=6",
        "hub.security.login-throttle.window=PT10M"})
abstract class AccountsApiTestSupport extends ApiTest {

    static final String ADMIN_PASSWORD = "admin-test-pw";

    @Autowired FakeDirectory directory;

    ResultActions whoami(String user, String password, String address) throws Exception {
        return mvc.perform(from(get("/api/v1/whoami").with(httpBasic(user, password)), address));
    }

    ResultActions asAdmin(MockHttpServletRequestBuilder request, String address) throws Exception {
        return mvc.perform(from(request.with(httpBasic("admin", ADMIN_PASSWORD)), address));
    }

    ResultActions adminPost(String url, String address) throws Exception {
        return asAdmin(post(url), address);
    }

    static MockHttpServletRequestBuilder from(MockHttpServletRequestBuilder request, String address) {
        return request.with(r -> {
            r.setRemoteAddr(address);
            return r;
        });
    }
}
