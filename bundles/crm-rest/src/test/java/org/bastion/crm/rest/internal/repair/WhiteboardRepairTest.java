package org.bastion.crm.rest.internal.repair;

import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.bastion.crm.api.rest.CrmRest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.DTOConstants;
import org.osgi.service.jaxrs.runtime.dto.ExtensionDTO;
import org.osgi.service.jaxrs.runtime.dto.FailedApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.FailedExtensionDTO;
import org.osgi.service.jaxrs.runtime.dto.FailedResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;
import org.osgi.util.promise.Promise;

class WhiteboardRepairTest {

    private final BundleContext context = mock(BundleContext.class);
    private final JaxrsServiceRuntime runtime = mock(JaxrsServiceRuntime.class);
    private final ServiceComponentRuntime scr = mock(ServiceComponentRuntime.class);
    private final Bundle crmBundle = bundle("org.bastion.crm-rest");
    private WhiteboardRepair repair;

    @AfterEach
    void stop() {
        if (repair != null) {
            repair.stop();
        }
    }

    @Test
    void theRuntimeKnowsServedAndWaitingServices() {
        RuntimeDTO dto = runtimeDto(new long[] {1, 2}, new long[] {3});
        FailedApplicationDTO failed = new FailedApplicationDTO();
        failed.serviceId = 4;
        failed.failureReason = DTOConstants.FAILURE_REASON_REQUIRED_EXTENSIONS_UNAVAILABLE;
        dto.failedApplicationDTOs = new FailedApplicationDTO[] {failed};
        assertThat(LostRegistrations.known(dto)).containsExactlyInAnyOrder(10L, 1L, 2L, 3L, 4L);
        assertThat(LostRegistrations.lost(java.util.Set.of(1L, 4L, 7L), LostRegistrations.known(dto)))
                .containsExactly(7L);
    }

    @Test
    void aServiceWhoseDeploymentThrewCountsAsLostWhateverItsKind() {
        RuntimeDTO dto = runtimeDto(new long[] {1}, new long[] {});
        FailedApplicationDTO application = new FailedApplicationDTO();
        application.serviceId = 4;
        application.failureReason = DTOConstants.FAILURE_REASON_UNKNOWN;
        FailedApplicationDTO clashing = new FailedApplicationDTO();
        clashing.serviceId = 5;
        clashing.failureReason = DTOConstants.FAILURE_REASON_DUPLICATE_NAME;
        FailedResourceDTO resource = new FailedResourceDTO();
        resource.serviceId = 6;
        resource.failureReason = DTOConstants.FAILURE_REASON_UNKNOWN;
        FailedExtensionDTO extension = new FailedExtensionDTO();
        extension.serviceId = 7;
        extension.failureReason = DTOConstants.FAILURE_REASON_UNKNOWN;
        FailedExtensionDTO waitingExtension = new FailedExtensionDTO();
        waitingExtension.serviceId = 8;
        waitingExtension.failureReason = DTOConstants.FAILURE_REASON_REQUIRED_APPLICATION_UNAVAILABLE;
        dto.failedApplicationDTOs = new FailedApplicationDTO[] {application, clashing};
        dto.failedResourceDTOs = new FailedResourceDTO[] {resource};
        dto.failedExtensionDTOs = new FailedExtensionDTO[] {extension, waitingExtension};

        assertThat(LostRegistrations.lost(java.util.Set.of(1L, 4L, 5L, 6L, 7L, 8L), LostRegistrations.known(dto)))
                .containsExactlyInAnyOrder(4L, 6L, 7L);
    }

    @Test
    void anApplicationFailedWithAnErrorTwiceInARowIsRegisteredAgain() throws Exception {
        // what a pax-web controller restart at boot left: CrmApplication "registered with error", never retried
        ServiceReference<?> errored = reference(217, crmBundle, "org.bastion.crm.rest.internal.CrmApplication");
        when(context.getAllServiceReferences(isNull(), eq(WhiteboardRepair.JAXRS_SERVICES)))
                .thenReturn(new ServiceReference<?>[] {errored});
        RuntimeDTO dto = new RuntimeDTO();
        FailedApplicationDTO failed = new FailedApplicationDTO();
        failed.serviceId = 217;
        failed.failureReason = DTOConstants.FAILURE_REASON_UNKNOWN;
        dto.failedApplicationDTOs = new FailedApplicationDTO[] {failed};
        when(runtime.getRuntimeDTO()).thenReturn(dto);
        ComponentDescriptionDTO description = new ComponentDescriptionDTO();
        when(scr.getComponentDescriptionDTO(crmBundle, "org.bastion.crm.rest.internal.CrmApplication"))
                .thenReturn(description);
        @SuppressWarnings("unchecked")
        Promise<Void> done = mock(Promise.class);
        when(scr.disableComponent(description)).thenReturn(done);
        repair = new WhiteboardRepair(context, runtime, scr);

        repair.check();
        verify(scr, never()).disableComponent(any());
        repair.check();

        verify(scr).disableComponent(description);
        verify(done).onResolve(any());
    }

