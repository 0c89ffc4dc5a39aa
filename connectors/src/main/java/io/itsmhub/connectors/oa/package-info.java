/**
 * The OA connector: hands an approval to the company's OA (office automation) system, whose workflow asks the
 * approver, and accepts the decision the OA system posts back. Both directions are signed with one shared
 * secret: {@code X-ITSM-Timestamp} (epoch seconds) and {@code X-ITSM-Signature: sha256=<hex HmacSHA256(secret,
 * timestamp + "." + body)>}. Out: {@link io.itsmhub.connectors.oa.HttpOaClient}; in:
 * {@link io.itsmhub.connectors.oa.OaSignature} and {@link io.itsmhub.connectors.oa.OaDecision} for the hub's
 * {@code POST /webhooks/oa}. Configured by {@link io.itsmhub.connectors.oa.OaSettings} under {@code hub.oa};
 * every client failure is a {@link io.itsmhub.connectors.ConnectorException} of system {@code "oa"}.
 */
package io.itsmhub.connectors.oa;
