package io.itsmhub.core.outbox;

import java.util.List;

/**
 * Publications handed to one claimant under one lease. Only the holder of {@code token} can acknowledge, fail, park
 * or release them: once the lease ran out and another hub claimed them again, the late holder's word changes nothing.
 */
public record Claim(String token, List<Publication> publications) {

    public static final Claim NONE = new Claim(null, List.of());

    public boolean isEmpty() {
        return publications.isEmpty();
    }
}
