package io.itsmhub.core.change;

import io.itsmhub.core.cmdb.CmdbService;
import io.itsmhub.core.common.CurrentUser;
import io.itsmhub.core.common.ConflictException;
import io.itsmhub.core.common.ForbiddenActionException;
import io.itsmhub.core.common.InvalidInputException;
import io.itsmhub.core.common.TicketNotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue of standard changes. A change manager drafts a template; a second change manager's approval is the
 * pre-authorisation of every change made from it, so an author never approves their own template and a draft is
 * never used.
 */
@Service
@Transactional
public class ChangeTemplates {

    private final ChangeTemplateRepository templates;
    private final CmdbService cmdb;
    private final CurrentUser currentUser;
    private final Clock clock;

    ChangeTemplates(ChangeTemplateRepository templates, CmdbService cmdb, CurrentUser currentUser, Clock clock) {
        this.templates = templates;
        this.cmdb = cmdb;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    public ChangeTemplateView create(ChangeTemplateForm form) {
        if (templates.existsByName(form.name())) {
            throw InvalidInputException.of("name", "a template named " + form.name() + " exists already");
        }
        checkCis(form.targetCis());
        if (form.pipeline() == null && (form.parameters() != null && !form.parameters().isEmpty()
                || form.rollbackPipeline() != null)) {
            throw InvalidInputException.of("pipeline", "parameters and a rollback pipeline need a pipeline");
        }
        Map<String, Object> parameters = ReleaseParameters.validate(form.parameters());
        return ChangeTemplateView.of(templates.save(
                new ChangeTemplate(form, parameters, currentUser.username(), clock.instant())));
    }

    /** A change manager other than the author approves the draft; from then on it can be used. */
    public ChangeTemplateView approve(String name) {
        ChangeTemplate template = load(name);
        String approver = currentUser.username();
        if (template.isApproved()) {
            throw new ConflictException("Already approved", "template %s was approved by %s already"
                    .formatted(name, template.getApprovedBy()));
        }
        if (approver.equals(template.getCreatedBy())) {
            throw new ForbiddenActionException("a change manager cannot approve a template they wrote (" + name + ")");
        }
        template.approve(approver, clock.instant());
        return ChangeTemplateView.of(template);
    }

    @Transactional(readOnly = true)
    public List<ChangeTemplateView> list() {
        return templates.findAll(Sort.by("name")).stream().map(ChangeTemplateView::of).toList();
    }

    @Transactional(readOnly = true)
    public ChangeTemplateView get(String name) {
        return ChangeTemplateView.of(load(name));
    }

    ChangeTemplate load(String name) {
        return templates.findByName(name).orElseThrow(() -> new TicketNotFoundException("change template", name));
    }

    /** The template a standard change is made from: approved, or the change is refused (409). */
    ChangeTemplate loadApproved(String name) {
        ChangeTemplate template = load(name);
        if (!template.isApproved()) {
            throw new ConflictException("Template not approved", "template %s is a draft by %s; a change manager other than its author approves it before it is used"
                    .formatted(name, template.getCreatedBy()));
        }
        return template;
    }

    void checkCis(Set<String> cis) {
        if (cis != null) {
            cis.stream().filter(ci -> !cmdb.exists(ci)).findFirst()
                    .ifPresent(ci -> { throw InvalidInputException.of("targetCis", "no CI " + ci); });
        }
    }
}
