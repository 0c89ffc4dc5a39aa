/**
 * Changes, releases among them: standard, normal or emergency, assessed and authorised by a change
 * manager (never the change's own requester), scheduled in a planned window, implemented and reviewed
 * with an outcome. A release change names the pipeline that deploys it, its parameters and its target CIs.
 *
 * <p>Segregation of duties, the rules an auditor checks:
 * <ul>
 * <li><b>An authorisation covers what it saw.</b> Risk, window, pipeline, parameters, release version, rollback
 *     pipeline and target CIs ({@link io.itsmhub.core.change.ChangeEdit}) are what a change manager authorised.
 *     Changing one on an AUTHORISED or SCHEDULED change sends it back to ASSESS (journal: "reassess", the fields
 *     and who changed them) and it needs a change manager's authorisation again; an expedited emergency loses its
 *     one-step approval. Title and description change freely. Once implementation has started (a pipeline run in
 *     progress, IMPLEMENTING or REVIEW) the covered fields cannot change at all (409), so a build never runs
 *     something other than what was authorised.</li>
 * <li><b>Standard changes.</b> A template is a DRAFT until a change manager other than its author approves it;
 *     a change from a draft is refused (409). The approval is the pre-authorisation of every change made from the
 *     template, so such a change starts AUTHORISED with the approver as {@code authorisedBy} — unless its requester
 *     is that approver: then it starts in ASSESS and another change manager authorises it, because nobody
 *     authorises their own change. The template's author may request one (someone else approved it). The template
 *     fixes risk, pipeline, parameters, rollback and targets: they cannot be edited on the change (400); a new window
 *     on a scheduled standard change keeps the pre-authorisation but must be scheduled again (freeze check).</li>
 * <li><b>Separate roles.</b> change-manager (authorises) and release-manager (deploys) are not held by one person
 *     unless {@code hub.roles.allow-combined-manager-roles} is true (see {@link io.itsmhub.core.people.ManagerRoles});
 *     even then, and for every role, a requester never authorises their own change.</li>
 * </ul>
 */
package io.itsmhub.core.change;
