package com.example.deals.internal.shell;

import java.util.Arrays;
import java.util.Locale;

import org.bastion.crm.api.ValidationException;

import com.example.deals.DealStage;

/** Reads the deal-specific option values the commands share. */
final class DealShellFields {

    private DealShellFields() {
    }

    /** The stage named (any case), null when none, or a validation error listing the stages. */
    static DealStage stage(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return DealStage.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("stage", "must be one of " + Arrays.toString(DealStage.values()));
        }
    }
}
