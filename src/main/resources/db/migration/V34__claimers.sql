-- Who holds a claimed mail or webhook delivery: the backend pid of the sender's connection, which holds a session
-- advisory lock keyed by that pid for the whole batch (chorus_claims_hold). When the sender's instance dies its
-- connection ends, the lock with it, and another sender takes the row over at once (chorus_claim_abandoned) instead of
-- waiting for lease_until, which stays as the bound for a sender that is alive but stuck.
alter table mail_outbox add column claimed_by integer;
alter table webhook_deliveries add column claimed_by integer;

-- 1668047209 = 'clai': the first key of the two-key advisory locks of claimers, apart from the one-key job locks.
create function chorus_claims_hold() returns void language sql volatile
    as $$ select pg_advisory_lock(1668047209, pg_backend_pid()) $$;
create function chorus_claims_release() returns boolean language sql volatile
    as $$ select pg_advisory_unlock(1668047209, pg_backend_pid()) $$;
-- Whether the claimer is gone: its lock can be taken (until the end of the caller's transaction). Null: never claimed.
create function chorus_claim_abandoned(claimer integer) returns boolean language sql volatile strict
    as $$ select pg_try_advisory_xact_lock(1668047209, claimer) $$;
