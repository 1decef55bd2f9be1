package org.bastion.crm.security.internal.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.bastion.crm.api.security.AccessRestrictions;
import org.bastion.crm.api.security.AccessRestrictions.AddressRefusal;
import org.bastion.crm.testing.ShellOutput;
import org.junit.jupiter.api.Test;

class AddressCommandsTest {

    private final AccessRestrictions restrictions = mock(AccessRestrictions.class);

    private AddressRefuseCommand refuse(String address, long minutes, String reason) {
        AddressRefuseCommand command = new AddressRefuseCommand();
        command.restrictions = restrictions;
        command.address = address;
        command.minutes = minutes;
        command.reason = reason;
        return command;
    }

    @Test
    void refuseRefusesTheCanonicalAddress() {
        ShellOutput output = ShellOutput.run(refuse("::1", 30, "scan"));

        verify(restrictions).refuseAddress("0:0:0:0:0:0:0:1", Duration.ofMinutes(30), "scan");
        assertThat(output.outLines()).containsExactly("0:0:0:0:0:0:0:1: refused for 30 minutes");
    }

    @Test
    void badInputPrintsOneErrorLine() {
        assertThat(ShellOutput.run(refuse("evil.example", 30, "scan")).errLines())
                .containsExactly("Error: address: must be an IPv4 or IPv6 address");
        assertThat(ShellOutput.run(refuse("192.0.2.1", -1, "scan")).errLines())
                .containsExactly("Error: minutes: must be between 1 and 525600");
        assertThat(ShellOutput.run(refuse("192.0.2.1", 10_000_000, "scan")).errLines())
                .containsExactly("Error: minutes: must be between 1 and 525600");
        verifyNoInteractions(restrictions);
    }

    @Test
    void allowSaysWhetherTheAddressWasRefused() {
        when(restrictions.allowAddress("192.0.2.1")).thenReturn(true);
        AddressAllowCommand allow = new AddressAllowCommand();
        allow.restrictions = restrictions;
        allow.address = "192.0.2.1";
        assertThat(ShellOutput.run(allow).outLines()).containsExactly("192.0.2.1: allowed again");
        allow.address = "192.0.2.2";
        assertThat(ShellOutput.run(allow).outLines()).containsExactly("192.0.2.2: was not refused");
    }

    @Test
    void refusalsListsEachAddressWithItsReason() {
        when(restrictions.refusedAddresses()).thenReturn(List.of(new AddressRefusal("192.0.2.1",
                Instant.parse("2026-01-02T04:04:05Z"), "port scan", "u-1")));
        AddressRefusalsCommand list = new AddressRefusalsCommand();
        list.restrictions = restrictions;

        String out = ShellOutput.run(list).out();

        assertThat(out).contains("192.0.2.1").contains("port scan").contains("u-1");
    }
}
