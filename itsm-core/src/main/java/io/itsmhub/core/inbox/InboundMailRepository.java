package io.itsmhub.core.inbox;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface InboundMailRepository extends JpaRepository<InboundMail, Long> {

    boolean existsByMailKey(String mailKey);

    List<InboundMail> findTop100ByStatusOrderByIdDesc(InboundMail.Status status);
}
