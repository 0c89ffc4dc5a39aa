package io.itsmhub.hub.console.agent;

import io.itsmhub.core.people.PeopleService;
import java.util.Set;
import java.util.TreeSet;

/**
 * "Take it": the ticket goes to me. It stays with its group when I am in that group (or it has none); otherwise
 * it moves to my first group, because an assignee must belong to the ticket's group.
 */
final class TakeIt {

    private TakeIt() { }

    static String groupFor(PeopleService people, String me, String currentGroup) {
        Set<String> mine = new TreeSet<>(people.groupsOf(me));
        if (currentGroup == null || mine.contains(currentGroup) || mine.isEmpty()) {
            return currentGroup;
        }
        return mine.iterator().next();
    }
}
