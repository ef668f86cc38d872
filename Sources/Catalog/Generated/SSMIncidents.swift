// GENERATED FILE: do not edit by hand.
// Written by `python3 Scripts/generate-catalog.py (make catalog)` from botocore 1.43.11 (ssm-incidents 2018-05-10).
// Change the generator or Scripts/catalog-summaries.json and run it again.

/// The ssm-incidents API 2018-05-10: 31 operations, 197 shapes.
extension ServiceModel {
    // Run once per process: optimizing this code buys nothing and costs
    // seconds of release-build time, so the optimizer leaves it alone.
    @_optimize(none)
    static func makeSSMIncidents() -> ServiceModel {
        var shapes: [Shape] = []
        shapes.reserveCapacity(197)
        addSSMIncidentsShapes0(&shapes)
        addSSMIncidentsShapes1(&shapes)
        addSSMIncidentsShapes2(&shapes)
        addSSMIncidentsShapes3(&shapes)
        addSSMIncidentsShapes4(&shapes)
        let errors: [ErrorShape] = [
            ErrorShape(name: "AccessDeniedException", code: "AccessDeniedException", shape: 0, httpStatusCode: 403, statusIsModeled: true, fault: false),
            ErrorShape(name: "ConflictException", code: "ConflictException", shape: 20, httpStatusCode: 409, statusIsModeled: true, fault: false),
            ErrorShape(name: "InternalServerException", code: "InternalServerException", shape: 85, httpStatusCode: 500, statusIsModeled: true, fault: true),
            ErrorShape(name: "ResourceNotFoundException", code: "ResourceNotFoundException", shape: 135, httpStatusCode: 404, statusIsModeled: true, fault: false),
            ErrorShape(name: "ServiceQuotaExceededException", code: "ServiceQuotaExceededException", shape: 146, httpStatusCode: 402, statusIsModeled: true, fault: false),
            ErrorShape(name: "ThrottlingException", code: "ThrottlingException", shape: 171, httpStatusCode: 429, statusIsModeled: true, fault: false),
            ErrorShape(name: "ValidationException", code: "ValidationException", shape: 195, httpStatusCode: 400, statusIsModeled: true, fault: false),
        ]
        var operations: [Operation] = []
        operations.reserveCapacity(31)
        addSSMIncidentsOperations(&operations, errors, shapes)
        let waiters: [Waiter] = [
            Waiter(name: "WaitForReplicationSetActive", cli: "wait-for-replication-set-active", operation: .incidents(.getReplicationSet), delay: 30, maxAttempts: 5, acceptors: [
                Waiter.Acceptor(matcher: .path, state: .success, argument: "replicationSet.status", expected: .string("ACTIVE")),
                Waiter.Acceptor(matcher: .path, state: .retry, argument: "replicationSet.status", expected: .string("CREATING")),
                Waiter.Acceptor(matcher: .path, state: .retry, argument: "replicationSet.status", expected: .string("UPDATING")),
                Waiter.Acceptor(matcher: .path, state: .failure, argument: "replicationSet.status", expected: .string("FAILED")),
            ]),
            Waiter(name: "WaitForReplicationSetDeleted", cli: "wait-for-replication-set-deleted", operation: .incidents(.getReplicationSet), delay: 30, maxAttempts: 5, acceptors: [
                Waiter.Acceptor(matcher: .error, state: .success, expected: .string("ResourceNotFoundException")),
                Waiter.Acceptor(matcher: .path, state: .retry, argument: "replicationSet.status", expected: .string("DELETING")),
                Waiter.Acceptor(matcher: .path, state: .failure, argument: "replicationSet.status", expected: .string("FAILED")),
            ]),
        ]
        return ServiceModel(
            name: .incidents,
            summary: "Incidents: records, timelines, related items, response plans, replication sets.",
            metadata: ServiceMetadata(
                apiVersion: "2018-05-10",
                endpointPrefix: "ssm-incidents",
                signingName: "ssm-incidents",
                protocol: .restJSON,
                serviceID: "SSM Incidents",
                serviceFullName: "AWS Systems Manager Incident Manager",
                signatureVersion: "v4",
                jsonVersion: "1.1",
                uid: "ssm-incidents-2018-05-10"),
            shapes: shapes, errors: errors, operations: operations, waiters: waiters)
    }
}

