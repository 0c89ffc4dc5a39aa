package io.itsmhub.core.change;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ChangeTemplateRepository extends JpaRepository<ChangeTemplate, Long> {

    Optional<ChangeTemplate> findByName(String name);

    boolean existsByName(String name);
}
