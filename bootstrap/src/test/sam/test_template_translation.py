"""template.yaml through the real SAM translator (the one cfn-lint uses), with chosen parameter values.

CloudFormation runs AWS::LanguageExtensions before SAM; here `language_extensions` stands in for the one step of it
this template relies on: replacing references to parameters by their values. Conditions are then evaluated as
CloudFormation would, to see which resources a deployment with those values creates.
"""
import copy
import json
import os
import pathlib
import unittest

import cfnlint.api
from samtranslator.public.translator import ManagedPolicyLoader  # noqa: F401  (imported for its side effects)
from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse

TEMPLATE = pathlib.Path(__file__).resolve().parents[4] / "template.yaml"
FUNCTION = "PostConfirmationFunction"
API_FUNCTION = "ProfileApiFunction"
SYNC_FUNCTION = "UserSyncFunction"


class _NoManagedPolicies:
    def load(self):
        return {}


def _template():
    template = yaml_parse(TEMPLATE.read_text())
    for resource in template["Resources"].values():
        if resource["Type"] == "AWS::Serverless::Function":
            # What `sam package` puts in place of the local code folder.
            resource["Properties"]["CodeUri"] = "s3://artifacts/function.zip"
    return template


def _parameters(template, overrides):
    values = {name: spec.get("Default") for name, spec in template["Parameters"].items()}
    values.update(overrides)
    typed = {}
    for name, value in values.items():
        if value is None:
            continue
        if template["Parameters"][name]["Type"] == "CommaDelimitedList":
            typed[name] = [item for item in str(value).split(",") if item] if isinstance(value, str) else value
        else:
            typed[name] = str(value)
    return typed


def language_extensions(node, parameters):
    if isinstance(node, dict):
        if set(node) == {"Ref"} and node["Ref"] in parameters:
            return parameters[node["Ref"]]
        return {key: language_extensions(value, parameters) for key, value in node.items()}
    if isinstance(node, list):
        return [language_extensions(item, parameters) for item in node]
    return node


_TRANSLATIONS = {}


def translate(overrides=None, extensions=True):
    """The SAM translator's output for these values; each distinct translation runs once, and callers get a copy."""
    key = (json.dumps(overrides or {}, sort_keys=True), extensions)
    if key not in _TRANSLATIONS:
        _TRANSLATIONS[key] = _translate(overrides, extensions)
    return copy.deepcopy(_TRANSLATIONS[key])


def _translate(overrides, extensions):
    os.environ.setdefault("AWS_DEFAULT_REGION", "eu-west-1")
    template = _template()
    assert template["Transform"] == ["AWS::LanguageExtensions", "AWS::Serverless-2016-10-31"]
    parameters = _parameters(template, overrides or {})
    if extensions:
        template = language_extensions(template, parameters)
    template["Transform"] = "AWS::Serverless-2016-10-31"
    return transform(template, parameters, _NoManagedPolicies()), parameters


def _condition(output, name, parameters):
    return _evaluate(output["Conditions"][name], output, parameters)


def _evaluate(node, output, parameters):
    if isinstance(node, dict):
        (function, argument), = node.items()
        if function == "Ref":
            return parameters[argument]
        if function == "Condition":
            return _condition(output, argument, parameters)
        if function == "Fn::Equals":
            left, right = (_evaluate(a, output, parameters) for a in argument)
            return left == right
        if function == "Fn::Not":
            return not _evaluate(argument[0], output, parameters)
        if function == "Fn::Join":
            delimiter, items = argument
            return delimiter.join(_evaluate(items, output, parameters))
        raise AssertionError(f"unexpected {function} in a condition")
    return node


_REMOVED = object()


def _choose(node, conditions, parameters):
    """Fn::If resolved to its chosen branch, AWS::NoValue removed and parameters substituted in Fn::Sub, as
    CloudFormation does when it deploys."""
    if isinstance(node, dict):
        if set(node) == {"Fn::If"}:
            name, when_true, when_false = node["Fn::If"]
            return _choose(when_true if conditions[name] else when_false, conditions, parameters)
        if set(node) == {"Fn::Sub"} and isinstance(node["Fn::Sub"], str):
            text = node["Fn::Sub"]
            for name, value in parameters.items():
                if isinstance(value, str):
                    text = text.replace("${" + name + "}", value)
            return {"Fn::Sub": text} if "${" in text else text
        if node == {"Ref": "AWS::NoValue"}:
            return _REMOVED
        chosen = {key: _choose(value, conditions, parameters) for key, value in node.items()}
        return {key: value for key, value in chosen.items() if value is not _REMOVED}
    if isinstance(node, list):
        return [item for item in (_choose(i, conditions, parameters) for i in node) if item is not _REMOVED]
    return node


