package io.itsmhub.connectors.ansible;

import static io.itsmhub.connectors.ansible.AnsibleTestSupport.LOCALHOST;
import static io.itsmhub.connectors.ansible.AnsibleTestSupport.scratchVariables;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's playbooks run for real against localhost ({@code connection: local}), writing under a
 * scratch {@code target_root} and installing nothing ({@code manage_packages: false}).
 */
class PlaybookRunTest {

    private final ProcessPlaybookRunner runner = new ProcessPlaybookRunner(AnsibleTestSupport.repositorySettings());
    private final List<String> progress = new CopyOnWriteArrayList<>();

    @TempDir
    Path root;

    @BeforeAll
    static void ansibleIsInstalled() {
        assumeTrue(AnsibleTestSupport.installed(), "ansible-playbook is not installed");
    }

    @Test
    void baselineWritesUserSudoTimeSyncSshHardeningAndMotd() throws IOException {
        PlaybookResult result = runner.run("baseline.yml", LOCALHOST, scratchVariables(root, Map.of(
                "request_id", "RITM0010001",
                "request_summary", "New VM for the payroll team",
                "baseline_admin_ssh_keys", List.of("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG9ZbmFrZWtleWZvcnRlc3Rz ops@hub"),
                "baseline_ntp_servers", List.of("ntp1.example.net", "10.0.0.123"))), progress::add);

        assertThat(result.ok()).as(result.failureSummary()).isTrue();
        assertThat(result.failureSummary()).isNull();
        assertThat(result.playbook()).isEqualTo("baseline.yml");
        HostResult host = result.hosts().get("localhost");
        assertThat(host.failed()).isZero();
        assertThat(host.unreachable()).isZero();
        assertThat(host.changed()).isEqualTo(8);
        assertThat(host.skipped()).as("package, user, sshd -t and the two handlers").isEqualTo(5);
        assertThat(host.ok()).isEqualTo(13);
        assertThat(host.failedTasks()).isEmpty();

        assertThat(root.resolve("etc/sudoers.d/itsm")).hasContent("itsm ALL=(ALL:ALL) NOPASSWD: ALL");
        assertThat(Files.getPosixFilePermissions(root.resolve("etc/sudoers.d/itsm")))
                .isEqualTo(PosixFilePermissions.fromString("r--r-----"));
        assertThat(root.resolve("home/itsm/.ssh/authorized_keys"))
                .hasContent("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG9ZbmFrZWtleWZvcnRlc3Rz ops@hub");
        assertThat(Files.readString(root.resolve("etc/chrony/chrony.conf")))
                .contains("pool ntp1.example.net iburst\npool 10.0.0.123 iburst\n").doesNotContain("debian.pool");
        assertThat(Files.readString(root.resolve("etc/ssh/sshd_config.d/10-itsm-hardening.conf")))
                .contains("PermitRootLogin no\n", "PasswordAuthentication no\n");
        assertThat(Files.readString(root.resolve("etc/motd")))
                .contains("localhost was set up by ITSM Hub for request RITM0010001", "New VM for the payroll team");
        assertThat(root.resolve("etc/itsm/roles/baseline")).hasContent("role=baseline\nrequest=RITM0010001\nadmin_user=itsm");

        assertThat(progress).first().asString().isEqualTo("1/16 localhost ok: baseline : Check that the request is named");
        assertThat(progress).contains("16/16 localhost changed: baseline : Record that the baseline was applied");
    }

    @Test
    void aSecondBaselineRunChangesNothing() {
        Map<String, Object> variables = scratchVariables(root, Map.of("request_id", "RITM0010002"));
        assertThat(runner.run("baseline.yml", LOCALHOST, variables, null).ok()).isTrue();

        PlaybookResult again = runner.run("baseline.yml", LOCALHOST, variables, null);

        assertThat(again.ok()).isTrue();
        assertThat(again.hosts().get("localhost").changed()).isZero();
    }

