package io.chorus.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.chorus.identity.Role;
import io.chorus.sso.IdentityProviderResource.CreateIdentityProvider;
import io.chorus.sso.IdentityProviderResource.GroupMappingBody;
import io.chorus.sso.IdentityProviderResource.IdentityProviderView;
import io.chorus.sso.IdentityProviderResource.UpdateIdentityProvider;
import io.chorus.web.Formats.InvalidField;

/**
 * An identity provider's form as typed, so that a refused form comes back as it was sent (all but the client secret,
 * which a page never shows); and its translation into the identity provider service's requests. A mapping row whose IdP
 * group is blank is no mapping (emptying it removes one).
 */
public record IdentityProviderForm(String name, String issuer, String clientId, String domains, String emailClaim,
        String groupsClaim, boolean enabled, List<MappingRow> mappings) {

    /** How many empty rows the form offers for new mappings. */
    static final int BLANK_ROWS = 2;

    /** One mapping row as typed: the IdP group, and the roles and groups (ids as text) it gives. */
    public record MappingRow(int index, String idpGroup, Set<String> roleIds, Set<String> groupIds) {
        /** The row's number as people count: from 1. */
        public int number() {
            return index + 1;
        }

        /** Whether the box of this role is ticked. */
        public boolean gives(Object role) {
            return roleIds.contains(String.valueOf(role));
        }

        /** Whether this group is chosen. */
        public boolean in(Object groupId) {
            return groupIds.contains(String.valueOf(groupId));
        }
    }

    static IdentityProviderForm blank() {
        return new IdentityProviderForm("", "", "", "", "email", "groups", true, withBlankRows(List.of()));
    }

    static IdentityProviderForm of(IdentityProviderView provider) {
        List<MappingRow> rows = new ArrayList<>();
        for (GroupMappingBody mapping : provider.groupMappings()) {
            Set<String> roles = new LinkedHashSet<>();
            mapping.roles().forEach(r -> roles.add(r.id()));
            Set<String> groups = new LinkedHashSet<>();
            mapping.groupIds().forEach(g -> groups.add(g.toString()));
            rows.add(new MappingRow(rows.size(), mapping.idpGroup(), roles, groups));
        }
        return new IdentityProviderForm(provider.name(), provider.issuer(), provider.clientId(),
                String.join(", ", provider.allowedDomains()), provider.emailClaim(), provider.groupsClaim(),
                provider.enabled(), withBlankRows(rows));
    }

    /**
     * The form as sent: one {@code idpGroup} field per row, in order, and the ticked roles and chosen groups as
     * {@code <row>:<value>} (boxes left empty send nothing, so they name their row).
     */
    static IdentityProviderForm typed(String name, String issuer, String clientId, String domains, String emailClaim,
            String groupsClaim, String enabled, List<String> idpGroups, List<String> mappingRoles,
            List<String> mappingGroups) {
        List<MappingRow> rows = new ArrayList<>();
        List<String> groupsOfRows = idpGroups == null ? List.of() : idpGroups;
        for (int i = 0; i < groupsOfRows.size() && i < 1000; i++) {
            rows.add(new MappingRow(i, orEmpty(groupsOfRows.get(i)), valuesOf(mappingRoles, i),
                    valuesOf(mappingGroups, i)));
        }
        List<MappingRow> kept = new ArrayList<>(rows.stream().filter(r -> !r.idpGroup().isBlank()).toList());
        return new IdentityProviderForm(orEmpty(name).strip(), orEmpty(issuer).strip(), orEmpty(clientId).strip(),
                orEmpty(domains), orEmpty(emailClaim).strip(), orEmpty(groupsClaim).strip(),
                enabled != null && !enabled.isBlank(), withBlankRows(kept));
    }

    CreateIdentityProvider toCreate(String secret) throws InvalidField {
        return new CreateIdentityProvider(name, issuer, clientId, orEmpty(secret), domainList(), claim(emailClaim),
                claim(groupsClaim), mappingBodies(), enabled);
    }

    /** Every field as typed; the issuer and client id only when they changed, the secret only when one is typed. */
    UpdateIdentityProvider toUpdate(IdentityProviderView current, String secret) throws InvalidField {
        return new UpdateIdentityProvider(name, issuer.equals(current.issuer()) ? null : issuer,
                clientId.equals(current.clientId()) ? null : clientId,
                secret == null || secret.isEmpty() ? null : secret, domainList(),
                emailClaim.isEmpty() ? "email" : emailClaim, groupsClaim.isEmpty() ? "groups" : groupsClaim,
                mappingBodies(), enabled);
    }

    /** The allowed domains: separated by commas, spaces or lines. */
    List<String> domainList() {
        return Arrays.stream(domains.split("[,;\\s]+")).filter(d -> !d.isBlank()).toList();
    }

    private List<GroupMappingBody> mappingBodies() throws InvalidField {
        List<GroupMappingBody> bodies = new ArrayList<>();
        for (MappingRow row : mappings) {
            if (row.idpGroup().isBlank()) {
                continue;
            }
            List<Role> roles = new ArrayList<>();
            List<UUID> groups = new ArrayList<>();
            try {
                row.roleIds().forEach(r -> roles.add(Role.of(r)));
                row.groupIds().forEach(g -> groups.add(UUID.fromString(g)));
            } catch (IllegalArgumentException e) {
                throw new InvalidField("groupMappings");
            }
            bodies.add(new GroupMappingBody(row.idpGroup().strip(), roles, groups));
        }
        return bodies;
    }

    private static List<MappingRow> withBlankRows(List<MappingRow> rows) {
        List<MappingRow> all = new ArrayList<>();
        rows.forEach(r -> all.add(new MappingRow(all.size(), r.idpGroup(), r.roleIds(), r.groupIds())));
        for (int i = 0; i < BLANK_ROWS; i++) {
            all.add(new MappingRow(all.size(), "", Set.of(), Set.of()));
        }
        return all;
    }

    /** The values of one row among {@code <row>:<value>} fields. */
    private static Set<String> valuesOf(List<String> fields, int row) {
        Set<String> values = new LinkedHashSet<>();
        if (fields != null) {
            String prefix = row + ":";
            fields.stream().filter(f -> f != null && f.startsWith(prefix)).map(f -> f.substring(prefix.length()))
                    .forEach(values::add);
        }
        return values;
    }

    private static String claim(String value) {
        return value.isEmpty() ? null : value;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