def deployed(overrides=None):
    """The template a stack with these parameter values deploys: conditions applied, parameters gone."""
    output, parameters = translate(overrides)
    conditions = {name: _condition(output, name, parameters) for name in output.get("Conditions", {})}
    keep = lambda entry: conditions.get(entry.get("Condition"), True)
    result = {
        "AWSTemplateFormatVersion": output["AWSTemplateFormatVersion"],
        "Resources": {name: _choose({k: v for k, v in r.items() if k != "Condition"}, conditions, parameters)
                      for name, r in output["Resources"].items() if keep(r)},
        "Outputs": {name: _choose({k: v for k, v in o.items() if k != "Condition"}, conditions, parameters)
                    for name, o in output.get("Outputs", {}).items() if keep(o)},
    }
    return result, result["Resources"], result["Outputs"]


def version_id(overrides=None, extensions=True, function=FUNCTION):
    output, _ = translate(overrides, extensions)
    versions = [name for name, r in output["Resources"].items()
                if r["Type"] == "AWS::Lambda::Version" and name.startswith(function + "Version")]
    assert len(versions) == 1, versions
    return versions[0]


EXISTING_POOL = {"ExistingUserPoolId": "eu-west-1_AbC123", "ExistingUserPoolClientId": "client123"}


class VersionPublishing(unittest.TestCase):
    """Changing a parameter that changes the function must reach the alias Cognito invokes."""

    def test_each_parameter_that_changes_the_function_publishes_a_new_version(self):
        for function in (FUNCTION, API_FUNCTION, SYNC_FUNCTION):
            for parameter, a, b in [("LogLevel", "INFO", "DEBUG"), ("SnapStart", "PublishedVersions", "None")]:
                with self.subTest(function=function, parameter=parameter):
                    self.assertNotEqual(version_id({parameter: a}, function=function),
                                        version_id({parameter: b}, function=function))

    def test_a_parameter_that_does_not_change_the_function_publishes_nothing(self):
        self.assertEqual(version_id({"LogRetentionDays": "90"}), version_id({"LogRetentionDays": "30"}))
        self.assertEqual(version_id({"AlarmTopicArn": ""}),
                         version_id({"AlarmTopicArn": "arn:aws:sns:eu-west-1:123456789012:alarms"}))

    def test_without_resolving_parameters_first_sam_would_not_notice(self):
        # Why the template declares AWS::LanguageExtensions: SAM hashes the unresolved reference.
        self.assertEqual(version_id({"LogLevel": "INFO"}, extensions=False),
                         version_id({"LogLevel": "DEBUG"}, extensions=False))

    def test_snapstart_off_really_turns_it_off(self):
        _, resources, _ = deployed({"SnapStart": "None"})
        self.assertEqual(resources[FUNCTION]["Properties"]["SnapStart"], {"ApplyOn": "None"})
        _, resources, _ = deployed()
        self.assertEqual(resources[FUNCTION]["Properties"]["SnapStart"], {"ApplyOn": "PublishedVersions"})


