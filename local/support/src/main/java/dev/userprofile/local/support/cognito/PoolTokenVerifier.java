package dev.userprofile.local.support.cognito;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What API Gateway's JWT authorizer checks, done locally against the pool's published keys (cognito-local's):
 * the RS256 signature, the issuer, the expiry, and the audience: an ID token's {@code aud} or an access token's
 * {@code client_id} must be the app client, and {@code token_use} must be one of the two.
 */
public final class PoolTokenVerifier {

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final String clientId;

    public PoolTokenVerifier(URI jwks, String issuer, String clientId) {
        this.clientId = clientId;
        JWKSource<SecurityContext> keys;
        try {
            keys = JWKSourceBuilder.create(jwks.toURL()).retrying(true).build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("not a key set URL: " + jwks, e);
        }
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                null, new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp", "token_use")));
    }

    /**
     * The token's claims as the authorizer passes them to the function (every value as text), or empty when the
     * {@code Authorization} header does not carry a valid token of this pool and client.
     */
    public Optional<Map<String, String>> claims(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Optional.empty();
        }
        String token = authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip()
                : authorization.strip();
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (Exception invalid) {
            return Optional.empty();
        }
        Object use = claims.getClaim("token_use");
        boolean audienceMatches = "id".equals(use)
                ? claims.getAudience().contains(clientId)
                : "access".equals(use) && clientId.equals(claims.getClaim("client_id"));
        if (!audienceMatches) {
            return Optional.empty();
        }
        Map<String, String> text = new LinkedHashMap<>();
        claims.getClaims().forEach((name, value) -> text.put(name, asText(value)));
        return Optional.of(text);
    }

    private static String asText(Object value) {
        if (value instanceof java.util.Date date) {
            return Long.toString(date.getTime() / 1000);
        }
        if (value instanceof List<?> list) {
            return "[" + String.join(" ", list.stream().map(String::valueOf).toList()) + "]";
        }
        return String.valueOf(value);
    }
}
