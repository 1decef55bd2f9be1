/**
 * REST support for every bundle that owns records, a vendor's included: the HTTP rules of versioned records
 * ({@link org.bastion.crm.support.rest.VersionedRecords}: ETag, If-Match 428/412, If-None-Match 304, 404 for an
 * unknown or malformed id), request parsing ({@link org.bastion.crm.support.rest.RecordRequests}), JSON Merge Patch
 * ({@link org.bastion.crm.support.rest.MergePatch}, {@link org.bastion.crm.support.rest.DraftPatcher}) and list-query
 * parsing ({@link org.bastion.crm.support.rest.ListQueries}). Errors are crm-api exceptions, which the CRM REST
 * application answers as problem+json.
 */
@Export
@Version("1.1.0")
package org.bastion.crm.support.rest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
