package io.itsmhub.hub.console.agent;

import io.itsmhub.core.people.PeopleService;
import io.itsmhub.core.people.PersonView;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Who may be shown and picked on the agent pages: display names, and the active agents of a group. */
final class People {

    private People() { }

    static Map<String, String> displayNames(PeopleService people) {
        return people.all().stream().collect(Collectors.toMap(PersonView::username,
                p -> p.displayName() == null ? p.username() : p.displayName()));
    }

    /** Active people who work tickets, of {@code group} (everyone's when null): the ones a ticket can go to. */
    static List<PersonView> assignable(PeopleService people, String group) {
        List<PersonView> candidates = group == null ? people.all() : people.members(group);
        return candidates.stream().filter(PersonView::active)
                .filter(p -> p.roles().contains("agent") || p.roles().contains("admin")).toList();
    }
}
