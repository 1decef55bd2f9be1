// tag::exported-api[]
/** The deals API the sample plugin exports, for other bundles that want to read or write deals. */
@Export
@Version("1.0.0")
package com.example.deals;
// end::exported-api[]

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
