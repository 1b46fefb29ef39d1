-- API tokens of service accounts (RPA, AI-OCR). Only a SHA-256 of each token is kept; the token is shown once.
create table api_token (
    id         varchar(36)   primary key,
    username   varchar(64)   not null references person (username),
    token_hash varchar(64)   not null unique,
    sections   varchar(2000) not null,
    label      varchar(200)  not null,
    created_at timestamp with time zone not null,
    created_by varchar(64)   not null,
    revoked_at timestamp with time zone
);
