/**
 * The release view: release changes (changes with a pipeline) by deployment window, and one release's page with
 * its window, who authorised it, its target CIs, the actions its state and the viewer's role allow (authorise,
 * schedule, deploy, abort, roll back, cancel), the pipeline's live progress as Jenkins reports it, the incidents
 * linked to it during the post-release watch, and its journal. Start reading at {@link
 * io.itsmhub.hub.console.release.ReleasePage}.
 */
package io.itsmhub.hub.console.release;
