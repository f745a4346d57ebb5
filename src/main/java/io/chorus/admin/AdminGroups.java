package io.chorus.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.chorus.common.paging.Page;
import io.chorus.common.paging.PageRequest;
import io.chorus.tenancy.GroupService;
import io.chorus.tenancy.TenancyViews.GroupView;

/** Every group of the organization, for the pages that offer them as choices (read page by page, by name). */
final class AdminGroups {

    private AdminGroups() {
    }

    static List<GroupView> all(GroupService groups) {
        List<GroupView> all = new ArrayList<>();
        String cursor = null;
        do {
            Page<GroupView> page = groups.list(PageRequest.of(String.valueOf(PageRequest.MAX_LIMIT), cursor, 2));
            all.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }

    /** Group ids by lower-case name (names are unique, case-insensitively). */
    static Map<String, UUID> byName(List<GroupView> groups) {
        Map<String, UUID> ids = new LinkedHashMap<>();
        groups.forEach(g -> ids.put(g.name().toLowerCase(Locale.ROOT), g.id()));
        return ids;
    }

    /** Group names by id. */
    static Map<UUID, String> names(List<GroupView> groups) {
        Map<UUID, String> names = new LinkedHashMap<>();
        groups.forEach(g -> names.put(g.id(), g.name()));
        return names;
    }
}
