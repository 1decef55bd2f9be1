package org.bastion.crm.backup.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The name of this node in the catalogue, leases and maintenance row: the Karaf instance name and the host. */
final class Nodes {

    private Nodes() {
    }

    static String name() {
        String karaf = System.getProperty("karaf.name", "karaf");
        try {
            return karaf + "@" + InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return karaf;
        }
    }
}
