package io.itsmhub.core.fulfilment;

import io.itsmhub.core.fulfilment.FulfilmentEvents.FulfilmentFailed;
import io.itsmhub.core.journal.Journal;
import io.itsmhub.core.journal.JournalKeys;
import io.itsmhub.core.journal.JournalMessage;
import io.itsmhub.core.outbox.Outbox;
import io.itsmhub.core.request.RequestService;
import io.itsmhub.core.request.RequestStatus;
import io.itsmhub.core.request.RequestView;
import io.itsmhub.core.request.catalog.CatalogService;
import io.itsmhub.core.common.CurrentUser;
import io.itsmhub.core.common.ConflictException;
import io.itsmhub.core.common.TicketNotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The only writer of fulfilments. A route claims the next due step under a lease, runs it against the systems that
 * do the work, and reports it done (with what it produced) or failed; everything else here follows from that.
 */
@Service
@Transactional
public class FulfilmentService {

    static final String SYSTEM = "fulfilment";

    private final FulfilmentRepository fulfilments;
    private final RequestService requests;
    private final CatalogService catalog;
    private final Journal journal;
    private final Outbox outbox;
    private final CurrentUser currentUser;
    private final Clock clock;

    FulfilmentService(FulfilmentRepository fulfilments, RequestService requests, CatalogService catalog, Journal journal,
                      Outbox outbox, CurrentUser currentUser, Clock clock) {
        this.fulfilments = fulfilments;
        this.requests = requests;
        this.catalog = catalog;
        this.journal = journal;
        this.outbox = outbox;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** On approval: requests whose catalog item has a fulfilment plan start it; a second call changes nothing. */
    public boolean start(String number) {
        RequestView request = requests.get(number);
        String plan = catalog.get(request.catalogItem()).fulfilment();
        if (plan == null || fulfilments.existsById(number)) {
            return false;
        }
        if (request.status() != RequestStatus.APPROVED) {
            // a late or replayed approval event: the request moved on (cancelled, on hold) and must not be provisioned
            journal.note(number, SYSTEM, JournalMessage.of(JournalKeys.FULFILMENT_NOT_STARTED, request.status()));
            return false;
        }
        Instant now = clock.instant();
        Step first = Step.plan(plan).get(0);
        fulfilments.save(new Fulfilment(number, plan, first, now));
        requests.startFulfilment(number);
        requests.executor(number, "hub: " + describe(first));
        journal.note(number, SYSTEM, JournalMessage.of(JournalKeys.FULFILMENT_STARTED, plan));
        return true;
    }

    /** The next due step, leased for {@code lease}; empty when nothing is due. */
    public Optional<StepOrder> claimNext(Duration lease) {
        Instant now = clock.instant();
        return fulfilments.due(EnumSet.of(Fulfilment.State.RUNNING, Fulfilment.State.COMPENSATING), now, PageRequest.of(0, 1))
                .stream().findFirst().map(f -> {
                    f.lease(now.plus(lease), now);
                    RequestView request = requests.get(f.getRequestNumber());
                    if (f.getAttempts() > 1) {
                        journal.note(f.getRequestNumber(), SYSTEM,
                                JournalMessage.of(JournalKeys.FULFILMENT_RESUMING, f.getStep(), f.getAttempts()));
                    }
                    return new StepOrder(f.getRequestNumber(), request.catalogItem(), request.requester(), f.getStep(),
                            request.values(), f.getData(), f.getAttempts());
                });
    }

    /** A long step says what it is doing (null: nothing new to say); that also keeps its lease for {@code lease}. */
    public void progress(String number, String executor, Duration lease) {
        fulfilments.renew(number, clock.instant().plus(lease));
        if (executor != null) {
            requests.executor(number, executor);
        }
    }

    public void done(String number, Step step, Map<String, Object> produced, String summary) {
        Fulfilment f = load(number);
        if (f.getStep() != step) {
            return; // a late report of a step already done (a lease that ran out while it finished)
        }
        Instant now = clock.instant();
        // the summary is the step's own report of what it did (names, addresses from the peers): an argument
        journal.note(number, SYSTEM, summary == null ? JournalMessage.of(JournalKeys.FULFILMENT_STEP_DONE, step)
                : JournalMessage.of(JournalKeys.FULFILMENT_STEP_DONE_WITH_SUMMARY, step, summary));
        if (step == Step.COMPENSATE) {
            f.cancelled(now);
            requests.cancel(number, summary == null ? JournalMessage.of(JournalKeys.FULFILMENT_CANCELLED_NOTHING_TO_UNDO)
                    : JournalMessage.of(JournalKeys.FULFILMENT_CANCELLED_UNDONE, summary));
            return;
        }
        List<Step> plan = Step.plan(f.getPlan());
        int index = plan.indexOf(step);
        Step next = index + 1 < plan.size() ? plan.get(index + 1) : null;
        f.done(next, produced, now);
        if (next == null) {
            requests.fulfil(number, summary);
        } else {
            requests.executor(number, "hub: " + describe(next));
        }
    }

    public void failed(String number, Step step, String error) {
        Fulfilment f = load(number);
        if (f.getStep() != step || f.getState() == Fulfilment.State.HELD) {
            return;
        }
        Instant now = clock.instant();
        f.held(step + ": " + error, now);
        RequestView request = requests.hold(number, JournalMessage.of(JournalKeys.OPERATION_FAILED, step, error));
        outbox.publish(number, new FulfilmentFailed(number, step, error, request.assignmentGroup()));
    }

    /** An agent retries the failed step (after fixing what made it fail). */
    public FulfilmentView retry(String number) {
        Fulfilment f = load(number);
        if (f.getState() != Fulfilment.State.HELD) {
            throw new ConflictException("Not on hold", number + "'s fulfilment is " + f.getState() + "; only a held one is retried");
        }
        f.resume(clock.instant());
        requests.resume(number, JournalMessage.of(JournalKeys.FULFILMENT_RETRY, f.getStep(), currentUser.username()));
        requests.executor(number, "hub: " + describe(f.getStep()));
        return FulfilmentView.of(f);
    }

    /** An agent gives up: what was created is removed (compensation), then the request is cancelled. */
    public FulfilmentView cancel(String number, String reason) {
        Fulfilment f = load(number);
        if (f.getState() != Fulfilment.State.HELD) {
            throw new ConflictException("Not on hold", number + "'s fulfilment is " + f.getState() + "; cancel it once it is on hold");
        }
        journal.note(number, currentUser.username(), reason == null ? JournalMessage.of(JournalKeys.FULFILMENT_CANCELLED_NO_REASON)
                : JournalMessage.of(JournalKeys.FULFILMENT_CANCELLED, reason));
        f.compensate(clock.instant());
        requests.executor(number, "hub: " + describe(Step.COMPENSATE));
        return FulfilmentView.of(f);
    }

    @Transactional(readOnly = true)
    public FulfilmentView view(String number) {
        requests.get(number); // the request's own visibility rules
        return FulfilmentView.of(load(number));
    }

    static String describe(Step step) {
        return switch (step) {
            case CREATE_VMS -> "creating the VMs";
            case AWAIT_VMS -> "waiting for the VMs";
            case CONFIGURE -> "configuring the VMs";
            case REGISTER -> "registering the VMs in the CMDB";
            case GRANT_ACCESS -> "adding the group membership in the directory";
            case RESET_PASSWORD -> "resetting the password in the directory";
            case CLOSE -> "closing the request";
            case COMPENSATE -> "removing what was created";
        };
    }

    private Fulfilment load(String number) {
        return fulfilments.findById(number).orElseThrow(() -> new TicketNotFoundException("fulfilment of", number));
    }
}
