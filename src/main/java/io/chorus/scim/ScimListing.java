package io.chorus.scim;

import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import io.chorus.scim.ScimQuery.Attribute;
import io.chorus.scim.ScimQuery.Condition;

/**
 * One page of a SCIM list: the resources a filter selects, oldest first ({@code createdAt}, then id: a resource created
 * while an identity provider pages through joins the end), and how many it selects in all.
 */
record ScimListing<T>(long total, List<T> page) {

    /**
     * @param from
     *            the HQL of every resource of the list, e.g. {@code from Member m where m.erasedAt is null}; its alias
     *            is the one the attributes' expressions use
     */
    static <T> ScimListing<T> of(EntityManager em, Class<T> type, String from, String alias, String filter,
            List<String> schemas, Map<String, Attribute> attributes, ScimPaging paging) {
        String where = from;
        Map<String, Object> parameters = Map.of();
        if (filter != null && !filter.isBlank()) {
            Condition condition = ScimQuery.of(ScimFilter.parse(filter, schemas), attributes);
            where += " and " + condition.hql();
            parameters = condition.parameters();
        }
        TypedQuery<Long> count = em.createQuery("select count(" + alias + ") " + where, Long.class);
        parameters.forEach(count::setParameter);
        long total = count.getSingleResult();
        if (paging.count() == 0 || total <= paging.offset()) {
            return new ScimListing<>(total, List.of());
        }
        TypedQuery<T> page = em.createQuery(where + " order by " + alias + ".createdAt, " + alias + ".id", type)
                .setFirstResult(paging.offset()).setMaxResults(paging.count());
        parameters.forEach(page::setParameter);
        return new ScimListing<>(total, page.getResultList());
    }
}
