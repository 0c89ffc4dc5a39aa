/**
 * The Jenkins connector: a narrow client of Jenkins' remote API (trigger a job, follow its queue item and
 * build, stop or cancel it, and find a build again by a parameter when a trigger's answer was lost) over
 * {@code io.github.cdancy:jenkins-rest}. Configured by {@link io.itsmhub.connectors.jenkins.JenkinsSettings}
 * under {@code hub.jenkins}; every failure is a {@link io.itsmhub.connectors.ConnectorException} of system
 * {@code "jenkins"} that says whether a retry can help. Tests run against {@code JenkinsSimulator} (test-jar).
 */
package io.itsmhub.connectors.jenkins;
