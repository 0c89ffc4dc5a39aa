package io.itsmhub.core.desk;

/** What routing knows of a new ticket; {@code homeDesk} is the requester's, the fallback when no rule matches. */
public record RoutingFacts(String ticketType, String department, String location, String category, String service,
                           String homeDesk) { }
