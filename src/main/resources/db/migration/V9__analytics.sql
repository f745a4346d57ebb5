-- Analytics (issue 6): the aggregates the analytics endpoints read instead of scanning shares and click_events.
-- AnalyticsRollup, a background job, keeps them in step every few seconds. Nothing here runs on the click writer's
-- path except one row per committed batch (analytics_click_batches), which tells the job exactly which rows are new.
-- Every aggregate is rebuilt from shares and click_events when its organization's time zone changes: a "day" here is
-- always a day in that zone.

-- What one click is worth to the organization, for the earned media value estimate (none: no estimate).
alter table organization_settings add column cost_per_click numeric(12, 4);
alter table organization_settings add column cost_per_click_currency text;
alter table organization_settings add constraint organization_settings_cost_per_click_check check (
    (cost_per_click is null) = (cost_per_click_currency is null)
    and (cost_per_click is null or cost_per_click > 0)
    and (cost_per_click_currency is null or cost_per_click_currency ~ '^[A-Z]{3}$'));

-- The organizations whose aggregates are built, and the time zone they were built in. An organization without a row,
-- or whose settings name another zone, is (re)built from shares and click_events by the next run of the job.
create table analytics_organizations (
    organization_id  uuid primary key references organizations (id),
    time_zone        text not null,
    -- analytics_member_months holds a row for every month up to this one for every member seen before it.
    carried_month    date not null,
    built_at         timestamptz not null
);

-- One row per committed click batch the job has not rolled up yet, inserted by the click writer in the batch's own
-- transaction: visible exactly when the batch's rows are, whatever order concurrent writers commit in. The batch's
-- rows are those of its id range written by that same transaction (their xmin is this row's xmin): ranges of batches
-- written at the same time by other writer threads overlap.
create table analytics_click_batches (
    id        bigint generated always as identity primary key,
    first_id  uuid not null,
    last_id   uuid not null
);

-- New shares the job has not rolled up yet, noted by a trigger in the transaction that creates them.
create table analytics_share_queue (
    share_id         uuid primary key,
    organization_id  uuid not null
);
create function analytics_share_queued() returns trigger language plpgsql as $$
begin
    insert into analytics_share_queue (share_id, organization_id) select id, organization_id from new_shares;
    return null;
end
$$;
create trigger shares_analytics_queue after insert on shares referencing new table as new_shares
    for each statement execute function analytics_share_queued();

-- The visitors already counted for a share on a day, for the days a click can still arrive for: visitor ids change
-- at midnight UTC, so rows more than a few days old can never match again and are deleted.
create table analytics_visitors (
    day         date not null,
    share_id    uuid not null,
    visitor_id  uuid not null,
    primary key (day, share_id, visitor_id)
);

-- Human clicks only (click_events.robot and self false). visitors: per share and day, the distinct visitors, summed.

-- Per organization, day and network: the organization's totals.
create table analytics_days (
    organization_id  uuid not null,
    day              date not null,
    network          text not null,
    shares           integer not null,
    clicks           bigint not null,
    visitors         bigint not null,
    primary key (organization_id, day, network)
);

-- Per content item, day and network: content performance and the organization's top content.
create table analytics_content_days (
    organization_id  uuid not null,
    content_id       uuid not null,
    day              date not null,
    network          text not null,
    shares           integer not null,
    clicks           bigint not null,
    visitors         bigint not null,
    primary key (organization_id, content_id, day, network)
);
create index analytics_content_days_day_idx on analytics_content_days (organization_id, day)
    include (content_id, shares, clicks);

-- Per share and day, filed under the sharer: every figure restricted to a group's members.
create table analytics_share_days (
    organization_id  uuid not null,
    member_id        uuid not null,
    day              date not null,
    share_id         uuid not null,
    content_id       uuid not null,
    network          text not null,
    shares           integer not null,
    clicks           integer not null,
    visitors         integer not null,
    primary key (organization_id, member_id, day, share_id)
);
create index analytics_share_days_content_idx on analytics_share_days (organization_id, content_id, day);

-- Per member and month (first day of the month): running totals of shares and clicks, so that what a member did in any
-- range is two reads (the total at its end minus the total before its start), whatever the range's length. Element d of
-- shares/clicks is the month's count from day 1 through day d; the arrays stop at the month's last active day (later
-- days repeat the last element; an empty array is a month without activity). *_before: the totals of earlier months.
-- Dense: a member seen by the end of a month has a row for it and for every later month up to carried_month.
create table analytics_member_months (
    organization_id  uuid not null,
    month            date not null,
    member_id        uuid not null,
    shares_before    bigint not null,
    clicks_before    bigint not null,
    shares           integer[] not null,
    clicks           integer[] not null,
    primary key (organization_id, month, member_id)
);
-- The rollup revisits one member's months when a late click changes an earlier one.
create index analytics_member_months_member_idx on analytics_member_months (organization_id, member_id, month);

-- Per member: the weeks (Monday to Sunday) in which they shared, as bits. Week w (counted from Monday 1970-01-05) is
-- bit (w % 64) of the row whose block is w / 64.
create table analytics_member_weeks (
    organization_id  uuid not null,
    block            integer not null,
    member_id        uuid not null,
    weeks            bigint not null,
    primary key (organization_id, block, member_id)
);

-- Per member: the day of their first share (their retention cohort), and as bits the weeks after it in which they
-- shared again: bit k (1 to 52) is days 7k to 7k+6 after the first share.
create table analytics_member_firsts (
    organization_id  uuid not null,
    member_id        uuid not null,
    first_day        date not null,
    weeks            bigint not null,
    primary key (organization_id, member_id)
);
create index analytics_member_firsts_day_idx on analytics_member_firsts (organization_id, first_day);

-- A month's running totals (see analytics_member_months) with counts added on some of its days (1 to 31).
create function analytics_running_add(totals integer[], days integer[], counts integer[]) returns integer[]
    language plpgsql immutable as $$
declare
    known integer := coalesce(cardinality(totals), 0);
    length integer := known;
    added integer[];
    result integer[];
    base integer := 0;
    running integer := 0;
begin
    for i in 1 .. coalesce(cardinality(days), 0) loop
        if counts[i] <> 0 and days[i] > length then
            length := days[i];
        end if;
    end loop;
    if length = 0 then
        return totals;
    end if;
    added := array_fill(0, array[length]);
    for i in 1 .. coalesce(cardinality(days), 0) loop
        if counts[i] <> 0 then
            added[days[i]] := added[days[i]] + counts[i];
        end if;
    end loop;
    result := array_fill(0, array[length]);
    for d in 1 .. length loop
        if d <= known then
            base := totals[d];
        end if;
        running := running + added[d];
        result[d] := base + running;
    end loop;
    return result;
end
$$;
