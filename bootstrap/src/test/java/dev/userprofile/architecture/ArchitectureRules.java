package dev.userprofile.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** The architecture, stated once; applied to the product and, to prove each rule bites, to known-bad fixtures. */
final class ArchitectureRules {

    static final String DOMAIN = "dev.userprofile.domain..";
    static final String APPLICATION = "dev.userprofile.application..";
    static final String ADAPTERS = "dev.userprofile.adapters..";
    static final String BOOTSTRAP = "dev.userprofile.bootstrap..";
    static final String LOCAL_TOOLING = "dev.userprofile.local..";
    /** What adapters share and none owns: the log line format, the priming contract, Cognito's attribute names. */
    static final String SHARED_SUPPORT = "dev.userprofile.adapters.shared..";

    static final String COGNITO_TRIGGER = "dev.userprofile.adapters.cognito.trigger..";
    static final String COGNITO_EVENTS = "dev.userprofile.adapters.cognito.events..";
    static final String OPERATOR_TOOL = "dev.userprofile.adapters.cognito.admin..";
    static final String COGNITO_DIRECTORY = "dev.userprofile.adapters.cognito.directory..";
    static final String PROFILE_API = "dev.userprofile.adapters.api..";
    static final String SCHEDULE = "dev.userprofile.adapters.schedule..";
    static final String DYNAMODB = "dev.userprofile.adapters.dynamodb..";

    private ArchitectureRules() {}

    /**
     * The hexagon in ArchUnit's own terms: the domain model at the centre, the application (ports and services)
     * around it, each adapter on its own outside, none depending on another. Bootstrap and the local tooling are the
     * composition roots: they build the rest, so they may use anything, and nothing uses them. The adapters' shared
     * support is in no ring; {@link #SHARED_SUPPORT_BELONGS_TO_NO_ADAPTER} holds what it may use, and its Cognito
     * attribute mapping reads Cognito's names into the domain's value objects.
     */
    @ArchTest
    static final ArchRule ONION = onionArchitecture()
            .domainModels(DOMAIN)
            .applicationServices(APPLICATION)
            .adapter("Cognito trigger", COGNITO_TRIGGER)
            .adapter("Cognito events", COGNITO_EVENTS)
            .adapter("operator tool", OPERATOR_TOOL)
            .adapter("Cognito directory", COGNITO_DIRECTORY)
            .adapter("profile API", PROFILE_API)
            .adapter("schedule", SCHEDULE)
            .adapter("DynamoDB", DYNAMODB)
            .withOptionalLayers(true)
            .ignoreDependency(resideInAnyPackage(BOOTSTRAP, LOCAL_TOOLING), DescribedPredicate.alwaysTrue())
            .ignoreDependency(resideInAPackage(SHARED_SUPPORT), resideInAPackage(DOMAIN))
            .as("Dependencies point inward (domain <- application <- adapters), and no adapter uses another");

