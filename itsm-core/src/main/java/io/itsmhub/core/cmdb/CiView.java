package io.itsmhub.core.cmdb;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

public record CiView(String number, String name, CiClass ciClass, Lifecycle lifecycle, String owner,
                     String description, Map<String, String> attributes, Instant createdAt, Instant updatedAt) {

    static CiView of(ConfigurationItem ci) {
        return new CiView(ci.getNumber(), ci.getName(), ci.getCiClass(), ci.getLifecycle(), ci.getOwner(),
                ci.getDescription(), new TreeMap<>(ci.getAttributes()), ci.getCreatedAt(), ci.getUpdatedAt());
    }
}
