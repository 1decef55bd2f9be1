package org.bastion.crm.support.jdbc.internal;

import java.util.Map;

import org.bastion.crm.api.audit.AuditPolicy;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * The platform's {@link AuditPolicy}: {@code required} (boolean, default false) from PID {@value #PID}, the PID
 * crm-audit reads its own settings from. It lives in the platform (crm-jdbc-support, which every recording bundle's
 * feature brings) so that it is still there when crm-audit is uninstalled, which is exactly when it matters. A value
 * other than {@code true} or {@code false} counts as false and is logged once per change.
 */
@Component(service = AuditPolicy.class, configurationPid = ConfiguredAuditPolicy.PID, immediate = true)
public final class ConfiguredAuditPolicy implements AuditPolicy {

    /** The configuration PID shared with crm-audit. */
    public static final String PID = "org.bastion.crm.audit";
    /** The key of the setting. */
    public static final String REQUIRED = "required";

    private static final System.Logger LOG = System.getLogger(ConfiguredAuditPolicy.class.getName());

    private volatile boolean required;

    @Activate
    public ConfiguredAuditPolicy(Map<String, Object> properties) {
        apply(properties);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        apply(properties);
    }

    @Override
    public boolean required() {
        return required;
    }

    private void apply(Map<String, Object> properties) {
        Object value = properties == null ? null : properties.get(REQUIRED);
        boolean now = false;
        if (value instanceof Boolean flag) {
            now = flag;
        } else if (value != null) {
            String text = value.toString().trim();
            if (text.equalsIgnoreCase("true")) {
                now = true;
            } else if (!text.equalsIgnoreCase("false") && !text.isEmpty()) {
                LOG.log(System.Logger.Level.WARNING, "Ignored " + PID + " " + REQUIRED + "=" + text.replaceAll("\\p{Cntrl}", "?")
                        + ": use true or false; an audit trail is not required");
            }
        }
        if (now != required) {
            LOG.log(System.Logger.Level.INFO, now ? "An audit trail is required: changes are refused while crm-audit"
                    + " is not installed" : "An audit trail is not required");
        }
        required = now;
    }
}
