package dev.userprofile.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.userprofile.adapters.api.ProfileApi;
import dev.userprofile.adapters.api.fixture.ApiAdapterUsingOutboundPort;
import dev.userprofile.adapters.api.fixture.PrintingAdapter;
import dev.userprofile.adapters.cognito.trigger.TriggerAdapterUsingService;
import dev.userprofile.adapters.cognito.trigger.fixture.TriggerAdapterUsingDynamoDbAdapter;
import dev.userprofile.adapters.dynamodb.DynamoDbUserRepository;
import dev.userprofile.adapters.dynamodb.fixture.FieldInjectedAdapter;
import dev.userprofile.adapters.dynamodb.fixture.RepositoryDrivingUseCase;
import dev.userprofile.adapters.schedule.fixture.ScheduleAdapterCatchingAPortsFailure;
import dev.userprofile.adapters.shared.fixture.SharedSupportUsingAnAdapter;
import dev.userprofile.application.fixture.ApplicationUsingLambda;
import dev.userprofile.application.fixture.cyclea.CycleA;
import dev.userprofile.application.fixture.cycleb.CycleB;
import dev.userprofile.application.port.in.RegisterUserCommand;
import dev.userprofile.application.port.in.RegisterUserUseCase;
import dev.userprofile.application.port.in.fixture.ConcreteUseCase;
import dev.userprofile.application.port.in.fixture.InboundPortUsingOutboundPort;
import dev.userprofile.application.port.in.fixture.MutableCommand;
import dev.userprofile.application.port.out.UserRegistrar;
import dev.userprofile.application.port.out.UserStoreUnavailableException;
import dev.userprofile.application.port.out.UserUpdater;
import dev.userprofile.application.port.out.fixture.OutboundPortUsingInboundPort;
import dev.userprofile.application.service.RegisterUserService;
import dev.userprofile.application.service.fixture.Registrar;
import dev.userprofile.bootstrap.fixture.SdkBuildingHandler;
import dev.userprofile.bootstrap.fixture.ServiceWiringHandler;
import dev.userprofile.domain.fixture.DomainUsingAws;
import dev.userprofile.domain.fixture.DomainUsingTheApplication;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each rule reports a deliberate violation, so a rule that silently stopped matching anything would be noticed. */
class ArchitectureRulesCatchViolationsTest {

