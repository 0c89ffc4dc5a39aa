package io.itsmhub.connectors.jenkins;

import java.net.URI;

/**
 * A trigger Jenkins accepted: its queue item. The build number is only known once the item leaves the queue.
 *
 * @param queueId      Jenkins' queue item id
 * @param queueItemUrl {@code <jenkins>/queue/item/<id>/}
 */
public record QueuedBuild(long queueId, URI queueItemUrl) { }
