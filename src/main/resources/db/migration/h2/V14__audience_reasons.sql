-- A principal may be in an issue's audience for more than one reason: the city coordinators who approved the step to
-- CITY (APPROVER) are also shared with city-wide when it arrives (SHARED_CITY).
alter table issue_audience drop primary key;
alter table issue_audience add primary key (issue_id, principal, reason);
