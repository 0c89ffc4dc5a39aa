package io.itsmhub.core.request.catalog;

import com.fasterxml.jackson.core.type.TypeReference;
import io.itsmhub.core.common.JsonColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.List;

@Entity
@Table(name = "catalog_item")
public class CatalogItem {

    private static final TypeReference<List<FormField>> SCHEMA = new TypeReference<>() { };
    private static final TypeReference<List<ApprovalStep>> CHAIN = new TypeReference<>() { };
    private static final TypeReference<Pricing> PRICING = new TypeReference<>() { };
    private static final TypeReference<List<String>> GROUPS = new TypeReference<>() { };

    @Id
    @Column(length = 50)
    private String code;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 4000)
    private String description;

    @Column(length = 100)
    private String category;

    @Column(name = "form_schema", nullable = false, length = 100000)
    private String formSchema;

    @Column(name = "approval_required", nullable = false)
    private boolean approvalRequired;

    @Column(name = "fulfilment_group", length = 100)
    private String fulfilmentGroup;

    @Column(nullable = false)
    private boolean active = true;

    @Column(name = "approval_chain", length = 10000)
    private String approvalChain;

    @Column(length = 50)
    private String fulfilment;

    @Column(length = 10000)
    private String pricing;

    @Column(name = "sla_hours")
    private Integer slaHours;

    /** The directory groups a directory-access order may name (JSON array); see GrantableGroups. */
    /** The desk that offers it: to its own people and those of the desks below. */
    @Column(name = "desk_code", nullable = false, length = 40)
    private String desk = "HQ";

    @Column(name = "grantable_groups", length = 4000)
    private String grantableGroups;

    @Version
    private Long version;

    protected CatalogItem() { }

    CatalogItem(String code) {
        this.code = code;
    }

    public String getDesk() { return desk; }

    void offerOn(String desk) { this.desk = desk; }

    public String getCode() { return code; }
    public String getName() { return name; }
    public String getDescription() { return description; }
    public String getCategory() { return category; }
    public List<FormField> getForm() { return JsonColumn.read(formSchema, SCHEMA); }
    public boolean isApprovalRequired() { return approvalRequired; }
    public String getFulfilmentGroup() { return fulfilmentGroup; }
    public boolean isActive() { return active; }
    /** The steps; an item that needs approval but names none is approved by the requester's manager. */
    public List<ApprovalStep> getApprovalChain() {
        if (approvalChain == null) {
            return approvalRequired ? List.of(ApprovalStep.manager()) : List.of();
        }
        return JsonColumn.read(approvalChain, CHAIN);
    }
    public String getFulfilment() { return fulfilment; }
    public Pricing getPricing() { return pricing == null ? null : JsonColumn.read(pricing, PRICING); }
    public Integer getSlaHours() { return slaHours; }
    public List<String> getGrantableGroups() { return grantableGroups == null ? List.of() : JsonColumn.read(grantableGroups, GROUPS); }

    void apply(CatalogItemForm form) {
        this.name = form.name();
        this.description = form.description();
        this.category = form.category();
        this.formSchema = JsonColumn.write(form.form());
        this.approvalRequired = form.approvalRequired();
        this.fulfilmentGroup = form.fulfilmentGroup();
        this.active = form.active() == null || form.active();
        this.approvalChain = form.approvalChain() == null || form.approvalChain().isEmpty() ? null : JsonColumn.write(form.approvalChain());
        this.approvalRequired = form.approvalRequired() || this.approvalChain != null;
        this.fulfilment = form.fulfilment();
        this.pricing = form.pricing() == null ? null : JsonColumn.write(form.pricing());
        this.slaHours = form.slaHours();
        this.grantableGroups = form.grantableGroups() == null || form.grantableGroups().isEmpty() ? null
                : JsonColumn.write(form.grantableGroups());
    }
}