class UserPoolChoice(unittest.TestCase):

    def test_by_default_the_stack_creates_a_protected_pool_that_triggers_the_alias(self):
        _, resources, outputs = deployed()
        pool = resources["UserPool"]
        self.assertEqual((pool["DeletionPolicy"], pool["UpdateReplacePolicy"]), ("Retain", "Retain"))
        alias = {"Ref": FUNCTION + "Aliaslive"}
        self.assertEqual(pool["Properties"]["LambdaConfig"], {"PostConfirmation": alias, "PostAuthentication": alias})
        self.assertIn("UserPoolClient", resources)
        permission = resources["PostConfirmationInvokePermission"]["Properties"]
        self.assertEqual(permission["SourceArn"], {"Fn::GetAtt": ["UserPool", "Arn"]})
        self.assertEqual(permission["SourceAccount"], {"Ref": "AWS::AccountId"})
        self.assertIn("UserPoolClientId", outputs)
        self.assertIn("PostConfirmationFunctionAliasArn", outputs)

    def test_heal_on_sign_in_off_leaves_sign_ins_out_and_confirmations_in(self):
        _, resources, _ = deployed({"HealOnSignIn": "Disabled"})
        alias = {"Ref": FUNCTION + "Aliaslive"}
        self.assertEqual(resources["UserPool"]["Properties"]["LambdaConfig"], {"PostConfirmation": alias})
        self.assertIn("PostConfirmationInvokePermission", resources)

    def test_with_an_existing_pool_the_stack_creates_no_pool_and_scopes_the_permission_to_it(self):
        _, resources, outputs = deployed(EXISTING_POOL)
        types = {r["Type"] for r in resources.values()}
        self.assertNotIn("AWS::Cognito::UserPool", types)
        self.assertNotIn("AWS::Cognito::UserPoolClient", types)
        source = resources["PostConfirmationInvokePermission"]["Properties"]["SourceArn"]
        self.assertEqual(source, {"Fn::Sub": "arn:${AWS::Partition}:cognito-idp:${AWS::Region}:${AWS::AccountId}"
                                             ":userpool/eu-west-1_AbC123"})
        text = json.dumps(resources)
        for reference in ('{"Ref": "UserPool"}', '"UserPool", "Arn"', "${UserPool}", '{"Ref": "UserPoolClient"}'):
            self.assertNotIn(reference, text)
        self.assertNotIn("UserPoolClientId", outputs)
        self.assertEqual(outputs["PostConfirmationFunctionAliasArn"]["Value"], {"Ref": FUNCTION + "Aliaslive"})
        self.assertEqual(outputs["UserPoolId"]["Value"], "eu-west-1_AbC123")

    def test_both_translations_pass_cfn_lint(self):
        for overrides in ({}, {**EXISTING_POOL, "SnapStart": "None", "CorsAllowedOrigins": "https://app.example.com",
                              "SesSourceArn": "arn:aws:ses:eu-west-1:123456789012:identity/example.com",
                              "AlarmTopicArn": "arn:aws:sns:eu-west-1:123456789012:alarms"}):
            with self.subTest(overrides=overrides):
                template, _, _ = deployed(overrides)
                matches = cfnlint.api.lint(json.dumps(template), config=cfnlint.api.ManualArgs(regions=["eu-west-1"]))
                self.assertEqual([str(m) for m in matches], [])


class ProfileApi(unittest.TestCase):
    """SAM turns the HTTP API into an OpenAPI body: the authorizer, the routes and CORS are read from there."""

    @staticmethod
    def _body(resources):
        api, = [r for r in resources.values() if r["Type"] == "AWS::ApiGatewayV2::Api"]
        return api["Properties"]["Body"]

    @staticmethod
    def _jwt(body):
        scheme = body["components"]["securitySchemes"]["PoolTokens"]["x-amazon-apigateway-authorizer"]
        return scheme["type"], scheme["identitySource"], scheme["jwtConfiguration"]

    def test_a_jwt_authorizer_on_the_created_pool_and_its_client_guards_every_route_with_a_scope(self):
        _, resources, outputs = deployed()
        body = self._body(resources)
        kind, source, jwt = self._jwt(body)
        self.assertEqual((kind, source), ("jwt", "$request.header.Authorization"))
        self.assertEqual(jwt["issuer"], {"Fn::Sub": "https://cognito-idp.${AWS::Region}.amazonaws.com/${UserPool}"})
        self.assertEqual(jwt["audience"], [{"Ref": "UserPoolClient"}])
        self.assertEqual(set(body["paths"]), {"/me"})
        self.assertEqual(set(body["paths"]["/me"]), {"get", "patch", "delete"})
        for method in body["paths"]["/me"].values():
            # A scope only access tokens carry: API Gateway refuses ID tokens (ADR 0015).
            self.assertEqual(method["security"], [{"PoolTokens": ["aws.cognito.signin.user.admin", "openid"]}])
            integration = method["x-amazon-apigateway-integration"]
            self.assertEqual(integration["payloadFormatVersion"], "2.0")
            self.assertIn("${ProfileApiFunctionAliaslive}", integration["uri"]["Fn::Sub"])
        self.assertIn("ProfileApiUrl", outputs)
        self.assertNotIn("x-amazon-apigateway-cors", body)

    def test_with_an_existing_pool_the_authorizer_trusts_that_pool_and_client(self):
        _, resources, _ = deployed(EXISTING_POOL)
        _, _, jwt = self._jwt(self._body(resources))
        self.assertEqual(jwt["issuer"], {"Fn::Sub": "https://cognito-idp.${AWS::Region}.amazonaws.com/eu-west-1_AbC123"})
        self.assertEqual(jwt["audience"], ["client123"])

    def test_cors_and_throttling_are_parameters(self):
        _, resources, _ = deployed({"CorsAllowedOrigins": "https://app.example.com,https://admin.example.com",
                                    "ApiThrottlingRateLimit": "7", "ApiThrottlingBurstLimit": "9"})
        cors = self._body(resources)["x-amazon-apigateway-cors"]
        self.assertEqual(cors["allowOrigins"], ["https://app.example.com", "https://admin.example.com"])
        self.assertEqual(cors["allowMethods"], ["GET", "PATCH", "DELETE"])
        self.assertIn("If-Match", cors["allowHeaders"])
        self.assertEqual(cors["exposeHeaders"], ["ETag"])
        stage, = [r for r in resources.values() if r["Type"] == "AWS::ApiGatewayV2::Stage"]
        self.assertEqual(stage["Properties"]["DefaultRouteSettings"],
                         {"ThrottlingRateLimit": "7", "ThrottlingBurstLimit": "9"})


