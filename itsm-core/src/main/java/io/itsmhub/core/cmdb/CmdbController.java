package io.itsmhub.core.cmdb;

import io.itsmhub.core.journal.Journal;
import io.itsmhub.core.journal.JournalEntryView;
import io.itsmhub.core.journal.JournalRenderer;
import io.itsmhub.core.security.Roles;
import io.itsmhub.core.common.PageView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/cis")
@PreAuthorize(Roles.STAFF)
class CmdbController {

    record RelationForm(@NotNull RelationType type, @NotBlank String target) { }

    private final CmdbService cmdb;
    private final Journal journal;

    CmdbController(CmdbService cmdb, Journal journal) {
        this.cmdb = cmdb;
        this.journal = journal;
    }

    @GetMapping
    PageView<CiView> list(@RequestParam(required = false) CiClass ciClass, @RequestParam(required = false) String name,
                          @RequestParam(required = false) Lifecycle lifecycle,
                          @PageableDefault(size = 50, sort = "name", direction = Sort.Direction.ASC) Pageable pageable) {
        return cmdb.list(ciClass, name, lifecycle, pageable);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Roles.AGENT)
    CiView create(@Valid @RequestBody CiForm form) {
        return cmdb.create(form);
    }

    @GetMapping("/{number}")
    CiView get(@PathVariable String number) {
        return cmdb.get(number);
    }

    @PatchMapping("/{number}")
    @PreAuthorize(Roles.AGENT)
    CiView update(@PathVariable String number, @Valid @RequestBody CiUpdate update) {
        return cmdb.update(number, update);
    }

    @GetMapping("/{number}/relations")
    List<RelationView> relations(@PathVariable String number) {
        return cmdb.relationsOf(number);
    }

    @PostMapping("/{number}/relations")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(Roles.AGENT)
    RelationView relate(@PathVariable String number, @Valid @RequestBody RelationForm form) {
        return cmdb.relate(number, form.type(), form.target());
    }

    @DeleteMapping("/{number}/relations/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(Roles.AGENT)
    void unrelate(@PathVariable String number, @PathVariable long id) {
        cmdb.unrelate(number, id);
    }

    @GetMapping("/{number}/dependents")
    List<CiView> dependents(@PathVariable String number) {
        return cmdb.dependents(number);
    }

    @GetMapping("/{number}/dependencies")
    List<CiView> dependencies(@PathVariable String number) {
        return cmdb.dependencies(number);
    }

    /** Each line's message in the caller's language: Chinese for Accept-Language zh(-CN), else English. */
    @GetMapping("/{number}/journal")
    List<JournalEntryView> journal(@PathVariable String number,
                                   @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
        cmdb.get(number);
        return JournalRenderer.render(journal.entries(number), JournalRenderer.readerOf(language));
    }
}
