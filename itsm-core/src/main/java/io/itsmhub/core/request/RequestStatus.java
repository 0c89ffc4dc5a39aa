package io.itsmhub.core.request;

public enum RequestStatus { SUBMITTED, AWAITING_APPROVAL, APPROVED, IN_FULFILMENT, FULFILLED, REJECTED, CANCELLED }
