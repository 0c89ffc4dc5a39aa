package io.itsmhub.core.request.oa;

import io.itsmhub.core.journal.Journal;
import io.itsmhub.core.people.PeopleService;
import io.itsmhub.core.people.Person;
import io.itsmhub.core.request.RequestService;
import io.itsmhub.core.request.RequestView;
import io.itsmhub.core.security.RunAs;
import io.itsmhub.core.common.ConflictException;
import io.itsmhub.core.common.ForbiddenActionException;
import io.itsmhub.core.common.InvalidInputException;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The hub's side of OA delegation: what was handed over, and the decision that comes back, once. */
@Service
@Transactional
public class OaApprovals {

    static final String SYSTEM = "oa";

    private final OaCallbackRepository callbacks;
    private final RequestService requests;
    private final PeopleService people;
    private final Journal journal;
    private final Clock clock;

    OaApprovals(OaCallbackRepository callbacks, RequestService requests, PeopleService people, Journal journal, Clock clock) {
        this.callbacks = callbacks;
        this.requests = requests;
        this.people = people;
        this.journal = journal;
        this.clock = clock;
    }

    public void delegated(String number, String approver, String oaId, long millis, int attempt) {
        journal.externalCall(number, SYSTEM, "submit approval", "waiting for " + approver + " in OA as " + oaId, millis, attempt);
    }

    /**
     * Takes a decision from OA. {@code approvalId} is the request number the hub sent; the decision is taken as
     * {@code decidedBy}, so nobody approves their own request from OA either.
     */
    public RequestView decide(String approvalId, String decision, String decidedBy, String comment, String nonce) {
        if (nonce == null || nonce.isBlank() || nonce.length() > 200) {
            throw InvalidInputException.of("nonce", "a unique nonce of at most 200 characters is required");
        }
        if (callbacks.existsById(nonce)) {
            throw new ConflictException("Replayed callback", "this OA decision (nonce " + nonce + ") was taken already");
        }
        Person person = people.find(decidedBy).filter(Person::isActive)
                .orElseThrow(() -> new ForbiddenActionException("OA decision by '" + decidedBy + "', who is not an active user of the hub"));
        callbacks.save(new OaCallback(nonce, approvalId, decidedBy, decision, clock.instant()));
        String note = comment == null || comment.isBlank() ? "decided in OA" : comment + " (decided in OA)";
        return RunAs.person(person, () -> switch (decision) {
            case "APPROVED" -> requests.approve(approvalId, note);
            case "REJECTED" -> requests.reject(approvalId, note);
            default -> throw InvalidInputException.of("decision", "APPROVED or REJECTED");
        });
    }
}
