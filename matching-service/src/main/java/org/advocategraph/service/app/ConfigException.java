package org.advocategraph.service.app;

/** A configuration value is missing or wrong; the message names the setting and where it came from. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message names the setting, its source and what is wrong */
    public ConfigException(String message) {
        super(message);
    }
}
