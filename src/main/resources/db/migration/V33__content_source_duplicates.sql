-- A source's health counts the articles it skipped because the organization already had them: brought by another
-- source (or by this one under another GUID), or made by hand with the same canonical URL. Items made by hand are
-- found by their URL without query and fragment (lower case), then compared canonically.
alter table content_sources add column duplicates_skipped integer not null default 0;

create index content_url_base_idx on content (organization_id, lower(split_part(split_part(url, '#', 1), '?', 1)));
