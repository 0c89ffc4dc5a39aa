package io.itsmhub.core.people;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An assignment group (service desk, network team, security, …). Members are kept on {@link Person}. */
@Entity
@Table(name = "support_group")
public class SupportGroup {

    @Id
    @Column(length = 100)
    private String name;

    @Column(length = 500)
    private String description;

    @Column(length = 200)
    private String email;

    protected SupportGroup() { }

    public SupportGroup(String name, String description, String email) {
        this.name = name;
        this.description = description;
        this.email = email;
    }

    public String getName() { return name; }
    public String getDescription() { return description; }
    public String getEmail() { return email; }
    public void setDescription(String description) { this.description = description; }
    public void setEmail(String email) { this.email = email; }
}
