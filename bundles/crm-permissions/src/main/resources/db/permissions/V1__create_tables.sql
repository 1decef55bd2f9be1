-- Tables of the permissions bundle: custom roles (built-in roles live in code) and teams. Portable between H2 2.x and
-- PostgreSQL 15: VARCHAR and TIMESTAMP WITH TIME ZONE only. Which user holds which role is crm-security's crm_user_role.

-- Custom roles. name follows [a-z][a-z0-9-]{1,39} and never is a built-in role's name.
CREATE TABLE crm_permission_role (
    name VARCHAR(40) NOT NULL,
    description VARCHAR(500),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (name)
);

-- The permissions each custom role grants (Shiro wildcard strings, lower case, at most 100 per role). A permission no
-- installed bundle defines is kept.
CREATE TABLE crm_permission_grant (
    role VARCHAR(40) NOT NULL,
    permission VARCHAR(100) NOT NULL,
    PRIMARY KEY (role, permission),
    CONSTRAINT crm_permission_grant_role FOREIGN KEY (role) REFERENCES crm_permission_role (name) ON DELETE CASCADE
);

-- Teams: whoever holds a team-scoped permission reaches the records of the members of the teams he belongs to.
CREATE TABLE crm_team (
    name VARCHAR(40) NOT NULL,
    description VARCHAR(500),
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (name)
);

-- Team members: CRM user ids (crm-security's crm_user.id; no foreign key across bundles).
CREATE TABLE crm_team_member (
    team VARCHAR(40) NOT NULL,
    user_id VARCHAR(36) NOT NULL,
    PRIMARY KEY (team, user_id),
    CONSTRAINT crm_team_member_team FOREIGN KEY (team) REFERENCES crm_team (name) ON DELETE CASCADE
);

CREATE INDEX crm_team_member_user ON crm_team_member (user_id);
