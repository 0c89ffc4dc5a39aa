/**
 * The append-only journal of every ticket and CI: who or what did what, when, and what changed.
 * Only {@link io.itsmhub.core.journal.Journal} writes it, and it has no update or delete.
 */
package io.itsmhub.core.journal;
