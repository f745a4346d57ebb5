-- The networks an organization shares on (null: every network Chorus knows). A share on another is refused; the app
-- and the one-click links offer only these.
alter table organization_settings add column networks text[];
