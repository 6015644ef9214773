package org.ldportal.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a script the portal wrote in bash, as a person would paste it, with the variables
 * they would set; {@code ldcli} is stood in for by a shell function that keeps its
 * arguments, so that a test sees exactly what the command would be given.
 */
public final class Shell {

    /**
     * What a script did: its exit code, its output, and the arguments ldcli was given.
     */
    public record Run(int exit, String out, String err, List<String> ldcliArguments) {
    }

    private Shell() {
    }

    public static Run run(String script, Map<String, String> environment) {
        try {
            Path dir = Files.createTempDirectory("portal-code");
            Path arguments = dir.resolve("ldcli-arguments");
            Path file = dir.resolve("script.sh");
            Files.writeString(file, "ldcli() { printf '%s\\0' \"$@\" > \"$LDCLI_ARGUMENTS\"; }\n" + script);
            ProcessBuilder builder = new ProcessBuilder("bash", "-e", file.toString()).directory(dir.toFile());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(name -> name.startsWith("LD_"));
            env.putAll(environment);
            env.put("LDCLI_ARGUMENTS", arguments.toString());
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the script did not finish in 30 s:\n" + script);
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            List<String> ldcli = new ArrayList<>();
            if (Files.exists(arguments)) {
                String kept = Files.readString(arguments, StandardCharsets.UTF_8);
                for (String argument : kept.split("\0", -1)) {
                    ldcli.add(argument);
                }
                ldcli.remove(ldcli.size() - 1);
            }
            return new Run(process.exitValue(), out, err, ldcli);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The value after {@code --flag} in ldcli's arguments. */
    public static String flag(List<String> arguments, String flag) {
        int at = arguments.indexOf("--" + flag);
        if (at < 0 || at + 1 >= arguments.size()) {
            throw new AssertionError("no --" + flag + " in " + arguments);
        }
        return arguments.get(at + 1);
    }

}
