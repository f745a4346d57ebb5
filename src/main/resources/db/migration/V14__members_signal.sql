-- Every instance remembers which members may act (identity/ActiveMembers) and must forget one the moment their status
-- or organization changes, whoever changes it: the database announces it on the chorus_members channel, with the
-- member's id, when the change commits.
create function members_signal() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        perform pg_notify('chorus_members', old.id::text);
    elsif new.status is distinct from old.status or new.organization_id is distinct from old.organization_id then
        perform pg_notify('chorus_members', new.id::text);
    end if;
    return null;
end
$$;

create trigger members_signal after update or delete on members
    for each row execute function members_signal();
