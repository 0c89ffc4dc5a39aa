package io.itsmhub.core.field;

import io.itsmhub.core.security.Roles;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/fields/{type}}: the custom fields of a ticket type on a desk (its own and inherited) for anyone who
 * fills in its form; administrators and the desk's administrators define and remove a desk's own.
 */
@RestController
@RequestMapping("/api/v1/fields/{type}")
class CustomFieldController {

    private final CustomFields fields;

    CustomFieldController(CustomFields fields) {
        this.fields = fields;
    }

    @GetMapping
    List<CustomField> effective(@PathVariable String type, @RequestParam(defaultValue = "HQ") String desk) {
        return fields.effective(type, desk);
    }

    @PutMapping("/{desk}/{name}")
    @PreAuthorize(Roles.STAFF)
    CustomField define(@PathVariable String type, @PathVariable String desk, @PathVariable String name,
                       @Valid @RequestBody CustomFieldForm form) {
        return fields.define(type, desk, name, form);
    }

    @DeleteMapping("/{desk}/{name}")
    @PreAuthorize(Roles.STAFF)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable String type, @PathVariable String desk, @PathVariable String name) {
        fields.remove(type, desk, name);
    }
}
