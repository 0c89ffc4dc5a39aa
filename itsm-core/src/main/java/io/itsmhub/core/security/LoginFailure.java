package io.itsmhub.core.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One failed login: in the database, so that every hub process on it counts the same failures. */
@Entity
@Table(name = "login_failure")
class LoginFailure {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 100)
    private String account;

    @Column(nullable = false, length = 64)
    private String address;

    @Column(name = "failed_at", nullable = false)
    private Instant failedAt;

    protected LoginFailure() { }

    LoginFailure(String account, String address, Instant failedAt) {
        this.account = account;
        this.address = address;
        this.failedAt = failedAt;
    }
}
