package io.itsmhub.core.desk;

import org.springframework.data.jpa.repository.JpaRepository;

interface ServiceDeskRepository extends JpaRepository<ServiceDesk, String> { }
