package io.itsmhub.hub.console;

import io.itsmhub.core.people.PeopleService;
import io.itsmhub.core.people.Person;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user ({@code me}) into every console page's model, for the header and role-dependent links. */
@ControllerAdvice(basePackages = "io.itsmhub.hub.console")
class ConsoleModel {

    private final PeopleService people;

    ConsoleModel(PeopleService people) {
        this.people = people;
    }

    @ModelAttribute("me")
    Me me() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || "anonymousUser".equals(auth.getName())) {
            return null;
        }
        Set<String> roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).collect(Collectors.toSet());
        String name = people.find(auth.getName()).map(Person::getDisplayName).orElse(auth.getName());
        return new Me(auth.getName(), name, roles);
    }
}
