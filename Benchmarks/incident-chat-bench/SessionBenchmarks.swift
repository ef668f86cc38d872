import Foundation

/// Writes a runbook of `count` commands after a short set-up to `file`: 60%
/// create-timeline-event, 20% update-incident-record, 20% get and list. It is
/// written in blocks, so that the 10^6-command runbook (150 MB) is never held whole.
func writeMixedRunbook(_ count: Int, to file: URL) throws {
    guard FileManager.default.createFile(atPath: file.path, contents: nil) else {
        throw BenchmarkError("cannot create \(file.path)")
    }
    let handle = try FileHandle(forWritingTo: file)
    defer { try? handle.close() }
    var text = """
        @aws ssm-incidents create-replication-set --regions us-east-1={}
        let plan = @aws ssm-incidents create-response-plan --name bench --incident-template title=Bench,impact=3
        let incident = @aws ssm-incidents start-incident --response-plan-arn $plan.arn

        """
    for i in 0..<count {
        switch i % 10 {
        case 0...5:
            text += "@aws ssm-incidents create-timeline-event --incident-record-arn $incident.incidentRecordArn --event-time 2026-11-24T10:00:00Z --event-type \"Custom Event\" --event-data '\"note \(i)\"'\n"
        case 6, 7:
            text += "@aws ssm-incidents update-incident-record --arn $incident.incidentRecordArn --impact \(i % 5 + 1)\n"
        case 8:
            text += "@aws ssm-incidents get-incident-record --arn $incident.incidentRecordArn\n"
        default:
            text += "@aws ssm-incidents list-timeline-events --incident-record-arn $incident.incidentRecordArn --max-results 20 --no-paginate\n"
        }
        if text.utf8.count >= 1 << 20 {
            try handle.write(contentsOf: Data(text.utf8))
            text = ""
        }
    }
    try handle.write(contentsOf: Data(text.utf8))
}

/// The runbook mix through the release binary (output to /dev/null), in
/// memory and on SQLite, at 10^3 … 10^6 commands (issue 9.3: the rate should
/// stay flat as the runbook grows); and each run's peak memory.
func runbookFigures() throws -> [Figure] {
    let folder = try temporaryFolder("runbook")
    defer { try? FileManager.default.removeItem(at: folder) }
    var figures: [Figure] = []
    for count in [1_000, 10_000, 100_000, 1_000_000] {
        let file = folder.appendingPathComponent("mix-\(count).chat")
        try writeMixedRunbook(count, to: file)
        let memory = try measureProcess(incidentChat, ["run", "--memory", file.path])
        let store = folder.appendingPathComponent("store-\(count).sqlite").path
        let sqlite = try measureProcess(incidentChat, ["run", "--store", store, file.path])
        figures.append(Figure(name: "runbook mix, memory, \(count) commands", ours: Double(count) / memory.seconds, anchor: nil, anchorName: "—", unit: "cmd/s"))
        figures.append(Figure(name: "runbook mix, SQLite, \(count) commands", ours: Double(count) / sqlite.seconds, anchor: nil, anchorName: "—", unit: "cmd/s"))
        print(String(format: "runbook: %d commands: peak resident memory %.1f MB in memory, %.1f MB on SQLite", count,
                     Double(memory.peakBytes) / 1_048_576, Double(sqlite.peakBytes) / 1_048_576))
        try? FileManager.default.removeItem(at: file)
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: store + suffix) }
    }
    return figures
}

/// One `exec` from process start to exit, beside the AWS CLI doing one command
/// (`--generate-cli-skeleton output`: its start-up, argument parsing and printing,
/// no request) in the same run.
func execFigures() throws -> [Figure] {
    let folder = try temporaryFolder("exec")
    let store = folder.appendingPathComponent("store.sqlite").path
    try timeProcess(incidentChat, ["exec", "--store", store, "@aws ssm-incidents list-response-plans"])
    let ours = try median(21) { try timeProcess(incidentChat, ["exec", "--store", store, "@aws ssm-incidents list-response-plans"]) }
    let memory = try median(21) { try timeProcess(incidentChat, ["exec", "--memory", "@aws ssm-incidents list-response-plans"]) }
    var anchor: Double? = nil
    if let aws = which("aws") {
        var environment = ProcessInfo.processInfo.environment
        environment["AWS_DEFAULT_REGION"] = "us-east-1"
        anchor = try? median(5) {
            try timeProcess(aws, ["ssm-incidents", "list-response-plans", "--generate-cli-skeleton", "output"], environment: environment)
        }
    }
    try? FileManager.default.removeItem(at: folder)
    return [
        Figure(name: "exec one command (SQLite store)", seconds: ours, anchorSeconds: anchor, anchorName: "aws cli 1.45.11"),
        Figure(name: "exec one command (--memory)", seconds: memory, anchorSeconds: anchor, anchorName: "aws cli 1.45.11"),
    ]
}

/// The REPL from start to its first prompt (it leaves at once on an empty input).
func replStartFigures() throws -> [Figure] {
    let folder = try temporaryFolder("repl")
    let environment = ["XDG_STATE_HOME": folder.path, "HOME": folder.path, "TERM": "dumb"]
    let seconds = try median(21) { try timeProcess(incidentChat, ["repl", "--memory"], environment: environment) }
    try? FileManager.default.removeItem(at: folder)
    return [Figure(name: "REPL start to prompt", seconds: seconds, anchorSeconds: nil, anchorName: "—")]
}

func which(_ program: String) -> String? {
    for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
        let path = "\(folder)/\(program)"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
}
