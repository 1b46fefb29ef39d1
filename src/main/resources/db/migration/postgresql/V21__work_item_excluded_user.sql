-- The task list's total counts a person's candidate rows without reading work_item, then takes away the few tasks
-- they are excluded from (the escalations they asked for themselves), found through this index
-- (docs/benchmarks.md, "Task list"). Most work items exclude nobody, so the index holds only those that do.
create index work_item_excluded_user on work_item (excluded_user) where excluded_user is not null;
