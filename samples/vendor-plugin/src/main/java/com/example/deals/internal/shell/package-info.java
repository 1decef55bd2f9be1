/** Karaf shell commands of scope {@code deals}; the header below makes Karaf scan this package. */
// tag::shell-commands-header[]
@Header(name = "Karaf-Commands", value = "com.example.deals.internal.shell.*")
package com.example.deals.internal.shell;
// end::shell-commands-header[]

import org.osgi.annotation.bundle.Header;
