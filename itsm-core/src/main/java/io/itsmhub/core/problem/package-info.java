/**
 * Problems: the unknown cause behind one or more incidents, investigated until its root cause is found;
 * a known error records the cause and a workaround that agents can apply meanwhile.
 */
package io.itsmhub.core.problem;
