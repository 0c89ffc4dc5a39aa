package io.itsmhub.hub.mail;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which receiving mail servers the hub believes about a sender. Other components bind further keys under the same
 * prefix; this record ignores them.
 *
 * @param trustedAuthservIds the authserv-ids (RFC 8601) of the servers that receive the hub's mail, e.g.
 *                           {@code mx.example.com}; their Authentication-Results headers with a DKIM or SPF pass for
 *                           the From domain let a mail act as its sender. Those servers must remove such headers
 *                           from incoming mail (RFC 8601 section 5), or anyone can write them. Default none: only
 *                           replies with a reply token act as a person.
 */
@ConfigurationProperties("hub.mail")
record MailTrustSettings(List<String> trustedAuthservIds) {

    MailTrustSettings {
        trustedAuthservIds = trustedAuthservIds == null ? List.of() : List.copyOf(trustedAuthservIds);
    }
}
