-- The chorus_members signal (V14) also tells of a member's new name: every instance remembers the names its
-- leaderboards show (tenancy/MemberNames) and forgets one the moment the signal comes.
create or replace function members_signal() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        perform pg_notify('chorus_members', old.id::text);
    elsif new.status is distinct from old.status or new.organization_id is distinct from old.organization_id
          or new.name is distinct from old.name then
        perform pg_notify('chorus_members', new.id::text);
    end if;
    return null;
end
$$;
