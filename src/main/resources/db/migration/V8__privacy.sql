-- Privacy: hiding from leaderboards, and the right to erasure.

-- A member may hide from everyone else's leaderboards (they still see their own rank). Visible by default.
alter table members add column leaderboard_visible boolean not null default true;

-- An erased member keeps their row, so that their shares, clicks and points still count in the organization's
-- figures, but it no longer says who they were: no email, no password, a neutral name, never active again.
alter table members add column erased_at timestamptz;
alter table members alter column email drop not null;
alter table members add constraint members_email_present check (email is not null or erased_at is not null);
alter table members add constraint members_erased_check check (
    erased_at is null or (email is null and password_hash is null and status = 'deactivated'));

-- The one definition of who leaderboards list: active, visible, not erased. score_totals.listed copies it (the
-- awarding transaction when it creates a row, and whatever changes one of these when it changes).
alter table members add column listed boolean generated always as (
    status = 'active' and leaderboard_visible and erased_at is null) stored;

-- The member list is ordered by email; erased members (no email) come first.
drop index members_org_email_idx;
create index members_org_email_idx on members (organization_id, coalesce(lower(email), ''), id);

-- The ledger stays append-only, with one exception: erasure replaces an adjustment's reason (a free text about the
-- member, written by an admin) with a fixed marker. Nothing else of the row may change, so no figure does.
create or replace function points_ledger_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and new.reason = '(erased)' and old.action = 'adjustment'
       and to_jsonb(new) - 'reason' = to_jsonb(old) - 'reason' then
        return new;
    end if;
    raise exception 'points_ledger is append-only: % refused', tg_op;
end
$$;

-- What the trail says about one member: their export, and their erasure (which blanks reasons written about them).
create index audit_events_target_idx on audit_events (organization_id, target_id, at desc, id desc);
