package io.itsmhub.core.security;

/** The role expressions the controllers use in {@code @PreAuthorize}, in one place so they read the same everywhere. */
public final class Roles {
    private Roles() { }

    public static final String ADMIN = "hasRole('ADMIN')";
    /** Anyone who works tickets rather than only raising them. */
    public static final String STAFF = "hasAnyRole('AGENT','CHANGE_MANAGER','RELEASE_MANAGER','ADMIN')";
    public static final String AGENT = "hasAnyRole('AGENT','ADMIN')";
    public static final String CHANGE_MANAGER = "hasAnyRole('CHANGE_MANAGER','ADMIN')";
    public static final String RELEASE = "hasAnyRole('RELEASE_MANAGER','CHANGE_MANAGER','ADMIN')";
}
