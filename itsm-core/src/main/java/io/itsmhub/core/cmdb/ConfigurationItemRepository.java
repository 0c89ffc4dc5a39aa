package io.itsmhub.core.cmdb;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface ConfigurationItemRepository extends JpaRepository<ConfigurationItem, Long>,
        JpaSpecificationExecutor<ConfigurationItem> {

    Optional<ConfigurationItem> findByNumber(String number);

    Optional<ConfigurationItem> findByName(String name);

    List<ConfigurationItem> findByNumberIn(Collection<String> numbers);

    boolean existsByNumber(String number);
}