    /** Shared support is a library of the adapters: it never reaches into the application, an adapter or a root. */
    @ArchTest
    static final ArchRule SHARED_SUPPORT_BELONGS_TO_NO_ADAPTER = noClasses()
            .that()
            .resideInAPackage(SHARED_SUPPORT)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    APPLICATION,
                    COGNITO_TRIGGER,
                    COGNITO_EVENTS,
                    OPERATOR_TOOL,
                    COGNITO_DIRECTORY,
                    PROFILE_API,
                    SCHEDULE,
                    DYNAMODB,
                    BOOTSTRAP,
                    LOCAL_TOOLING)
            .as("The adapters' shared support uses no adapter, no application class and no composition root");

    /**
     * The domain, the application and the adapters never print: functions log through their logger, and the operator
     * tool writes to the streams its entry point (bootstrap/admin) hands it.
     */
    @ArchTest
    static final ArchRule NO_STANDARD_STREAMS = noClasses()
            .that()
            .resideInAnyPackage(DOMAIN, APPLICATION, ADAPTERS)
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .as("No System.out, System.err or printStackTrace in the domain, the application or a function's adapters");

    @ArchTest
    static final ArchRule NO_GENERIC_EXCEPTIONS = GeneralCodingRules.NO_CLASSES_SHOULD_THROW_GENERIC_EXCEPTIONS;

    @ArchTest
    static final ArchRule NO_JAVA_UTIL_LOGGING = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING;

    @ArchTest
    static final ArchRule DOMAIN_DEPENDS_ON_JDK_ONLY = classes()
            .that()
            .resideInAPackage(DOMAIN)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", DOMAIN)
            .as("The domain depends on the JDK only");

    @ArchTest
    static final ArchRule APPLICATION_DEPENDS_ON_JDK_AND_DOMAIN_ONLY = classes()
            .that()
            .resideInAPackage(APPLICATION)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", DOMAIN, APPLICATION)
            .as("The application depends on the JDK and the domain only");

    @ArchTest
    static final ArchRule PORTS_IN_DO_NOT_USE_PORTS_OUT = noClasses()
            .that()
            .resideInAPackage("..port.in..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..port.out..")
            .as("Inbound ports do not depend on outbound ports");

    @ArchTest
    static final ArchRule PORTS_OUT_DO_NOT_USE_PORTS_IN = noClasses()
            .that()
            .resideInAPackage("..port.out..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..port.in..")
            .as("Outbound ports do not depend on inbound ports");

    @ArchTest
    static final ArchRule USE_CASES_ARE_INBOUND_PORT_INTERFACES = classes()
            .that()
            .haveSimpleNameEndingWith("UseCase")
            .should()
            .beInterfaces()
            .andShould()
            .resideInAPackage("dev.userprofile.application.port.in..")
            .as("*UseCase types are interfaces in application.port.in");

    @ArchTest
    static final ArchRule COMMANDS_ARE_RECORDS = classes()
            .that()
            .haveSimpleNameEndingWith("Command")
            .should()
            .beAssignableTo(Record.class)
            .andShould()
            .resideInAPackage("dev.userprofile.application.port.in..")
            .as("*Command types are records in application.port.in");

    private static final DescribedPredicate<JavaClass> IMPLEMENT_A_USE_CASE =
            new DescribedPredicate<>("implement a *UseCase") {
                @Override
                public boolean test(JavaClass javaClass) {
                    return javaClass.getAllRawInterfaces().stream()
                            .anyMatch(i -> i.getSimpleName().endsWith("UseCase"));
                }
            };

    @ArchTest
    static final ArchRule USE_CASES_ARE_IMPLEMENTED_BY_SERVICES = classes()
            .that()
            .areNotInterfaces()
            .and(IMPLEMENT_A_USE_CASE)
            .should()
            .haveSimpleNameEndingWith("Service")
            .andShould()
            .resideInAPackage("dev.userprofile.application.service..")
            .allowEmptyShould(false)
            .as("Use cases are implemented by *Service classes in application.service");

    /**
     * The adapters the product is driven through: the triggers, the Cognito events, the profile API, the schedule and
     * the operator tool.
     */
    static final String[] INBOUND_ADAPTERS = {COGNITO_TRIGGER, COGNITO_EVENTS, OPERATOR_TOOL, PROFILE_API, SCHEDULE};

    static final String[] OUTBOUND_ADAPTERS = {DYNAMODB, COGNITO_DIRECTORY};

    @ArchTest
    static final ArchRule INBOUND_ADAPTERS_CALL_USE_CASES_ONLY = noClasses()
            .that()
            .resideInAnyPackage(INBOUND_ADAPTERS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.userprofile.application.port.out..", "dev.userprofile.application.service..")
            .as("Inbound adapters (triggers, events, API, schedule, operator tool) know inbound ports only: no "
                    + "outbound port, none of its types or failures, no service");

    @ArchTest
    static final ArchRule OUTBOUND_ADAPTERS_DO_NOT_DRIVE_USE_CASES = noClasses()
            .that()
            .resideInAnyPackage(OUTBOUND_ADAPTERS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.userprofile.application.port.in..", "dev.userprofile.application.service..")
            .as("Outbound adapters implement outbound ports and never call a use case");

    @ArchTest
    static final ArchRule HANDLERS_ARE_THIN = noClasses()
            .that()
            .resideInAPackage(BOOTSTRAP)
            .and()
            .haveSimpleNameEndingWith("Handler")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "software.amazon.awssdk..",
                    OUTBOUND_ADAPTERS[0],
                    OUTBOUND_ADAPTERS[1],
                    "dev.userprofile.application.service..",
                    "dagger..")
            .as("Lambda handlers only translate and call their adapter: no SDK client, outbound adapter, service or "
                    + "Dagger module of their own");

    @ArchTest
    static final ArchRule NO_FIELD_INJECTION = GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

    @ArchTest
    static final ArchRule DEPENDENCY_INJECTION_ONLY_IN_BOOTSTRAP = noClasses()
            .that()
            .resideOutsideOfPackage(BOOTSTRAP)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dagger..", "javax.inject..", "jakarta.inject..")
            .as("Dagger and inject annotations appear in bootstrap only");

    @ArchTest
    static final ArchRule NO_CYCLES =
            slices().matching("dev.userprofile.(**)").should().beFreeOfCycles().as("No package cycles");
}
