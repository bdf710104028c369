-- Indexes no query uses (issue 35, as courses' 0064): a collective's members are read by the
-- collective (the primary key), transfers by account and key, never by their free-text
-- reference, star changes summed whole for the figures. Volunteers are never deleted, so the
-- foreign key of star changes needs no index for the parent's delete. Three relations fewer
-- per community.
DROP INDEX collective_members_member;
DROP INDEX points_transfers_reference;
DROP INDEX volunteer_star_changes_volunteer;
