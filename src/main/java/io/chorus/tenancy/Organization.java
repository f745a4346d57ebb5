package io.chorus.tenancy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A tenant: one company using Chorus. Not tenant-owned itself; only operators create them. */
@Entity
@Table(name = "organizations")
public class Organization extends PanacheEntityBase {

    @Id
    public UUID id;
    public String slug;
    public String name;
    @Column(name = "created_at")
    public Instant createdAt;
    /** Password sign-in refused for the organization's members but its admins (break-glass): they use SSO. */
    @Column(name = "sso_required")
    public boolean ssoRequired;
    /** The redirect URIs of the organization's apps that may receive a one-time SSO code. */
    @Column(name = "sso_redirect_uris")
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> ssoRedirectUris = new ArrayList<>();

    public static Optional<Organization> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public static Optional<Organization> findByIdOptional(UUID id) {
        return Organization.<Organization> findByIdOptional((Object) id);
    }
}
