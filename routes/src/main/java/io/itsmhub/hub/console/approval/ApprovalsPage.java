package io.itsmhub.hub.console.approval;

import io.itsmhub.core.people.PeopleService;
import io.itsmhub.core.request.RequestService;
import io.itsmhub.core.request.RequestStatus;
import io.itsmhub.core.request.RequestView;
import io.itsmhub.core.request.catalog.CatalogService;
import io.itsmhub.core.request.catalog.FormField;
import io.itsmhub.core.common.CurrentUser;
import io.itsmhub.core.security.Roles;
import io.itsmhub.hub.console.ConsoleActions;
import java.util.List;
import java.util.Set;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Approvals waiting for the signed-in user: requests whose current step names them, or a group they belong to.
 * The decision goes through {@link RequestService#approve}/{@link RequestService#reject}, which enforce the chain's
 * order and the segregation of duties; requests those rules keep the user from deciding (their own, those they
 * opened for someone, those where they decided another step) are not listed as waiting for them.
 */
@Controller
@PreAuthorize(Roles.STAFF)
class ApprovalsPage {

    private static final PageRequest OLDEST_FIRST = PageRequest.of(0, 200, Sort.by("createdAt"));

    private final RequestService requests;
    private final PeopleService people;
    private final CurrentUser currentUser;
    private final CatalogService catalog;

    ApprovalsPage(RequestService requests, PeopleService people, CurrentUser currentUser, CatalogService catalog) {
        this.requests = requests;
        this.catalog = catalog;
        this.people = people;
        this.currentUser = currentUser;
    }

    @GetMapping("/approvals")
    String waiting(Model model) {
        List<RequestView> waiting = waitingForMe();
        model.addAttribute("waiting", waiting);
        // the item's own field labels ("Memory (GiB)") rather than the stored names ("memoryGb")
        model.addAttribute("labels", waiting.stream().map(RequestView::catalogItem).distinct()
                .collect(java.util.stream.Collectors.toMap(code -> code, code -> catalog.get(code).form().stream()
                        .collect(java.util.stream.Collectors.toMap(FormField::name, FormField::label)))));
        return "approval/approvals";
    }

    @PostMapping("/approvals/{number}/approve")
    String approve(@PathVariable String number, @RequestParam(required = false) String comment, RedirectAttributes flash) {
        return ConsoleActions.perform(flash, "/approvals", "approval.notice.approved",
                () -> requests.approve(number, blankToNull(comment)));
    }

    @PostMapping("/approvals/{number}/reject")
    String reject(@PathVariable String number, @RequestParam(required = false) String comment, RedirectAttributes flash) {
        if (comment == null || comment.isBlank()) {
            flash.addFlashAttribute("errorKey", "approval.rejectNeedsReason");
            return "redirect:/approvals";
        }
        return ConsoleActions.perform(flash, "/approvals", "approval.notice.rejected",
                () -> requests.reject(number, comment.trim()));
    }

    private List<RequestView> waitingForMe() {
        String me = currentUser.username();
        Set<String> groups = people.groupsOf(me);
        return requests.list(List.of(RequestStatus.AWAITING_APPROVAL), null, null, null, OLDEST_FIRST).items().stream()
                .filter(r -> r.currentApprovers() != null && r.currentApprovers().stream()
                        .anyMatch(a -> a.equals(me) || a.startsWith("group:") && groups.contains(a.substring(6))))
                .filter(r -> !me.equals(r.requester()) && !me.equals(r.openedBy())
                        && r.approvals().stream().noneMatch(a -> a.approver().equals(me)))
                .toList();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