    static Stream<Arguments> violations() {
        return Stream.of(
                Arguments.of(ArchitectureRules.ONION, DomainUsingTheApplication.class, new Class<?>[] {
                    RegisterUserService.class
                }),
                Arguments.of(ArchitectureRules.ONION, TriggerAdapterUsingDynamoDbAdapter.class, new Class<?>[] {
                    DynamoDbUserRepository.class
                }),
                Arguments.of(
                        ArchitectureRules.SHARED_SUPPORT_BELONGS_TO_NO_ADAPTER,
                        SharedSupportUsingAnAdapter.class,
                        new Class<?>[] {ProfileApi.class}),
                Arguments.of(ArchitectureRules.NO_STANDARD_STREAMS, PrintingAdapter.class, new Class<?>[0]),
                Arguments.of(ArchitectureRules.NO_GENERIC_EXCEPTIONS, PrintingAdapter.class, new Class<?>[0]),
                Arguments.of(ArchitectureRules.NO_JAVA_UTIL_LOGGING, PrintingAdapter.class, new Class<?>[0]),
                Arguments.of(ArchitectureRules.DOMAIN_DEPENDS_ON_JDK_ONLY, DomainUsingAws.class, new Class<?>[0]),
                Arguments.of(
                        ArchitectureRules.APPLICATION_DEPENDS_ON_JDK_AND_DOMAIN_ONLY,
                        ApplicationUsingLambda.class,
                        new Class<?>[0]),
                Arguments.of(
                        ArchitectureRules.PORTS_IN_DO_NOT_USE_PORTS_OUT,
                        InboundPortUsingOutboundPort.class,
                        new Class<?>[] {UserRegistrar.class}),
                Arguments.of(
                        ArchitectureRules.PORTS_OUT_DO_NOT_USE_PORTS_IN,
                        OutboundPortUsingInboundPort.class,
                        new Class<?>[] {RegisterUserCommand.class}),
                Arguments.of(
                        ArchitectureRules.USE_CASES_ARE_INBOUND_PORT_INTERFACES,
                        ConcreteUseCase.class,
                        new Class<?>[0]),
                Arguments.of(ArchitectureRules.COMMANDS_ARE_RECORDS, MutableCommand.class, new Class<?>[0]),
                Arguments.of(ArchitectureRules.USE_CASES_ARE_IMPLEMENTED_BY_SERVICES, Registrar.class, new Class<?>[] {
                    RegisterUserUseCase.class
                }),
                Arguments.of(
                        ArchitectureRules.INBOUND_ADAPTERS_CALL_USE_CASES_ONLY,
                        ApiAdapterUsingOutboundPort.class,
                        new Class<?>[] {UserUpdater.class}),
                Arguments.of(
                        ArchitectureRules.INBOUND_ADAPTERS_CALL_USE_CASES_ONLY,
                        ScheduleAdapterCatchingAPortsFailure.class,
                        new Class<?>[] {UserStoreUnavailableException.class}),
                Arguments.of(
                        ArchitectureRules.INBOUND_ADAPTERS_CALL_USE_CASES_ONLY,
                        TriggerAdapterUsingService.class,
                        new Class<?>[] {RegisterUserService.class}),
                Arguments.of(
                        ArchitectureRules.OUTBOUND_ADAPTERS_DO_NOT_DRIVE_USE_CASES,
                        RepositoryDrivingUseCase.class,
                        new Class<?>[] {RegisterUserUseCase.class}),
                Arguments.of(ArchitectureRules.HANDLERS_ARE_THIN, SdkBuildingHandler.class, new Class<?>[0]),
                Arguments.of(ArchitectureRules.HANDLERS_ARE_THIN, ServiceWiringHandler.class, new Class<?>[] {
                    RegisterUserService.class
                }),
                Arguments.of(ArchitectureRules.NO_FIELD_INJECTION, FieldInjectedAdapter.class, new Class<?>[0]),
                Arguments.of(
                        ArchitectureRules.DEPENDENCY_INJECTION_ONLY_IN_BOOTSTRAP,
                        FieldInjectedAdapter.class,
                        new Class<?>[0]),
                Arguments.of(ArchitectureRules.NO_CYCLES, CycleA.class, new Class<?>[] {CycleB.class}));
    }

    @ParameterizedTest
    @MethodSource("violations")
    void reportsTheViolation(ArchRule rule, Class<?> offender, Class<?>[] context) {
        Class<?>[] all = Stream.concat(Stream.of(offender), Stream.of(context)).toArray(Class<?>[]::new);
        EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(all));

        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        assertThat(result.getFailureReport().getDetails()).anyMatch(line -> line.contains(offender.getSimpleName()));
    }

    @Test
    void theProductImportCoversEveryModule() {
        JavaClasses product = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("dev.userprofile");
        for (String module : new String[] {
            "dev.userprofile.domain.User",
            "dev.userprofile.application.service.RegisterUserService",
            "dev.userprofile.adapters.cognito.trigger.CognitoTrigger",
            "dev.userprofile.adapters.dynamodb.DynamoDbUserRepository",
            "dev.userprofile.adapters.cognito.admin.AdminCli",
            "dev.userprofile.adapters.api.ProfileApi",
            "dev.userprofile.adapters.shared.logging.JsonLogLine",
            "dev.userprofile.adapters.cognito.trigger.TriggerInvocation",
            "dev.userprofile.adapters.api.ApiInvocation",
            "dev.userprofile.bootstrap.ProfileApiHandler",
            "dev.userprofile.bootstrap.CognitoTriggerHandler",
            "dev.userprofile.adapters.shared.cognito.CognitoAttributesMapper",
            "dev.userprofile.adapters.cognito.directory.CognitoUserDirectory",
            "dev.userprofile.adapters.cognito.events.SyncInvocation",
            "dev.userprofile.bootstrap.UserSyncHandler",
            "dev.userprofile.adapters.schedule.ReconcileInvocation",
            "dev.userprofile.application.service.ReconcilePoolService",
            "dev.userprofile.bootstrap.ReconcileHandler"
        }) {
            assertThat(product.contain(module)).as(module).isTrue();
        }
        assertThat(product.contain(DomainUsingAws.class))
                .as("fixtures stay out of the product import")
                .isFalse();
    }
}
