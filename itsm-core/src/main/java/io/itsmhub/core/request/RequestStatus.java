package io.itsmhub.core.request;

public enum RequestStatus { SUBMITTED, AWAITING_APPROVAL, APPROVED, IN_FULFILMENT, ON_HOLD, FULFILLED, REJECTED, CANCELLED }
