package dev.userprofile.local.support.cognito;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each check API Gateway's JWT authorizer makes, against a key set served on loopback as a pool serves its own. */
class PoolTokenVerifierTest {

    private static final String ISSUER = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Pool";
    private static final String CLIENT = "app-client";
    private static RSAKey poolKey;
    private static RSAKey otherKey;
    private static HttpServer keys;
    private static PoolTokenVerifier verifier;

    @BeforeAll
    static void publishThePoolsKeys() throws Exception {
        poolKey = new RSAKeyGenerator(2048).keyID("pool").generate();
        otherKey = new RSAKeyGenerator(2048).keyID("pool").generate();
        keys = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        byte[] jwks = new JWKSet(poolKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        keys.createContext("/jwks.json", exchange -> {
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        keys.start();
        verifier = new PoolTokenVerifier(
                URI.create("http://127.0.0.1:" + keys.getAddress().getPort() + "/jwks.json"), ISSUER, CLIENT);
    }

    @AfterAll
    static void stop() {
        keys.stop(0);
    }

    private static JWTClaimsSet.Builder access() {
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject("sub-1")
                .claim("token_use", "access")
                .claim("client_id", CLIENT)
                .expirationTime(Date.from(Instant.now().plusSeconds(300)));
    }

    private static String signed(RSAKey key, UnaryOperator<JWTClaimsSet.Builder> claims) throws JOSEException {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                claims.apply(access()).build());
        jwt.sign(new RSASSASigner(key));
        return "Bearer " + jwt.serialize();
    }

    @Test
    void acceptsTheClientsAccessAndIdTokensAndPassesTheClaimsAsText() throws Exception {
        assertThat(verifier.claims(signed(poolKey, c -> c)))
                .hasValueSatisfying(claims -> assertThat(claims)
                        .containsEntry("sub", "sub-1")
                        .containsEntry("token_use", "access")
                        .containsKey("exp"));
        assertThat(verifier.claims(signed(
                        poolKey,
                        c -> c.claim("token_use", "id").claim("client_id", null).audience(CLIENT))))
                .isPresent();
    }

    @Test
    void refusesEverythingElse() throws Exception {
        assertThat(verifier.claims(null)).as("no header").isEmpty();
        assertThat(verifier.claims("Bearer ")).as("no token").isEmpty();
        assertThat(verifier.claims("Bearer a.b.c")).as("not a JWT").isEmpty();
        assertThat(verifier.claims(signed(otherKey, c -> c)))
                .as("signed by another key")
                .isEmpty();
        assertThat(verifier.claims(signed(
                        poolKey, c -> c.expirationTime(Date.from(Instant.now().minusSeconds(120))))))
                .as("expired")
                .isEmpty();
        assertThat(verifier.claims(signed(poolKey, c -> c.issuer(ISSUER + "x"))))
                .as("another pool")
                .isEmpty();
        assertThat(verifier.claims(signed(poolKey, c -> c.claim("client_id", "other-client"))))
                .as("another app client")
                .isEmpty();
        assertThat(verifier.claims(
                        signed(poolKey, c -> c.claim("token_use", "id").audience("other-client"))))
                .as("an ID token for another client")
                .isEmpty();
        assertThat(verifier.claims(signed(poolKey, c -> c.claim("token_use", "refresh"))))
                .as("neither id nor access")
                .isEmpty();
        assertThat(verifier.claims(signed(poolKey, c -> c.claim("token_use", null))))
                .as("no token_use")
                .isEmpty();
        assertThat(verifier.claims("Bearer " + new PlainJWT(access().build()).serialize()))
                .as("unsigned")
                .isEmpty();
    }
}
