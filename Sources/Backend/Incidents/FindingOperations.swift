import Catalog

/// BatchGetIncidentFindings and ListIncidentFindings. Findings come from
/// integrations (CodeDeploy, CloudFormation) that a local Incident Manager
/// does not watch, so every incident has none; the answers are still the
/// service's, errors included.
extension IncidentsCommand {
    func batchGetIncidentFindings() throws -> Value {
        let arn = try input.requiredString("incidentRecordArn")
        let findingIds = try input.stringList("findingIds") ?? []
        _ = try incidentSeq(arn: arn)
        let errors = findingIds.map { id in
            structure(("code", .string("ResourceNotFoundException")), ("findingId", .string(id)),
                      ("message", .string("Incident record \(arn) has no finding \(id).")))
        }
        return structure(("errors", .list(errors)), ("findings", .list([])))
    }

    func listIncidentFindings() throws -> Value {
        let arn = try input.requiredString("incidentRecordArn")
        _ = try input.pageSize(limit: 20)
        if let token = try input.string("nextToken") { _ = try PageToken.read(token, scope: queryScope, count: 1) }
        _ = try incidentSeq(arn: arn)
        return structure(("findings", .list([])))
    }
}
