package io.itsmhub.core.cmdb;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

@Entity
@Table(name = "configuration_item")
public class ConfigurationItem {

    @Id
    private Long id;

    @Column(nullable = false, unique = true, updatable = false, length = 20)
    private String number;

    @Column(nullable = false, unique = true, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "ci_class", nullable = false, length = 20)
    private CiClass ciClass;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Lifecycle lifecycle = Lifecycle.OPERATIONAL;

    @Column(length = 100)
    private String owner;

    @Column(length = 2000)
    private String description;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ci_attribute", joinColumns = @JoinColumn(name = "ci_id"))
    @MapKeyColumn(name = "name", length = 100)
    @Column(name = "attr_value", length = 2000)
    private Map<String, String> attributes = new TreeMap<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private Long version;

    protected ConfigurationItem() { }

    ConfigurationItem(String name, CiClass ciClass, Instant now) {
        this.name = name;
        this.ciClass = ciClass;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void assignNumber(long id) {
        this.id = id;
        this.number = io.itsmhub.core.common.TicketNumbers.format("CI", id);
    }

    public Long getId() { return id; }
    public String getNumber() { return number; }
    public String getName() { return name; }
    public CiClass getCiClass() { return ciClass; }
    public Lifecycle getLifecycle() { return lifecycle; }
    public String getOwner() { return owner; }
    public String getDescription() { return description; }
    public Map<String, String> getAttributes() { return attributes; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }

    void setName(String name) { this.name = name; }
    void setLifecycle(Lifecycle lifecycle) { this.lifecycle = lifecycle; }
    void setOwner(String owner) { this.owner = owner; }
    void setDescription(String description) { this.description = description; }
    void touch(Instant now) { this.updatedAt = now; }
}
