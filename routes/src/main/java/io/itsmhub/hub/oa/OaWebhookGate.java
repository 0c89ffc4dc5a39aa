package io.itsmhub.hub.oa;

import io.itsmhub.connectors.oa.OaSettings;
import io.itsmhub.connectors.oa.OaSignature;
import io.itsmhub.hub.webhook.WebhookGate;
import io.itsmhub.hub.webhook.WebhookUnauthorizedException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * {@code POST /webhooks/oa} is signed over its body, so the signature itself can only be verified once the body is
 * read (by the route); before that, a request without well-formed signature headers or with a stale timestamp is
 * refused unread.
 */
@Component
@ConditionalOnExpression("!'${hub.oa.url:}'.isBlank()")
class OaWebhookGate implements WebhookGate {

    private final OaSignature signature;
    private final Clock clock;

    OaWebhookGate(OaSettings settings, Clock clock) {
        this.signature = new OaSignature(settings);
        this.clock = clock;
    }

    @Override
    public String path() {
        return "/webhooks/oa";
    }

    @Override
    public void admit(HttpServletRequest request) {
        if (!signature.plausible(request.getHeader(OaSignature.TIMESTAMP_HEADER), request.getHeader(OaSignature.SIGNATURE_HEADER),
                clock.instant())) {
            throw new WebhookUnauthorizedException("missing, invalid or expired OA signature");
        }
    }
}
