-- Retention: the mail jobs delete sent mails chorus.mail.keep-sent (30 days) after they were sent, and failed or
-- cancelled ones chorus.mail.keep-failed (90 days) after they were queued, a batch at a time. Mails still to be sent
-- (queued, sending) are never deleted.

-- A broadcast's figures must not shrink when its mails are deleted: what was deleted is counted here, by state.
alter table broadcasts add column sent_deleted integer not null default 0;
alter table broadcasts add column failed_deleted integer not null default 0;
alter table broadcasts add column cancelled_deleted integer not null default 0;

-- What the job looks for, oldest first.
create index mail_outbox_sent_idx on mail_outbox (sent_at) where status = 'sent';
create index mail_outbox_undelivered_idx on mail_outbox (created_at) where status in ('failed', 'cancelled');

-- A member's mails: their data export lists them, their erasure blanks them.
create index mail_outbox_member_idx on mail_outbox (organization_id, member_id, created_at desc, id desc);