class AccountDeletion(unittest.TestCase):
    """DELETE /me's permission follows the AccountDeletion parameter; the API reads callers from its own pool only."""

    @staticmethod
    def _statements(resources):
        return [st for policy in resources["ProfileApiFunctionRole"]["Properties"]["Policies"]
                for st in policy["PolicyDocument"]["Statement"]]

    def test_by_default_the_api_may_read_and_delete_users_of_the_stacks_pool_only(self):
        for overrides, pool_arn in (({}, {"Fn::GetAtt": ["UserPool", "Arn"]}),
                                    (EXISTING_POOL, {"Fn::Sub": "arn:${AWS::Partition}:cognito-idp:${AWS::Region}:"
                                                                "${AWS::AccountId}:userpool/eu-west-1_AbC123"})):
            with self.subTest(overrides=overrides):
                _, resources, _ = deployed(overrides)
                by_sid = {st["Sid"]: st for st in self._statements(resources)}
                self.assertEqual(by_sid["ReadCallerFromPool"]["Action"], ["cognito-idp:ListUsers"])
                self.assertEqual(by_sid["DeleteCallerFromPool"]["Action"], ["cognito-idp:AdminDeleteUser"])
                self.assertEqual(by_sid["ReadCallerFromPool"]["Resource"], pool_arn)
                self.assertEqual(by_sid["DeleteCallerFromPool"]["Resource"], pool_arn)
                variables = resources["ProfileApiFunction"]["Properties"]["Environment"]["Variables"]
                self.assertEqual(variables["ACCOUNT_DELETION"], "Enabled")
                self.assertEqual(variables["DELETION_REAUTHENTICATION_SECONDS"], "300")

    def test_disabled_the_role_cannot_delete_users_and_the_function_is_told_so(self):
        _, resources, _ = deployed({"AccountDeletion": "Disabled", "DeletionReauthenticationSeconds": "120"})
        sids = {st["Sid"] for st in self._statements(resources)}
        self.assertIn("ReadCallerFromPool", sids)
        self.assertNotIn("DeleteCallerFromPool", sids)
        variables = resources["ProfileApiFunction"]["Properties"]["Environment"]["Variables"]
        self.assertEqual(variables["ACCOUNT_DELETION"], "Disabled")
        self.assertEqual(variables["DELETION_REAUTHENTICATION_SECONDS"], "120")


