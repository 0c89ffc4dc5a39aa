package io.itsmhub.core.people;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores roles by their user-facing id ("change-manager"), the name that configuration and LDAP mappings use. */
@Converter
class RoleConverter implements AttributeConverter<Role, String> {
    @Override
    public String convertToDatabaseColumn(Role role) { return role == null ? null : role.id(); }

    @Override
    public Role convertToEntityAttribute(String id) { return id == null ? null : Role.fromId(id); }
}