    @Test
    void nginxWritesTheVirtualHostWithTheGivenServerName() throws IOException {
        PlaybookResult result = runner.run("nginx.yml", LOCALHOST, scratchVariables(root, Map.of(
                "request_id", "RITM0010003", "nginx_server_name", "payroll.example.com", "nginx_listen_port", 8080)),
                progress::add);

        assertThat(result.ok()).as(result.failureSummary()).isTrue();
        assertThat(result.hosts().get("localhost").changed()).isEqualTo(4);
        String conf = Files.readString(root.resolve("etc/nginx/conf.d/itsm.conf"));
        assertThat(conf).contains("server_name payroll.example.com;", "listen 8080;", "root /var/www/itsm;")
                .doesNotContain("proxy_pass");
        assertThat(Files.readString(root.resolve("var/www/itsm/index.html"))).contains("payroll.example.com is ready");
        assertThat(root.resolve("etc/itsm/roles/nginx")).hasContent(
                "role=nginx\nrequest=RITM0010003\nserver_name=payroll.example.com");
        assertThat(progress).last().asString().matches("\\d+/\\d+ localhost \\w+: nginx : .*");
    }

    @Test
    void nginxProxiesToAnUpstreamWhenGivenOne() throws IOException {
        PlaybookResult result = runner.run("nginx.yml", LOCALHOST, scratchVariables(root, Map.of(
                "nginx_upstream", "http://127.0.0.1:8080/app")), null);

        assertThat(result.ok()).as(result.failureSummary()).isTrue();
        assertThat(Files.readString(root.resolve("etc/nginx/conf.d/itsm.conf")))
                .contains("server_name localhost;", "listen 80;", "proxy_pass http://127.0.0.1:8080/app;");
        assertThat(root.resolve("var/www/itsm/index.html")).doesNotExist();
    }

    @Test
    void postgresqlWritesTheConfDropInAndClientNetworks() throws IOException {
        PlaybookResult result = runner.run("postgresql.yml", LOCALHOST, scratchVariables(root, Map.of(
                "request_id", "RITM0010004", "postgresql_max_connections", 250,
                "postgresql_listen_addresses", "*", "postgresql_allowed_networks", List.of("10.20.0.0/16"))), null);

        assertThat(result.ok()).as(result.failureSummary()).isTrue();
        assertThat(Files.readString(root.resolve("etc/postgresql/15/main/conf.d/itsm.conf")))
                .contains("listen_addresses = '*'", "max_connections = 250", "port = 5432");
        assertThat(Files.readString(root.resolve("etc/postgresql/15/main/pg_hba.conf")))
                .contains("host    all    all    10.20.0.0/16    scram-sha-256");
        assertThat(root.resolve("etc/itsm/roles/postgresql")).hasContent("role=postgresql\nrequest=RITM0010004\nversion=15");
    }

    @Test
    void redisWritesTheDropInAndIncludesIt() throws IOException {
        PlaybookResult result = runner.run("redis.yml", LOCALHOST, scratchVariables(root, Map.of(
                "request_id", "RITM0010005", "redis_maxmemory", "512mb", "redis_password", "s3cr3t-Pw")), null);

        assertThat(result.ok()).as(result.failureSummary()).isTrue();
        Path dropIn = root.resolve("etc/redis/itsm.conf");
        assertThat(Files.readString(dropIn)).contains("port 6379\n", "maxmemory 512mb\n", "requirepass s3cr3t-Pw\n");
        assertThat(Files.getPosixFilePermissions(dropIn)).isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
        assertThat(root.resolve("etc/redis/redis.conf")).hasContent("include /etc/redis/itsm.conf");
        assertThat(root.resolve("etc/itsm/roles/redis")).hasContent("role=redis\nrequest=RITM0010005\nport=6379");
    }

    @Test
    void runsOnAnIpv6LiteralToo() {
        PlaybookResult result = runner.run("redis.yml", List.of("::1"), scratchVariables(root, Map.of()), null);

        assertThat(result.ok()).as(result.failureSummary()).isTrue();
        assertThat(result.hosts()).containsOnlyKeys("::1");
    }
}
