-- Rules on every share (issue 27): a content item's own disclosure, a daily sharing limit per member, sharing hours.

-- A content item's own disclosure line, used instead of the organization's when set.
alter table content add column disclosure text;
alter table content add constraint content_disclosure_check check (char_length(disclosure) between 1 and 500);

-- At most this many new shares per member per day (the day in the organization's time zone); counted with
-- shares_member_idx (organization_id, member_id, created_at).
alter table organization_settings add column daily_share_limit integer not null default 15;
alter table organization_settings add constraint organization_settings_daily_share_limit_check
    check (daily_share_limit between 1 and 1000);

-- When members may share, in the organization's time zone: both null (any time) or both set and different; a window
-- whose end comes before its start runs over midnight.
alter table organization_settings add column sharing_hours_from time;
alter table organization_settings add column sharing_hours_to time;
alter table organization_settings add constraint organization_settings_sharing_hours_check
    check ((sharing_hours_from is null) = (sharing_hours_to is null) and sharing_hours_from <> sharing_hours_to);
