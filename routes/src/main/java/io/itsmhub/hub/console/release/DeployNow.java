package io.itsmhub.hub.console.release;

import io.itsmhub.core.change.ChangeService;
import io.itsmhub.core.change.ChangeStatus;
import io.itsmhub.core.change.ReleaseService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Deploy now" on an authorised release inside its open window: schedule it and start its pipeline in ONE
 * transaction, the same two calls as the API's schedule and deploy. Apart, the hub's own start of scheduled
 * releases (hub.release.auto-start) could take the scheduled change in between and the button would answer
 * "already deployed" for a deployment the user did start; together nobody sees it scheduled but not started.
 */
@Component
class DeployNow {

    private final ChangeService changes;
    private final ReleaseService releases;

    DeployNow(ChangeService changes, ReleaseService releases) {
        this.changes = changes;
        this.releases = releases;
    }

    @Transactional
    public void deploy(String number) {
        if (changes.get(number).status() == ChangeStatus.AUTHORISED) {
            changes.schedule(number, null, null);
        }
        releases.deploy(number);
    }
}
