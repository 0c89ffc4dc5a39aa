package io.itsmhub.core.sla;

import org.springframework.data.jpa.repository.JpaRepository;

interface SlaTargetRepository extends JpaRepository<SlaTarget, String> { }
