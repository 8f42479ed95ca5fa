package dev.keyline.examples;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The project's version, for {@code --version}: read from the resource
 * {@value #RESOURCE}, which the build writes with the version of the project.
 */
public final class KeylineVersion implements IVersionProvider {

    /** The resource holding {@code version=…}. */
    public static final String RESOURCE = "/dev/keyline/examples/keyline-version.properties";

    /** A version provider. */
    public KeylineVersion() {
    }

    /**
     * The version of this build.
     *
     * @return for example {@code 0.1.0}
     * @throws IllegalStateException when the build did not write the resource
     */
    public static String version() {
        try (InputStream in = KeylineVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the build wrote no " + RESOURCE);
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "").strip();
            if (version.isEmpty() || version.startsWith("${")) {
                throw new IllegalStateException(RESOURCE + " names no version");
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + RESOURCE, e);
        }
    }

    /** {@code keyline <version>} and the Java runtime it runs on. */
    @Override
    public String[] getVersion() {
        return new String[] {"keyline " + version(), "Java " + Runtime.version() + " (" + System.getProperty("java.vendor")
                + ")"};
    }
}
