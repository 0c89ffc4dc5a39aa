package io.itsmhub.core.request.oa;

import org.springframework.data.jpa.repository.JpaRepository;

interface OaCallbackRepository extends JpaRepository<OaCallback, String> { }
