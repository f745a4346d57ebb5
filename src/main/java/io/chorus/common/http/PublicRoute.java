package io.chorus.common.http;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A public operation served by a Vert.x route rather than a JAX-RS resource (where every microsecond counts). It names
 * the operation as openapi.yaml does, so that the contract test sees it; the route is registered from it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PublicRoute {

    /** The HTTP method, as in the contract (HEAD is answered too). */
    String method();

    /** The path with {@code {name}} parameters, as in the contract. */
    String path();

    /** The parameters it reads, as {@code path:name}, {@code query:name} or {@code header:name}. */
    String[] parameters() default {};
}
