package io.chorus.sharing;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;

import io.chorus.common.Pages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The tracked short link: 302 to the content's URL with the share's UTM parameters. Links already shared live forever,
 * so archived content still redirects; robots get the redirect too. Codes are unique across the deployment, so the
 * look-up names no organization.
 */
@Path("/s/{code}")
@PermitAll
public class ShortLinkResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance unknown();
    }

    private final EntityManager em;

    @Inject
    public ShortLinkResource(EntityManager em) {
        this.em = em;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Transactional
    @SuppressWarnings("unchecked")
    public Response follow(@RestPath String code, HttpHeaders headers) {
        List<Object[]> rows = code.length() > 32 ? List.of()
                : em.createNativeQuery("select c.url, s.network from shares s join content c"
                        + " on c.id = s.content_id and c.organization_id = s.organization_id where s.code = ?1")
                        .setParameter(1, code).getResultList();
        if (rows.isEmpty()) {
            return Pages.page(404, Templates.unknown(), Pages.localeOf(headers));
        }
        String target = UtmLinks.tag((String) rows.get(0)[0], (String) rows.get(0)[1], UtmLinks.ALWAYS_ON, code);
        return Response.status(Response.Status.FOUND).location(URI.create(target)).header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer-when-downgrade").build();
    }
}
