package io.itsmhub.core.people;

import org.springframework.data.jpa.repository.JpaRepository;

interface SupportGroupRepository extends JpaRepository<SupportGroup, String> { }
