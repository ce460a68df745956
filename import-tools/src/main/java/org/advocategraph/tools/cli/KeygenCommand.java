package org.advocategraph.tools.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import org.advocategraph.service.api.ApiKeys;
import org.advocategraph.service.api.Role;

/** Creates an API key and prints it with the configuration entry that accepts it. */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = "Create an API key for a role and print the api.keys entry (a hash) that accepts it.")
final class KeygenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "crm, manager, analyst or admin.")
    String role;

    @Override
    public Integer call() {
        Role r = Role.parse(role);
        String key = ApiKeys.newKey();
        var out = spec.commandLine().getOut();
        out.println("API key (give it to the client; it is not stored anywhere):");
        out.println("  " + key);
        out.println("Configuration entry (add to api.keys, comma-separated, or ADVOCATES_API_KEYS):");
        out.println("  " + ApiKeys.entryFor(r, key));
        return 0;
    }
}
