package io.itsmhub.core.change;

import io.itsmhub.core.cmdb.CmdbService;
import io.itsmhub.core.security.CurrentUser;
import io.itsmhub.core.ticket.InvalidInputException;
import io.itsmhub.core.ticket.TicketNotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The catalogue of pre-approved standard changes; creating one is the change manager's approval of all its uses. */
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

    void checkCis(Set<String> cis) {
        if (cis != null) {
            cis.stream().filter(ci -> !cmdb.exists(ci)).findFirst()
                    .ifPresent(ci -> { throw InvalidInputException.of("targetCis", "no CI " + ci); });
        }
    }
}
