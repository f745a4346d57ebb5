package io.chorus.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

import io.chorus.common.problem.ProblemException;

/** Argon2id password hashes (password4j). */
@ApplicationScoped
public class PasswordHasher {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 256;

    private final Argon2Function function;
    /** Verified against when an account does not exist, so that both answers take as long. */
    private final String decoy;

    @Inject
    public PasswordHasher(AuthConfig config) {
        AuthConfig.PasswordHash p = config.passwordHash();
        this.function = Argon2Function.getInstance(p.memoryKib(), p.iterations(), p.parallelism(), 32, Argon2.ID);
        this.decoy = hash("decoy-password-never-used");
    }

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(function).getResult();
    }

    public boolean matches(String password, String hash) {
        if (hash == null) {
            Password.check(password, decoy).with(function);
            return false;
        }
        return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
    }

    public static void requireAcceptable(String field, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw ProblemException.invalid(field, "must be at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            throw ProblemException.invalid(field, "must be at most " + MAX_LENGTH + " characters");
        }
    }
}
