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

    public static final String BY_DIRECTORY = "directory";
    public static final String BY_HUB = "hub";

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

    /**
     * Who deactivated an inactive person: {@link #BY_DIRECTORY} (gone from or disabled in the directory) or
     * {@link #BY_HUB} (an administrator, an HR leaver). The directory may only undo its own deactivations, so that a
     * person an administrator switched off cannot switch themselves on again by logging in with their LDAP password.
     */
    @Column(name = "deactivated_by", length = 20)
    private String deactivatedBy;

    /** The language messages to this person are written in (en, zh-CN); null = the hub's default. */
    @Column(length = 10)
    private String language;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The desk this person works on or belongs to; routing and visibility read it. Null = the head office. */
    @Column(name = "desk_code", length = 40)
    private String deskCode;

    @Column(length = 100)
    private String department;

    @Column(length = 100)
    private String location;

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

    public String getDeskCode() { return deskCode; }
    public String getDepartment() { return department; }
    public String getLocation() { return location; }

    void place(String deskCode, String department, String location) {
        this.deskCode = deskCode;
        this.department = department;
        this.location = location;
    }

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
    public String getDeactivatedBy() { return deactivatedBy; }

    /**
     * An account that signs in with a password kept here (the bootstrap {@code admin}, API and demo users): the
     * directory never takes it over. A local record without a password (an HR joiner, a contact) is not an account
     * yet, and becomes the directory's at its owner's first directory login or sync.
     */
    public boolean isLocalAccount() {
        return !DirectorySync.SOURCE.equals(source) && passwordHash != null;
    }
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
    /** Activating clears who deactivated; deactivating here (not by the directory) is the hub's decision. */
    public void setActive(boolean active) {
        if (active) {
            this.deactivatedBy = null;
        } else if (this.active || deactivatedBy == null) {
            this.deactivatedBy = BY_HUB;
        }
        this.active = active;
    }

    /** The directory says the person is gone or disabled; a deactivation by the hub stays the hub's. */
    void deactivateFromDirectory() {
        if (active) {
            active = false;
            deactivatedBy = BY_DIRECTORY;
        }
    }

    /** The directory says the person is there: back on only when it was the directory that switched them off. */
    void reactivateFromDirectory() {
        if (!active && BY_DIRECTORY.equals(deactivatedBy)) {
            active = true;
            deactivatedBy = null;
        }
    }
    public void setLanguage(String language) { this.language = language; }
    public void setSource(String source) { this.source = source; }
    public void setPasswordHash(String passwordHash) { this.passwordHash = passwordHash; }
    public void setRoles(Set<Role> roles) { this.roles = new LinkedHashSet<>(roles); }
    public void setGroups(Set<String> groups) { this.groups = new LinkedHashSet<>(groups); }
}
