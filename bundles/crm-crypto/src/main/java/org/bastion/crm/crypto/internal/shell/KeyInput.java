package org.bastion.crm.crypto.internal.shell;

import java.util.UUID;

import org.bastion.crm.api.ValidationException;
import org.bastion.crm.api.crypto.KeyPurpose;
import org.bastion.crm.shell.ShellText;

/** Parses what an operator typed (key purposes, rotation ids) and reports bad input as a {@link ValidationException}. */
final class KeyInput {

    private KeyInput() {
    }

    /** The purpose with this wire name ({@code master}, {@code field}, {@code blind-index}, {@code backup}). */
    static KeyPurpose purpose(String value) {
        try {
            return KeyPurpose.ofWireName(value);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of("purpose", "unknown key purpose '" + ShellText.cell(value)
                    + "': use " + KeyFormat.purposeNames());
        }
    }

    /** The canonical UUID in {@code value}. */
    static UUID rotationId(String value) {
        String trimmed = value == null ? "" : value.trim();
        try {
            UUID id = UUID.fromString(trimmed);
            if (id.toString().equalsIgnoreCase(trimmed)) {
                return id;
            }
        } catch (IllegalArgumentException notAUuid) {
            // reported below
        }
        throw ValidationException.of("id", "not a valid rotation id (expected a UUID such as "
                + "123e4567-e89b-12d3-a456-426614174000): '" + ShellText.cell(value) + "'");
    }
}
