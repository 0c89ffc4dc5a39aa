package io.itsmhub.connectors.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The house style of {@code playbooks/} (STYLE.md item 10), checked rather than reviewed: every YAML file starts
 * with {@code ---} and a one-line purpose comment; every play, task and handler is named; modules take YAML
 * arguments, not {@code key=value} strings; handlers are named like {@code restart nginx}. Needs no Ansible.
 */
class PlaybookStyleTest {

    private static final Set<String> TASK_KEYWORDS = Set.of("name", "when", "loop", "notify", "changed_when",
            "failed_when", "become", "become_user", "register", "tags", "no_log", "listen", "vars", "ignore_errors",
            "loop_control", "environment", "check_mode", "delegate_to", "run_once");

    static Stream<Path> yamlFiles() throws IOException {
        try (Stream<Path> files = Files.walk(AnsibleTestSupport.repositoryPlaybooks())) {
            return files.filter(p -> p.toString().endsWith(".yml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("yamlFiles")
    void startsWithTheDocumentMarkerAndAPurposeComment(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);

        assertThat(lines).hasSizeGreaterThan(2);
        assertThat(lines.get(0)).isEqualTo("---");
        assertThat(lines.get(1)).startsWith("# ").hasSizeGreaterThan(10);
    }

    @Test
    void everyRoleHasTasksHandlersTemplatesAndDefaults() throws IOException {
        try (Stream<Path> roles = Files.list(AnsibleTestSupport.repositoryPlaybooks().resolve("roles"))) {
            for (Path role : roles.toList()) {
                assertThat(role.resolve("tasks/main.yml")).isRegularFile();
                assertThat(role.resolve("handlers/main.yml")).isRegularFile();
                assertThat(role.resolve("defaults/main.yml")).isRegularFile();
                assertThat(role.resolve("templates")).isDirectory();
                assertThat(AnsibleTestSupport.repositoryPlaybooks().resolve(role.getFileName() + ".yml"))
                        .as("an entry playbook per role").isRegularFile();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("taskFiles")
    void everyTaskIsNamedAndTakesYamlArguments(Path file) throws IOException {
        boolean handlers = file.getParent().getFileName().toString().equals("handlers");
        for (Map<String, Object> task : items(file)) {
            assertThat(task).as(file + ": " + task).containsKey("name");
            String name = (String) task.get("name");
            List<String> modules = new ArrayList<>(task.keySet());
            modules.removeAll(TASK_KEYWORDS);
            assertThat(modules).as(file + ": " + name + " has one module").hasSize(1);
            assertThat(modules.get(0)).as(file + ": " + name + " uses a fully qualified module").startsWith("ansible.");
            assertThat(task.get(modules.get(0))).as(file + ": " + name + " has YAML arguments").isInstanceOf(Map.class);
            if (handlers) {
                assertThat(name).as("handler name like 'restart nginx'").matches("(restart|reload|stop|start) [a-z0-9-]+");
            } else {
                assertThat(name).as("task name starts with a capital").matches("[A-Z].*");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("playbookFiles")
    void everyPlayIsNamed(Path file) throws IOException {
        for (Map<String, Object> play : items(file)) {
            assertThat(play).as(file.toString()).containsKeys("name", "hosts");
        }
    }

    static Stream<Path> taskFiles() throws IOException {
        return yamlFiles().filter(p -> p.getParent().getFileName().toString().matches("tasks|handlers"));
    }

    static Stream<Path> playbookFiles() throws IOException {
        Path dir = AnsibleTestSupport.repositoryPlaybooks();
        return yamlFiles().filter(p -> p.getParent().equals(dir));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Path file) throws IOException {
        Object document = new Yaml().load(Files.readString(file));
        assertThat(document).as(file.toString()).isInstanceOf(List.class);
        return (List<Map<String, Object>>) document;
    }
}
