-- Every instance keeps its leaderboards in memory (scoring/Standings) and patches them with the members whose
-- figures, listing or groups changed. The chorus_standings signal tells every instance of such changes the moment
-- they commit, whoever made them (a click batch, a share, an adjustment, an opt-out, a group change, SQL by hand):
-- the organization, then a colon and the members' ids when there are at most 100 (else the whole organization).
create function standings_signal() returns trigger language plpgsql as $$
declare
    changed record;
begin
    for changed in select organization_id, count(distinct member_id) as members,
                          string_agg(distinct member_id::text, ',') as ids
                   from changed_rows group by organization_id loop
        perform pg_notify('chorus_standings', changed.organization_id::text
                          || case when changed.members <= 100 then ':' || changed.ids else '' end);
    end loop;
    return null;
end
$$;

create trigger score_totals_added_signal after insert on score_totals
    referencing new table as changed_rows for each statement execute function standings_signal();
create trigger score_totals_changed_signal after update on score_totals
    referencing new table as changed_rows for each statement execute function standings_signal();
create trigger group_memberships_added_signal after insert on group_memberships
    referencing new table as changed_rows for each statement execute function standings_signal();
create trigger group_memberships_removed_signal after delete on group_memberships
    referencing old table as changed_rows for each statement execute function standings_signal();
