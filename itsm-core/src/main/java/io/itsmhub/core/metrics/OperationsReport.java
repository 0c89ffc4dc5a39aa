package io.itsmhub.core.metrics;

import java.time.Instant;
import java.util.List;

/**
 * Every operations figure of the period {@code [from, to)}, the backlog matrix at {@code to} and the automatic vs by
 * hand fulfilment counts, for the console's dashboard.
 */
public record OperationsReport(Instant from, Instant to, List<Figure> figures, BacklogMatrix backlogByPriorityAndAge,
                               FulfilmentSplit automaticVsByHand) { }
