-- Tsunagu's own tables. The process engine keeps its own ACT_* tables; nothing here points into them.

create table department (
    code        varchar(64)  primary key,
    name_ja     varchar(200) not null,
    name_en     varchar(200) not null,
    lead_section_code varchar(64)
);

create table section (
    code            varchar(64)  primary key,
    department_code varchar(64)  not null references department (code),
    name_ja         varchar(200) not null,
    name_en         varchar(200) not null
);

create table person (
    username        varchar(64)  primary key,
    display_name    varchar(200) not null,
    password_hash   varchar(100),
    role            varchar(32)  not null,
    section_code    varchar(64)  references section (code),
    department_code varchar(64)  references department (code),
    enabled         boolean      not null default true
);

create sequence issue_number_seq start with 1;

create table issue (
    id                      varchar(36)    primary key,
    number                  varchar(20)    not null unique,
    title                   varchar(200)   not null,
    description             varchar(10000) not null,
    category                varchar(32)    not null,
    severity                varchar(16)    not null,
    status                  varchar(32)    not null,
    level                   varchar(16)    not null,
    section_code            varchar(64)    not null references section (code),
    department_code         varchar(64)    not null references department (code),
    personal_info           boolean        not null,
    personal_details        varchar(20000),
    process_instance_id     varchar(64),
    sla_calendar            varchar(16),
    level_entered_at        timestamp with time zone,
    acknowledge_by          timestamp with time zone,
    resolve_by              timestamp with time zone,
    ack_breached            boolean        not null default false,
    resolve_breached        boolean        not null default false,
    paused_at               timestamp with time zone,
    resolution              varchar(10000),
    resolved_at             timestamp with time zone,
    resolved_by             varchar(64),
    created_at              timestamp with time zone not null,
    created_by              varchar(64)    not null,
    idempotency_key         varchar(200),
    updated_at              timestamp with time zone not null
);
create unique index issue_idempotency on issue (created_by, idempotency_key);
create index issue_created_at on issue (created_at);
create index issue_section_status on issue (section_code, status);

create table issue_related_section (
    issue_id     varchar(36) not null references issue (id),
    section_code varchar(64) not null references section (code),
    primary key (issue_id, section_code)
);

-- Who may see an issue, as principals such as 'user:sato', 'section:shimin-ka', 'department:shimin-seikatsu' or
-- 'role:CITY_COORDINATOR'. One row per principal; every visibility check is one indexed lookup here.
create table issue_audience (
    issue_id  varchar(36)  not null references issue (id),
    principal varchar(140) not null,
    reason    varchar(32)  not null,
    level     varchar(16)  not null,
    added_at  timestamp with time zone not null,
    primary key (issue_id, principal)
);
create index issue_audience_principal on issue_audience (principal, issue_id);

create table issue_comment (
    id         varchar(36)    primary key,
    issue_id   varchar(36)    not null references issue (id),
    author     varchar(64)    not null,
    body       varchar(10000) not null,
    created_at timestamp with time zone not null
);
create index issue_comment_issue on issue_comment (issue_id, created_at);

-- The open user tasks of the engine, projected for the task list. Written by a task listener in the engine's own
-- transaction, so it never disagrees with the engine.
create table work_item (
    task_id       varchar(64) primary key,
    issue_id      varchar(36) not null references issue (id),
    kind          varchar(32) not null,
    level         varchar(16) not null,
    due_at        timestamp with time zone,
    created_at    timestamp with time zone not null,
    excluded_user varchar(64)
);
create index work_item_issue on work_item (issue_id);

create table work_item_candidate (
    task_id   varchar(64)  not null references work_item (task_id) on delete cascade,
    principal varchar(140) not null,
    primary key (task_id, principal)
);
create index work_item_candidate_principal on work_item_candidate (principal, task_id);

create table escalation_request (
    id           varchar(36)    primary key,
    issue_id     varchar(36)    not null references issue (id),
    level        varchar(16)    not null,
    requested_by varchar(64)    not null,
    reason       varchar(2000)  not null,
    requested_at timestamp with time zone not null,
    decision     varchar(16),
    decided_by   varchar(64),
    comment      varchar(2000),
    decided_at   timestamp with time zone
);
create index escalation_request_issue on escalation_request (issue_id, requested_at);

-- Append-only audit trail, hash-chained. See docs/audit.md.
create table audit_event (
    seq         bigint        primary key,
    occurred_at timestamp with time zone not null,
    actor       varchar(64)   not null,
    action      varchar(64)   not null,
    issue_id    varchar(36),
    details     varchar(20000) not null,
    prev_hash   varchar(64)   not null,
    hash        varchar(64)   not null
);
create index audit_event_issue on audit_event (issue_id, seq);
create index audit_event_time on audit_event (occurred_at);

-- The single writer path: every append locks this one row, so seq is gap-free and follows commit order.
create table audit_chain_head (
    id        integer     primary key,
    last_seq  bigint      not null,
    last_hash varchar(64) not null
);
insert into audit_chain_head (id, last_seq, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
