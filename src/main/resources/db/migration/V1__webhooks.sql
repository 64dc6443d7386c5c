-- Webhooks. Written for both H2 2.x and PostgreSQL: plain types only.
CREATE TABLE webhook (
    id                       VARCHAR(40)   NOT NULL PRIMARY KEY,
    name                     VARCHAR(200)  NOT NULL,
    active                   BOOLEAN       NOT NULL,
    scheme                   VARCHAR(5)    NOT NULL,
    hostname                 VARCHAR(300)  NOT NULL,
    path                     VARCHAR(2000) NOT NULL,
    auth_type                VARCHAR(20)   NOT NULL,
    auth_token_endpoint      VARCHAR(2000),
    auth_username            VARCHAR(500),
    auth_password            VARCHAR(2000),
    auth_token               VARCHAR(8000),
    auth_grant_type          VARCHAR(40),
    auth_scope               VARCHAR(500),
    headers                  TEXT NOT NULL,
    triggers                 TEXT NOT NULL,
    fields                   VARCHAR(2000)  NOT NULL,
    signing_secret           VARCHAR(500)   NOT NULL,
    previous_signing_secret  VARCHAR(500),
    previous_secret_until    TIMESTAMP WITH TIME ZONE,
    disabled_reason          VARCHAR(1000),
    created_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    version                  BIGINT NOT NULL
);

-- One row that creation locks, so that concurrent creations on several instances respect webhooks.limit.
CREATE TABLE webhook_limit_lock (
    id INTEGER NOT NULL PRIMARY KEY
);
INSERT INTO webhook_limit_lock (id) VALUES (1);
