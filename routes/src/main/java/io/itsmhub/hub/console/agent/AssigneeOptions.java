package io.itsmhub.hub.console.agent;

import io.itsmhub.core.people.PeopleService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The assignee choices of the assign form, reloaded by htmx when the group changes: the group's active agents. */
@Controller
class AssigneeOptions {

    private final PeopleService people;

    AssigneeOptions(PeopleService people) {
        this.people = people;
    }

    @GetMapping("/agent/assignees")
    String options(@RequestParam(name = "assignmentGroup", required = false) String group, Model model) {
        model.addAttribute("assignees", People.assignable(people, Forms.given(group)));
        return "agent/fragments :: assigneeOptions";
    }
}
