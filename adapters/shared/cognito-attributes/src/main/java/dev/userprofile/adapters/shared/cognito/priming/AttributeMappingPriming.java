package dev.userprofile.adapters.shared.cognito.priming;

import dev.userprofile.adapters.shared.cognito.CognitoAttributesMapper;
import dev.userprofile.adapters.shared.cognito.MappedAttributes;
import dev.userprofile.adapters.shared.priming.Priming;
import java.util.Map;

/** The attribute mapping's priming, and the sample user every Cognito-facing rehearsal is made of. */
public final class AttributeMappingPriming {

    /** The sample user's sub: shaped as Cognito's, and one no real user has. */
    public static final String SAMPLE_SUB = "00000000-0000-4000-8000-000000000000";

    /** Every attribute a real event may carry, valued as no real user is. */
    public static final Map<String, String> SAMPLE_ATTRIBUTES = Map.of(
            "sub", SAMPLE_SUB,
            "email", "probe@example.invalid",
            "email_verified", "true",
            "phone_number", "+15550100000",
            "given_name", "Probe",
            "family_name", "Probe",
            "name", "Probe",
            "locale", "en-GB",
            "identities", "[{\"providerName\":\"Probe\",\"primary\":\"true\"}]");

    private AttributeMappingPriming() {}

    /** The sample user, mapped: what a rehearsed pool answers with. */
    public static MappedAttributes sample() {
        return new CognitoAttributesMapper().toProfile(SAMPLE_ATTRIBUTES, "priming");
    }

    /** Maps the sample as often as the JIT needs (the mapping is pure: nothing leaves the process). */
    public static Priming of(CognitoAttributesMapper mapper) {
        return Priming.repeated(
                "attribute-mapping", Priming.MAPPING_ROUNDS, () -> mapper.toProfile(SAMPLE_ATTRIBUTES, "priming"));
    }
}
