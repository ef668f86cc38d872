// GENERATED FILE: do not edit by hand.
// Written by `python3 Scripts/generate-catalog.py (make catalog)` from botocore 1.43.11 (ssm-contacts 2021-05-03).
// Change the generator or Scripts/catalog-summaries.json and run it again.

/// The ssm-contacts API 2021-05-03: 39 operations, 186 shapes.
extension ServiceModel {
    // Run once per process: optimizing this code buys nothing and costs
    // seconds of release-build time, so the optimizer leaves it alone.
    @_optimize(none)
    static func makeSSMContacts() -> ServiceModel {
        var shapes: [Shape] = []
        shapes.reserveCapacity(186)
        addSSMContactsShapes0(&shapes)
        addSSMContactsShapes1(&shapes)
        addSSMContactsShapes2(&shapes)
        addSSMContactsShapes3(&shapes)
        addSSMContactsShapes4(&shapes)
        let errors: [ErrorShape] = [
            ErrorShape(name: "AccessDeniedException", code: "AccessDeniedException", shape: 5, httpStatusCode: 400, statusIsModeled: false, fault: false),
            ErrorShape(name: "ConflictException", code: "ConflictException", shape: 14, httpStatusCode: 400, statusIsModeled: false, fault: false),
            ErrorShape(name: "DataEncryptionException", code: "DataEncryptionException", shape: 36, httpStatusCode: 400, statusIsModeled: false, fault: false),
            ErrorShape(name: "InternalServerException", code: "InternalServerException", shape: 73, httpStatusCode: 500, statusIsModeled: false, fault: true),
            ErrorShape(name: "ResourceNotFoundException", code: "ResourceNotFoundException", shape: 124, httpStatusCode: 400, statusIsModeled: false, fault: false),
            ErrorShape(name: "ServiceQuotaExceededException", code: "ServiceQuotaExceededException", shape: 141, httpStatusCode: 400, statusIsModeled: false, fault: false),
            ErrorShape(name: "ThrottlingException", code: "ThrottlingException", shape: 168, httpStatusCode: 400, statusIsModeled: false, fault: false),
            ErrorShape(name: "ValidationException", code: "ValidationException", shape: 180, httpStatusCode: 400, statusIsModeled: false, fault: false),
        ]
        var operations: [Operation] = []
        operations.reserveCapacity(39)
        addSSMContactsOperations(&operations, errors, shapes)
        let waiters: [Waiter] = []
        return ServiceModel(
            name: .contacts,
            summary: "Contacts: people, escalation plans, on-call rotations, engagements and pages.",
            metadata: ServiceMetadata(
                apiVersion: "2021-05-03",
                endpointPrefix: "ssm-contacts",
                signingName: "ssm-contacts",
                protocol: .json,
                serviceID: "SSM Contacts",
                serviceFullName: "AWS Systems Manager Incident Manager Contacts",
                signatureVersion: "v4",
                jsonVersion: "1.1",
                targetPrefix: "SSMContacts",
                uid: "ssm-contacts-2021-05-03"),
            shapes: shapes, errors: errors, operations: operations, waiters: waiters)
    }
}

