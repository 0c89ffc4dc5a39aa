package io.itsmhub.core.request.catalog;

import io.itsmhub.core.security.Roles;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/catalog")
class CatalogController {

    private final CatalogService catalog;

    CatalogController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    List<CatalogItemView> items() {
        return catalog.active();
    }

    @GetMapping("/{code}")
    CatalogItemView item(@PathVariable String code) {
        return catalog.get(code);
    }

    record Offer(@jakarta.validation.constraints.NotBlank String desk) { }

    /** Which desk offers the item (to its people and the desks below); the head office's by default. */
    @PutMapping("/{code}/desk")
    @PreAuthorize(Roles.STAFF)
    CatalogItemView offerOn(@PathVariable String code, @jakarta.validation.Valid @RequestBody Offer offer) {
        return catalog.offerOn(code, offer.desk());
    }

    @PutMapping("/{code}")
    @PreAuthorize(Roles.ADMIN)
    CatalogItemView save(@PathVariable String code, @Valid @RequestBody CatalogItemForm form) {
        if (!code.equals(form.code())) {
            throw io.itsmhub.core.common.InvalidInputException.of("code", "must match the path ('" + code + "')");
        }
        return catalog.save(form);
    }
}
