/**
 * The HR feed: joiners, movers and leavers become people, their access requests and, for leavers, the revocation
 * of their access and the hand-over of their open tickets to their group.
 */
package io.itsmhub.core.hr;
