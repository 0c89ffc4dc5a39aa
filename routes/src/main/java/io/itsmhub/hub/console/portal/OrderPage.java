package io.itsmhub.hub.console.portal;

import io.itsmhub.core.request.RequestForm;
import io.itsmhub.core.request.RequestService;
import io.itsmhub.core.request.RequestView;
import io.itsmhub.core.request.catalog.CatalogItemView;
import io.itsmhub.core.request.catalog.CatalogService;
import io.itsmhub.core.common.InvalidInputException;
import io.itsmhub.core.common.TicketNotFoundException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Ordering a catalog item with its own form. The browser checks what HTML can (required, min, max, length); the
 * core checks everything again, and what it refuses comes back next to the field it concerns, the input kept.
 */
@Controller
class OrderPage {

    private final CatalogService catalog;
    private final RequestService requests;

    OrderPage(CatalogService catalog, RequestService requests) {
        this.catalog = catalog;
        this.requests = requests;
    }

    @GetMapping("/portal/order/{code}")
    String form(@PathVariable String code, Model model) {
        return show(item(code), new LinkedMultiValueMap<>(), "", Map.of(), model);
    }

    @PostMapping("/portal/order/{code}")
    String order(@PathVariable String code, @RequestParam MultiValueMap<String, String> params, Model model,
                 RedirectAttributes flash) {
        CatalogItemView item = item(code);
        OrderValues parsed = OrderValues.parse(item.form(), params);
        String description = params.getFirst("description");
        Map<String, String> errors = new LinkedHashMap<>();
        parsed.errors().forEach((field, key) -> errors.put(field, "#" + key));
        if (errors.isEmpty()) {
            try {
                RequestView created = requests.submit(new RequestForm(code,
                        description == null || description.isBlank() ? null : description.trim(), parsed.values(), null,
                        params.getFirst("currentPassword")));
                flash.addFlashAttribute("ordered", created.number());
                return "redirect:/portal/requests/" + created.number();
            } catch (InvalidInputException e) {
                e.errors().forEach(f -> errors.put(f.field().startsWith("values.") ? f.field().substring(7) : f.field(),
                        f.message()));
            }
        }
        model.addAttribute("hasErrors", true);
        return show(item, params, description, errors, model);
    }

    /** The monthly cost as the form stands, recomputed while the requester fills it in (htmx, on change). */
    @PostMapping("/portal/order/{code}/estimate")
    String estimate(@PathVariable String code, @RequestParam MultiValueMap<String, String> params, Model model) {
        CatalogItemView item = item(code);
        model.addAttribute("item", item);
        model.addAttribute("estimate", item.pricing() == null ? null
                : item.pricing().cost(OrderValues.parse(item.form(), params).values()));
        return "portal/order :: estimate";
    }

    private String show(CatalogItemView item, MultiValueMap<String, String> input, String description, Map<String, String> errors,
                        Model model) {
        model.addAttribute("item", item);
        model.addAttribute("input", input);
        model.addAttribute("description", description);
        model.addAttribute("errors", errors);
        model.addAttribute("estimate", item.pricing() == null ? null
                : item.pricing().cost(OrderValues.parse(item.form(), input).values()));
        return "portal/order";
    }

    private CatalogItemView item(String code) {
        CatalogItemView item = catalog.get(code);
        if (!item.active()) {
            throw new TicketNotFoundException("catalog item", code);
        }
        return item;
    }
}
