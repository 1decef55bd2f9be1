/**
 * The text rule every Bastion CRM bundle applies to free text it accepts from a caller (REST or shell) and stores:
 * no unpaired UTF-16 surrogates, no control characters (line breaks and tabs only where a field allows several lines),
 * no bidirectional overrides or isolates, no Unicode noncharacters; and the visible escaping used to print text safely.
 *
 * <p>Vendors call {@link org.bastion.crm.api.text.SafeText} from their services (below REST), so that the REST API and
 * the shell refuse the same input with the same {@link org.bastion.crm.api.FieldError}.
 */
@Export
@Version("1.0.0")
package org.bastion.crm.api.text;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
