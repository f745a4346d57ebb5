-- The unfiltered page of a member's feed, the read every app screen makes. It is the statement FeedService writes for
-- a page (see its VISIBLE), kept here only to be planned once per connection: called from the client, PostgreSQL
-- planned it for each request (custom plans, ~0.2 ms, more than running it), because the generic plan's estimate of a
-- parameterised limit is never the cheaper. Its plan is the same either way: the feed index, newest first, to the limit.
-- A cursor's published_at also bounds the index scan (least ignores a null), so a deep page starts where it should.
create or replace function feed_page(p_organization uuid, p_member uuid, p_now timestamptz, p_before_at timestamptz,
        p_before_id uuid, p_limit int)
    returns table (published_at timestamptz, id uuid, version bigint, shared_by_me boolean)
    language plpgsql stable
    set plan_cache_mode = force_generic_plan
as $$
begin
    return query
    select c.published_at, c.id, c.xmin::text::bigint,
           coalesce((select true from shares s where s.organization_id = c.organization_id
                     and s.member_id = p_member and s.content_id = c.id limit 1), false)
    from content c
    where c.organization_id = p_organization and c.status in ('published', 'scheduled')
      and c.published_at <= least(p_now, p_before_at) and (c.expires_at is null or c.expires_at > p_now)
      and (p_before_at is null or (c.published_at, c.id) < (p_before_at, p_before_id))
      and (c.targets_everyone or c.target_group_ids
            && array(select m.group_id from group_memberships m where m.member_id = p_member))
    order by c.published_at desc, c.id desc
    limit p_limit;
end
$$;
