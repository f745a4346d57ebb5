-- An organization's time zone lives in organization_settings (V5), which scoring, analytics and the admin UI read;
-- this column was written at creation and read by nothing, so the demo company's "Europe/Paris" here was never used.
alter table organizations drop column time_zone;
