package io.itsmhub.connectors.ansible;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Needs no Ansible. */
class AnsibleSettingsTest {

    @Test
    void constructorAppliesTheDefaults() {
        AnsibleSettings settings = new AnsibleSettings(null, null, null, null, null, null, false);

        assertThat(settings.playbookDir()).isEqualTo(Path.of("playbooks"));
        assertThat(settings.executable()).isEqualTo("ansible-playbook");
        assertThat(settings.allowedPlaybooks()).containsExactly("baseline.yml", "postgresql.yml", "nginx.yml", "redis.yml");
        assertThat(settings.timeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.remoteUser()).isNull();
        assertThat(settings.privateKey()).isNull();
        assertThat(settings.local()).isFalse();
    }

    @Test
    void bindsTheSameDefaultsFromNoProperties() {
        AnsibleSettings settings = new Binder(new MapConfigurationPropertySource(Map.of("hub.ansible.local", "true")))
                .bindOrCreate("hub.ansible", AnsibleSettings.class);

        assertThat(settings).isEqualTo(AnsibleSettings.local(Path.of("playbooks")));
    }

    @Test
    void bindsExplicitValues() {
        AnsibleSettings settings = new Binder(new MapConfigurationPropertySource(Map.of(
                "hub.ansible.playbook-dir", "/srv/hub/playbooks",
                "hub.ansible.executable", "/opt/ansible/bin/ansible-playbook",
                "hub.ansible.allowed-playbooks", "baseline.yml,extra/mysql.yaml",
                "hub.ansible.timeout", "45s",
                "hub.ansible.remote-user", "itsm",
                "hub.ansible.private-key", "/etc/hub/id_ed25519")))
                .bindOrCreate("hub.ansible", AnsibleSettings.class);

        assertThat(settings.playbookDir()).isEqualTo(Path.of("/srv/hub/playbooks"));
        assertThat(settings.executable()).isEqualTo("/opt/ansible/bin/ansible-playbook");
        assertThat(settings.allowedPlaybooks()).containsExactly("baseline.yml", "extra/mysql.yaml");
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(settings.remoteUser()).isEqualTo("itsm");
        assertThat(settings.privateKey()).isEqualTo(Path.of("/etc/hub/id_ed25519"));
        assertThat(settings.local()).isFalse();
    }

    @Test
    void anEmptyAllowListStaysEmpty() {
        assertThat(new AnsibleSettings(null, null, List.of(), null, null, null, true).allowedPlaybooks()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../etc/passwd.yml", "/etc/ansible/site.yml", "roles/../../x.yml", "site.sh", "-x.yml",
            "./site.yml", "a//b.yml", ""})
    void refusesAllowListEntriesThatCouldLeaveTheDirectory(String entry) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AnsibleSettings(null, null, List.of(entry), null, null, null, false))
                .withMessageContaining("hub.ansible.allowed-playbooks");
    }

    @ParameterizedTest
    @ValueSource(strings = {"PT0S", "-PT1S"})
    void refusesANonPositiveTimeout(String timeout) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AnsibleSettings(null, null, null, Duration.parse(timeout), null, null, false))
                .withMessageContaining("hub.ansible.timeout");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-oProxyCommand=x", "root user", "Admin"})
    void refusesARemoteUserThatIsNoLoginName(String user) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new AnsibleSettings(null, null, null, null, user, null, false))
                .withMessageContaining("hub.ansible.remote-user");
    }
}
