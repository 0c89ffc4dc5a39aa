/**
 * The Ansible connector: runs one of the hub's own playbooks ({@code playbooks/} at the repository root) with
 * the real {@code ansible-playbook} as a child process and reads its JSON output into a typed result. Routes
 * code against {@link io.itsmhub.connectors.ansible.PlaybookRunner};
 * {@link io.itsmhub.connectors.ansible.ProcessPlaybookRunner} is the implementation, configured by
 * {@link io.itsmhub.connectors.ansible.AnsibleSettings} under {@code hub.ansible}. Only allow-listed playbooks inside the playbook directory run; hosts are validated;
 * request values reach Ansible as data marked {@code !unsafe}, never as templates. Every failure is a
 * {@link io.itsmhub.connectors.ConnectorException} of system {@code "ansible"} that says whether a retry can help.
 */
package io.itsmhub.connectors.ansible;
