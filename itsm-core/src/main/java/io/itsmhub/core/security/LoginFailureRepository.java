package io.itsmhub.core.security;

import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface LoginFailureRepository extends JpaRepository<LoginFailure, Long> {

    @Query("select f.failedAt from LoginFailure f where f.account = :account and f.failedAt > :since and f.failedAt <= :now"
            + " order by f.failedAt desc")
    List<Instant> accountFailures(String account, Instant since, Instant now, Pageable limit);

    @Query("select f.failedAt from LoginFailure f where f.address = :address and f.failedAt > :since and f.failedAt <= :now"
            + " order by f.failedAt desc")
    List<Instant> addressFailures(String address, Instant since, Instant now, Pageable limit);

    @Transactional
    @Modifying
    @Query("delete from LoginFailure f where f.account = :account")
    int forgetAccount(String account);

    @Transactional
    @Modifying
    @Query("delete from LoginFailure f where f.failedAt <= :before")
    int forgetOlderThan(Instant before);
}
