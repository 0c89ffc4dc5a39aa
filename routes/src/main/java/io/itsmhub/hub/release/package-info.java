/**
 * The release loop: an authorised release change whose window opens (or a release manager's deploy) starts its
 * Jenkins pipeline; the hub follows the queue item and the build to their result and writes it back to the change,
 * the CMDB and, on failure, an incident. Start reading at {@link io.itsmhub.hub.release.ReleasePipelineRoute}.
 */
package io.itsmhub.hub.release;
