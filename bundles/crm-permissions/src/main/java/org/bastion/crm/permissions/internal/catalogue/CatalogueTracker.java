package org.bastion.crm.permissions.internal.catalogue;

import static org.osgi.service.component.annotations.ReferenceCardinality.MULTIPLE;
import static org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC;
import static org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bastion.crm.api.permissions.PermissionDefinition;
import org.bastion.crm.api.permissions.PermissionSet;
import org.bastion.crm.permissions.internal.CataloguedPermission;
import org.bastion.crm.permissions.internal.PermissionCatalogue;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The catalogue: the union of every registered {@link PermissionSet} (third-party ones included), rebuilt whenever a
 * set comes or goes. When two sets define the same permission the one registered first wins and a warning is logged;
 * a set that fails or goes away only takes its own definitions with it.
 */
@Component(service = PermissionCatalogue.class)
public final class CatalogueTracker implements PermissionCatalogue {

    private static final System.Logger LOG = System.getLogger(CatalogueTracker.class.getName());

    /** Contributions in the order they were bound, by service id. */
    private final Map<Long, Contribution> contributions = new LinkedHashMap<>();
    private volatile CatalogueSnapshot snapshot = CatalogueSnapshot.EMPTY;

    @Reference(cardinality = MULTIPLE, policy = DYNAMIC, policyOption = GREEDY)
    public void addPermissionSet(PermissionSet set, ServiceReference<PermissionSet> reference) {
        String bundle = bundleOf(reference);
        List<PermissionDefinition> definitions = definitionsOf(set, bundle);
        synchronized (contributions) {
            for (PermissionDefinition definition : definitions) {
                if (snapshot.contains(definition.permission())) {
                    LOG.log(System.Logger.Level.WARNING, "Permission " + definition.permission() + " of bundle " + bundle
                            + " is defined already by another bundle; the first definition stays");
                }
            }
            contributions.put(serviceId(reference), new Contribution(bundle, definitions));
            rebuild();
        }
    }

    public void removePermissionSet(ServiceReference<PermissionSet> reference) {
        synchronized (contributions) {
            if (contributions.remove(serviceId(reference)) != null) {
                rebuild();
            }
        }
    }

    @Override
    public List<CataloguedPermission> entries() {
        return snapshot.entries();
    }

    @Override
    public boolean defines(String permission) {
        return snapshot.defines(permission);
    }

    private void rebuild() {
        Map<String, CataloguedPermission> union = new LinkedHashMap<>();
        for (Contribution contribution : contributions.values()) {
            for (PermissionDefinition definition : contribution.definitions()) {
                union.putIfAbsent(definition.permission(), CataloguedPermission.of(definition, contribution.bundle()));
            }
        }
        snapshot = new CatalogueSnapshot(new ArrayList<>(union.values()));
    }

    private static List<PermissionDefinition> definitionsOf(PermissionSet set, String bundle) {
        try {
            List<PermissionDefinition> definitions = set.permissions();
            return definitions == null ? List.of()
                    : definitions.stream().filter(d -> d != null).toList();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "The permission set of bundle " + bundle + " failed; it defines nothing",
                    e);
            return List.of();
        }
    }

    private static String bundleOf(ServiceReference<?> reference) {
        Bundle bundle = reference.getBundle();
        return bundle == null || bundle.getSymbolicName() == null ? "unknown" : bundle.getSymbolicName();
    }

    private static long serviceId(ServiceReference<?> reference) {
        return ((Number) reference.getProperty(Constants.SERVICE_ID)).longValue();
    }

    private record Contribution(String bundle, List<PermissionDefinition> definitions) {
    }
}
