package org.advocategraph.tools.cli;

import picocli.CommandLine;

/** Reads the version from the jar's manifest. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = AdvocatesCli.class.getPackage().getImplementationVersion();
        return new String[] {"advocates " + (v == null ? "development build" : v)};
    }
}