@_optimize(none)
private func addSSMContactsShapes0(_ shapes: inout [Shape]) {
    shapes.append(Shape("AcceptCode", .string, min: 6, max: 10, pattern: #"^[0-9]*$"#))
    shapes.append(Shape("AcceptCodeValidation", .string, enumValues: ["IGNORE", "ENFORCE"]))
    shapes.append(Shape("AcceptPageRequest", .structure, members: [
            Member("PageId", cli: "page-id", shape: 146, required: true),
            Member("ContactChannelId", cli: "contact-channel-id", shape: 146),
            Member("AcceptType", cli: "accept-type", shape: 4, required: true),
            Member("Note", cli: "note", shape: 117),
            Member("AcceptCode", cli: "accept-code", shape: 0, required: true),
            Member("AcceptCodeValidation", cli: "accept-code-validation", shape: 1),
        ]))
    shapes.append(Shape("AcceptPageResult", .structure))
    shapes.append(Shape("AcceptType", .string, enumValues: ["DELIVERED", "READ"]))
    shapes.append(Shape("AccessDeniedException", .structure, members: [
            Member("Message", cli: "message", shape: 157, required: true),
        ], exception: true))
    shapes.append(Shape("ActivateContactChannelRequest", .structure, members: [
            Member("ContactChannelId", cli: "contact-channel-id", shape: 146, required: true),
            Member("ActivationCode", cli: "activation-code", shape: 8, required: true),
        ]))
    shapes.append(Shape("ActivateContactChannelResult", .structure))
    shapes.append(Shape("ActivationCode", .string, min: 6, max: 10, pattern: #"^[0-9]*$"#))
    shapes.append(Shape("ActivationStatus", .string, enumValues: ["ACTIVATED", "NOT_ACTIVATED"]))
    shapes.append(Shape("AmazonResourceName", .string, min: 1, max: 1011))
    shapes.append(Shape("ChannelName", .string, min: 1, max: 255, pattern: #"^[\p{L}\p{Z}\p{N}_.\-]*$"#))
    shapes.append(Shape("ChannelTargetInfo", .structure, members: [
            Member("ContactChannelId", cli: "contact-channel-id", shape: 146, required: true),
            Member("RetryIntervalInMinutes", cli: "retry-interval-in-minutes", shape: 126),
        ]))
    shapes.append(Shape("ChannelType", .string, enumValues: ["SMS", "VOICE", "EMAIL"]))
    shapes.append(Shape("ConflictException", .structure, members: [
            Member("Message", cli: "message", shape: 157, required: true),
            Member("ResourceId", cli: "resource-id", shape: 157, required: true),
            Member("ResourceType", cli: "resource-type", shape: 157, required: true),
            Member("DependentEntities", cli: "dependent-entities", shape: 52),
        ], exception: true))
    shapes.append(Shape("Contact", .structure, members: [
            Member("ContactArn", cli: "contact-arn", shape: 146, required: true),
            Member("Alias", cli: "alias", shape: 16, required: true),
            Member("DisplayName", cli: "display-name", shape: 20),
            Member("Type", cli: "type", shape: 22, required: true),
        ]))
    shapes.append(Shape("ContactAlias", .string, min: 1, max: 255, pattern: #"^[a-z0-9_\-]*$"#))
    shapes.append(Shape("ContactChannel", .structure, members: [
            Member("ContactChannelArn", cli: "contact-channel-arn", shape: 146, required: true),
            Member("ContactArn", cli: "contact-arn", shape: 146, required: true),
            Member("Name", cli: "name", shape: 11, required: true),
            Member("Type", cli: "type", shape: 13),
            Member("DeliveryAddress", cli: "delivery-address", shape: 18, required: true),
            Member("ActivationStatus", cli: "activation-status", shape: 9, required: true),
        ]))
    shapes.append(Shape("ContactChannelAddress", .structure, members: [
            Member("SimpleAddress", cli: "simple-address", shape: 145),
        ]))
    shapes.append(Shape("ContactChannelList", .list, element: 17))
    shapes.append(Shape("ContactName", .string, min: 0, max: 255, pattern: #"^[\p{L}\p{Z}\p{N}_.\-]*$"#))
    shapes.append(Shape("ContactTargetInfo", .structure, members: [
            Member("ContactId", cli: "contact-id", shape: 146),
            Member("IsEssential", cli: "is-essential", shape: 74, required: true),
        ]))
    shapes.append(Shape("ContactType", .string, enumValues: ["PERSONAL", "ESCALATION", "ONCALL_SCHEDULE"]))
    shapes.append(Shape("ContactsList", .list, element: 15))
    shapes.append(Shape("Content", .string, min: 1, max: 8192, pattern: #"^[.\s\S]*$"#))
    shapes.append(Shape("CoverageTime", .structure, members: [
            Member("Start", cli: "start", shape: 69),
            Member("End", cli: "end", shape: 69),
        ]))
    shapes.append(Shape("CoverageTimes", .list, element: 25))
    shapes.append(Shape("CreateContactChannelRequest", .structure, members: [
            Member("ContactId", cli: "contact-id", shape: 146, required: true),
            Member("Name", cli: "name", shape: 11, required: true),
            Member("Type", cli: "type", shape: 13, required: true),
            Member("DeliveryAddress", cli: "delivery-address", shape: 18, required: true),
            Member("DeferActivation", cli: "defer-activation", shape: 42),
            Member("IdempotencyToken", cli: "idempotency-token", shape: 71, idempotencyToken: true),
        ]))
    shapes.append(Shape("CreateContactChannelResult", .structure, members: [
            Member("ContactChannelArn", cli: "contact-channel-arn", shape: 146, required: true),
        ]))
    shapes.append(Shape("CreateContactRequest", .structure, members: [
            Member("Alias", cli: "alias", shape: 16, required: true),
            Member("DisplayName", cli: "display-name", shape: 20),
            Member("Type", cli: "type", shape: 22, required: true),
            Member("Plan", cli: "plan", shape: 109, required: true),
            Member("Tags", cli: "tags", shape: 165),
            Member("IdempotencyToken", cli: "idempotency-token", shape: 71, idempotencyToken: true),
        ]))
    shapes.append(Shape("CreateContactResult", .structure, members: [
            Member("ContactArn", cli: "contact-arn", shape: 146, required: true),
        ]))
    shapes.append(Shape("CreateRotationOverrideRequest", .structure, members: [
            Member("RotationId", cli: "rotation-id", shape: 146, required: true),
            Member("NewContactIds", cli: "new-contact-ids", shape: 131, required: true),
            Member("StartTime", cli: "start-time", shape: 37, required: true),
            Member("EndTime", cli: "end-time", shape: 37, required: true),
            Member("IdempotencyToken", cli: "idempotency-token", shape: 71),
        ]))
    shapes.append(Shape("CreateRotationOverrideResult", .structure, members: [
            Member("RotationOverrideId", cli: "rotation-override-id", shape: 179, required: true),
        ]))
    shapes.append(Shape("CreateRotationRequest", .structure, members: [
            Member("Name", cli: "name", shape: 129, required: true),
            Member("ContactIds", cli: "contact-ids", shape: 128, required: true),
            Member("StartTime", cli: "start-time", shape: 37),
            Member("TimeZoneId", cli: "time-zone-id", shape: 170, required: true),
            Member("Recurrence", cli: "recurrence", shape: 121, required: true),
            Member("Tags", cli: "tags", shape: 165),
            Member("IdempotencyToken", cli: "idempotency-token", shape: 71),
        ]))
    shapes.append(Shape("CreateRotationResult", .structure, members: [
            Member("RotationArn", cli: "rotation-arn", shape: 146, required: true),
        ]))
    shapes.append(Shape("DailySettings", .list, element: 69))
    shapes.append(Shape("DataEncryptionException", .structure, members: [
            Member("Message", cli: "message", shape: 157, required: true),
        ], exception: true))
    shapes.append(Shape("DateTime", .timestamp))
    shapes.append(Shape("DayOfMonth", .integer, min: 1, max: 31))
    shapes.append(Shape("DayOfWeek", .string, enumValues: ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"]))
}

@_optimize(none)
private func addSSMContactsShapes1(_ shapes: inout [Shape]) {
    shapes.append(Shape("DeactivateContactChannelRequest", .structure, members: [
            Member("ContactChannelId", cli: "contact-channel-id", shape: 146, required: true),
        ]))
    shapes.append(Shape("DeactivateContactChannelResult", .structure))
    shapes.append(Shape("DeferActivation", .boolean))
    shapes.append(Shape("DeleteContactChannelRequest", .structure, members: [
            Member("ContactChannelId", cli: "contact-channel-id", shape: 146, required: true),
        ]))
    shapes.append(Shape("DeleteContactChannelResult", .structure))
    shapes.append(Shape("DeleteContactRequest", .structure, members: [
            Member("ContactId", cli: "contact-id", shape: 146, required: true),
        ]))
    shapes.append(Shape("DeleteContactResult", .structure))
    shapes.append(Shape("DeleteRotationOverrideRequest", .structure, members: [
            Member("RotationId", cli: "rotation-id", shape: 146, required: true),
            Member("RotationOverrideId", cli: "rotation-override-id", shape: 179, required: true),
        ]))
    shapes.append(Shape("DeleteRotationOverrideResult", .structure))
    shapes.append(Shape("DeleteRotationRequest", .structure, members: [
            Member("RotationId", cli: "rotation-id", shape: 146, required: true),
        ]))
    shapes.append(Shape("DeleteRotationResult", .structure))
    shapes.append(Shape("DependentEntity", .structure, members: [
            Member("RelationType", cli: "relation-type", shape: 157, required: true),
            Member("DependentResourceIds", cli: "dependent-resource-ids", shape: 147, required: true),
        ]))
    shapes.append(Shape("DependentEntityList", .list, element: 51))
    shapes.append(Shape("DescribeEngagementRequest", .structure, members: [
            Member("EngagementId", cli: "engagement-id", shape: 146, required: true),
        ]))
    shapes.append(Shape("DescribeEngagementResult", .structure, members: [
            Member("ContactArn", cli: "contact-arn", shape: 146, required: true),
            Member("EngagementArn", cli: "engagement-arn", shape: 146, required: true),
            Member("Sender", cli: "sender", shape: 140, required: true),
            Member("Subject", cli: "subject", shape: 158, required: true),
            Member("Content", cli: "content", shape: 24, required: true),
            Member("PublicSubject", cli: "public-subject", shape: 113),
            Member("PublicContent", cli: "public-content", shape: 112),
            Member("IncidentId", cli: "incident-id", shape: 72),
            Member("StartTime", cli: "start-time", shape: 37),
            Member("StopTime", cli: "stop-time", shape: 37),
        ]))
    shapes.append(Shape("DescribePageRequest", .structure, members: [
            Member("PageId", cli: "page-id", shape: 146, required: true),
        ]))
    shapes.append(Shape("DescribePageResult", .structure, members: [
            Member("PageArn", cli: "page-arn", shape: 146, required: true),
            Member("EngagementArn", cli: "engagement-arn", shape: 146, required: true),
            Member("ContactArn", cli: "contact-arn", shape: 146, required: true),
            Member("Sender", cli: "sender", shape: 140, required: true),
            Member("Subject", cli: "subject", shape: 158, required: true),
            Member("Content", cli: "content", shape: 24, required: true),
            Member("PublicSubject", cli: "public-subject", shape: 113),
            Member("PublicContent", cli: "public-content", shape: 112),
            Member("IncidentId", cli: "incident-id", shape: 72),
            Member("SentTime", cli: "sent-time", shape: 37),
            Member("ReadTime", cli: "read-time", shape: 37),
            Member("DeliveryTime", cli: "delivery-time", shape: 37),
        ]))
    shapes.append(Shape("Engagement", .structure, members: [
            Member("EngagementArn", cli: "engagement-arn", shape: 146, required: true),
            Member("ContactArn", cli: "contact-arn", shape: 146, required: true),
            Member("Sender", cli: "sender", shape: 140, required: true),
            Member("IncidentId", cli: "incident-id", shape: 72),
            Member("StartTime", cli: "start-time", shape: 37),
            Member("StopTime", cli: "stop-time", shape: 37),
        ]))
    shapes.append(Shape("EngagementsList", .list, element: 57))
    shapes.append(Shape("GetContactChannelRequest", .structure, members: [
            Member("ContactChannelId", cli: "contact-channel-id", shape: 146, required: true),
        ]))
    shapes.append(Shape("GetContactChannelResult", .structure, members: [
            Member("ContactArn", cli: "contact-arn", shape: 146, required: true),
            Member("ContactChannelArn", cli: "contact-channel-arn", shape: 146, required: true),
            Member("Name", cli: "name", shape: 11, required: true),
            Member("Type", cli: "type", shape: 13, required: true),
            Member("DeliveryAddress", cli: "delivery-address", shape: 18, required: true),
            Member("ActivationStatus", cli: "activation-status", shape: 9),
        ]))
    shapes.append(Shape("GetContactPolicyRequest", .structure, members: [
            Member("ContactArn", cli: "contact-arn", shape: 146, required: true),
        ]))
    shapes.append(Shape("GetContactPolicyResult", .structure, members: [
            Member("ContactArn", cli: "contact-arn", shape: 146),
            Member("Policy", cli: "policy", shape: 110),
        ]))
    shapes.append(Shape("GetContactRequest", .structure, members: [
            Member("ContactId", cli: "contact-id", shape: 146, required: true),
        ]))
    shapes.append(Shape("GetContactResult", .structure, members: [
            Member("ContactArn", cli: "contact-arn", shape: 146, required: true),
            Member("Alias", cli: "alias", shape: 16, required: true),
            Member("DisplayName", cli: "display-name", shape: 20),
            Member("Type", cli: "type", shape: 22, required: true),
            Member("Plan", cli: "plan", shape: 109, required: true),
        ]))
    shapes.append(Shape("GetRotationOverrideRequest", .structure, members: [
            Member("RotationId", cli: "rotation-id", shape: 146, required: true),
            Member("RotationOverrideId", cli: "rotation-override-id", shape: 179, required: true),
        ]))
    shapes.append(Shape("GetRotationOverrideResult", .structure, members: [
            Member("RotationOverrideId", cli: "rotation-override-id", shape: 179),
            Member("RotationArn", cli: "rotation-arn", shape: 146),
            Member("NewContactIds", cli: "new-contact-ids", shape: 147),
            Member("StartTime", cli: "start-time", shape: 37),
            Member("EndTime", cli: "end-time", shape: 37),
            Member("CreateTime", cli: "create-time", shape: 37),
        ]))
    shapes.append(Shape("GetRotationRequest", .structure, members: [
            Member("RotationId", cli: "rotation-id", shape: 146, required: true),
        ]))
    shapes.append(Shape("GetRotationResult", .structure, members: [
            Member("RotationArn", cli: "rotation-arn", shape: 146, required: true),
            Member("Name", cli: "name", shape: 129, required: true),
            Member("ContactIds", cli: "contact-ids", shape: 128, required: true),
            Member("StartTime", cli: "start-time", shape: 37, required: true),
            Member("TimeZoneId", cli: "time-zone-id", shape: 170, required: true),
            Member("Recurrence", cli: "recurrence", shape: 121, required: true),
        ]))
    shapes.append(Shape("HandOffTime", .structure, members: [
            Member("HourOfDay", cli: "hour-of-day", shape: 70, required: true),
            Member("MinuteOfHour", cli: "minute-of-hour", shape: 101, required: true),
        ]))
    shapes.append(Shape("HourOfDay", .integer, min: 0, max: 23))
    shapes.append(Shape("IdempotencyToken", .string, max: 2048, pattern: #"^[\\\/a-zA-Z0-9_+=\-]*$"#))
    shapes.append(Shape("IncidentId", .string, max: 1024, pattern: #"^[\\a-zA-Z0-9_@#%*+=:?.\/!\s-]*$"#))
    shapes.append(Shape("InternalServerException", .structure, members: [
            Member("Message", cli: "message", shape: 157, required: true),
            Member("RetryAfterSeconds", cli: "retry-after-seconds", shape: 125),
        ], exception: true))
    shapes.append(Shape("IsEssential", .boolean))
    shapes.append(Shape("ListContactChannelsRequest", .structure, members: [
            Member("ContactId", cli: "contact-id", shape: 146, required: true),
            Member("NextToken", cli: "next-token", shape: 108),
            Member("MaxResults", cli: "max-results", shape: 99),
        ]))
    shapes.append(Shape("ListContactChannelsResult", .structure, members: [
            Member("NextToken", cli: "next-token", shape: 108),
            Member("ContactChannels", cli: "contact-channels", shape: 19, required: true),
        ]))
    shapes.append(Shape("ListContactsRequest", .structure, members: [
            Member("NextToken", cli: "next-token", shape: 108),
            Member("MaxResults", cli: "max-results", shape: 99),
            Member("AliasPrefix", cli: "alias-prefix", shape: 16),
            Member("Type", cli: "type", shape: 22),
        ]))
    shapes.append(Shape("ListContactsResult", .structure, members: [
            Member("NextToken", cli: "next-token", shape: 108),
            Member("Contacts", cli: "contacts", shape: 23),
        ]))
    shapes.append(Shape("ListEngagementsRequest", .structure, members: [
            Member("NextToken", cli: "next-token", shape: 108),
            Member("MaxResults", cli: "max-results", shape: 99),
            Member("IncidentId", cli: "incident-id", shape: 72),
            Member("TimeRangeValue", cli: "time-range-value", shape: 169),
        ]))
}

@_optimize(none)
private func addSSMContactsShapes2(_ shapes: inout [Shape]) {
    shapes.append(Shape("ListEngagementsResult", .structure, members: [
            Member("NextToken", cli: "next-token", shape: 108),
            Member("Engagements", cli: "engagements", shape: 58, required: true),
        ]))
    shapes.append(Shape("ListPageReceiptsRequest", .structure, members: [
            Member("PageId", cli: "page-id", shape: 146, required: true),
            Member("NextToken", cli: "next-token", shape: 108),
            Member("MaxResults", cli: "max-results", shape: 99),
        ]))
    shapes.append(Shape("ListPageReceiptsResult", .structure, members: [
            Member("NextToken", cli: "next-token", shape: 108),
            Member("Receipts", cli: "receipts", shape: 119),
        ]))
    shapes.append(Shape("ListPageResolutionsRequest", .structure, members: [
            Member("NextToken", cli: "next-token", shape: 108),
            Member("PageId", cli: "page-id", shape: 146, required: true),
        ]))
    shapes.append(Shape("ListPageResolutionsResult", .structure, members: [
            Member("NextToken", cli: "next-token", shape: 108),
            Member("PageResolutions", cli: "page-resolutions", shape: 123, required: true),
        ]))
    shapes.append(Shape("ListPagesByContactRequest", .structure, members: [
            Member("ContactId", cli: "contact-id", shape: 146, required: true),
            Member("NextToken", cli: "next-token", shape: 108),
            Member("MaxResults", cli: "max-results", shape: 99),
        ]))
    shapes.append(Shape("ListPagesByContactResult", .structure, members: [
            Member("NextToken", cli: "next-token", shape: 108),
            Member("Pages", cli: "pages", shape: 107, required: true),
        ]))
    shapes.append(Shape("ListPagesByEngagementRequest", .structure, members: [
            Member("EngagementId", cli: "engagement-id", shape: 146, required: true),
            Member("NextToken", cli: "next-token", shape: 108),
            Member("MaxResults", cli: "max-results", shape: 99),
        ]))
    shapes.append(Shape("ListPagesByEngagementResult", .structure, members: [
            Member("NextToken", cli: "next-token", shape: 108),
            Member("Pages", cli: "pages", shape: 107, required: true),
        ]))
    shapes.append(Shape("ListPreviewRotationShiftsRequest", .structure, members: [
            Member("RotationStartTime", cli: "rotation-start-time", shape: 37),
            Member("StartTime", cli: "start-time", shape: 37),
            Member("EndTime", cli: "end-time", shape: 37, required: true),
            Member("Members", cli: "members", shape: 134, required: true),
            Member("TimeZoneId", cli: "time-zone-id", shape: 170, required: true),
            Member("Recurrence", cli: "recurrence", shape: 121, required: true),
            Member("Overrides", cli: "overrides", shape: 105),
            Member("NextToken", cli: "next-token", shape: 108),
            Member("MaxResults", cli: "max-results", shape: 99),
        ]))
    shapes.append(Shape("ListPreviewRotationShiftsResult", .structure, members: [
            Member("RotationShifts", cli: "rotation-shifts", shape: 136),
            Member("NextToken", cli: "next-token", shape: 108),
        ]))
    shapes.append(Shape("ListRotationOverridesRequest", .structure, members: [
            Member("RotationId", cli: "rotation-id", shape: 146, required: true),
            Member("StartTime", cli: "start-time", shape: 37, required: true),
            Member("EndTime", cli: "end-time", shape: 37, required: true),
            Member("NextToken", cli: "next-token", shape: 108),
            Member("MaxResults", cli: "max-results", shape: 99),
        ]))
    shapes.append(Shape("ListRotationOverridesResult", .structure, members: [
            Member("RotationOverrides", cli: "rotation-overrides", shape: 133),
            Member("NextToken", cli: "next-token", shape: 108),
        ]))
    shapes.append(Shape("ListRotationShiftsRequest", .structure, members: [
            Member("RotationId", cli: "rotation-id", shape: 146, required: true),
            Member("StartTime", cli: "start-time", shape: 37),
            Member("EndTime", cli: "end-time", shape: 37, required: true),
            Member("NextToken", cli: "next-token", shape: 108),
            Member("MaxResults", cli: "max-results", shape: 99),
        ]))
    shapes.append(Shape("ListRotationShiftsResult", .structure, members: [
            Member("RotationShifts", cli: "rotation-shifts", shape: 136),
            Member("NextToken", cli: "next-token", shape: 108),
        ]))
    shapes.append(Shape("ListRotationsRequest", .structure, members: [
            Member("RotationNamePrefix", cli: "rotation-name-prefix", shape: 129),
            Member("NextToken", cli: "next-token", shape: 108),
            Member("MaxResults", cli: "max-results", shape: 99),
        ]))
    shapes.append(Shape("ListRotationsResult", .structure, members: [
            Member("NextToken", cli: "next-token", shape: 108),
            Member("Rotations", cli: "rotations", shape: 137, required: true),
        ]))
    shapes.append(Shape("ListTagsForResourceRequest", .structure, members: [
            Member("ResourceARN", cli: "resource-arn", shape: 10, required: true),
        ]))
    shapes.append(Shape("ListTagsForResourceResult", .structure, members: [
            Member("Tags", cli: "tags", shape: 165),
        ]))
    shapes.append(Shape("MaxResults", .integer, min: 0, max: 1024))
    shapes.append(Shape("Member", .string, min: 1, max: 512, pattern: #".*\S.*"#))
    shapes.append(Shape("MinuteOfHour", .integer, min: 0, max: 59))
    shapes.append(Shape("MonthlySetting", .structure, members: [
            Member("DayOfMonth", cli: "day-of-month", shape: 38, required: true),
            Member("HandOffTime", cli: "hand-off-time", shape: 69, required: true),
        ]))
    shapes.append(Shape("MonthlySettings", .list, element: 102))
    shapes.append(Shape("NumberOfOnCalls", .integer, min: 1))
    shapes.append(Shape("OverrideList", .list, element: 111))
    shapes.append(Shape("Page", .structure, members: [
            Member("PageArn", cli: "page-arn", shape: 146, required: true),
            Member("EngagementArn", cli: "engagement-arn", shape: 146, required: true),
            Member("ContactArn", cli: "contact-arn", shape: 146, required: true),
            Member("Sender", cli: "sender", shape: 140, required: true),
            Member("IncidentId", cli: "incident-id", shape: 72),
            Member("SentTime", cli: "sent-time", shape: 37),
            Member("DeliveryTime", cli: "delivery-time", shape: 37),
            Member("ReadTime", cli: "read-time", shape: 37),
        ]))
    shapes.append(Shape("PagesList", .list, element: 106))
    shapes.append(Shape("PaginationToken", .string, max: 2048, pattern: #"^[\\\/a-zA-Z0-9_+=\-]*$"#))
    shapes.append(Shape("Plan", .structure, members: [
            Member("Stages", cli: "stages", shape: 151),
            Member("RotationIds", cli: "rotation-ids", shape: 147),
        ]))
    shapes.append(Shape("Policy", .string, min: 1, max: 395000, pattern: #".*\S.*"#))
    shapes.append(Shape("PreviewOverride", .structure, members: [
            Member("NewMembers", cli: "new-members", shape: 132),
            Member("StartTime", cli: "start-time", shape: 37),
            Member("EndTime", cli: "end-time", shape: 37),
        ]))
    shapes.append(Shape("PublicContent", .string, min: 1, max: 8192, pattern: #"^[.\s\S]*$"#))
    shapes.append(Shape("PublicSubject", .string, min: 1, max: 2048, pattern: #"^[.\s\S]*$"#))
    shapes.append(Shape("PutContactPolicyRequest", .structure, members: [
            Member("ContactArn", cli: "contact-arn", shape: 146, required: true),
            Member("Policy", cli: "policy", shape: 110, required: true),
        ]))
    shapes.append(Shape("PutContactPolicyResult", .structure))
    shapes.append(Shape("Receipt", .structure, members: [
            Member("ContactChannelArn", cli: "contact-channel-arn", shape: 146),
            Member("ReceiptType", cli: "receipt-type", shape: 118, required: true),
            Member("ReceiptInfo", cli: "receipt-info", shape: 117),
            Member("ReceiptTime", cli: "receipt-time", shape: 37, required: true),
        ]))
    shapes.append(Shape("ReceiptInfo", .string, min: 1, max: 2048, pattern: #"^[.\s\S]*$"#))
    shapes.append(Shape("ReceiptType", .string, enumValues: ["DELIVERED", "ERROR", "READ", "SENT", "STOP"]))
    shapes.append(Shape("ReceiptsList", .list, element: 116))
}

@_optimize(none)
private func addSSMContactsShapes3(_ shapes: inout [Shape]) {
    shapes.append(Shape("RecurrenceMultiplier", .integer, min: 1, max: 100))
    shapes.append(Shape("RecurrenceSettings", .structure, members: [
            Member("MonthlySettings", cli: "monthly-settings", shape: 103),
            Member("WeeklySettings", cli: "weekly-settings", shape: 185),
            Member("DailySettings", cli: "daily-settings", shape: 35),
            Member("NumberOfOnCalls", cli: "number-of-on-calls", shape: 104, required: true),
            Member("ShiftCoverages", cli: "shift-coverages", shape: 142),
            Member("RecurrenceMultiplier", cli: "recurrence-multiplier", shape: 120, required: true),
        ]))
    shapes.append(Shape("ResolutionContact", .structure, members: [
            Member("ContactArn", cli: "contact-arn", shape: 146, required: true),
            Member("Type", cli: "type", shape: 22, required: true),
            Member("StageIndex", cli: "stage-index", shape: 150),
        ]))
    shapes.append(Shape("ResolutionList", .list, element: 122))
    shapes.append(Shape("ResourceNotFoundException", .structure, members: [
            Member("Message", cli: "message", shape: 157, required: true),
            Member("ResourceId", cli: "resource-id", shape: 157, required: true),
            Member("ResourceType", cli: "resource-type", shape: 157, required: true),
        ], exception: true))
    shapes.append(Shape("RetryAfterSeconds", .integer))
    shapes.append(Shape("RetryIntervalInMinutes", .integer, min: 0, max: 60))
    shapes.append(Shape("Rotation", .structure, members: [
            Member("RotationArn", cli: "rotation-arn", shape: 146, required: true),
            Member("Name", cli: "name", shape: 129, required: true),
            Member("ContactIds", cli: "contact-ids", shape: 147),
            Member("StartTime", cli: "start-time", shape: 37),
            Member("TimeZoneId", cli: "time-zone-id", shape: 170),
            Member("Recurrence", cli: "recurrence", shape: 121),
        ]))
    shapes.append(Shape("RotationContactsArnList", .list, element: 146, min: 1, max: 30))
    shapes.append(Shape("RotationName", .string, min: 1, max: 255, pattern: #"^[a-zA-Z0-9_\-\s\.]*$"#))
    shapes.append(Shape("RotationOverride", .structure, members: [
            Member("RotationOverrideId", cli: "rotation-override-id", shape: 179, required: true),
            Member("NewContactIds", cli: "new-contact-ids", shape: 147, required: true),
            Member("StartTime", cli: "start-time", shape: 37, required: true),
            Member("EndTime", cli: "end-time", shape: 37, required: true),
            Member("CreateTime", cli: "create-time", shape: 37, required: true),
        ]))
    shapes.append(Shape("RotationOverrideContactsArnList", .list, element: 146, min: 0, max: 30))
    shapes.append(Shape("RotationOverridePreviewMemberList", .list, element: 100, min: 0, max: 30))
    shapes.append(Shape("RotationOverrides", .list, element: 130))
    shapes.append(Shape("RotationPreviewMemberList", .list, element: 100, min: 1, max: 30))
    shapes.append(Shape("RotationShift", .structure, members: [
            Member("ContactIds", cli: "contact-ids", shape: 147),
            Member("StartTime", cli: "start-time", shape: 37, required: true),
            Member("EndTime", cli: "end-time", shape: 37, required: true),
            Member("Type", cli: "type", shape: 144),
            Member("ShiftDetails", cli: "shift-details", shape: 143),
        ]))
    shapes.append(Shape("RotationShifts", .list, element: 135))
    shapes.append(Shape("Rotations", .list, element: 127))
    shapes.append(Shape("SendActivationCodeRequest", .structure, members: [
            Member("ContactChannelId", cli: "contact-channel-id", shape: 146, required: true),
        ]))
    shapes.append(Shape("SendActivationCodeResult", .structure))
    shapes.append(Shape("Sender", .string, max: 255, pattern: #"^[\\a-zA-Z0-9_@#%*+=:?.\/!\s-]*$"#))
    shapes.append(Shape("ServiceQuotaExceededException", .structure, members: [
            Member("Message", cli: "message", shape: 157, required: true),
            Member("ResourceId", cli: "resource-id", shape: 157),
            Member("ResourceType", cli: "resource-type", shape: 157),
            Member("QuotaCode", cli: "quota-code", shape: 157, required: true),
            Member("ServiceCode", cli: "service-code", shape: 157, required: true),
        ], exception: true))
    shapes.append(Shape("ShiftCoveragesMap", .map, key: 39, value: 26))
    shapes.append(Shape("ShiftDetails", .structure, members: [
            Member("OverriddenContactIds", cli: "overridden-contact-ids", shape: 147, required: true),
        ]))
    shapes.append(Shape("ShiftType", .string, enumValues: ["REGULAR", "OVERRIDDEN"]))
    shapes.append(Shape("SimpleAddress", .string, min: 1, max: 320))
    shapes.append(Shape("SsmContactsArn", .string, min: 1, max: 2048, pattern: #"arn:(aws|aws-cn|aws-us-gov):ssm-contacts:[-\w+=\/,.@]*:[0-9]+:([\w+=\/,.@:-]+)*"#))
    shapes.append(Shape("SsmContactsArnList", .list, element: 146, min: 0, max: 25))
    shapes.append(Shape("Stage", .structure, members: [
            Member("DurationInMinutes", cli: "duration-in-minutes", shape: 149, required: true),
            Member("Targets", cli: "targets", shape: 167, required: true),
        ]))
    shapes.append(Shape("StageDurationInMins", .integer, min: 0, max: 30))
    shapes.append(Shape("StageIndex", .integer, min: 0, max: 100))
    shapes.append(Shape("StagesList", .list, element: 148))
    shapes.append(Shape("StartEngagementRequest", .structure, members: [
            Member("ContactId", cli: "contact-id", shape: 146, required: true),
            Member("Sender", cli: "sender", shape: 140, required: true),
            Member("Subject", cli: "subject", shape: 158, required: true),
            Member("Content", cli: "content", shape: 24, required: true),
            Member("PublicSubject", cli: "public-subject", shape: 113),
            Member("PublicContent", cli: "public-content", shape: 112),
            Member("IncidentId", cli: "incident-id", shape: 72),
            Member("IdempotencyToken", cli: "idempotency-token", shape: 71, idempotencyToken: true),
        ]))
    shapes.append(Shape("StartEngagementResult", .structure, members: [
            Member("EngagementArn", cli: "engagement-arn", shape: 146, required: true),
        ]))
    shapes.append(Shape("StopEngagementRequest", .structure, members: [
            Member("EngagementId", cli: "engagement-id", shape: 146, required: true),
            Member("Reason", cli: "reason", shape: 156),
        ]))
    shapes.append(Shape("StopEngagementResult", .structure))
    shapes.append(Shape("StopReason", .string, max: 255, pattern: #"^[.\s\S]*$"#))
    shapes.append(Shape("String", .string))
    shapes.append(Shape("Subject", .string, min: 1, max: 2048, pattern: #"^[.\s\S]*$"#))
    shapes.append(Shape("Tag", .structure, members: [
            Member("Key", cli: "key", shape: 160),
            Member("Value", cli: "value", shape: 164),
        ]))
}

@_optimize(none)
private func addSSMContactsShapes4(_ shapes: inout [Shape]) {
    shapes.append(Shape("TagKey", .string, min: 1, max: 128, pattern: #"^[\\\/a-zA-Z0-9_+=\-]*$"#))
    shapes.append(Shape("TagKeyList", .list, element: 160, min: 0, max: 50))
    shapes.append(Shape("TagResourceRequest", .structure, members: [
            Member("ResourceARN", cli: "resource-arn", shape: 10, required: true),
            Member("Tags", cli: "tags", shape: 165, required: true),
        ]))
    shapes.append(Shape("TagResourceResult", .structure))
    shapes.append(Shape("TagValue", .string, min: 1, max: 256, pattern: #"^[\p{L}\p{Z}\p{N}_.:\/=+\-@]*$"#))
    shapes.append(Shape("TagsList", .list, element: 159, min: 0, max: 50))
    shapes.append(Shape("Target", .structure, members: [
            Member("ChannelTargetInfo", cli: "channel-target-info", shape: 12),
            Member("ContactTargetInfo", cli: "contact-target-info", shape: 21),
        ]))
    shapes.append(Shape("TargetsList", .list, element: 166))
    shapes.append(Shape("ThrottlingException", .structure, members: [
            Member("Message", cli: "message", shape: 157, required: true),
            Member("QuotaCode", cli: "quota-code", shape: 157),
            Member("ServiceCode", cli: "service-code", shape: 157),
            Member("RetryAfterSeconds", cli: "retry-after-seconds", shape: 125),
        ], exception: true))
    shapes.append(Shape("TimeRange", .structure, members: [
            Member("StartTime", cli: "start-time", shape: 37),
            Member("EndTime", cli: "end-time", shape: 37),
        ]))
    shapes.append(Shape("TimeZoneId", .string, min: 1, max: 255, pattern: #"^[:a-zA-Z0-9_\-\s\.\\/]*$"#))
    shapes.append(Shape("UntagResourceRequest", .structure, members: [
            Member("ResourceARN", cli: "resource-arn", shape: 10, required: true),
            Member("TagKeys", cli: "tag-keys", shape: 161, required: true),
        ]))
    shapes.append(Shape("UntagResourceResult", .structure))
    shapes.append(Shape("UpdateContactChannelRequest", .structure, members: [
            Member("ContactChannelId", cli: "contact-channel-id", shape: 146, required: true),
            Member("Name", cli: "name", shape: 11),
            Member("DeliveryAddress", cli: "delivery-address", shape: 18),
        ]))
    shapes.append(Shape("UpdateContactChannelResult", .structure))
    shapes.append(Shape("UpdateContactRequest", .structure, members: [
            Member("ContactId", cli: "contact-id", shape: 146, required: true),
            Member("DisplayName", cli: "display-name", shape: 20),
            Member("Plan", cli: "plan", shape: 109),
        ]))
    shapes.append(Shape("UpdateContactResult", .structure))
    shapes.append(Shape("UpdateRotationRequest", .structure, members: [
            Member("RotationId", cli: "rotation-id", shape: 146, required: true),
            Member("ContactIds", cli: "contact-ids", shape: 128),
            Member("StartTime", cli: "start-time", shape: 37),
            Member("TimeZoneId", cli: "time-zone-id", shape: 170),
            Member("Recurrence", cli: "recurrence", shape: 121, required: true),
        ]))
    shapes.append(Shape("UpdateRotationResult", .structure))
    shapes.append(Shape("Uuid", .string, min: 36, max: 39, pattern: #"([a-fA-Z0-9]{8,11}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}){1}"#))
    shapes.append(Shape("ValidationException", .structure, members: [
            Member("Message", cli: "message", shape: 157, required: true),
            Member("Reason", cli: "reason", shape: 183),
            Member("Fields", cli: "fields", shape: 182),
        ], exception: true))
    shapes.append(Shape("ValidationExceptionField", .structure, members: [
            Member("Name", cli: "name", shape: 157, required: true),
            Member("Message", cli: "message", shape: 157, required: true),
        ]))
    shapes.append(Shape("ValidationExceptionFieldList", .list, element: 181))
    shapes.append(Shape("ValidationExceptionReason", .string, enumValues: ["UNKNOWN_OPERATION", "CANNOT_PARSE", "FIELD_VALIDATION_FAILED", "OTHER"]))
    shapes.append(Shape("WeeklySetting", .structure, members: [
            Member("DayOfWeek", cli: "day-of-week", shape: 39, required: true),
            Member("HandOffTime", cli: "hand-off-time", shape: 69, required: true),
        ]))
    shapes.append(Shape("WeeklySettings", .list, element: 184))
}

@_optimize(none)
private func addSSMContactsOperations(_ operations: inout [Operation], _ errors: [ErrorShape], _ shapes: [Shape]) {
    operations.append(Operation(.contacts(.acceptPage), cli: "accept-page", summary: "Acknowledge that a page reached its contact.", http: HTTPBinding(method: "POST", requestURI: "/"), input: 2, output: 3, errors: [errors[0], errors[3], errors[4], errors[6], errors[7]], shapes: shapes))
    operations.append(Operation(.contacts(.activateContactChannel), cli: "activate-contact-channel", summary: "Turn on a contact channel with the code it was sent.", http: HTTPBinding(method: "POST", requestURI: "/"), input: 6, output: 7, errors: [errors[0], errors[3], errors[4], errors[6], errors[7]], shapes: shapes))
    operations.append(Operation(.contacts(.createContact), cli: "create-contact", summary: "Add a contact, escalation plan or on-call schedule.", http: HTTPBinding(method: "POST", requestURI: "/"), input: 29, output: 30, errors: [errors[0], errors[1], errors[3], errors[5], errors[6], errors[7], errors[2]], shapes: shapes))
    operations.append(Operation(.contacts(.createContactChannel), cli: "create-contact-channel", summary: "Add a way (email, SMS, voice) to reach a contact.", http: HTTPBinding(method: "POST", requestURI: "/"), input: 27, output: 28, errors: [errors[0], errors[1], errors[2], errors[3], errors[6], errors[7]], shapes: shapes))
    operations.append(Operation(.contacts(.createRotation), cli: "create-rotation", summary: "Add an on-call rotation.", http: HTTPBinding(method: "POST", requestURI: "/"), input: 33, output: 34, errors: [errors[0], errors[3], errors[4], errors[5], errors[6], errors[7]], shapes: shapes))
    operations.append(Operation(.contacts(.createRotationOverride), cli: "create-rotation-override", summary: "Put other contacts on call for a stretch of a rotation.", http: HTTPBinding(method: "POST", requestURI: "/"), input: 31, output: 32, errors: [errors[0], errors[3], errors[4], errors[5], errors[6], errors[7]], shapes: shapes))
    operations.append(Operation(.contacts(.deactivateContactChannel), cli: "deactivate-contact-channel", summary: "Turn off a contact channel.", http: HTTPBinding(method: "POST", requestURI: "/"), input: 40, output: 41, errors: [errors[0], errors[3], errors[4], errors[6], errors[7]], shapes: shapes))
    operations.append(Operation(.contacts(.deleteContact), cli: "delete-contact", summary: "Remove a contact or escalation plan.", http: HTTPBinding(method: "POST", requestURI: "/"), input: 45, output: 46, errors: [errors[0], errors[3], errors[4], errors[6], errors[1], errors[7]], shapes: shapes))
    operations.append(Operation(.contacts(.deleteContactChannel), cli: "delete-contact-channel", summary: "Remove a contact channel.", http: HTTPBinding(method: "POST", requestURI: "/"), input: 43, output: 44, errors: [errors[0], errors[3], errors[4], errors[6], errors[7]], shapes: shapes))
    operations.append(Operation(.contacts(.deleteRotation), cli: "delete-rotation", summary: "Remove an on-call rotation.", http: HTTPBinding(method: "POST", requestURI: "/"), input: 49, output: 50, errors: [errors[0], errors[1], errors[3], errors[4], errors[6], errors[7]], shapes: shapes))
    operations.append(Operation(.contacts(.deleteRotationOverride), cli: "delete-rotation-override", summary: "Remove an override of a rotation.", http: HTTPBinding(method: "POST", requestURI: "/"), input: 47, output: 48, errors: [errors[0], errors[3], errors[4], errors[6], errors[7]], shapes: shapes))
    operations.append(Operation(.contacts(.describeEngagement), cli: "describe-engagement", summary: "Show one engagement.", http: HTTPBinding(method: "POST", requestURI: "/"), input: 53, output: 54, errors: [errors[0], errors[2], errors[3], errors[4], errors[6], errors[7]], shapes: shapes))
    operations.append(Operation(.contacts(.describePage), cli: "describe-page", summary: "Show one page sent to a contact channel.", http: HTTPBinding(method: "POST", requestURI: "/"), input: 55, output: 56, errors: [errors[0], errors[2], errors[3], errors[4], errors[6], errors[7]], shapes: shapes))
    operations.append(Operation(.contacts(.getContact), cli: "get-contact", summary: "Show one contact or escalation plan.", http: HTTPBinding(method: "POST", requestURI: "/"), input: 63, output: 64, errors: [errors[0], errors[3], errors[4], errors[6], errors[7], errors[2]], shapes: shapes))
    operations.append(Operation(.contacts(.getContactChannel), cli: "get-contact-channel", summary: "Show one contact channel.", http: HTTPBinding(method: "POST", requestURI: "/"), input: 59, output: 60, errors: [errors[0], errors[2], errors[3], errors[4], errors[6], errors[7]], shapes: shapes))
    operations.append(Operation(.contacts(.getContactPolicy), cli: "get-contact-policy", summary: "Show the resource policy that shares a contact.", http: HTTPBinding(method: "POST", requestURI: "/"), input: 61, output: 62, errors: [errors[0], errors[3], errors[4], errors[6], errors[7]], shapes: shapes))
    operations.append(Operation(.contacts(.getRotation), cli: "get-rotation", summary: "Show one on-call rotation.", http: HTTPBinding(method: "POST", requestURI: "/"), input: 67, output: 68, errors: [errors[0], errors[3], errors[4], errors[6], errors[7]], shapes: shapes))
    operations.append(Operation(.contacts(.getRotationOverride), cli: "get-rotation-override", summary: "Show one override of a rotation.", http: HTTPBinding(method: "POST", requestURI: "/"), input: 65, output: 66, errors: [errors[0], errors[3], errors[4], errors[6], errors[7]], shapes: shapes))
    operations.append(Operation(.contacts(.listContactChannels), cli: "list-contact-channels", summary: "List the channels of a contact.", http: HTTPBinding(method: "POST", requestURI: "/"), input: 75, output: 76, errors: [errors[0], errors[2], errors[3], errors[4], errors[6], errors[7]], paginator: Paginator(inputToken: ["NextToken"], outputToken: ["NextToken"], limitKey: "MaxResults", resultKey: ["ContactChannels"]), shapes: shapes))
    operations.append(Operation(.contacts(.listContacts), cli: "list-contacts", summary: "List contacts and escalation plans, optionally filtered.", http: HTTPBinding(method: "POST", requestURI: "/"), input: 77, output: 78, errors: [errors[0], errors[3], errors[6], errors[7]], paginator: Paginator(inputToken: ["NextToken"], outputToken: ["NextToken"], limitKey: "MaxResults", resultKey: ["Contacts"]), shapes: shapes))
    operations.append(Operation(.contacts(.listEngagements), cli: "list-engagements", summary: "List engagements, optionally for one incident or time range.", http: HTTPBinding(method: "POST", requestURI: "/"), input: 79, output: 80, errors: [errors[0], errors[3], errors[6], errors[7]], paginator: Paginator(inputToken: ["NextToken"], outputToken: ["NextToken"], limitKey: "MaxResults", resultKey: ["Engagements"]), shapes: shapes))
    operations.append(Operation(.contacts(.listPageReceipts), cli: "list-page-receipts", summary: "List what happened to a page: sent, delivered, read.", http: HTTPBinding(method: "POST", requestURI: "/"), input: 81, output: 82, errors: [errors[0], errors[3], errors[4], errors[6], errors[7]], paginator: Paginator(inputToken: ["NextToken"], outputToken: ["NextToken"], limitKey: "MaxResults", resultKey: ["Receipts"]), shapes: shapes))
    operations.append(Operation(.contacts(.listPageResolutions), cli: "list-page-resolutions", summary: "List the path an engagement took through plans and contacts.", http: HTTPBinding(method: "POST", requestURI: "/"), input: 83, output: 84, errors: [errors[0], errors[3], errors[4], errors[6], errors[7]], paginator: Paginator(inputToken: ["NextToken"], outputToken: ["NextToken"], resultKey: ["PageResolutions"]), shapes: shapes))
    operations.append(Operation(.contacts(.listPagesByContact), cli: "list-pages-by-contact", summary: "List the pages sent to a contact.", http: HTTPBinding(method: "POST", requestURI: "/"), input: 85, output: 86, errors: [errors[0], errors[3], errors[4], errors[6], errors[7]], paginator: Paginator(inputToken: ["NextToken"], outputToken: ["NextToken"], limitKey: "MaxResults", resultKey: ["Pages"]), shapes: shapes))
    operations.append(Operation(.contacts(.listPagesByEngagement), cli: "list-pages-by-engagement", summary: "List the pages sent for an engagement.", http: HTTPBinding(method: "POST", requestURI: "/"), input: 87, output: 88, errors: [errors[0], errors[3], errors[4], errors[6], errors[7]], paginator: Paginator(inputToken: ["NextToken"], outputToken: ["NextToken"], limitKey: "MaxResults", resultKey: ["Pages"]), shapes: shapes))
    operations.append(Operation(.contacts(.listPreviewRotationShifts), cli: "list-preview-rotation-shifts", summary: "Preview the shifts a rotation would produce.", http: HTTPBinding(method: "POST", requestURI: "/"), input: 89, output: 90, errors: [errors[0], errors[3], errors[6], errors[7]], paginator: Paginator(inputToken: ["NextToken"], outputToken: ["NextToken"], limitKey: "MaxResults", resultKey: ["RotationShifts"]), shapes: shapes))
    operations.append(Operation(.contacts(.listRotationOverrides), cli: "list-rotation-overrides", summary: "List the overrides of a rotation in a time range.", http: HTTPBinding(method: "POST", requestURI: "/"), input: 91, output: 92, errors: [errors[0], errors[3], errors[4], errors[6], errors[7]], paginator: Paginator(inputToken: ["NextToken"], outputToken: ["NextToken"], limitKey: "MaxResults", resultKey: ["RotationOverrides"]), shapes: shapes))
    operations.append(Operation(.contacts(.listRotationShifts), cli: "list-rotation-shifts", summary: "List the shifts of a rotation in a time range.", http: HTTPBinding(method: "POST", requestURI: "/"), input: 93, output: 94, errors: [errors[0], errors[1], errors[3], errors[4], errors[6], errors[7]], paginator: Paginator(inputToken: ["NextToken"], outputToken: ["NextToken"], limitKey: "MaxResults", resultKey: ["RotationShifts"]), shapes: shapes))
    operations.append(Operation(.contacts(.listRotations), cli: "list-rotations", summary: "List on-call rotations, optionally by name prefix.", http: HTTPBinding(method: "POST", requestURI: "/"), input: 95, output: 96, errors: [errors[0], errors[3], errors[4], errors[6], errors[7]], paginator: Paginator(inputToken: ["NextToken"], outputToken: ["NextToken"], limitKey: "MaxResults", resultKey: ["Rotations"]), shapes: shapes))
    operations.append(Operation(.contacts(.listTagsForResource), cli: "list-tags-for-resource", summary: "List the tags of a contact, plan or rotation.", http: HTTPBinding(method: "POST", requestURI: "/"), input: 97, output: 98, errors: [errors[0], errors[6], errors[4], errors[7], errors[3]], shapes: shapes))
    operations.append(Operation(.contacts(.putContactPolicy), cli: "put-contact-policy", summary: "Share a contact through a resource policy.", http: HTTPBinding(method: "POST", requestURI: "/"), input: 114, output: 115, errors: [errors[0], errors[1], errors[7], errors[4], errors[6], errors[3]], shapes: shapes))
    operations.append(Operation(.contacts(.sendActivationCode), cli: "send-activation-code", summary: "Send a contact channel the code that activates it.", http: HTTPBinding(method: "POST", requestURI: "/"), input: 138, output: 139, errors: [errors[0], errors[2], errors[3], errors[4], errors[5], errors[6], errors[7]], shapes: shapes))
    operations.append(Operation(.contacts(.startEngagement), cli: "start-engagement", summary: "Engage a contact or escalation plan.", http: HTTPBinding(method: "POST", requestURI: "/"), input: 152, output: 153, errors: [errors[0], errors[2], errors[3], errors[4], errors[6], errors[7]], shapes: shapes))
    operations.append(Operation(.contacts(.stopEngagement), cli: "stop-engagement", summary: "Stop an engagement before it runs its course.", http: HTTPBinding(method: "POST", requestURI: "/"), input: 154, output: 155, errors: [errors[0], errors[7], errors[4], errors[6], errors[3]], shapes: shapes))
    operations.append(Operation(.contacts(.tagResource), cli: "tag-resource", summary: "Add tags to a contact, plan or rotation.", http: HTTPBinding(method: "POST", requestURI: "/"), input: 162, output: 163, errors: [errors[0], errors[6], errors[4], errors[3], errors[5], errors[7]], shapes: shapes))
    operations.append(Operation(.contacts(.untagResource), cli: "untag-resource", summary: "Remove tags from a contact, plan or rotation.", http: HTTPBinding(method: "POST", requestURI: "/"), input: 171, output: 172, errors: [errors[0], errors[6], errors[4], errors[7], errors[3]], shapes: shapes))
    operations.append(Operation(.contacts(.updateContact), cli: "update-contact", summary: "Change a contact's name or plan.", http: HTTPBinding(method: "POST", requestURI: "/"), input: 175, output: 176, errors: [errors[0], errors[3], errors[4], errors[5], errors[6], errors[7], errors[2]], shapes: shapes))
    operations.append(Operation(.contacts(.updateContactChannel), cli: "update-contact-channel", summary: "Change a contact channel's name or address.", http: HTTPBinding(method: "POST", requestURI: "/"), input: 173, output: 174, errors: [errors[0], errors[1], errors[2], errors[3], errors[4], errors[6], errors[7]], shapes: shapes))
    operations.append(Operation(.contacts(.updateRotation), cli: "update-rotation", summary: "Change an on-call rotation.", http: HTTPBinding(method: "POST", requestURI: "/"), input: 177, output: 178, errors: [errors[0], errors[1], errors[3], errors[4], errors[6], errors[7]], shapes: shapes))
}
