package io.itsmhub.core.cmdb;

public enum CiClass { SERVICE, APPLICATION, HOST, VM, DATABASE, MIDDLEWARE, CLUSTER, NETWORK, STORAGE }
