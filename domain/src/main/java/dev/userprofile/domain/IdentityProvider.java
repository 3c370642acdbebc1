package dev.userprofile.domain;

/** The external identity provider a federated user signed in with, such as {@code Google} or a SAML provider name. */
public record IdentityProvider(String name) {

    public static final int MAX_LENGTH = 128;

    public IdentityProvider {
        name = TextRules.cleanText("identityProvider", name, MAX_LENGTH);
    }
}
