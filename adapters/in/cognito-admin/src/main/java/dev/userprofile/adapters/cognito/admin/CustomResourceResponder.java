package dev.userprofile.adapters.cognito.admin;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Tells CloudFormation how a custom resource's request ended, by a PUT of the response document to the request's
 * pre-signed S3 URL. CloudFormation waits up to an hour for it, so every request must end here, failures included.
 */
public final class CustomResourceResponder {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /**
     * @throws UncheckedIOException when the response could not be delivered (the stack then waits for its timeout)
     */
    public void send(URI responseUrl, String document) {
        byte[] body = document.getBytes(StandardCharsets.UTF_8);
        try {
            HttpURLConnection connection =
                    (HttpURLConnection) responseUrl.toURL().openConnection();
            connection.setRequestMethod("PUT");
            connection.setDoOutput(true);
            connection.setConnectTimeout((int) TIMEOUT.toMillis());
            connection.setReadTimeout((int) TIMEOUT.toMillis());
            // Empty, as the URL was signed: a content type would not match the signature of older S3 URLs.
            connection.setRequestProperty("Content-Type", "");
            connection.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
            int status = connection.getResponseCode();
            connection.disconnect();
            if (status / 100 != 2) {
                throw new IOException("the response URL answered HTTP " + status);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot deliver the custom resource's response", e);
        }
    }
}
