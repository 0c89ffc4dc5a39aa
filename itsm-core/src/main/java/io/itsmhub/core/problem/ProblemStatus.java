package io.itsmhub.core.problem;

public enum ProblemStatus { NEW, INVESTIGATING, RESOLVED, CLOSED, CANCELLED }
