package io.chorus.identity;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.chorus.common.Time;
import io.chorus.common.config.ChorusConfig;
import io.quarkus.runtime.StartupEvent;

/** Creates the operator named by CHORUS_BOOTSTRAP_OPERATOR_EMAIL/_PASSWORD if it does not exist. */
@ApplicationScoped
public class OperatorBootstrap {

    private static final Logger LOG = Logger.getLogger(OperatorBootstrap.class);

    private final ChorusConfig config;
    private final PasswordHasher hasher;

    @Inject
    public OperatorBootstrap(ChorusConfig config, PasswordHasher hasher) {
        this.config = config;
        this.hasher = hasher;
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        var bootstrap = config.bootstrap();
        if (bootstrap.operatorEmail().isEmpty()) {
            return;
        }
        String email = bootstrap.operatorEmail().get().trim();
        String password = bootstrap.operatorPassword().orElseThrow(() -> new IllegalStateException(
                "CHORUS_BOOTSTRAP_OPERATOR_PASSWORD must be set with CHORUS_BOOTSTRAP_OPERATOR_EMAIL"));
        if (Operator.findByEmail(email).isPresent()) {
            return;
        }
        PasswordHasher.requireAcceptable("chorus.bootstrap.operator-password", password);
        Operator operator = new Operator();
        operator.id = UUID.randomUUID();
        operator.email = email;
        operator.passwordHash = hasher.hash(password);
        operator.createdAt = Time.now();
        operator.persist();
        LOG.infof("Created the bootstrap operator %s", email);
    }
}
