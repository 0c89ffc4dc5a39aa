package io.itsmhub.core.change;

import io.itsmhub.core.security.Roles;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The pipeline runs of release changes: start, roll back, abort, and follow them. */
@RestController
@RequestMapping("/api/v1/changes/{number}")
@PreAuthorize(Roles.STAFF)
class ReleaseController {

    private final ReleaseService releases;

    ReleaseController(ReleaseService releases) {
        this.releases = releases;
    }

    /** Accepted: the pipeline is handed to Jenkins right after; follow it on {@code GET …/runs}. */
    @PostMapping("/deploy")
    @PreAuthorize(Roles.RELEASE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    ReleaseRunView deploy(@PathVariable String number) {
        return releases.deploy(number);
    }

    @PostMapping("/rollback")
    @PreAuthorize(Roles.RELEASE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    ReleaseRunView rollback(@PathVariable String number) {
        return releases.rollback(number);
    }

    @PostMapping("/abort")
    @PreAuthorize(Roles.RELEASE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    ReleaseRunView abort(@PathVariable String number) {
        return releases.abort(number);
    }

    @GetMapping("/runs")
    List<ReleaseRunView> runs(@PathVariable String number) {
        return releases.runs(number);
    }
}
