package io.itsmhub.hub.console.portal;

import io.itsmhub.core.request.catalog.CatalogItemView;
import io.itsmhub.core.request.catalog.CatalogService;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The catalog: what can be ordered, by category. */
@Controller
class CatalogPage {

    private final CatalogService catalog;

    CatalogPage(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/portal")
    String catalog(Model model) {
        Map<String, List<CatalogItemView>> byCategory = catalog.active().stream()
                .collect(Collectors.groupingBy(i -> i.category() == null ? "" : i.category(), TreeMap::new, Collectors.toList()));
        model.addAttribute("categories", byCategory);
        return "portal/catalog";
    }
}
