package io.itsmhub.core.cmdb;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** Create a CI, or (with PATCH semantics: null means unchanged) update one. */
public record CiForm(@NotBlank @Size(max = 200) String name,
                     @NotNull CiClass ciClass,
                     Lifecycle lifecycle,
                     String owner,
                     @Size(max = 2000) String description,
                     Map<@Size(max = 100) String, @Size(max = 2000) String> attributes) { }
