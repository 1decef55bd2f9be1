-- Addresses an administrator (or an automatic response) refuses for a period: every login and every authenticated
-- request from one is refused until refused_until, on every node. The address is kept in clear (canonical text of an
-- IPv4 or IPv6 address) so that administrators can list the refusals; a row is deleted when an administrator allows
-- the address again, and rows long past their end are purged when another refusal is written. The same refusal is
-- also written into crm_login_lock (kind ADDRESS), which every credential check reads already.
CREATE TABLE crm_address_refusal (
    address VARCHAR(64) NOT NULL,
    refused_until TIMESTAMP WITH TIME ZONE NOT NULL,
    reason VARCHAR(500) NOT NULL,
    refused_by VARCHAR(100) NOT NULL,
    refused_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (address)
);
