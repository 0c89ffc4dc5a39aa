package io.itsmhub.connectors.ansible;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every entry playbook of the repository passes the real {@code ansible-playbook --syntax-check}. */
class PlaybookSyntaxTest {

    static Stream<String> playbooks() throws IOException {
        try (Stream<Path> files = Files.list(AnsibleTestSupport.repositoryPlaybooks())) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml")).sorted().toList();
            assertThat(names).contains("baseline.yml", "nginx.yml", "postgresql.yml", "redis.yml");
            return names.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("playbooks")
    void passesTheSyntaxCheck(String playbook) throws Exception {
        assumeTrue(AnsibleTestSupport.installed(), "ansible-playbook is not installed");
        Path dir = AnsibleTestSupport.repositoryPlaybooks();
        ProcessBuilder builder = new ProcessBuilder("ansible-playbook", "--syntax-check",
                "--inventory=inventory/localhost.ini", "--", playbook)
                .directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("ANSIBLE_"));
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).doesNotContain("[WARNING]", "[DEPRECATION WARNING]");
    }
}
