package io.itsmhub.connectors.ansible;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itsmhub.connectors.ConnectorException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Host validation and the inventory text. Needs no Ansible. */
class InventoryTest {

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "web01", "web-01.example.com", "db.example.com.", "10.0.0.1", "255.255.255.255",
            "::1", "2001:db8::1", "fe80::1:2:3:4", "::ffff:10.0.0.1", "1e100.net", "xn--bcher-kva.example"})
    void acceptsHostNamesAndIpLiterals(String host) {
        assertThat(Inventory.isValidHost(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost -e foo", "-ifoo", "--extra-vars=x", "", " ", "a b", "web;id", "web$(id)",
            "web[1:3]", "web*", "all", "ungrouped", "fe80::1%eth0", "[::1]", "999.1.1.1", "10.0.0", "1.2.3.4.5", "-web",
            "web-.example.com", "web_01", "web\n01", "host:22", "12:zz::1", ".:1", "a..b", "ünïcode.example"})
    void refusesAnythingElse(String host) {
        assertThat(Inventory.isValidHost(host)).as(host).isFalse();
    }

    @Test
    void refusesNoHostsAndNamesTheBadHostWithoutControlCharacters() {
        assertThatThrownBy(() -> Inventory.of(List.of()))
                .isInstanceOf(ConnectorException.class).hasMessage("ansible: no hosts to run on");
        assertThatThrownBy(() -> Inventory.of(List.of("web01", "web\n02 -e x")))
                .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessage("ansible: host 'web?02 -e x' is not a host name or IP address");
    }

    @Test
    void writesTheHostsOnceEachWithLocalConnectionInLocalMode() {
        Inventory inventory = Inventory.of(List.of("web01", "::1", "web01"));

        assertThat(inventory.hosts()).containsExactly("web01", "::1");
        assertThat(inventory.yaml(true)).isEqualTo("{\"all\": {\"hosts\": {\"web01\": null, \"::1\": null}, "
                + "\"vars\": {\"ansible_connection\": \"local\", "
                + "\"ansible_python_interpreter\": \"{{ ansible_playbook_python }}\"}}}\n");
        assertThat(inventory.yaml(false)).isEqualTo("{\"all\": {\"hosts\": {\"web01\": null, \"::1\": null}}}\n");
    }
}
