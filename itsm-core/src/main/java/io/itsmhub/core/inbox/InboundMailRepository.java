package io.itsmhub.core.inbox;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface InboundMailRepository extends JpaRepository<InboundMail, Long> {

    boolean existsByMessageId(String messageId);

    List<InboundMail> findTop100ByStatusOrderByIdDesc(InboundMail.Status status);
}
