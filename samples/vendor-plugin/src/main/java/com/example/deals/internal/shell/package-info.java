/** Karaf shell commands of scope {@code deals}; the header below makes Karaf scan this package. */
@Header(name = "Karaf-Commands", value = "com.example.deals.internal.shell.*")
package com.example.deals.internal.shell;

import org.osgi.annotation.bundle.Header;
