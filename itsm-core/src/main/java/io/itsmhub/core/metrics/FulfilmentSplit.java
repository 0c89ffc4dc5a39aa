package io.itsmhub.core.metrics;

import java.time.LocalDate;
import java.util.List;

/** Requests fulfilled in a period, automatically (their fulfilment plan finished) or by hand, in all and per UTC day. */
public record FulfilmentSplit(long automatic, long byHand, List<Day> series) {

    public record Day(LocalDate day, long automatic, long byHand) { }
}
