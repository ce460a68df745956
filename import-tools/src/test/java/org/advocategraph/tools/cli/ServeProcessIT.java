package org.advocategraph.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service as a separate JVM, as a user runs it: the demo starts, answers the printed curl, stops on
 * SIGTERM (what Ctrl-C and process managers send) and the JVM exits; a start-up error exits too.
 */
class ServeProcessIT {
    @TempDir
    Path work;

    private Process start(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx1g",
                "-cp", System.getProperty("java.class.path"), AdvocatesCli.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
    }

    @Test
    void shouldServeTheDemoAnswerThePrintedCurlAndExitOnSigterm() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process process = start("serve", "--demo", "--port", Integer.toString(port), "--host", "127.0.0.1");
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String key = null;
            String body = null;
            List<String> seen = new ArrayList<>();
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                seen.add(line);
                Matcher k = Pattern.compile("Demo API key .*: (adv_\\S+)").matcher(line);
                if (k.find()) {
                    key = k.group(1);
                }
                Matcher d = Pattern.compile("-d '(\\{.*\\})'").matcher(line);
                if (d.find()) {
                    body = d.group(1);
                }
                if (line.startsWith("Press Ctrl-C")) {
                    break;
                }
            }
            assertTrue(key != null && body != null, String.join("\n", seen));
            assertTrue(Files.isDirectory(work.resolve("data")), "the default data folder is ./data");

            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder()
                    .uri(URI.create("http://127.0.0.1:" + port + "/api/v1/matches"))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            assertTrue(response.body().contains("\"advocateId\""), response.body());

            process.destroy();
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the JVM exits after SIGTERM");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void shouldExitNonZeroWithOneLineNamingAnUnreachableUri() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String uri = "bolt://127.0.0.1:" + port;
        Process process = start("serve", "--store-uri", uri);
        try {
            assertTrue(process.waitFor(90, TimeUnit.SECONDS), "the JVM exits after a start-up error");
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertNotEquals(0, process.exitValue());
            List<String> errors = output.lines().filter(l -> l.startsWith("advocates serve:")).toList();
            assertEquals(1, errors.size(), output);
            assertTrue(errors.get(0).contains(uri), output);
            assertFalse(output.contains("\tat "), "no stack trace: " + output);
        } finally {
            process.destroyForcibly();
        }
    }
}
