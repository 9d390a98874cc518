package io.cosmosdesk.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A command's options: {@code --name value}, {@code --name=value} and {@code --flag}. A command reads what it
 * knows, then calls {@link #rejectUnknown()} so a misspelt option stops with a sentence instead of being ignored.
 */
public final class CliArgs {

    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final List<String> positional = new ArrayList<>();
    private final Set<String> read = new HashSet<>();

    private CliArgs() {
    }

    /**
     * Parses {@code args}. An option followed by another option (or nothing) is a flag; {@code flagNames} are
     * always flags, so a flag can be followed by a positional word.
     */
    public static CliArgs parse(List<String> args, Set<String> flagNames) {
        CliArgs parsed = new CliArgs();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.startsWith("--") && arg.length() > 2) {
                String body = arg.substring(2);
                int eq = body.indexOf('=');
                if (eq > 0) {
                    parsed.put(body.substring(0, eq), body.substring(eq + 1));
                } else if (flagNames.contains(body) || i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                    parsed.flags.add(body);
                } else {
                    parsed.put(body, args.get(++i));
                }
            } else {
                parsed.positional.add(arg);
            }
        }
        return parsed;
    }

    public static CliArgs parse(List<String> args) {
        return parse(args, Set.of("help", "emulator", "gzip", "system-properties", "quiet"));
    }

    private void put(String name, String value) {
        if (values.containsKey(name)) {
            throw new CliException(Cli.BAD_INPUT, "--" + name + " is given twice.");
        }
        values.put(name, value);
    }

    /** The value of {@code --name}; stops with a sentence when it is missing or empty. */
    public String require(String name) {
        return optional(name).orElseThrow(() -> new CliException(Cli.BAD_INPUT,
                "--" + name + " is required (see --help)."));
    }

    public Optional<String> optional(String name) {
        read.add(name);
        if (flags.contains(name)) {
            throw new CliException(Cli.BAD_INPUT, "--" + name + " needs a value.");
        }
        String value = values.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    public boolean flag(String name) {
        read.add(name);
        if (values.containsKey(name)) {
            throw new CliException(Cli.BAD_INPUT, "--" + name + " takes no value.");
        }
        return flags.contains(name);
    }

    /** The whole number given for {@code --name}, or {@code fallback}; stops with a sentence when it is not one. */
    public int intOption(String name, int fallback) {
        Optional<String> value = optional(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.get().strip().replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new CliException(Cli.BAD_INPUT, "--" + name + " must be a whole number, not \"" + value.get() + "\".");
        }
    }

    public List<String> positional() {
        return List.copyOf(positional);
    }

    /** Stops with a sentence naming the options no one read (misspelt or meant for another command). */
    public void rejectUnknown() {
        List<String> unknown = new ArrayList<>();
        values.keySet().stream().filter(name -> !read.contains(name)).forEach(name -> unknown.add("--" + name));
        flags.stream().filter(name -> !read.contains(name)).forEach(name -> unknown.add("--" + name));
        if (!unknown.isEmpty()) {
            throw new CliException(Cli.BAD_INPUT, "Unknown option" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + " (see --help).");
        }
        if (!positional.isEmpty()) {
            throw new CliException(Cli.BAD_INPUT, "Unexpected argument \"" + positional.get(0) + "\" (see --help).");
        }
    }
}
