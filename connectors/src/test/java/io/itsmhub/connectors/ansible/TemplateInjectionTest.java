package io.itsmhub.connectors.ansible;

import static io.itsmhub.connectors.ansible.AnsibleTestSupport.LOCALHOST;
import static io.itsmhub.connectors.ansible.AnsibleTestSupport.scratchVariables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Request values reach Ansible as data: Jinja in them is written out literally, never evaluated. Real
 * ansible-playbook runs; a lookup that would run a command would leave a canary file behind.
 */
class TemplateInjectionTest {

    @TempDir
    Path root;

    @BeforeAll
    static void ansibleIsInstalled() {
        assumeTrue(AnsibleTestSupport.installed(), "ansible-playbook is not installed");
    }

    @Test
    void jinjaInARequestValueIsWrittenLiterallyAndNeverRuns() throws IOException {
        Path canary = root.resolve("pwned");
        String lookup = "{{ lookup('pipe', 'id > " + canary + "') }}";
        String loop = "{% for x in range(3) %}x{% endfor %}";
        String comment = "{# gone? #}";
        PlaybookResult result = new ProcessPlaybookRunner(AnsibleTestSupport.repositorySettings()).run("baseline.yml",
                LOCALHOST, scratchVariables(root, Map.of("request_id", "{{ 7 * 7 }}",
                        "request_summary", lookup + " " + loop + " " + comment)), null);

        assertThat(result.ok()).as(result.failureSummary()).isTrue();
        String motd = Files.readString(root.resolve("etc/motd"));
        assertThat(motd).contains("for request {{ 7 * 7 }}", lookup + " " + loop + " " + comment)
                .doesNotContain("uid=", "xxx", "request 49"); // not just "49": the temp dir's name may hold it
        assertThat(canary).doesNotExist();
        assertThat(root.resolve("etc/itsm/roles/baseline")).content().contains("request={{ 7 * 7 }}");
    }

    @Test
    void aValueThatFailsAnAssertIsNotEvaluatedEither() {
        Path canary = root.resolve("pwned");
        PlaybookResult result = new ProcessPlaybookRunner(AnsibleTestSupport.repositorySettings()).run("nginx.yml",
                LOCALHOST, scratchVariables(root, Map.of(
                        "nginx_server_name", "{{ lookup('pipe', 'touch " + canary + "') }}")), null);

        assertThat(result.ok()).isFalse();
        assertThat(result.hosts().get("localhost").failedTasks())
                .containsExactly("nginx : Check the server name, upstream and body size: nginx_server_name, "
                        + "nginx_upstream, nginx_client_max_body_size or nginx_document_root is not valid");
        assertThat(canary).doesNotExist();
        assertThat(root.resolve("etc/nginx/conf.d/itsm.conf")).doesNotExist();
    }

    /**
     * Every kind of value survives the trip through the YAML vars file unchanged: quotes, backslashes,
     * newlines, YAML look-alikes ("yes", "~", "1.5"), non-ASCII and characters outside the BMP, nested maps
     * (with Jinja in a key) and lists, numbers, booleans and null.
     */
    @Test
    void valuesRoundTripExactly(@TempDir Path playbooks) throws IOException {
        Path out = root.resolve("payload.json");
        AnsibleTestSupport.playbookDir(playbooks, Map.of("echo.yml", """
                ---
                # Writes the payload variable back as JSON.
                - name: Echo the payload
                  hosts: all
                  gather_facts: false
                  tasks:
                    - name: Write the payload
                      ansible.builtin.copy:
                        dest: "{{ out }}"
                        content: "{{ payload | to_json }}"
                        mode: "0600"
                """));
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("{{ lookup('pipe', 'id') }}", "key with jinja");
        nested.put("list", List.of("a", 1, 2.5, true, "{% raw %}"));
        nested.put("none", null);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("quotes", "she said \"hi\" and 'bye'");
        payload.put("backslashes", "C:\\temp\\new \\n \\u0041");
        payload.put("lines", "one\ntwo\r\nthree\ttab");
        payload.put("yaml", List.of("yes", "no", "~", "null", "1.5", "0x1F", "- item", "key: value", "&anchor", "*alias",
                "!unsafe x", "#comment", "%TAG", "@at", "`tick`", "", " leading and trailing "));
        payload.put("unicode", "Grüße, 你好, ✓, 😀, \u0000nul, \u007fdel, \u2028ls");
        payload.put("numbers", List.of(0, -7, 2147483648L, 3.25, -0.001, 1.0E10));
        payload.put("flags", List.of(true, false));
        payload.put("nested", nested);

        PlaybookResult result = new ProcessPlaybookRunner(AnsibleSettings.local(playbooks)
                .withAllowedPlaybooks(List.of("echo.yml")))
                .run("echo.yml", LOCALHOST, Map.of("out", out.toString(), "payload", payload), null);

        assertThat(result.ok()).as(result.failureSummary()).isTrue();
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(out.toFile())).isEqualTo(json.valueToTree(payload));
    }
}
