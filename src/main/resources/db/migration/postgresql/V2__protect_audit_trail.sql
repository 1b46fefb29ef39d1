-- The audit trail only grows. UPDATE, DELETE and TRUNCATE are refused for every role, the owner included.
create or replace function tsunagu_refuse_audit_change() returns trigger
language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_event_no_update_delete
    before update or delete on audit_event
    for each row execute function tsunagu_refuse_audit_change();

create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function tsunagu_refuse_audit_change();
