package io.chorus.common.tenant;

import java.util.UUID;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Quarkus hands Hibernate the tenant as a string; the {@code organization_id} columns are {@code uuid}. Tenant-owned
 * entities declare {@code @TenantId @Convert(converter = TenantIdConverter.class)
 * String organizationId}.
 */
@Converter
public class TenantIdConverter implements AttributeConverter<String, UUID> {

    @Override
    public UUID convertToDatabaseColumn(String tenantId) {
        return tenantId == null ? null : UUID.fromString(tenantId);
    }

    @Override
    public String convertToEntityAttribute(UUID column) {
        return column == null ? null : column.toString();
    }
}
