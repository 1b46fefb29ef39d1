-- The task list reads the soonest-due work items first and stops at the page size. With this index PostgreSQL walks
-- work_item in that order and probes each item's candidates, instead of sorting every candidate match
-- (docs/benchmarks.md, "Task list").
create index work_item_due on work_item (due_at, created_at, task_id);