    @Test
    void anApplicationWaitingForItsExtensionsIsLeftAlone() throws Exception {
        ServiceReference<?> waiting = reference(217, crmBundle, "org.bastion.crm.rest.internal.CrmApplication");
        when(context.getAllServiceReferences(isNull(), eq(WhiteboardRepair.JAXRS_SERVICES)))
                .thenReturn(new ServiceReference<?>[] {waiting});
        RuntimeDTO dto = new RuntimeDTO();
        FailedApplicationDTO failed = new FailedApplicationDTO();
        failed.serviceId = 217;
        failed.failureReason = DTOConstants.FAILURE_REASON_REQUIRED_EXTENSIONS_UNAVAILABLE;
        dto.failedApplicationDTOs = new FailedApplicationDTO[] {failed};
        when(runtime.getRuntimeDTO()).thenReturn(dto);
        repair = new WhiteboardRepair(context, runtime, scr);

        repair.check();
        repair.check();
        repair.check();

        assertThat(repair.missing()).isEmpty();
        verify(scr, never()).disableComponent(any());
    }

    @Test
    void aServiceMissingTwiceInARowIsDisabledAndEnabledAgain() throws Exception {
        ServiceReference<?> lostFilter = reference(7, crmBundle, "org.bastion.crm.rest.internal.caller.CallerFilter");
        ServiceReference<?> served = reference(1, crmBundle, "org.bastion.crm.rest.internal.CrmApplication");
        when(context.getAllServiceReferences(isNull(), eq(WhiteboardRepair.JAXRS_SERVICES)))
                .thenReturn(new ServiceReference<?>[] {lostFilter, served});
        when(runtime.getRuntimeDTO()).thenReturn(runtimeDto(new long[] {1}, new long[] {}));
        ComponentDescriptionDTO description = new ComponentDescriptionDTO();
        when(scr.getComponentDescriptionDTO(crmBundle, "org.bastion.crm.rest.internal.caller.CallerFilter"))
                .thenReturn(description);
        @SuppressWarnings("unchecked")
        Promise<Void> done = mock(Promise.class);
        when(scr.disableComponent(description)).thenReturn(done);
        repair = new WhiteboardRepair(context, runtime, scr);

        repair.check();
        assertThat(repair.missing()).containsExactly(7L);
        verify(scr, never()).disableComponent(any());

        repair.check();
        verify(scr).disableComponent(description);
        verify(done).onResolve(any());
        assertThat(repair.missing()).isEmpty();
    }

    @Test
    void theWhiteboardsOwnServicesAreNeverCountedAsLost() throws Exception {
        Bundle whiteboard = bundle("org.apache.aries.jax.rs.whiteboard");
        @SuppressWarnings("unchecked")
        ServiceReference<JaxrsServiceRuntime> runtimeReference = mock(ServiceReference.class);
        when(runtimeReference.getBundle()).thenReturn(whiteboard);
        when(context.getServiceReference(JaxrsServiceRuntime.class)).thenReturn(runtimeReference);
        ServiceReference<?> ownExtension = reference(241, whiteboard, "none",
                Map.of("osgi.jaxrs.application.select", "(osgi.jaxrs.name=*)"));
        ServiceReference<?> lostFilter = reference(7, crmBundle, "org.bastion.crm.rest.internal.caller.CallerFilter");
        when(context.getAllServiceReferences(isNull(), eq(WhiteboardRepair.JAXRS_SERVICES)))
                .thenReturn(new ServiceReference<?>[] {ownExtension, lostFilter});
        when(runtime.getRuntimeDTO()).thenReturn(runtimeDto(new long[] {}, new long[] {}));
        repair = new WhiteboardRepair(context, runtime, scr);

        repair.check();

        assertThat(repair.missing()).containsExactly(7L);
    }

    @Test
    void aServiceThatReappearsIsForgottenAndServicesOfOtherApplicationsAreIgnored() throws Exception {
        ServiceReference<?> late = reference(7, crmBundle, "late");
        ServiceReference<?> foreign = reference(8, bundle("com.example.other"), "other",
                Map.of("osgi.jaxrs.application.select", "(osgi.jaxrs.name=other-app)"));
        ServiceReference<?> otherApplication = reference(9, bundle("com.example.other"), "otherApp",
                Map.of("osgi.jaxrs.name", "other-app", "osgi.jaxrs.application.base", "/other"));
        ServiceReference<?> defaultApplication = reference(11, bundle("com.example.other"), "plain", Map.of());
        when(context.getAllServiceReferences(isNull(), eq(WhiteboardRepair.JAXRS_SERVICES)))
                .thenReturn(new ServiceReference<?>[] {late, foreign, otherApplication, defaultApplication});
        when(runtime.getRuntimeDTO()).thenReturn(runtimeDto(new long[] {}, new long[] {}),
                runtimeDto(new long[] {7}, new long[] {}), runtimeDto(new long[] {}, new long[] {}));
        repair = new WhiteboardRepair(context, runtime, scr);

        repair.check();
        repair.check();
        repair.check();

        assertThat(repair.missing()).containsExactly(7L);
        verify(scr, never()).disableComponent(any());
    }

