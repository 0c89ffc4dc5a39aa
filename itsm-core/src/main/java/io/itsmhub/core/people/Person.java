package io.itsmhub.core.people;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** A user of the hub: requester, agent, manager or administrator. */
@Entity
@Table(name = "person")
public class Person {

    @Id
    @Column(length = 100)
    private String username;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(length = 200)
    private String email;

    @Column(length = 50)
    private String phone;

    @Column(length = 100)
    private String manager;

    @Column(nullable = false)
    private boolean active = true;

    /** Null for directory users, who log in against LDAP. */
    @Column(name = "password_hash", length = 200)
    private String passwordHash;

    @Column(nullable = false, length = 20)
    private String source = "local";

    /** The language messages to this person are written in (en, zh-CN); null = the hub's default. */
    @Column(length = 10)
    private String language;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "person_role", joinColumns = @JoinColumn(name = "username"))
    @Column(name = "role", length = 30)
    @Convert(converter = RoleConverter.class)
    private Set<Role> roles = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "group_member", joinColumns = @JoinColumn(name = "username"))
    @Column(name = "group_name", length = 100)
    private Set<String> groups = new LinkedHashSet<>();

    protected Person() { }

    public Person(String username, String displayName, Instant createdAt) {
        this.username = username;
        this.displayName = displayName;
        this.createdAt = createdAt;
    }

    public String getUsername() { return username; }
    public String getDisplayName() { return displayName; }
    public String getEmail() { return email; }
    public String getPhone() { return phone; }
    public String getManager() { return manager; }
    public boolean isActive() { return active; }
    public String getPasswordHash() { return passwordHash; }
    public String getSource() { return source; }
    public Instant getCreatedAt() { return createdAt; }
    public String getLanguage() { return language; }
    public Set<Role> getRoles() { return roles; }
    public Set<String> getGroups() { return groups; }

    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public void setEmail(String email) { this.email = email; }
    public void setPhone(String phone) { this.phone = phone; }
    public void setManager(String manager) { this.manager = manager; }
    public void setActive(boolean active) { this.active = active; }
    public void setLanguage(String language) { this.language = language; }
    public void setSource(String source) { this.source = source; }
    public void setPasswordHash(String passwordHash) { this.passwordHash = passwordHash; }
    public void setRoles(Set<Role> roles) { this.roles = new LinkedHashSet<>(roles); }
    public void setGroups(Set<String> groups) { this.groups = new LinkedHashSet<>(groups); }
}
