package io.itsmhub.connectors.ansible;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the hub runs {@code ansible-playbook}. Only the playbooks named in {@code allowedPlaybooks} run, and only
 * from inside {@code playbookDir}: the hub never runs a playbook a request names by path.
 *
 * @param playbookDir      the directory with the playbooks and their {@code roles/}; default {@code playbooks},
 *                         relative to the working directory
 * @param executable       {@code ansible-playbook}, looked up on the PATH, or a path to it
 * @param allowedPlaybooks playbook file names relative to {@code playbookDir}; default the baseline and the
 *                         software choices ({@code baseline.yml, postgresql.yml, nginx.yml, redis.yml})
 * @param timeout          how long one run may take before its whole process tree is killed; default 30m
 * @param remoteUser       the SSH user on the hosts, or null for Ansible's default (the hub's own user)
 * @param privateKey       the SSH private key file, or null for the SSH agent and {@code ~/.ssh}
 * @param local            run on this machine with {@code connection: local} instead of SSH (tests and dev)
 */
@ConfigurationProperties("hub.ansible")
public record AnsibleSettings(
        @DefaultValue("playbooks") Path playbookDir,
        @DefaultValue("ansible-playbook") String executable,
        @DefaultValue({"baseline.yml", "postgresql.yml", "nginx.yml", "redis.yml"}) List<String> allowedPlaybooks,
        @DefaultValue("30m") Duration timeout,
        String remoteUser,
        Path privateKey,
        @DefaultValue("false") boolean local) {

    static final Path DEFAULT_PLAYBOOK_DIR = Path.of("playbooks");
    static final String DEFAULT_EXECUTABLE = "ansible-playbook";
    static final List<String> DEFAULT_PLAYBOOKS = List.of("baseline.yml", "postgresql.yml", "nginx.yml", "redis.yml");
    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(30);

    // A login name: it becomes an argument of ansible-playbook and of ssh.
    private static final Pattern USER = Pattern.compile("[a-z_][a-z0-9_.-]{0,31}");

    /** The defaults again, because {@code @DefaultValue} only applies when Spring binds, not to {@code new}. */
    public AnsibleSettings {
        playbookDir = playbookDir == null ? DEFAULT_PLAYBOOK_DIR : playbookDir;
        executable = executable == null || executable.isBlank() ? DEFAULT_EXECUTABLE : executable;
        // An empty list stays empty: that is a deliberate "run nothing", not a missing setting.
        allowedPlaybooks = allowedPlaybooks == null ? DEFAULT_PLAYBOOKS : List.copyOf(allowedPlaybooks);
        allowedPlaybooks.forEach(AnsibleSettings::checkPlaybookName);
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("hub.ansible.timeout must be positive, was " + timeout);
        }
        if (remoteUser != null && !USER.matcher(remoteUser).matches()) {
            throw new IllegalArgumentException("hub.ansible.remote-user must be a login name, was " + remoteUser);
        }
    }

    /** Local runs ({@code connection: local}) of the default playbooks in {@code playbookDir}, for tests and dev. */
    public static AnsibleSettings local(Path playbookDir) {
        return new AnsibleSettings(playbookDir, null, null, null, null, null, true);
    }

    /** A copy with another allow-list. */
    public AnsibleSettings withAllowedPlaybooks(List<String> playbooks) {
        return new AnsibleSettings(playbookDir, executable, playbooks, timeout, remoteUser, privateKey, local);
    }

    /** A copy with another timeout. */
    public AnsibleSettings withTimeout(Duration newTimeout) {
        return new AnsibleSettings(playbookDir, executable, allowedPlaybooks, newTimeout, remoteUser, privateKey,
                local);
    }

    /** A copy with another executable. */
    public AnsibleSettings withExecutable(String newExecutable) {
        return new AnsibleSettings(playbookDir, newExecutable, allowedPlaybooks, timeout, remoteUser, privateKey,
                local);
    }

    /** An allow-list entry names a file below the playbook directory, never one outside it. */
    private static void checkPlaybookName(String name) {
        if (!PlaybookResolver.isPlainRelativeName(name)) {
            throw new IllegalArgumentException("hub.ansible.allowed-playbooks must hold relative .yml/.yaml paths "
                    + "without '..', was " + name);
        }
    }
}
