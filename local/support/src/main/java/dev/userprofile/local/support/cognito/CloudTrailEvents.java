package dev.userprofile.local.support.cognito;

import java.util.Optional;
import java.util.UUID;

/**
 * EventBridge events as Lambda receives them for Cognito user-pool API calls that CloudTrail records, in the shape
 * AWS documents (the EventBridge envelope with {@code detail-type} "AWS API Call via CloudTrail", and a CloudTrail
 * record whose {@code additionalEventData.sub} names the user; see the sync adapter's event fixtures and their
 * README). Calls made with the user's own access token name no pool.
 */
public final class CloudTrailEvents {

    private CloudTrailEvents() {}

    public static String userCall(String eventName, Optional<String> userPoolId, String sub) {
        String request = userPoolId
                .map(pool -> "{\"userPoolId\":\"" + pool + "\",\"username\":\"HIDDEN_DUE_TO_SECURITY_REASONS\"}")
                .orElse("{\"accessToken\":\"HIDDEN_DUE_TO_SECURITY_REASONS\"}");
        return """
                {"version":"0","id":"%s","detail-type":"AWS API Call via CloudTrail","source":"aws.cognito-idp",\
                "account":"111122223333","time":"2026-12-01T08:00:00Z","region":"eu-west-1","resources":[],\
                "detail":{"eventVersion":"1.08","eventSource":"cognito-idp.amazonaws.com","eventName":"%s",\
                "awsRegion":"eu-west-1","requestParameters":%s,"responseElements":null,\
                "additionalEventData":{"sub":"%s"},"eventID":"%s","readOnly":false,"eventType":"AwsApiCall",\
                "managementEvent":true,"eventCategory":"Management"}}""".formatted(UUID.randomUUID(), eventName, request, sub, UUID.randomUUID());
    }
}
