package io.chorus.identity;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Someone who runs the deployment: creates organizations, belongs to none. */
@Entity
@Table(name = "operators")
public class Operator extends PanacheEntityBase {

    @Id
    public UUID id;
    public String email;
    @Column(name = "password_hash")
    public String passwordHash;
    @Column(name = "created_at")
    public Instant createdAt;

    public static Optional<Operator> findByEmail(String email) {
        return find("lower(email) = lower(?1)", email).firstResultOptional();
    }

    public static Optional<Operator> findByIdOptional(UUID id) {
        return Operator.<Operator> findByIdOptional((Object) id);
    }
}
