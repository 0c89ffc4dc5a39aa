package io.itsmhub.connectors.oa;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A decision the OA system posts back to the hub ({@code POST /webhooks/oa}, after {@link OaSignature#verify}).
 *
 * @param approvalId the hub's id of the approval, as sent in {@link OaApprovalRequest#approvalId()}; required
 * @param decision   {@value #APPROVED} or {@value #REJECTED}; required
 * @param decidedBy  who decided, as the OA system knows people; required for the audit trail
 * @param comment    the approver's comment, or null
 * @param nonce      a value unique per callback, so the hub can ignore a repeat within the signature window; or null
 */
public record OaDecision(String approvalId, String decision, String decidedBy, String comment, String nonce) {

    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_SHOWN = 40;

    public OaDecision {
        if (approvalId == null || approvalId.isBlank()) {
            throw new IllegalArgumentException("an OA decision needs the approvalId");
        }
        // Exact values only: guessing at "approve", "yes" or "1" is how a rejection becomes an approval.
        if (!APPROVED.equals(decision) && !REJECTED.equals(decision)) {
            throw new IllegalArgumentException("unknown OA decision '" + shown(decision) + "' for approval "
                    + shown(approvalId) + "; expected " + APPROVED + " or " + REJECTED);
        }
        if (decidedBy == null || decidedBy.isBlank()) {
            throw new IllegalArgumentException("an OA decision needs decidedBy");
        }
    }

    public boolean approved() {
        return APPROVED.equals(decision);
    }

    /**
     * Reads a callback body: {@code {"approvalId":…,"decision":…,"decidedBy":…,"comment":…,"nonce":…}}; other
     * fields are ignored, so the OA system may send more.
     *
     * @throws IllegalArgumentException for anything else: not JSON, not an object, a field that is an object or
     *                                  array, a missing field, an unknown decision
     */
    public static OaDecision parse(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json == null ? "" : json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("an OA decision must be JSON: " + e.getOriginalMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("an OA decision must be a JSON object");
        }
        return new OaDecision(text(node, "approvalId"), text(node, "decision"), text(node, "decidedBy"),
                text(node, "comment"), text(node, "nonce"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw new IllegalArgumentException("OA decision field " + field + " must be a string");
        }
        return value.asText();
    }

    private static String shown(String s) {
        return s == null ? "null" : s.length() <= MAX_SHOWN ? s : s.substring(0, MAX_SHOWN) + "…";
    }
}
