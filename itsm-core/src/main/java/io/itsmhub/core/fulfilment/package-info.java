/**
 * Automated fulfilment of catalog requests: a plan of ordered steps per catalog item (e.g. vm: create the VMs,
 * wait for them, configure them, register them, close the request), each step leased to one hub at a time and
 * recorded when done, so that a failed step holds the request for an agent and a restarted hub resumes where it was.
 */
package io.itsmhub.core.fulfilment;
