package org.advocategraph.service.api;

import java.util.Locale;

import org.advocategraph.model.InvalidFieldException;

/** What an API key may do. Every route names the roles it allows. */
public enum Role {
    /** A CRM or other system that syncs data and asks for matches. */
    CRM,
    /** A community manager: matches, triage, mobilization, assignments. */
    MANAGER,
    /** An analyst: reach, influence, communities, reports. */
    ANALYST,
    /** Everything, including policy and keys. */
    ADMIN;

    /** @return the lower-case name used in configuration */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param value a role name, case-insensitive
     * @return the role
     */
    public static Role parse(String value) {
        for (Role r : values()) {
            if (r.key().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return r;
            }
        }
        throw new InvalidFieldException("role", "'" + value + "' is not one of crm, manager, analyst, admin");
    }
}
