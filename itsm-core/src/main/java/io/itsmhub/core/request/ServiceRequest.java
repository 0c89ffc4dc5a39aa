package io.itsmhub.core.request;

import com.fasterxml.jackson.core.type.TypeReference;
import io.itsmhub.core.common.JsonColumn;
import io.itsmhub.core.ticket.Stateful;
import io.itsmhub.core.ticket.Ticket;
import io.itsmhub.core.common.TicketNumbers;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@Entity
@Table(name = "service_request")
public class ServiceRequest extends Ticket implements Stateful<RequestStatus> {

    private static final TypeReference<Map<String, Object>> VALUES = new TypeReference<>() { };

    @Id
    private Long id;

    @Column(name = "catalog_item", nullable = false, length = 50)
    private String catalogItem;

    @Column(name = "form_values", nullable = false, length = 100000)
    private String formValues;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private RequestStatus status = RequestStatus.SUBMITTED;

    @Column(nullable = false, length = 100)
    private String requester;

    @Column(name = "opened_by", nullable = false, length = 100)
    private String openedBy;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "close_note", length = 4000)
    private String closeNote;

    /** Index in the catalog item's approval chain of the step waiting now. */
    @Column(name = "approval_step", nullable = false)
    private int approvalStep;

    /** Who may decide the waiting step: usernames and {@code group:<name>} entries, comma-separated. */
    @Column(name = "current_approvers", length = 1000)
    private String currentApprovers;

    @Column(name = "approval_since")
    private Instant approvalSince;

    @Column(precision = 12, scale = 2)
    private java.math.BigDecimal cost;

    /** Who or what is acting on the request now, in words: "approval by mike", "Kubernetes: 2/3 VMs ready". */
    @Column(length = 500)
    private String executor;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER)
    @JoinColumn(name = "request_id")
    @OrderBy("decidedAt")
    private List<Approval> approvals = new ArrayList<>();

    protected ServiceRequest() { }

    ServiceRequest(long id, String catalogItem, String title, Map<String, Object> values, String requester,
                   String openedBy, Instant now) {
        this.id = id;
        this.catalogItem = catalogItem;
        this.title = title;
        this.formValues = JsonColumn.write(values);
        this.requester = requester;
        this.openedBy = openedBy;
        created(TicketNumbers.format("REQ", id), now);
    }

    @Override
    public String ticketType() { return "request"; }

    @Override
    public boolean isOpen() { return !java.util.EnumSet.of(RequestStatus.FULFILLED, RequestStatus.REJECTED, RequestStatus.CANCELLED).contains(status); }

    @Override
    public String raisedBy() { return requester; }

    public Long getId() { return id; }
    public String getCatalogItem() { return catalogItem; }
    public Map<String, Object> getValues() { return JsonColumn.read(formValues, VALUES); }
    @Override
    public RequestStatus getStatus() { return status; }
    public String getRequester() { return requester; }
    public String getOpenedBy() { return openedBy; }
    public Instant getClosedAt() { return closedAt; }
    public String getCloseNote() { return closeNote; }
    public List<Approval> getApprovals() { return approvals; }
    public int getApprovalStep() { return approvalStep; }
    public List<String> getCurrentApprovers() {
        return currentApprovers == null || currentApprovers.isBlank() ? List.of() : List.of(currentApprovers.split(","));
    }
    public Instant getApprovalSince() { return approvalSince; }
    public java.math.BigDecimal getCost() { return cost; }
    public String getExecutor() { return executor; }

    @Override
    public void setStatus(RequestStatus status) { this.status = status; }
    void close(Instant at, String note) { this.closedAt = at; this.closeNote = note; }
    void addApproval(Approval approval) { approvals.add(approval); }
    void setCost(java.math.BigDecimal cost) { this.cost = cost; }
    void setExecutor(String executor) { this.executor = executor == null || executor.length() <= 500 ? executor : executor.substring(0, 500); }
    void awaitApproval(int step, List<String> approvers, Instant since) {
        this.approvalStep = step;
        this.currentApprovers = approvers.isEmpty() ? null : String.join(",", approvers);
        this.approvalSince = since;
    }
}
