-- What an issue was doing when it was paused (OPEN, IN_PROGRESS or ESCALATION_REQUESTED), so that while it is paused
-- its page can still tell whether it awaits acknowledgement. Null when the issue is not paused, and for issues paused
-- before this column existed.
alter table issue add column paused_from varchar(32);
