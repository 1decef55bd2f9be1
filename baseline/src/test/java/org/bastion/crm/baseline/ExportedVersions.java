package org.bastion.crm.baseline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import aQute.bnd.header.Attrs;
import aQute.bnd.header.Parameters;
import aQute.bnd.osgi.Jar;
import aQute.bnd.version.Version;

/**
 * What bnd's baseline lets through: an exported package that disappears, or whose version moves down without an API
 * change. Both break importers of the baseline as surely as a removed method; this check refuses them.
 */
final class ExportedVersions {

    private ExportedVersions() {
    }

    /** One line per package of {@code baseline} that {@code built} no longer exports, or exports at a lower version. */
    static List<String> regressions(Jar built, Jar baseline) throws Exception {
        Parameters now = exports(built);
        List<String> regressions = new ArrayList<>();
        for (Map.Entry<String, Attrs> was : exports(baseline).entrySet()) {
            String pkg = was.getKey();
            Version before = versionOf(was.getValue());
            Attrs attrs = now.get(pkg);
            if (attrs == null) {
                regressions.add(pkg + " " + before + " is no longer exported (a removal: the next major version of "
                        + "the package, kept exported, deprecated first)");
            } else if (versionOf(attrs).compareTo(before) < 0) {
                regressions.add(pkg + " moved down from " + before + " to " + versionOf(attrs)
                        + " (a package version never goes down)");
            }
        }
        return regressions;
    }

    private static Parameters exports(Jar jar) throws Exception {
        return new Parameters(jar.getManifest().getMainAttributes().getValue("Export-Package"));
    }

    private static Version versionOf(Attrs attrs) {
        String version = attrs.getVersion();
        return version == null ? Version.emptyVersion : Version.parseVersion(version);
    }
}
