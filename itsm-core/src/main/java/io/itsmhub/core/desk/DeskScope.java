package io.itsmhub.core.desk;

import java.util.Set;

/**
 * The desks whose tickets a person may see: the desks of their groups, and below each one that sees its children.
 * {@code all} is for administrators and the hub itself; a requester's scope is empty (they see their own tickets by
 * being their requester, not by desk).
 */
public record DeskScope(boolean all, Set<String> desks) {

    public static final DeskScope ALL = new DeskScope(true, Set.of());

    public DeskScope {
        desks = Set.copyOf(desks);
    }

    public boolean sees(String desk) {
        return all || desks.contains(desk);
    }
}
