package io.itsmhub.core.change;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface ChangeRepository extends JpaRepository<Change, Long>, JpaSpecificationExecutor<Change> {
    Optional<Change> findByNumber(String number);
}