    @Test
    void aVendorsLostResourceIsRegisteredAgainAndTheRepairIsLoggedAtInfo() throws Exception {
        Bundle vendor = bundle("com.example.deals");
        ServiceReference<?> deals = reference(42, vendor, "com.example.deals.internal.DealResource",
                Map.of("osgi.jaxrs.resource", true, "osgi.jaxrs.application.select", "(osgi.jaxrs.name=bastion-crm)"));
        when(context.getAllServiceReferences(isNull(), eq(WhiteboardRepair.JAXRS_SERVICES)))
                .thenReturn(new ServiceReference<?>[] {deals});
        when(runtime.getRuntimeDTO()).thenReturn(runtimeDto(new long[] {}, new long[] {}));
        ComponentDescriptionDTO description = new ComponentDescriptionDTO();
        when(scr.getComponentDescriptionDTO(vendor, "com.example.deals.internal.DealResource")).thenReturn(description);
        @SuppressWarnings("unchecked")
        Promise<Void> done = mock(Promise.class);
        when(scr.disableComponent(description)).thenReturn(done);
        List<LogRecord> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        Logger logger = Logger.getLogger(WhiteboardRepair.class.getName());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        try {
            repair = new WhiteboardRepair(context, runtime, scr);
            repair.check();
            repair.check();
        } finally {
            logger.removeHandler(capture);
        }

        verify(scr).disableComponent(description);
        verify(done).onResolve(any());
        assertThat(logged).anySatisfy(record -> {
            assertThat(record.getLevel()).isEqualTo(java.util.logging.Level.INFO);
            assertThat(record.getMessage()).contains("service 42", "com.example.deals",
                    "com.example.deals.internal.DealResource");
        });
    }

    @Test
    void crmServicesAreChosenByTheirApplicationFilterNeverByBundle() {
        assertThat(CrmServices.belongsToCrmApplication(Map.of("osgi.jaxrs.application.select",
                "(osgi.jaxrs.name=bastion-crm)")::get)).isTrue();
        assertThat(CrmServices.belongsToCrmApplication(Map.of("osgi.jaxrs.application.select",
                "(osgi.jaxrs.application.base=/api/*)")::get)).isTrue();
        assertThat(CrmServices.belongsToCrmApplication(Map.of("osgi.jaxrs.name", "bastion-crm",
                "osgi.jaxrs.application.base", "/api/v1")::get)).isTrue();
        assertThat(CrmServices.belongsToCrmApplication(Map.of("osgi.jaxrs.name", "other",
                "osgi.jaxrs.application.base", "/api/v1")::get)).isFalse();
        assertThat(CrmServices.belongsToCrmApplication(Map.of("osgi.jaxrs.application.select",
                "(osgi.jaxrs.name=.default)")::get)).isFalse();
        assertThat(CrmServices.belongsToCrmApplication(Map.<String, Object>of()::get)).isFalse();
    }

    private static RuntimeDTO runtimeDto(long[] resources, long[] extensions) {
        ApplicationDTO application = new ApplicationDTO();
        application.serviceId = 10;
        application.resourceDTOs = java.util.Arrays.stream(resources).mapToObj(id -> {
            ResourceDTO dto = new ResourceDTO();
            dto.serviceId = id;
            return dto;
        }).toArray(ResourceDTO[]::new);
        application.extensionDTOs = java.util.Arrays.stream(extensions).mapToObj(id -> {
            ExtensionDTO dto = new ExtensionDTO();
            dto.serviceId = id;
            return dto;
        }).toArray(ExtensionDTO[]::new);
        RuntimeDTO runtime = new RuntimeDTO();
        runtime.applicationDTOs = new ApplicationDTO[] {application};
        return runtime;
    }

    private static Bundle bundle(String symbolicName) {
        Bundle bundle = mock(Bundle.class);
        when(bundle.getSymbolicName()).thenReturn(symbolicName);
        return bundle;
    }

    /** A resource or extension selecting the CRM application, or the application itself when named CrmApplication. */
    private static ServiceReference<?> reference(long id, Bundle bundle, String componentName) {
        return componentName.endsWith("CrmApplication")
                ? reference(id, bundle, componentName, Map.of("osgi.jaxrs.name", CrmRest.APPLICATION_NAME,
                        "osgi.jaxrs.application.base", CrmRest.BASE_PATH))
                : reference(id, bundle, componentName, Map.of("osgi.jaxrs.application.select", CrmRest.APPLICATION_SELECT));
    }

    private static ServiceReference<?> reference(long id, Bundle bundle, String componentName,
            Map<String, Object> properties) {
        ServiceReference<?> reference = mock(ServiceReference.class);
        properties.forEach((name, value) -> when(reference.getProperty(name)).thenReturn(value));
        when(reference.getProperty("service.id")).thenReturn(id);
        when(reference.getProperty("component.name")).thenReturn(componentName);
        when(reference.getBundle()).thenReturn(bundle);
        return reference;
    }
}
