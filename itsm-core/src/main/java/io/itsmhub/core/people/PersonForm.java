package io.itsmhub.core.people;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** Create or replace a local user. {@code password} is optional: without it the user cannot log in locally. */
public record PersonForm(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{1,100}", message = "letters, digits and . _ @ - only") String username,
        @NotBlank @Size(max = 200) String displayName,
        @Email @Size(max = 200) String email,
        @Size(max = 50) String phone,
        String manager,
        @Size(min = 8, max = 200, message = "at least 8 characters") String password,
        Set<Role> roles,
        Set<String> groups) { }
