package io.itsmhub.core.desk;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A desk as an administrator saves it; {@code parent} is null only for the root (the head office). */
public record DeskForm(@NotBlank @Size(max = 200) String name,
                       @Pattern(regexp = "[A-Z][A-Z0-9-]{1,39}", message = "is a desk code: 2-40 capitals, digits or '-'")
                       String parent,
                       Boolean seesChildren) { }
