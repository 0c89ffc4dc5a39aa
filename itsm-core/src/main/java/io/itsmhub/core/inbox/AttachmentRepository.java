package io.itsmhub.core.inbox;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AttachmentRepository extends JpaRepository<Attachment, Long> {

    List<Attachment> findByTicketNumberOrderById(String ticketNumber);
}