class KeepAlive(unittest.TestCase):

    def test_a_schedule_invokes_the_alias_with_the_event_the_function_recognises(self):
        _, resources, _ = deployed({"KeepAliveIntervalDays": "5"})
        rules = {name: r for name, r in resources.items()
                 if r["Type"] == "AWS::Events::Rule" and name.endswith("KeepAlive")}
        self.assertEqual(set(rules), {FUNCTION + "KeepAlive", API_FUNCTION + "KeepAlive", SYNC_FUNCTION + "KeepAlive"})
        sync_rule = rules[SYNC_FUNCTION + "KeepAlive"]["Properties"]
        self.assertEqual(json.loads(sync_rule["Targets"][0]["Input"]), {"source": "user-profile-service.keep-alive"})
        self.assertEqual(sync_rule["Targets"][0]["Arn"], {"Ref": SYNC_FUNCTION + "Aliaslive"})
        api_rule = rules[API_FUNCTION + "KeepAlive"]["Properties"]
        self.assertEqual(json.loads(api_rule["Targets"][0]["Input"]), {"routeKey": "UserProfileService_KeepAlive"})
        self.assertEqual(api_rule["Targets"][0]["Arn"], {"Ref": API_FUNCTION + "Aliaslive"})
        rule = rules[FUNCTION + "KeepAlive"]["Properties"]
        self.assertEqual(rule["ScheduleExpression"], "rate(5 days)")
        target, = rule["Targets"]
        self.assertEqual(target["Arn"], {"Ref": FUNCTION + "Aliaslive"})
        self.assertEqual(json.loads(target["Input"]), {"triggerSource": "UserProfileService_KeepAlive"})
        self.assertEqual(rule["State"], "ENABLED")
        _, resources, _ = deployed({"SnapStart": "None"})
        for rule in [r for name, r in resources.items()
                     if r["Type"] == "AWS::Events::Rule" and name.endswith("KeepAlive")]:
            self.assertEqual(rule["Properties"]["State"], "DISABLED", "no SnapStart, nothing to keep active")


class UserSync(unittest.TestCase):
    """Cognito's CloudTrail events reach the sync function's alias, and what it cannot finish is kept."""

    @staticmethod
    def _rule(resources):
        return resources[SYNC_FUNCTION + "CognitoUserChanges"]["Properties"]

    def test_cognitos_user_events_invoke_the_alias_with_retries_and_a_dead_letter_queue(self):
        _, resources, _ = deployed()
        rule = self._rule(resources)
        pattern = rule["EventPattern"]
        self.assertEqual(pattern["source"], ["aws.cognito-idp"])
        self.assertEqual(pattern["detail-type"], ["AWS API Call via CloudTrail"])
        self.assertEqual(pattern["detail"]["eventSource"], ["cognito-idp.amazonaws.com"])
        self.assertIn("AdminDeleteUser", pattern["detail"]["eventName"])
        target, = rule["Targets"]
        self.assertEqual(target["Arn"], {"Ref": SYNC_FUNCTION + "Aliaslive"})
        self.assertEqual(target["DeadLetterConfig"], {"Arn": {"Fn::GetAtt": ["UserSyncDeadLetterQueue", "Arn"]}})
        invoke_config, = [r for r in resources.values() if r["Type"] == "AWS::Lambda::EventInvokeConfig"
                          and r["Properties"]["FunctionName"] == {"Ref": SYNC_FUNCTION}]
        config = invoke_config["Properties"]
        self.assertEqual(config["Qualifier"], "live")
        self.assertEqual(config["MaximumRetryAttempts"], 2)
        self.assertEqual(config["DestinationConfig"]["OnFailure"]["Destination"],
                         {"Fn::GetAtt": ["UserSyncDeadLetterQueue", "Arn"]})
        policy = resources["UserSyncDeadLetterQueuePolicy"]["Properties"]["PolicyDocument"]["Statement"][0]
        self.assertEqual(policy["Condition"]["ArnEquals"]["aws:SourceArn"],
                         {"Fn::GetAtt": [SYNC_FUNCTION + "CognitoUserChanges", "Arn"]})

    def test_the_function_reads_only_the_stacks_pool_in_either_mode(self):
        for overrides, pool_arn in (({}, {"Fn::GetAtt": ["UserPool", "Arn"]}),
                                    (EXISTING_POOL, {"Fn::Sub": "arn:${AWS::Partition}:cognito-idp:${AWS::Region}:"
                                                                "${AWS::AccountId}:userpool/eu-west-1_AbC123"})):
            with self.subTest(overrides=overrides):
                _, resources, _ = deployed(overrides)
                statements = [st for policy in resources["UserSyncFunctionRole"]["Properties"]["Policies"]
                              for st in policy["PolicyDocument"]["Statement"]]
                read, = [st for st in statements if st["Sid"] == "ReadPoolUsers"]
                self.assertEqual(read["Action"], ["cognito-idp:ListUsers"])
                self.assertEqual(read["Resource"], pool_arn)
                variables = resources[SYNC_FUNCTION]["Properties"]["Environment"]["Variables"]
                expected_pool = {"Ref": "UserPool"} if not overrides else "eu-west-1_AbC123"
                self.assertEqual(variables["USER_POOL_ID"], expected_pool)
                self.assertEqual(variables["TOMBSTONE_TTL_DAYS"], "30")

    def test_tombstones_expire_through_the_tables_time_to_live(self):
        _, resources, _ = deployed({"TombstoneRetentionDays": "7"})
        self.assertEqual(resources["ProfilesTable"]["Properties"]["TimeToLiveSpecification"],
                         {"AttributeName": "expiresAt", "Enabled": True})
        self.assertEqual(resources[SYNC_FUNCTION]["Properties"]["Environment"]["Variables"]["TOMBSTONE_TTL_DAYS"], "7")