@_optimize(none)
private func addSSMIncidentsShapes0(_ shapes: inout [Shape]) {
    shapes.append(Shape("AccessDeniedException", .structure, members: [
            Member("message", cli: "message", shape: 49, required: true),
        ], exception: true))
    shapes.append(Shape("Action", .union, members: [
            Member("ssmAutomation", cli: "ssm-automation", shape: 150),
        ]))
    shapes.append(Shape("ActionsList", .list, element: 1, min: 0, max: 1))
    shapes.append(Shape("AddRegionAction", .structure, members: [
            Member("regionName", cli: "region-name", shape: 126, required: true),
            Member("sseKmsKeyId", cli: "sse-kms-key-id", shape: 149),
        ]))
    shapes.append(Shape("Arn", .string, min: 0, max: 1000, pattern: #"^arn:aws(-cn|-us-gov)?:[a-z0-9-]*:[a-z0-9-]*:([0-9]{12})?:.+$"#))
    shapes.append(Shape("AttributeValueList", .union, members: [
            Member("integerValues", cli: "integer-values", shape: 82),
            Member("stringValues", cli: "string-values", shape: 162),
        ]))
    shapes.append(Shape("AutomationExecution", .union, members: [
            Member("ssmExecutionArn", cli: "ssm-execution-arn", shape: 4),
        ]))
    shapes.append(Shape("AutomationExecutionSet", .list, element: 6, min: 0, max: 100))
    shapes.append(Shape("BatchGetIncidentFindingsError", .structure, members: [
            Member("code", cli: "code", shape: 161, required: true),
            Member("findingId", cli: "finding-id", shape: 55, required: true),
            Member("message", cli: "message", shape: 161, required: true),
        ]))
    shapes.append(Shape("BatchGetIncidentFindingsErrorList", .list, element: 8))
    shapes.append(Shape("BatchGetIncidentFindingsInput", .structure, members: [
            Member("findingIds", cli: "finding-ids", shape: 56, required: true),
            Member("incidentRecordArn", cli: "incident-record-arn", shape: 4, required: true),
        ]))
    shapes.append(Shape("BatchGetIncidentFindingsOutput", .structure, members: [
            Member("errors", cli: "errors", shape: 9, required: true),
            Member("findings", cli: "findings", shape: 57, required: true),
        ]))
    shapes.append(Shape("Boolean", .boolean))
    shapes.append(Shape("ChatChannel", .union, members: [
            Member("chatbotSns", cli: "chatbot-sns", shape: 14),
            Member("empty", cli: "empty", shape: 42),
        ]))
    shapes.append(Shape("ChatbotSnsConfigurationSet", .list, element: 147, min: 1, max: 5))
    shapes.append(Shape("ClientToken", .string, min: 0, max: 128))
    shapes.append(Shape("CloudFormationStackUpdate", .structure, members: [
            Member("endTime", cli: "end-time", shape: 175),
            Member("stackArn", cli: "stack-arn", shape: 4, required: true),
            Member("startTime", cli: "start-time", shape: 175, required: true),
        ]))
    shapes.append(Shape("CodeDeployDeployment", .structure, members: [
            Member("deploymentGroupArn", cli: "deployment-group-arn", shape: 4, required: true),
            Member("deploymentId", cli: "deployment-id", shape: 18, required: true),
            Member("endTime", cli: "end-time", shape: 175),
            Member("startTime", cli: "start-time", shape: 175, required: true),
        ]))
    shapes.append(Shape("CodeDeployDeploymentDeploymentIdString", .string, min: 0, max: 128))
    shapes.append(Shape("Condition", .union, members: [
            Member("after", cli: "after", shape: 175),
            Member("before", cli: "before", shape: 175),
            Member("equals", cli: "equals", shape: 5),
        ]))
    shapes.append(Shape("ConflictException", .structure, members: [
            Member("message", cli: "message", shape: 49, required: true),
            Member("resourceIdentifier", cli: "resource-identifier", shape: 161),
            Member("resourceType", cli: "resource-type", shape: 138),
            Member("retryAfter", cli: "retry-after", shape: 175),
        ], exception: true))
    shapes.append(Shape("CreateReplicationSetInput", .structure, members: [
            Member("clientToken", cli: "client-token", shape: 15, idempotencyToken: true),
            Member("regions", cli: "regions", shape: 124, required: true),
            Member("tags", cli: "tags", shape: 166),
        ]))
    shapes.append(Shape("CreateReplicationSetOutput", .structure, members: [
            Member("arn", cli: "arn", shape: 4, required: true),
        ]))
    shapes.append(Shape("CreateResponsePlanInput", .structure, members: [
            Member("actions", cli: "actions", shape: 2),
            Member("chatChannel", cli: "chat-channel", shape: 13),
            Member("clientToken", cli: "client-token", shape: 15, idempotencyToken: true),
            Member("displayName", cli: "display-name", shape: 139),
            Member("engagements", cli: "engagements", shape: 43),
            Member("incidentTemplate", cli: "incident-template", shape: 79, required: true),
            Member("integrations", cli: "integrations", shape: 84),
            Member("name", cli: "name", shape: 140, required: true),
            Member("tags", cli: "tags", shape: 166),
        ]))
    shapes.append(Shape("CreateResponsePlanOutput", .structure, members: [
            Member("arn", cli: "arn", shape: 4, required: true),
        ]))
    shapes.append(Shape("CreateTimelineEventInput", .structure, members: [
            Member("clientToken", cli: "client-token", shape: 15, idempotencyToken: true),
            Member("eventData", cli: "event-data", shape: 44, required: true),
            Member("eventReferences", cli: "event-references", shape: 46),
            Member("eventTime", cli: "event-time", shape: 175, required: true),
            Member("eventType", cli: "event-type", shape: 174, required: true),
            Member("incidentRecordArn", cli: "incident-record-arn", shape: 4, required: true),
        ]))
    shapes.append(Shape("CreateTimelineEventOutput", .structure, members: [
            Member("eventId", cli: "event-id", shape: 177, required: true),
            Member("incidentRecordArn", cli: "incident-record-arn", shape: 4, required: true),
        ]))
    shapes.append(Shape("DedupeString", .string, min: 0, max: 1000))
    shapes.append(Shape("DeleteIncidentRecordInput", .structure, members: [
            Member("arn", cli: "arn", shape: 4, required: true),
        ]))
    shapes.append(Shape("DeleteIncidentRecordOutput", .structure))
    shapes.append(Shape("DeleteRegionAction", .structure, members: [
            Member("regionName", cli: "region-name", shape: 126, required: true),
        ]))
    shapes.append(Shape("DeleteReplicationSetInput", .structure, members: [
            Member("arn", cli: "arn", shape: 4, required: true, location: .querystring, locationName: "arn"),
        ]))
    shapes.append(Shape("DeleteReplicationSetOutput", .structure))
    shapes.append(Shape("DeleteResourcePolicyInput", .structure, members: [
            Member("policyId", cli: "policy-id", shape: 118, required: true),
            Member("resourceArn", cli: "resource-arn", shape: 4, required: true),
        ]))
    shapes.append(Shape("DeleteResourcePolicyOutput", .structure))
    shapes.append(Shape("DeleteResponsePlanInput", .structure, members: [
            Member("arn", cli: "arn", shape: 4, required: true),
        ]))
    shapes.append(Shape("DeleteResponsePlanOutput", .structure))
    shapes.append(Shape("DeleteTimelineEventInput", .structure, members: [
            Member("eventId", cli: "event-id", shape: 177, required: true),
            Member("incidentRecordArn", cli: "incident-record-arn", shape: 4, required: true),
        ]))
    shapes.append(Shape("DeleteTimelineEventOutput", .structure))
    shapes.append(Shape("DynamicSsmParameterValue", .union, members: [
            Member("variable", cli: "variable", shape: 196),
        ]))
}

@_optimize(none)
private func addSSMIncidentsShapes1(_ shapes: inout [Shape]) {
    shapes.append(Shape("DynamicSsmParameters", .map, key: 41, value: 39, min: 1, max: 200))
    shapes.append(Shape("DynamicSsmParametersKeyString", .string, min: 1, max: 50))
    shapes.append(Shape("EmptyChatChannel", .structure))
    shapes.append(Shape("EngagementSet", .list, element: 153, min: 0, max: 5))
    shapes.append(Shape("EventData", .string, min: 0, max: 12000))
    shapes.append(Shape("EventReference", .union, members: [
            Member("relatedItemId", cli: "related-item-id", shape: 60),
            Member("resource", cli: "resource", shape: 4),
        ]))
    shapes.append(Shape("EventReferenceList", .list, element: 45, min: 0, max: 10))
    shapes.append(Shape("EventSummary", .structure, members: [
            Member("eventId", cli: "event-id", shape: 177, required: true),
            Member("eventReferences", cli: "event-references", shape: 46),
            Member("eventTime", cli: "event-time", shape: 175, required: true),
            Member("eventType", cli: "event-type", shape: 174, required: true),
            Member("eventUpdatedTime", cli: "event-updated-time", shape: 175, required: true),
            Member("incidentRecordArn", cli: "incident-record-arn", shape: 4, required: true),
        ]))
    shapes.append(Shape("EventSummaryList", .list, element: 47, min: 0, max: 100))
    shapes.append(Shape("ExceptionMessage", .string))
    shapes.append(Shape("Filter", .structure, members: [
            Member("condition", cli: "condition", shape: 19, required: true),
            Member("key", cli: "key", shape: 51, required: true),
        ]))
    shapes.append(Shape("FilterKeyString", .string, min: 0, max: 50))
    shapes.append(Shape("FilterList", .list, element: 50, min: 0, max: 5))
    shapes.append(Shape("Finding", .structure, members: [
            Member("creationTime", cli: "creation-time", shape: 175, required: true),
            Member("details", cli: "details", shape: 54),
            Member("id", cli: "id", shape: 55, required: true),
            Member("lastModifiedTime", cli: "last-modified-time", shape: 175, required: true),
        ]))
    shapes.append(Shape("FindingDetails", .union, members: [
            Member("cloudFormationStackUpdate", cli: "cloud-formation-stack-update", shape: 16),
            Member("codeDeployDeployment", cli: "code-deploy-deployment", shape: 17),
        ]))
    shapes.append(Shape("FindingId", .string, min: 0, max: 128))
    shapes.append(Shape("FindingIdList", .list, element: 55, min: 0, max: 20))
    shapes.append(Shape("FindingList", .list, element: 53))
    shapes.append(Shape("FindingSummary", .structure, members: [
            Member("id", cli: "id", shape: 55, required: true),
            Member("lastModifiedTime", cli: "last-modified-time", shape: 175, required: true),
        ]))
    shapes.append(Shape("FindingSummaryList", .list, element: 58, min: 0, max: 100))
    shapes.append(Shape("GeneratedId", .string, min: 0, max: 200, pattern: #"^related-item/(ANALYSIS|INCIDENT|METRIC|PARENT|ATTACHMENT|OTHER|AUTOMATION|INVOLVED_RESOURCE|TASK)/([0-9]|[A-F]){32}$"#))
    shapes.append(Shape("GetIncidentRecordInput", .structure, members: [
            Member("arn", cli: "arn", shape: 4, required: true, location: .querystring, locationName: "arn"),
        ]))
    shapes.append(Shape("GetIncidentRecordOutput", .structure, members: [
            Member("incidentRecord", cli: "incident-record", shape: 72, required: true),
        ]))
    shapes.append(Shape("GetReplicationSetInput", .structure, members: [
            Member("arn", cli: "arn", shape: 4, required: true, location: .querystring, locationName: "arn"),
        ]))
    shapes.append(Shape("GetReplicationSetOutput", .structure, members: [
            Member("replicationSet", cli: "replication-set", shape: 132, required: true),
        ]))
    shapes.append(Shape("GetResourcePoliciesInput", .structure, members: [
            Member("maxResults", cli: "max-results", shape: 104),
            Member("nextToken", cli: "next-token", shape: 106),
            Member("resourceArn", cli: "resource-arn", shape: 4, required: true, location: .querystring, locationName: "resourceArn"),
        ]))
    shapes.append(Shape("GetResourcePoliciesOutput", .structure, members: [
            Member("nextToken", cli: "next-token", shape: 106),
            Member("resourcePolicies", cli: "resource-policies", shape: 137, required: true),
        ]))
    shapes.append(Shape("GetResponsePlanInput", .structure, members: [
            Member("arn", cli: "arn", shape: 4, required: true, location: .querystring, locationName: "arn"),
        ]))
    shapes.append(Shape("GetResponsePlanOutput", .structure, members: [
            Member("actions", cli: "actions", shape: 2),
            Member("arn", cli: "arn", shape: 4, required: true),
            Member("chatChannel", cli: "chat-channel", shape: 13),
            Member("displayName", cli: "display-name", shape: 139),
            Member("engagements", cli: "engagements", shape: 43),
            Member("incidentTemplate", cli: "incident-template", shape: 79, required: true),
            Member("integrations", cli: "integrations", shape: 84),
            Member("name", cli: "name", shape: 140, required: true),
        ]))
    shapes.append(Shape("GetTimelineEventInput", .structure, members: [
            Member("eventId", cli: "event-id", shape: 177, required: true, location: .querystring, locationName: "eventId"),
            Member("incidentRecordArn", cli: "incident-record-arn", shape: 4, required: true, location: .querystring, locationName: "incidentRecordArn"),
        ]))
    shapes.append(Shape("GetTimelineEventOutput", .structure, members: [
            Member("event", cli: "event", shape: 172, required: true),
        ]))
    shapes.append(Shape("Impact", .integer, min: 1, max: 5))
    shapes.append(Shape("IncidentRecord", .structure, members: [
            Member("arn", cli: "arn", shape: 4, required: true),
            Member("automationExecutions", cli: "automation-executions", shape: 7),
            Member("chatChannel", cli: "chat-channel", shape: 13),
            Member("creationTime", cli: "creation-time", shape: 175, required: true),
            Member("dedupeString", cli: "dedupe-string", shape: 27, required: true),
            Member("impact", cli: "impact", shape: 71, required: true),
            Member("incidentRecordSource", cli: "incident-record-source", shape: 73, required: true),
            Member("lastModifiedBy", cli: "last-modified-by", shape: 4, required: true),
            Member("lastModifiedTime", cli: "last-modified-time", shape: 175, required: true),
            Member("notificationTargets", cli: "notification-targets", shape: 108),
            Member("resolvedTime", cli: "resolved-time", shape: 175),
            Member("status", cli: "status", shape: 74, required: true),
            Member("summary", cli: "summary", shape: 78),
            Member("title", cli: "title", shape: 80, required: true),
        ]))
    shapes.append(Shape("IncidentRecordSource", .structure, members: [
            Member("createdBy", cli: "created-by", shape: 4, required: true),
            Member("invokedBy", cli: "invoked-by", shape: 145),
            Member("resourceArn", cli: "resource-arn", shape: 4),
            Member("source", cli: "source", shape: 77, required: true),
        ]))
    shapes.append(Shape("IncidentRecordStatus", .string, enumValues: ["OPEN", "RESOLVED"]))
    shapes.append(Shape("IncidentRecordSummary", .structure, members: [
            Member("arn", cli: "arn", shape: 4, required: true),
            Member("creationTime", cli: "creation-time", shape: 175, required: true),
            Member("impact", cli: "impact", shape: 71, required: true),
            Member("incidentRecordSource", cli: "incident-record-source", shape: 73, required: true),
            Member("resolvedTime", cli: "resolved-time", shape: 175),
            Member("status", cli: "status", shape: 74, required: true),
            Member("title", cli: "title", shape: 80, required: true),
        ]))
    shapes.append(Shape("IncidentRecordSummaryList", .list, element: 75, min: 0, max: 100))
    shapes.append(Shape("IncidentSource", .string, min: 0, max: 50))
    shapes.append(Shape("IncidentSummary", .string, min: 0, max: 8000))
    shapes.append(Shape("IncidentTemplate", .structure, members: [
            Member("dedupeString", cli: "dedupe-string", shape: 27),
            Member("impact", cli: "impact", shape: 71, required: true),
            Member("incidentTags", cli: "incident-tags", shape: 166),
            Member("notificationTargets", cli: "notification-targets", shape: 108),
            Member("summary", cli: "summary", shape: 78),
            Member("title", cli: "title", shape: 80, required: true),
        ]))
}

@_optimize(none)
private func addSSMIncidentsShapes2(_ shapes: inout [Shape]) {
    shapes.append(Shape("IncidentTitle", .string, min: 0, max: 200))
    shapes.append(Shape("Integer", .integer))
    shapes.append(Shape("IntegerList", .list, element: 81, min: 0, max: 100))
    shapes.append(Shape("Integration", .union, members: [
            Member("pagerDutyConfiguration", cli: "pager-duty-configuration", shape: 109),
        ]))
    shapes.append(Shape("Integrations", .list, element: 83, min: 0, max: 1))
    shapes.append(Shape("InternalServerException", .structure, members: [
            Member("message", cli: "message", shape: 49, required: true),
        ], exception: true))
    shapes.append(Shape("ItemIdentifier", .structure, members: [
            Member("type", cli: "type", shape: 87, required: true),
            Member("value", cli: "value", shape: 88, required: true),
        ]))
    shapes.append(Shape("ItemType", .string, enumValues: ["ANALYSIS", "INCIDENT", "METRIC", "PARENT", "ATTACHMENT", "OTHER", "AUTOMATION", "INVOLVED_RESOURCE", "TASK"]))
    shapes.append(Shape("ItemValue", .union, members: [
            Member("arn", cli: "arn", shape: 4),
            Member("metricDefinition", cli: "metric-definition", shape: 105),
            Member("pagerDutyIncidentDetail", cli: "pager-duty-incident-detail", shape: 114),
            Member("url", cli: "url", shape: 194),
        ]))
    shapes.append(Shape("ListIncidentFindingsInput", .structure, members: [
            Member("incidentRecordArn", cli: "incident-record-arn", shape: 4, required: true),
            Member("maxResults", cli: "max-results", shape: 90),
            Member("nextToken", cli: "next-token", shape: 106),
        ]))
    shapes.append(Shape("ListIncidentFindingsInputMaxResultsInteger", .integer, min: 1, max: 20))
    shapes.append(Shape("ListIncidentFindingsOutput", .structure, members: [
            Member("findings", cli: "findings", shape: 59, required: true),
            Member("nextToken", cli: "next-token", shape: 106),
        ]))
    shapes.append(Shape("ListIncidentRecordsInput", .structure, members: [
            Member("filters", cli: "filters", shape: 52),
            Member("maxResults", cli: "max-results", shape: 104),
            Member("nextToken", cli: "next-token", shape: 106),
        ]))
    shapes.append(Shape("ListIncidentRecordsOutput", .structure, members: [
            Member("incidentRecordSummaries", cli: "incident-record-summaries", shape: 76, required: true),
            Member("nextToken", cli: "next-token", shape: 106),
        ]))
    shapes.append(Shape("ListRelatedItemsInput", .structure, members: [
            Member("incidentRecordArn", cli: "incident-record-arn", shape: 4, required: true),
            Member("maxResults", cli: "max-results", shape: 104),
            Member("nextToken", cli: "next-token", shape: 106),
        ]))
    shapes.append(Shape("ListRelatedItemsOutput", .structure, members: [
            Member("nextToken", cli: "next-token", shape: 106),
            Member("relatedItems", cli: "related-items", shape: 129, required: true),
        ]))
    shapes.append(Shape("ListReplicationSetsInput", .structure, members: [
            Member("maxResults", cli: "max-results", shape: 104),
            Member("nextToken", cli: "next-token", shape: 106),
        ]))
    shapes.append(Shape("ListReplicationSetsOutput", .structure, members: [
            Member("nextToken", cli: "next-token", shape: 106),
            Member("replicationSetArns", cli: "replication-set-arns", shape: 133, required: true),
        ]))
    shapes.append(Shape("ListResponsePlansInput", .structure, members: [
            Member("maxResults", cli: "max-results", shape: 104),
            Member("nextToken", cli: "next-token", shape: 106),
        ]))
    shapes.append(Shape("ListResponsePlansOutput", .structure, members: [
            Member("nextToken", cli: "next-token", shape: 106),
            Member("responsePlanSummaries", cli: "response-plan-summaries", shape: 142, required: true),
        ]))
    shapes.append(Shape("ListTagsForResourceRequest", .structure, members: [
            Member("resourceArn", cli: "resource-arn", shape: 161, required: true, location: .uri, locationName: "resourceArn"),
        ]))
    shapes.append(Shape("ListTagsForResourceResponse", .structure, members: [
            Member("tags", cli: "tags", shape: 166, required: true),
        ]))
    shapes.append(Shape("ListTimelineEventsInput", .structure, members: [
            Member("filters", cli: "filters", shape: 52),
            Member("incidentRecordArn", cli: "incident-record-arn", shape: 4, required: true),
            Member("maxResults", cli: "max-results", shape: 104),
            Member("nextToken", cli: "next-token", shape: 106),
            Member("sortBy", cli: "sort-by", shape: 173),
            Member("sortOrder", cli: "sort-order", shape: 148),
        ]))
    shapes.append(Shape("ListTimelineEventsOutput", .structure, members: [
            Member("eventSummaries", cli: "event-summaries", shape: 48, required: true),
            Member("nextToken", cli: "next-token", shape: 106),
        ]))
    shapes.append(Shape("MaxResults", .integer, min: 1, max: 100))
    shapes.append(Shape("MetricDefinition", .string, min: 0, max: 4000))
    shapes.append(Shape("NextToken", .string, min: 0, max: 2000))
    shapes.append(Shape("NotificationTargetItem", .union, members: [
            Member("snsTopicArn", cli: "sns-topic-arn", shape: 4),
        ]))
    shapes.append(Shape("NotificationTargetSet", .list, element: 107, min: 0, max: 10))
    shapes.append(Shape("PagerDutyConfiguration", .structure, members: [
            Member("name", cli: "name", shape: 110, required: true),
            Member("pagerDutyIncidentConfiguration", cli: "pager-duty-incident-configuration", shape: 112, required: true),
            Member("secretId", cli: "secret-id", shape: 111, required: true),
        ]))
    shapes.append(Shape("PagerDutyConfigurationNameString", .string, min: 1, max: 200))
    shapes.append(Shape("PagerDutyConfigurationSecretIdString", .string, min: 1, max: 512))
    shapes.append(Shape("PagerDutyIncidentConfiguration", .structure, members: [
            Member("serviceId", cli: "service-id", shape: 113, required: true),
        ]))
    shapes.append(Shape("PagerDutyIncidentConfigurationServiceIdString", .string, min: 1, max: 200))
    shapes.append(Shape("PagerDutyIncidentDetail", .structure, members: [
            Member("autoResolve", cli: "auto-resolve", shape: 12),
            Member("id", cli: "id", shape: 115, required: true),
            Member("secretId", cli: "secret-id", shape: 116),
        ]))
    shapes.append(Shape("PagerDutyIncidentDetailIdString", .string, min: 1, max: 200))
    shapes.append(Shape("PagerDutyIncidentDetailSecretIdString", .string, min: 1, max: 512))
    shapes.append(Shape("Policy", .string, min: 0, max: 4000))
    shapes.append(Shape("PolicyId", .string, min: 0, max: 256))
    shapes.append(Shape("PutResourcePolicyInput", .structure, members: [
            Member("policy", cli: "policy", shape: 117, required: true),
            Member("resourceArn", cli: "resource-arn", shape: 4, required: true),
        ]))
}

@_optimize(none)
private func addSSMIncidentsShapes3(_ shapes: inout [Shape]) {
    shapes.append(Shape("PutResourcePolicyOutput", .structure, members: [
            Member("policyId", cli: "policy-id", shape: 118, required: true),
        ]))
    shapes.append(Shape("RawData", .string, min: 0, max: 10000))
    shapes.append(Shape("RegionInfo", .structure, members: [
            Member("sseKmsKeyId", cli: "sse-kms-key-id", shape: 149),
            Member("status", cli: "status", shape: 127, required: true),
            Member("statusMessage", cli: "status-message", shape: 161),
            Member("statusUpdateDateTime", cli: "status-update-date-time", shape: 175, required: true),
        ]))
    shapes.append(Shape("RegionInfoMap", .map, key: 126, value: 122))
    shapes.append(Shape("RegionMapInput", .map, key: 126, value: 125, min: 1, max: 3))
    shapes.append(Shape("RegionMapInputValue", .structure, members: [
            Member("sseKmsKeyId", cli: "sse-kms-key-id", shape: 149),
        ]))
    shapes.append(Shape("RegionName", .string, min: 0, max: 20))
    shapes.append(Shape("RegionStatus", .string, enumValues: ["ACTIVE", "CREATING", "DELETING", "FAILED"]))
    shapes.append(Shape("RelatedItem", .structure, members: [
            Member("generatedId", cli: "generated-id", shape: 60),
            Member("identifier", cli: "identifier", shape: 86, required: true),
            Member("title", cli: "title", shape: 130),
        ]))
    shapes.append(Shape("RelatedItemList", .list, element: 128, min: 0, max: 100))
    shapes.append(Shape("RelatedItemTitleString", .string, min: 0, max: 200))
    shapes.append(Shape("RelatedItemsUpdate", .union, members: [
            Member("itemToAdd", cli: "item-to-add", shape: 128),
            Member("itemToRemove", cli: "item-to-remove", shape: 86),
        ]))
    shapes.append(Shape("ReplicationSet", .structure, members: [
            Member("arn", cli: "arn", shape: 4),
            Member("createdBy", cli: "created-by", shape: 4, required: true),
            Member("createdTime", cli: "created-time", shape: 175, required: true),
            Member("deletionProtected", cli: "deletion-protected", shape: 12, required: true),
            Member("lastModifiedBy", cli: "last-modified-by", shape: 4, required: true),
            Member("lastModifiedTime", cli: "last-modified-time", shape: 175, required: true),
            Member("regionMap", cli: "region-map", shape: 123, required: true),
            Member("status", cli: "status", shape: 134, required: true),
        ]))
    shapes.append(Shape("ReplicationSetArnList", .list, element: 4))
    shapes.append(Shape("ReplicationSetStatus", .string, enumValues: ["ACTIVE", "CREATING", "UPDATING", "DELETING", "FAILED"]))
    shapes.append(Shape("ResourceNotFoundException", .structure, members: [
            Member("message", cli: "message", shape: 49, required: true),
            Member("resourceIdentifier", cli: "resource-identifier", shape: 161),
            Member("resourceType", cli: "resource-type", shape: 138),
        ], exception: true))
    shapes.append(Shape("ResourcePolicy", .structure, members: [
            Member("policyDocument", cli: "policy-document", shape: 117, required: true),
            Member("policyId", cli: "policy-id", shape: 118, required: true),
            Member("ramResourceShareRegion", cli: "ram-resource-share-region", shape: 161, required: true),
        ]))
    shapes.append(Shape("ResourcePolicyList", .list, element: 136, min: 0, max: 100))
    shapes.append(Shape("ResourceType", .string, enumValues: ["RESPONSE_PLAN", "INCIDENT_RECORD", "TIMELINE_EVENT", "REPLICATION_SET", "RESOURCE_POLICY"]))
    shapes.append(Shape("ResponsePlanDisplayName", .string, min: 0, max: 200))
    shapes.append(Shape("ResponsePlanName", .string, min: 1, max: 200, pattern: #"^[a-zA-Z0-9-_]*$"#))
    shapes.append(Shape("ResponsePlanSummary", .structure, members: [
            Member("arn", cli: "arn", shape: 4, required: true),
            Member("displayName", cli: "display-name", shape: 139),
            Member("name", cli: "name", shape: 140, required: true),
        ]))
    shapes.append(Shape("ResponsePlanSummaryList", .list, element: 141, min: 0, max: 100))
    shapes.append(Shape("RoleArn", .string, min: 0, max: 1000, pattern: #"^arn:aws(-cn|-us-gov)?:iam::([0-9]{12})?:role/.+$"#))
    shapes.append(Shape("ServiceCode", .string, enumValues: ["ssm-incidents"]))
    shapes.append(Shape("ServicePrincipal", .string, min: 0, max: 1000))
    shapes.append(Shape("ServiceQuotaExceededException", .structure, members: [
            Member("message", cli: "message", shape: 49, required: true),
            Member("quotaCode", cli: "quota-code", shape: 161, required: true),
            Member("resourceIdentifier", cli: "resource-identifier", shape: 161),
            Member("resourceType", cli: "resource-type", shape: 138),
            Member("serviceCode", cli: "service-code", shape: 144, required: true),
        ], exception: true))
    shapes.append(Shape("SnsArn", .string, min: 0, max: 1000))
    shapes.append(Shape("SortOrder", .string, enumValues: ["ASCENDING", "DESCENDING"]))
    shapes.append(Shape("SseKmsKey", .string, min: 0, max: 2048))
    shapes.append(Shape("SsmAutomation", .structure, members: [
            Member("documentName", cli: "document-name", shape: 151, required: true),
            Member("documentVersion", cli: "document-version", shape: 152),
            Member("dynamicParameters", cli: "dynamic-parameters", shape: 40),
            Member("parameters", cli: "parameters", shape: 156),
            Member("roleArn", cli: "role-arn", shape: 143, required: true),
            Member("targetAccount", cli: "target-account", shape: 158),
        ]))
    shapes.append(Shape("SsmAutomationDocumentNameString", .string, pattern: #"^[a-zA-Z0-9_\-.:/]{3,128}$"#))
    shapes.append(Shape("SsmAutomationDocumentVersionString", .string, min: 0, max: 128))
    shapes.append(Shape("SsmContactsArn", .string, min: 0, max: 2048, pattern: #"^arn:aws(-cn|-us-gov)?:ssm-contacts:[a-z0-9-]*:([0-9]{12}):contact/[a-z0-9_-]+$"#))
    shapes.append(Shape("SsmParameterValues", .list, element: 155, min: 0, max: 100))
    shapes.append(Shape("SsmParameterValuesMemberString", .string, min: 0, max: 512))
    shapes.append(Shape("SsmParameters", .map, key: 157, value: 154, min: 1, max: 200))
    shapes.append(Shape("SsmParametersKeyString", .string, min: 1, max: 50))
    shapes.append(Shape("SsmTargetAccount", .string, enumValues: ["RESPONSE_PLAN_OWNER_ACCOUNT", "IMPACTED_ACCOUNT"]))
    shapes.append(Shape("StartIncidentInput", .structure, members: [
            Member("clientToken", cli: "client-token", shape: 15, idempotencyToken: true),
            Member("impact", cli: "impact", shape: 71),
            Member("relatedItems", cli: "related-items", shape: 129),
            Member("responsePlanArn", cli: "response-plan-arn", shape: 4, required: true),
            Member("title", cli: "title", shape: 80),
            Member("triggerDetails", cli: "trigger-details", shape: 176),
        ]))
}

@_optimize(none)
private func addSSMIncidentsShapes4(_ shapes: inout [Shape]) {
    shapes.append(Shape("StartIncidentOutput", .structure, members: [
            Member("incidentRecordArn", cli: "incident-record-arn", shape: 4, required: true),
        ]))
    shapes.append(Shape("String", .string))
    shapes.append(Shape("StringList", .list, element: 163, min: 0, max: 100))
    shapes.append(Shape("StringListMemberString", .string, min: 0, max: 1000))
    shapes.append(Shape("TagKey", .string, min: 1, max: 128, pattern: #"^(?!aws:)[A-Za-z0-9 _=@:.+-/]+$"#))
    shapes.append(Shape("TagKeyList", .list, element: 164, min: 1, max: 50))
    shapes.append(Shape("TagMap", .map, key: 164, value: 170, min: 1, max: 50))
    shapes.append(Shape("TagMapUpdate", .map, key: 164, value: 170, min: 0, max: 50))
    shapes.append(Shape("TagResourceRequest", .structure, members: [
            Member("resourceArn", cli: "resource-arn", shape: 161, required: true, location: .uri, locationName: "resourceArn"),
            Member("tags", cli: "tags", shape: 166, required: true),
        ]))
    shapes.append(Shape("TagResourceResponse", .structure))
    shapes.append(Shape("TagValue", .string, min: 0, max: 256, pattern: #"^[A-Za-z0-9 _=@:.+-/]*$"#))
    shapes.append(Shape("ThrottlingException", .structure, members: [
            Member("message", cli: "message", shape: 49, required: true),
            Member("quotaCode", cli: "quota-code", shape: 161, required: true),
            Member("serviceCode", cli: "service-code", shape: 144, required: true),
        ], exception: true))
    shapes.append(Shape("TimelineEvent", .structure, members: [
            Member("eventData", cli: "event-data", shape: 44, required: true),
            Member("eventId", cli: "event-id", shape: 177, required: true),
            Member("eventReferences", cli: "event-references", shape: 46),
            Member("eventTime", cli: "event-time", shape: 175, required: true),
            Member("eventType", cli: "event-type", shape: 174, required: true),
            Member("eventUpdatedTime", cli: "event-updated-time", shape: 175, required: true),
            Member("incidentRecordArn", cli: "incident-record-arn", shape: 4, required: true),
        ]))
    shapes.append(Shape("TimelineEventSort", .string, enumValues: ["EVENT_TIME"]))
    shapes.append(Shape("TimelineEventType", .string, min: 0, max: 100))
    shapes.append(Shape("Timestamp", .timestamp))
    shapes.append(Shape("TriggerDetails", .structure, members: [
            Member("rawData", cli: "raw-data", shape: 121),
            Member("source", cli: "source", shape: 77, required: true),
            Member("timestamp", cli: "timestamp", shape: 175, required: true),
            Member("triggerArn", cli: "trigger-arn", shape: 4),
        ]))
    shapes.append(Shape("UUID", .string, min: 0, max: 50))
    shapes.append(Shape("UntagResourceRequest", .structure, members: [
            Member("resourceArn", cli: "resource-arn", shape: 161, required: true, location: .uri, locationName: "resourceArn"),
            Member("tagKeys", cli: "tag-keys", shape: 165, required: true, location: .querystring, locationName: "tagKeys"),
        ]))
    shapes.append(Shape("UntagResourceResponse", .structure))
    shapes.append(Shape("UpdateDeletionProtectionInput", .structure, members: [
            Member("arn", cli: "arn", shape: 4, required: true),
            Member("clientToken", cli: "client-token", shape: 15, idempotencyToken: true),
            Member("deletionProtected", cli: "deletion-protected", shape: 12, required: true),
        ]))
    shapes.append(Shape("UpdateDeletionProtectionOutput", .structure))
    shapes.append(Shape("UpdateIncidentRecordInput", .structure, members: [
            Member("arn", cli: "arn", shape: 4, required: true),
            Member("chatChannel", cli: "chat-channel", shape: 13),
            Member("clientToken", cli: "client-token", shape: 15, idempotencyToken: true),
            Member("impact", cli: "impact", shape: 71),
            Member("notificationTargets", cli: "notification-targets", shape: 108),
            Member("status", cli: "status", shape: 74),
            Member("summary", cli: "summary", shape: 78),
            Member("title", cli: "title", shape: 80),
        ]))
    shapes.append(Shape("UpdateIncidentRecordOutput", .structure))
    shapes.append(Shape("UpdateRelatedItemsInput", .structure, members: [
            Member("clientToken", cli: "client-token", shape: 15, idempotencyToken: true),
            Member("incidentRecordArn", cli: "incident-record-arn", shape: 4, required: true),
            Member("relatedItemsUpdate", cli: "related-items-update", shape: 131, required: true),
        ]))
    shapes.append(Shape("UpdateRelatedItemsOutput", .structure))
    shapes.append(Shape("UpdateReplicationSetAction", .union, members: [
            Member("addRegionAction", cli: "add-region-action", shape: 3),
            Member("deleteRegionAction", cli: "delete-region-action", shape: 30),
        ]))
    shapes.append(Shape("UpdateReplicationSetInput", .structure, members: [
            Member("actions", cli: "actions", shape: 188, required: true),
            Member("arn", cli: "arn", shape: 4, required: true),
            Member("clientToken", cli: "client-token", shape: 15, idempotencyToken: true),
        ]))
    shapes.append(Shape("UpdateReplicationSetInputActionsList", .list, element: 186, min: 1, max: 1))
    shapes.append(Shape("UpdateReplicationSetOutput", .structure))
    shapes.append(Shape("UpdateResponsePlanInput", .structure, members: [
            Member("actions", cli: "actions", shape: 2),
            Member("arn", cli: "arn", shape: 4, required: true),
            Member("chatChannel", cli: "chat-channel", shape: 13),
            Member("clientToken", cli: "client-token", shape: 15, idempotencyToken: true),
            Member("displayName", cli: "display-name", shape: 139),
            Member("engagements", cli: "engagements", shape: 43),
            Member("incidentTemplateDedupeString", cli: "incident-template-dedupe-string", shape: 27),
            Member("incidentTemplateImpact", cli: "incident-template-impact", shape: 71),
            Member("incidentTemplateNotificationTargets", cli: "incident-template-notification-targets", shape: 108),
            Member("incidentTemplateSummary", cli: "incident-template-summary", shape: 78),
            Member("incidentTemplateTags", cli: "incident-template-tags", shape: 167),
            Member("incidentTemplateTitle", cli: "incident-template-title", shape: 80),
            Member("integrations", cli: "integrations", shape: 84),
        ]))
    shapes.append(Shape("UpdateResponsePlanOutput", .structure))
    shapes.append(Shape("UpdateTimelineEventInput", .structure, members: [
            Member("clientToken", cli: "client-token", shape: 15, idempotencyToken: true),
            Member("eventData", cli: "event-data", shape: 44),
            Member("eventId", cli: "event-id", shape: 177, required: true),
            Member("eventReferences", cli: "event-references", shape: 46),
            Member("eventTime", cli: "event-time", shape: 175),
            Member("eventType", cli: "event-type", shape: 174),
            Member("incidentRecordArn", cli: "incident-record-arn", shape: 4, required: true),
        ]))
    shapes.append(Shape("UpdateTimelineEventOutput", .structure))
    shapes.append(Shape("Url", .string, min: 0, max: 1000))
    shapes.append(Shape("ValidationException", .structure, members: [
            Member("message", cli: "message", shape: 49, required: true),
        ], exception: true))
    shapes.append(Shape("VariableType", .string, enumValues: ["INCIDENT_RECORD_ARN", "INVOLVED_RESOURCES"]))
}

@_optimize(none)
private func addSSMIncidentsOperations(_ operations: inout [Operation], _ errors: [ErrorShape], _ shapes: [Shape]) {
    operations.append(Operation(.incidents(.batchGetIncidentFindings), cli: "batch-get-incident-findings", summary: "Show several findings of an incident in detail.", http: HTTPBinding(method: "POST", requestURI: "/batchGetIncidentFindings", responseCode: 200), input: 10, output: 11, errors: [errors[5], errors[3], errors[0], errors[6], errors[2]], shapes: shapes))
    operations.append(Operation(.incidents(.createReplicationSet), cli: "create-replication-set", summary: "Set up the Regions and keys that hold Incident Manager's data.", http: HTTPBinding(method: "POST", requestURI: "/createReplicationSet", responseCode: 201), input: 21, output: 22, errors: [errors[4], errors[5], errors[0], errors[6], errors[1], errors[2]], shapes: shapes))
    operations.append(Operation(.incidents(.createResponsePlan), cli: "create-response-plan", summary: "Define how a new incident is opened, who is engaged and what runs.", http: HTTPBinding(method: "POST", requestURI: "/createResponsePlan", responseCode: 201), input: 23, output: 24, errors: [errors[5], errors[3], errors[0], errors[6], errors[1], errors[2]], idempotent: true, shapes: shapes))
    operations.append(Operation(.incidents(.createTimelineEvent), cli: "create-timeline-event", summary: "Add an event to an incident's timeline.", http: HTTPBinding(method: "POST", requestURI: "/createTimelineEvent", responseCode: 201), input: 25, output: 26, errors: [errors[5], errors[3], errors[0], errors[6], errors[1], errors[2]], idempotent: true, shapes: shapes))
    operations.append(Operation(.incidents(.deleteIncidentRecord), cli: "delete-incident-record", summary: "Remove an incident record.", http: HTTPBinding(method: "POST", requestURI: "/deleteIncidentRecord", responseCode: 204), input: 28, output: 29, errors: [errors[5], errors[0], errors[6], errors[2]], idempotent: true, shapes: shapes))
    operations.append(Operation(.incidents(.deleteReplicationSet), cli: "delete-replication-set", summary: "Remove the replication set and with it all incident data.", http: HTTPBinding(method: "POST", requestURI: "/deleteReplicationSet", responseCode: 204), input: 31, output: 32, errors: [errors[5], errors[3], errors[0], errors[6], errors[2]], shapes: shapes))
    operations.append(Operation(.incidents(.deleteResourcePolicy), cli: "delete-resource-policy", summary: "Stop sharing a response plan through a resource policy.", http: HTTPBinding(method: "POST", requestURI: "/deleteResourcePolicy", responseCode: 200), input: 33, output: 34, errors: [errors[5], errors[3], errors[0], errors[6], errors[2]], shapes: shapes))
    operations.append(Operation(.incidents(.deleteResponsePlan), cli: "delete-response-plan", summary: "Remove a response plan.", http: HTTPBinding(method: "POST", requestURI: "/deleteResponsePlan", responseCode: 204), input: 35, output: 36, errors: [errors[5], errors[0], errors[6], errors[2]], idempotent: true, shapes: shapes))
    operations.append(Operation(.incidents(.deleteTimelineEvent), cli: "delete-timeline-event", summary: "Remove an event from an incident's timeline.", http: HTTPBinding(method: "POST", requestURI: "/deleteTimelineEvent", responseCode: 204), input: 37, output: 38, errors: [errors[5], errors[0], errors[6], errors[2]], idempotent: true, shapes: shapes))
    operations.append(Operation(.incidents(.getIncidentRecord), cli: "get-incident-record", summary: "Show one incident record.", http: HTTPBinding(method: "GET", requestURI: "/getIncidentRecord", responseCode: 200), input: 61, output: 62, errors: [errors[5], errors[3], errors[0], errors[6], errors[2]], shapes: shapes))
    operations.append(Operation(.incidents(.getReplicationSet), cli: "get-replication-set", summary: "Show the replication set and its Regions.", http: HTTPBinding(method: "GET", requestURI: "/getReplicationSet", responseCode: 200), input: 63, output: 64, errors: [errors[5], errors[3], errors[0], errors[6], errors[2]], shapes: shapes))
    operations.append(Operation(.incidents(.getResourcePolicies), cli: "get-resource-policies", summary: "List the resource policies that share a response plan.", http: HTTPBinding(method: "POST", requestURI: "/getResourcePolicies", responseCode: 200), input: 65, output: 66, errors: [errors[5], errors[3], errors[0], errors[6], errors[2]], paginator: Paginator(inputToken: ["nextToken"], outputToken: ["nextToken"], limitKey: "maxResults", resultKey: ["resourcePolicies"]), shapes: shapes))
    operations.append(Operation(.incidents(.getResponsePlan), cli: "get-response-plan", summary: "Show one response plan.", http: HTTPBinding(method: "GET", requestURI: "/getResponsePlan", responseCode: 200), input: 67, output: 68, errors: [errors[5], errors[3], errors[0], errors[6], errors[2]], shapes: shapes))
    operations.append(Operation(.incidents(.getTimelineEvent), cli: "get-timeline-event", summary: "Show one event of an incident's timeline.", http: HTTPBinding(method: "GET", requestURI: "/getTimelineEvent", responseCode: 200), input: 69, output: 70, errors: [errors[5], errors[3], errors[0], errors[6], errors[2]], shapes: shapes))
    operations.append(Operation(.incidents(.listIncidentFindings), cli: "list-incident-findings", summary: "List the findings of an incident.", http: HTTPBinding(method: "POST", requestURI: "/listIncidentFindings", responseCode: 200), input: 89, output: 91, errors: [errors[5], errors[3], errors[0], errors[6], errors[2]], paginator: Paginator(inputToken: ["nextToken"], outputToken: ["nextToken"], limitKey: "maxResults", resultKey: ["findings"]), shapes: shapes))
    operations.append(Operation(.incidents(.listIncidentRecords), cli: "list-incident-records", summary: "List incident records, optionally filtered.", http: HTTPBinding(method: "POST", requestURI: "/listIncidentRecords", responseCode: 200), input: 92, output: 93, errors: [errors[5], errors[0], errors[6], errors[2]], paginator: Paginator(inputToken: ["nextToken"], outputToken: ["nextToken"], limitKey: "maxResults", resultKey: ["incidentRecordSummaries"]), shapes: shapes))
    operations.append(Operation(.incidents(.listRelatedItems), cli: "list-related-items", summary: "List the items related to an incident.", http: HTTPBinding(method: "POST", requestURI: "/listRelatedItems", responseCode: 200), input: 94, output: 95, errors: [errors[5], errors[0], errors[6], errors[2]], paginator: Paginator(inputToken: ["nextToken"], outputToken: ["nextToken"], limitKey: "maxResults", resultKey: ["relatedItems"]), shapes: shapes))
    operations.append(Operation(.incidents(.listReplicationSets), cli: "list-replication-sets", summary: "List the replication sets of the account.", http: HTTPBinding(method: "POST", requestURI: "/listReplicationSets", responseCode: 200), input: 96, output: 97, errors: [errors[5], errors[0], errors[6], errors[2]], paginator: Paginator(inputToken: ["nextToken"], outputToken: ["nextToken"], limitKey: "maxResults", resultKey: ["replicationSetArns"]), shapes: shapes))
    operations.append(Operation(.incidents(.listResponsePlans), cli: "list-response-plans", summary: "List the response plans of the account.", http: HTTPBinding(method: "POST", requestURI: "/listResponsePlans", responseCode: 200), input: 98, output: 99, errors: [errors[5], errors[0], errors[6], errors[2]], paginator: Paginator(inputToken: ["nextToken"], outputToken: ["nextToken"], limitKey: "maxResults", resultKey: ["responsePlanSummaries"]), shapes: shapes))
    operations.append(Operation(.incidents(.listTagsForResource), cli: "list-tags-for-resource", summary: "List the tags of a response plan or incident.", http: HTTPBinding(method: "GET", requestURI: "/tags/{resourceArn}", responseCode: 200), input: 100, output: 101, errors: [errors[5], errors[3], errors[0], errors[6], errors[2]], shapes: shapes))
    operations.append(Operation(.incidents(.listTimelineEvents), cli: "list-timeline-events", summary: "List the events of an incident's timeline, optionally filtered and sorted.", http: HTTPBinding(method: "POST", requestURI: "/listTimelineEvents", responseCode: 200), input: 102, output: 103, errors: [errors[5], errors[0], errors[6], errors[2]], paginator: Paginator(inputToken: ["nextToken"], outputToken: ["nextToken"], limitKey: "maxResults", resultKey: ["eventSummaries"]), shapes: shapes))
    operations.append(Operation(.incidents(.putResourcePolicy), cli: "put-resource-policy", summary: "Share a response plan through a resource policy.", http: HTTPBinding(method: "POST", requestURI: "/putResourcePolicy", responseCode: 200), input: 119, output: 120, errors: [errors[5], errors[3], errors[0], errors[6], errors[2]], shapes: shapes))
    operations.append(Operation(.incidents(.startIncident), cli: "start-incident", summary: "Open a new incident from a response plan.", http: HTTPBinding(method: "POST", requestURI: "/startIncident", responseCode: 200), input: 159, output: 160, errors: [errors[5], errors[3], errors[0], errors[6], errors[1], errors[2]], idempotent: true, shapes: shapes))
    operations.append(Operation(.incidents(.tagResource), cli: "tag-resource", summary: "Add tags to a response plan or incident.", http: HTTPBinding(method: "POST", requestURI: "/tags/{resourceArn}", responseCode: 204), input: 168, output: 169, errors: [errors[4], errors[5], errors[3], errors[0], errors[6], errors[1], errors[2]], shapes: shapes))
    operations.append(Operation(.incidents(.untagResource), cli: "untag-resource", summary: "Remove tags from a response plan or incident.", http: HTTPBinding(method: "DELETE", requestURI: "/tags/{resourceArn}", responseCode: 204), input: 178, output: 179, errors: [errors[5], errors[3], errors[0], errors[6], errors[1], errors[2]], idempotent: true, shapes: shapes))
    operations.append(Operation(.incidents(.updateDeletionProtection), cli: "update-deletion-protection", summary: "Turn deletion protection of the last Region on or off.", http: HTTPBinding(method: "POST", requestURI: "/updateDeletionProtection", responseCode: 204), input: 180, output: 181, errors: [errors[5], errors[3], errors[0], errors[6], errors[2]], shapes: shapes))
    operations.append(Operation(.incidents(.updateIncidentRecord), cli: "update-incident-record", summary: "Change an incident's title, summary, impact, status or chat channel.", http: HTTPBinding(method: "POST", requestURI: "/updateIncidentRecord", responseCode: 204), input: 182, output: 183, errors: [errors[5], errors[3], errors[0], errors[6], errors[1], errors[2]], idempotent: true, shapes: shapes))
    operations.append(Operation(.incidents(.updateRelatedItems), cli: "update-related-items", summary: "Add an item to or remove one from an incident's related items.", http: HTTPBinding(method: "POST", requestURI: "/updateRelatedItems", responseCode: 204), input: 184, output: 185, errors: [errors[5], errors[3], errors[0], errors[6], errors[1], errors[2]], idempotent: true, shapes: shapes))
    operations.append(Operation(.incidents(.updateReplicationSet), cli: "update-replication-set", summary: "Add Regions to or remove them from the replication set.", http: HTTPBinding(method: "POST", requestURI: "/updateReplicationSet", responseCode: 204), input: 187, output: 189, errors: [errors[5], errors[3], errors[0], errors[6], errors[1], errors[2]], shapes: shapes))
    operations.append(Operation(.incidents(.updateResponsePlan), cli: "update-response-plan", summary: "Change a response plan.", http: HTTPBinding(method: "POST", requestURI: "/updateResponsePlan", responseCode: 204), input: 190, output: 191, errors: [errors[5], errors[3], errors[0], errors[6], errors[1], errors[2]], idempotent: true, shapes: shapes))
    operations.append(Operation(.incidents(.updateTimelineEvent), cli: "update-timeline-event", summary: "Change an event of an incident's timeline.", http: HTTPBinding(method: "POST", requestURI: "/updateTimelineEvent", responseCode: 204), input: 192, output: 193, errors: [errors[5], errors[3], errors[0], errors[6], errors[1], errors[2]], idempotent: true, shapes: shapes))
}
