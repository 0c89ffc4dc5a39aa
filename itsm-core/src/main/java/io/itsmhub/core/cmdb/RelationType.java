package io.itsmhub.core.cmdb;

/**
 * Every relation reads "source TYPE target" and means the source needs the target: an application
 * RUNS_ON a VM, a VM is HOSTED_ON a cluster, a service DEPENDS_ON a database. So the CIs that depend on X
 * are those from which a path of relations leads to X.
 */
public enum RelationType { DEPENDS_ON, RUNS_ON, HOSTED_ON, CONNECTS_TO }