class Reconcile(unittest.TestCase):
    """The whole-pool reconcile runs on its schedule with its own least-privilege role and its guard's parameters."""

    def test_a_schedule_invokes_the_function_with_the_pool_the_pace_and_the_guard(self):
        _, resources, _ = deployed({"ReconcileSchedule": "rate(12 hours)", "ReconcileCallsPerSecond": "3",
                                    "ReconcileMaxErasureShare": "0.02"})
        rule = resources["ReconcileFunctionSchedule"]
        self.assertEqual(rule["Type"], "AWS::Events::Rule")
        self.assertEqual(rule["Properties"]["ScheduleExpression"], "rate(12 hours)")
        target, = rule["Properties"]["Targets"]
        self.assertEqual(target["Arn"], {"Fn::GetAtt": ["ReconcileFunction", "Arn"]})
        variables = resources["ReconcileFunction"]["Properties"]["Environment"]["Variables"]
        self.assertEqual(variables["RECONCILE_CALLS_PER_SECOND"], "3")
        self.assertEqual(variables["RECONCILE_MAX_ERASURE_SHARE"], "0.02")
        self.assertEqual(variables["USER_POOL_ID"], {"Ref": "UserPool"})
        self.assertEqual(resources["ReconcileFunction"]["Properties"]["Timeout"], 900)
        self.assertEqual(variables["RECONCILE_STATE_TABLE"], {"Ref": "ReconcileStateTable"})

    def test_a_paused_run_is_continued_every_few_minutes_with_the_event_the_function_recognises(self):
        _, resources, _ = deployed({})
        rules = {name: r for name, r in resources.items()
                 if r["Type"] == "AWS::Events::Rule" and name.startswith("ReconcileFunction")}
        self.assertEqual(set(rules), {"ReconcileFunctionSchedule", "ReconcileFunctionContinue"})
        rule = rules["ReconcileFunctionContinue"]
        self.assertEqual(rule["Properties"]["ScheduleExpression"], "rate(5 minutes)")
        target, = rule["Properties"]["Targets"]
        self.assertEqual(json.loads(target["Input"]), {"continue": True})
        # The function's own check of that event is ReconcileHandlerEndToEndTest's.
        state = resources["ReconcileStateTable"]["Properties"]
        self.assertEqual([k["AttributeName"] for k in state["KeySchema"]], ["run", "part"])
        self.assertEqual(state["TimeToLiveSpecification"], {"AttributeName": "expiresAt", "Enabled": True})
    def test_its_role_reads_only_the_stacks_pool_in_either_mode(self):
        for overrides, pool_arn in (({}, {"Fn::GetAtt": ["UserPool", "Arn"]}),
                                    (EXISTING_POOL, {"Fn::Sub": "arn:${AWS::Partition}:cognito-idp:${AWS::Region}:"
                                                                "${AWS::AccountId}:userpool/eu-west-1_AbC123"})):
            with self.subTest(overrides=overrides):
                _, resources, _ = deployed(overrides)
                statements = [st for policy in resources["ReconcileFunctionRole"]["Properties"]["Policies"]
                              for st in policy["PolicyDocument"]["Statement"]]
                read, = [st for st in statements if st["Sid"] == "ReadPoolUsers"]
                self.assertEqual(read["Resource"], pool_arn)
                data, = [st for st in statements if st["Sid"] == "ReconcileProfiles"]
                self.assertEqual(data["Resource"], {"Fn::GetAtt": ["ProfilesTable", "Arn"]})
                batch, = [st for st in statements if st["Sid"] == "CompareListedUsers"]
                self.assertEqual(batch["Action"], ["dynamodb:BatchGetItem"])
                self.assertEqual(batch["Resource"], {"Fn::GetAtt": ["ProfilesTable", "Arn"]})
                progress, = [st for st in statements if st["Sid"] == "KeepReconcileProgress"]
                self.assertEqual(sorted(progress["Action"]),
                                 ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"])
                self.assertEqual(progress["Resource"], {"Fn::GetAtt": ["ReconcileStateTable", "Arn"]})

    def test_a_share_that_is_not_between_0_and_1_is_refused_at_deploy_time(self):
        pattern = _template()["Parameters"]["ReconcileMaxErasureShare"]["AllowedPattern"]
        import re
        for good in ("0", "0.05", "1", "1.0", "0.5"):
            self.assertRegex(good, pattern)
        for bad in ("1.5", "-0.1", "5%", "", "2"):
            self.assertIsNone(re.fullmatch(pattern, bad), bad)




class DeploySafety(unittest.TestCase):
    """The functions users wait on move to a new version gradually and roll back on that version's alarms."""

    GUARDED = {FUNCTION: ["TriggerNewVersionErrorsAlarm", "TriggerNewVersionFailuresAlarm",
                          "TriggerNewVersionDurationAlarm"],
               API_FUNCTION: ["ProfileApiNewVersionErrorsAlarm", "ProfileApiNewVersionServerErrorsAlarm"]}

    @staticmethod
    def _live_version(resources, function):
        alias = resources[function + "Aliaslive"]["Properties"]
        return alias["FunctionVersion"]["Fn::GetAtt"][0]

    def test_by_default_a_canary_shifts_each_alias_and_rolls_back_on_its_new_versions_alarms(self):
        _, resources, _ = deployed()
        for function, alarms in self.GUARDED.items():
            with self.subTest(function=function):
                alias = resources[function + "Aliaslive"]
                group = alias["UpdatePolicy"]["CodeDeployLambdaAliasUpdate"]["DeploymentGroupName"]["Ref"]
                properties = resources[group]["Properties"]
                self.assertEqual(properties["DeploymentConfigName"]["Fn::Sub"][1],
                                 {"ConfigName": "Canary10Percent5Minutes"})
                self.assertIn("DEPLOYMENT_STOP_ON_ALARM", properties["AutoRollbackConfiguration"]["Events"])
                self.assertTrue(properties["AlarmConfiguration"]["Enabled"])
                self.assertEqual([a["Name"] for a in properties["AlarmConfiguration"]["Alarms"]],
                                 [{"Ref": name} for name in alarms])
                version = self._live_version(resources, function)
                for name in alarms:
                    dimensions = {d["Name"]: d["Value"] for d in resources[name]["Properties"]["Dimensions"]}
                    self.assertEqual(dimensions["ExecutedVersion"], {"Fn::GetAtt": [version, "Version"]},
                                     f"{name} watches the version the alias moves to")

    def test_development_stages_can_switch_all_at_once(self):
        _, resources, _ = deployed({"DeploymentType": "AllAtOnce"})
        group = resources["PostConfirmationFunctionDeploymentGroup"]["Properties"]
        self.assertEqual(group["DeploymentConfigName"]["Fn::Sub"][1], {"ConfigName": "AllAtOnce"})

    def test_a_reservation_is_made_only_when_asked_for(self):
        _, resources, _ = deployed()
        self.assertNotIn("ReservedConcurrentExecutions", resources[FUNCTION]["Properties"])
        _, resources, _ = deployed({"TriggerReservedConcurrency": "50"})
        self.assertEqual(resources[FUNCTION]["Properties"]["ReservedConcurrentExecutions"], "50")
        self.assertNotIn("ReservedConcurrentExecutions", resources[API_FUNCTION]["Properties"])

    def test_the_dashboard_and_its_url_are_deployed_in_either_pool_mode(self):
        for overrides in ({}, EXISTING_POOL):
            with self.subTest(overrides=overrides):
                _, resources, outputs = deployed(overrides)
                self.assertEqual(resources["Dashboard"]["Type"], "AWS::CloudWatch::Dashboard")
                body = resources["Dashboard"]["Properties"]["DashboardBody"]["Fn::Sub"]
                json.loads(body.replace("${", "{"))  # valid JSON once substituted
                self.assertIn("${Dashboard}", outputs["DashboardUrl"]["Value"]["Fn::Sub"])


class PoolTriggers(unittest.TestCase):
    """The custom resource that checks the pool at deploy time and takes the trigger off a created pool."""

    @staticmethod
    def _statements(resources):
        policy = resources["PoolTriggersFunctionRole"]["Properties"]["Policies"][0]
        return {s["Sid"]: s for s in policy["PolicyDocument"]["Statement"]}

    def test_with_a_created_pool_it_detaches_on_deletion_and_may_update_that_pool_only(self):
        _, resources, _ = deployed()
        properties = resources["PoolTriggers"]["Properties"]
        self.assertEqual(resources["PoolTriggers"]["Type"], "Custom::PoolTriggers")
        self.assertEqual(properties["ServiceToken"], {"Fn::GetAtt": ["PoolTriggersFunction", "Arn"]})
        self.assertEqual(properties["UserPoolId"], {"Ref": "UserPool"})
        self.assertEqual(properties["FunctionArn"], {"Ref": FUNCTION + "Aliaslive"},
                         "it names the alias, so CloudFormation deletes it before the alias")
        self.assertEqual(properties["DetachOnDelete"], "true")
        self.assertEqual(resources["PoolTriggers"]["DependsOn"], "PostConfirmationInvokePermission",
                         "Cognito may invoke the function until the triggers are off the pool")
        self.assertEqual(properties["ServiceTimeout"], 300)
        statements = self._statements(resources)
        self.assertEqual(statements["ReadOwnStackStatus"],
                         {"Sid": "ReadOwnStackStatus", "Effect": "Allow", "Action": ["cloudformation:DescribeStacks"],
                          "Resource": {"Ref": "AWS::StackId"}})
        self.assertEqual(statements["DetachFromCreatedPool"]["Action"], ["cognito-idp:UpdateUserPool"])
        self.assertEqual(statements["DetachFromCreatedPool"]["Resource"], {"Fn::GetAtt": ["UserPool", "Arn"]})
        self.assertEqual(statements["ReadThePool"]["Action"], ["cognito-idp:DescribeUserPool"])
        self.assertEqual(resources["PoolTriggersFunction"]["Properties"]["Handler"],
                         "dev.userprofile.bootstrap.admin.PoolTriggersHandler::handleRequest")

    def test_with_an_existing_pool_it_only_checks_the_pool_and_never_writes_it(self):
        _, resources, _ = deployed(EXISTING_POOL)
        properties = resources["PoolTriggers"]["Properties"]
        self.assertEqual(properties["UserPoolId"], "eu-west-1_AbC123")
        self.assertEqual(properties["DetachOnDelete"], "false")
        statements = self._statements(resources)
        self.assertNotIn("DetachFromCreatedPool", statements)
        self.assertEqual(statements["ReadThePool"]["Resource"],
                         {"Fn::Sub": "arn:${AWS::Partition}:cognito-idp:${AWS::Region}:${AWS::AccountId}"
                                     ":userpool/eu-west-1_AbC123"})

    def test_sam_build_has_a_makefile_target_for_every_function(self):
        makefile = (TEMPLATE.parent / "Makefile").read_text()
        template = _template()
        functions = [name for name, r in template["Resources"].items()
                     if r["Type"] == "AWS::Serverless::Function"
                     and r.get("Metadata", {}).get("BuildMethod") == "makefile"]
        self.assertIn("PoolTriggersFunction", functions)
        for name in functions:
            with self.subTest(function=name):
                self.assertRegex(makefile, r"(?m)^[^\n#]*\bbuild-" + name + r"\b[^\n]*:")


if __name__ == "__main__":
    unittest.main()
