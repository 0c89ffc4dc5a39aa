package io.itsmhub.hub.console.cmdb;

import io.itsmhub.core.cmdb.CiClass;
import io.itsmhub.core.cmdb.CmdbService;
import io.itsmhub.core.cmdb.Lifecycle;
import io.itsmhub.core.security.Roles;
import io.itsmhub.core.common.PageView;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Search the CMDB by class, part of the name and lifecycle; a page of CIs at a time, by name. */
@Controller
class CmdbSearchPage {

    static final int PAGE_SIZE = 25;

    private final CmdbService cmdb;

    CmdbSearchPage(CmdbService cmdb) {
        this.cmdb = cmdb;
    }

    @GetMapping("/cmdb")
    @PreAuthorize(Roles.STAFF)
    String search(@RequestParam(required = false) String ciClass, @RequestParam(required = false) String name,
                  @RequestParam(required = false) String lifecycle, @RequestParam(defaultValue = "0") int page,
                  Model model) {
        CiClass cls = parse(CiClass.class, ciClass);
        Lifecycle life = parse(Lifecycle.class, lifecycle);
        String text = name == null || name.isBlank() ? null : name.strip();
        PageView<?> result = cmdb.list(cls, text, life,
                PageRequest.of(Math.max(0, page), PAGE_SIZE, Sort.by("name").and(Sort.by("number"))));
        model.addAttribute("result", result);
        model.addAttribute("ciClass", cls);
        model.addAttribute("name", text);
        model.addAttribute("lifecycle", life);
        model.addAttribute("classes", CiClass.values());
        model.addAttribute("lifecycles", Lifecycle.values());
        return "cmdb/search";
    }

    /** An unknown value in a hand-edited URL searches without that filter rather than failing the page. */
    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
