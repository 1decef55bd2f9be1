package org.bastion.crm.itests.support;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.options.extra.VMOption;

/**
 * The Pax Exam options that boot the CRM distribution for one suite: its own ports (HTTPS, plain HTTP, SSH, RMI), the build's local Maven
 * repository, an unpack folder per suite under {@code target/exam}, and the JVM flags Karaf's start script uses on Java 17.
 * Runs in the test driver (Failsafe's JVM), not in the container.
 */
public final class CrmContainer {

    /** The system property, set in the container, that holds its (plain, off by default) HTTP port. */
    public static final String HTTP_PORT_PROPERTY = "crm.itest.http.port";

    /** The system property, set in the container, that holds its HTTPS port. */
    public static final String HTTPS_PORT_PROPERTY = "crm.itest.https.port";

    /** The datasource configuration file of the CRM. */
    public static final String DATASOURCE_CFG = "etc/org.ops4j.datasource-crm.cfg";

    private static final String KARAF_VERSION = "4.4.10";

    private CrmContainer() {
    }

    /** The options for the suite named {@code suiteName}; its runtime folder is {@code target/exam/<suiteName>/<uuid>}. */
    public static Option[] options(String suiteName) {
        String httpPort = Integer.toString(FreePorts.next());
        String httpsPort = Integer.toString(FreePorts.next());
        String sshPort = Integer.toString(FreePorts.next());
        String rmiRegistryPort = Integer.toString(FreePorts.next());
        String rmiServerPort = Integer.toString(FreePorts.next());
        String localRepository = requiredProperty("org.ops4j.pax.url.mvn.localRepository");
        List<Option> options = new ArrayList<>();
        options.add(karafDistributionConfiguration()
                .frameworkUrl(distributionUrl())
                .name("Bastion CRM")
                .karafVersion(KARAF_VERSION)
                .unpackDirectory(new File(examDirectory(), suiteName))
                .useDeployFolder(false));
        // Pax Exam can only keep all or nothing: KeepFailedRuntimes deletes the folders of the suites that passed
        options.add(keepRuntimeFolder());
        options.add(configureConsole().ignoreLocalConsole());
        options.add(logLevel(LogLevel.INFO));
        options.add(editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", httpPort));
        options.add(editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port.secure", httpsPort));
        options.add(editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", sshPort));
        options.add(editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", rmiRegistryPort));
        options.add(editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", rmiServerPort));
        options.add(editConfigurationFilePut("etc/org.apache.karaf.features.cfg", "updateSnapshots", "none"));
        options.add(editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg",
                "org.ops4j.pax.url.mvn.localRepository", localRepository));
        options.add(editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg",
                "org.ops4j.pax.url.mvn.offline", System.getProperty("crm.itest.mvnOffline", "true")));
        options.add(systemProperty("org.ops4j.pax.url.mvn.localRepository").value(localRepository));
        options.add(systemProperty(HTTP_PORT_PROPERTY).value(httpPort));
        options.add(systemProperty(HTTPS_PORT_PROPERTY).value(httpsPort));
        // services injected into the tests (BootFinished first) may take a while on two busy cores
        options.add(systemProperty("pax.exam.service.timeout").value("180000"));
        options.addAll(java17Flags());
        return options.toArray(new Option[0]);
    }

    /**
     * The options that switch a suite's container to PostgreSQL by configuration alone (the datasource file), on a
     * database whose schema is emptied first; pg_dump inside the container gets the same settings.
     */
    public static Option[] postgresOptions() {
        PostgresDatabase database = PostgresDatabase.fromSystemProperties();
        database.resetSchema();
        return new Option[] {
            editConfigurationFilePut(DATASOURCE_CFG, "osgi.jdbc.driver.class", "org.postgresql.Driver"),
            editConfigurationFilePut(DATASOURCE_CFG, "url", database.url()),
            editConfigurationFilePut(DATASOURCE_CFG, "user", database.user()),
            editConfigurationFilePut(DATASOURCE_CFG, "password", database.password()),
            // the encryption check runs pg_dump from inside the container with the same settings
            systemProperty(PgDump.URL_PROPERTY).value(database.url()),
            systemProperty(PgDump.USER_PROPERTY).value(database.user()),
            systemProperty(PgDump.PASSWORD_PROPERTY).value(database.password()),
        };
    }

    /** The folder suites unpack Karaf into: {@code target/exam} of this module. */
    public static File examDirectory() {
        return new File(System.getProperty("crm.itest.examDir", "target/exam")).getAbsoluteFile();
    }

    private static String distributionUrl() {
        String path = requiredProperty("crm.itest.distribution");
        File archive = new File(path);
        if (!archive.isFile()) {
            throw new IllegalStateException("The CRM distribution " + archive + " does not exist: build it first "
                    + "(./mvnw -B verify builds karaf-distribution before itests)");
        }
        return archive.toURI().toString();
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new IllegalStateException("System property " + name + " is not set: run the suites through Maven "
                    + "(./mvnw -B verify, or ./mvnw -pl itests verify once the distribution is installed)");
        }
        return value;
    }

    /** The module flags of Karaf 4.4's bin/karaf for Java 9 and later (Pax Exam starts Java itself, not the script). */
    private static List<Option> java17Flags() {
        String[] flags = {
            "--add-reads=java.xml=java.logging",
            "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
            "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + KARAF_VERSION + ".jar",
            "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + KARAF_VERSION + ".jar",
            "--add-opens", "java.base/java.security=ALL-UNNAMED",
            "--add-opens", "java.base/java.net=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/java.util=ALL-UNNAMED",
            "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
            "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
            "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
            "--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED",
            "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
            "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports=java.security.sasl/com.sun.security.sasl=ALL-UNNAMED",
            "--add-exports=java.naming/com.sun.jndi.ldap=ALL-UNNAMED",
            "-classpath", "lib/jdk9plus/*" + File.pathSeparator + "lib/boot/*",
        };
        List<Option> options = new ArrayList<>();
        for (String flag : flags) {
            options.add(new VMOption(flag));
        }
        return options;
    }
}
