package org.bastion.crm.monitor.internal.rest;

/**
 * The optional body of {@code POST /alerts/{id}/acknowledge} and {@code /resolve}.
 *
 * @param note why, at most 500 characters; optional
 */
public record NoteRequest(String note) {
}
