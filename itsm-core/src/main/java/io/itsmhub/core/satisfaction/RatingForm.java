package io.itsmhub.core.satisfaction;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * A rating as the API receives it. The range of {@code score} and the length of {@code comment} are checked by
 * {@link SatisfactionService}, so that a REST client and the console calling the service hear the same message.
 */
record RatingForm(@NotBlank String ticket, @NotNull Integer score, String comment) { }
