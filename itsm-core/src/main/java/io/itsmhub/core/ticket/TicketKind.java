package io.itsmhub.core.ticket;

import java.util.Optional;
import java.util.function.Function;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/**
 * How the kernel reaches one ticket type's rows: its name and number prefix, the attribute holding who raised it
 * (null when nobody outside the desk does), and its store. Built by the type's service, which alone holds its
 * repository, and registered with the {@link TicketKernel}.
 */
public record TicketKind<T extends Ticket>(String type, String prefix, String raisedByAttribute,
                                           Function<String, Optional<T>> finder, JpaSpecificationExecutor<T> store) { }
