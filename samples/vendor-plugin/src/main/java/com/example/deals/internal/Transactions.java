package com.example.deals.internal;

import java.util.function.Supplier;

/** Runs work in a database transaction: the caller's when there is one, else a new one committed at the end. */
public interface Transactions {

    /** The result of {@code work}, committed with it (or rolled back when it throws). */
    <T> T required(Supplier<T> work);
}
