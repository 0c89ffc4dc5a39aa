package io.itsmhub.core.fulfilment;

import java.util.Map;

/**
 * One step to run now, leased to the caller: the request and its form values, the requester, and what earlier
 * steps produced (VM names, IPs). {@code attempt} counts tries of this step since it last succeeded.
 */
public record StepOrder(String request, String catalogItem, String requester, Step step, Map<String, Object> values,
                        Map<String, Object> data, int attempt) { }
