package io.itsmhub.hub.directory;

import io.itsmhub.core.people.DirectorySyncReport;
import io.itsmhub.hub.leader.SingletonTimers;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * Every {@code hub.ldap.sync-interval} the directory's users, groups and managers are brought into the record (also
 * on {@code POST /api/v1/directory/sync}). A directory that cannot be read is retried at the next interval; nothing
 * is deactivated on a failed read.
 */
@Component
@ConditionalOnExpression(LdapConfig.CONFIGURED)
class DirectorySyncRoute extends RouteBuilder {

    private final LdapDirectory directory;
    private final SingletonTimers timers;

    DirectorySyncRoute(LdapDirectory directory, SingletonTimers timers) {
        this.directory = directory;
        this.timers = timers;
    }

    @Override
    public void configure() {
        from("timer:directory-sync?period={{hub.ldap.sync-interval:1h}}&delay={{hub.ldap.sync-delay:10s}}")
                .routeId("directory-sync")
                .process(e -> e.getMessage().setBody(timers.call("directory-sync", () -> directory.syncNow("schedule")).orElse(null)))
                .filter(body().isNotNull())
                .log("${body.summary()}");
    }
}
