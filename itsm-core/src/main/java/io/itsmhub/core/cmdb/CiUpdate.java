package io.itsmhub.core.cmdb;

import jakarta.validation.constraints.Size;
import java.util.Map;

/** Fields that may change after creation; null leaves a field as it is, an attribute set to null is removed. */
public record CiUpdate(@Size(max = 200) String name, Lifecycle lifecycle, String owner,
                       @Size(max = 2000) String description, Map<@Size(max = 100) String, String> attributes) { }
