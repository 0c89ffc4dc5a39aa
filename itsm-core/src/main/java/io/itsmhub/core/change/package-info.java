/**
 * Changes, releases among them: standard, normal or emergency, assessed and authorised by a change
 * manager (never the change's own requester), scheduled in a planned window, implemented and reviewed
 * with an outcome. A release change names the pipeline that deploys it, its parameters and its target CIs.
 */
package io.itsmhub.core.change;
