package io.itsmhub.core.change;

public enum ChangeStatus { NEW, ASSESS, AUTHORISED, SCHEDULED, IMPLEMENTING, REVIEW, CLOSED }
