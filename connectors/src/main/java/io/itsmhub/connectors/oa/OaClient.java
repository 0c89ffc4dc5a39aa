package io.itsmhub.connectors.oa;

/**
 * Hands approvals to the OA system. Throws {@link io.itsmhub.connectors.ConnectorException} (system {@code "oa"})
 * on failure: retryable when the OA system could not be reached, timed out or answered 408, 429 or 5xx;
 * permanent for another 4xx or an answer without an id.
 */
public interface OaClient {

    /**
     * Submits one approval. A retry after a timeout may submit it twice; the OA system should treat
     * {@link OaApprovalRequest#approvalId()} as the idempotency key.
     *
     * @return the OA system's id for it
     */
    String submit(OaApprovalRequest request);
}
