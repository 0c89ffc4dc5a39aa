package io.itsmhub.core.people;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PersonRepository extends JpaRepository<Person, String> {
    List<Person> findByGroupsContainsOrderByUsername(String group);

    List<Person> findBySourceAndActiveTrue(String source);

    List<Person> findByEmailIgnoreCaseAndActiveTrue(String email);
}
