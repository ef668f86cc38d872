import Foundation

/// `incident-chat serve` on SQLite answering create-timeline-event over
/// loopback, beside moto's server answering SSM PutParameter, both driven by
/// wrk in the same run (`Benchmarks/server/run.sh`, 10 seconds, 16 connections).
func serverFigures() throws -> [Figure] {
    let script = packageRoot.appendingPathComponent("Benchmarks/server/run.sh").path
    let output = String(decoding: try runProgram("bash", [script, incidentChat, "10", "16"]), as: UTF8.self)
    guard let line = output.split(separator: "\n").last(where: { $0.hasPrefix("summary: ") }) else {
        throw BenchmarkError("the server benchmark printed no summary:\n\(output)")
    }
    let fields = line.dropFirst("summary: ".count).split(separator: " ").map { Double($0) ?? 0 }
    guard fields.count == 6 else { throw BenchmarkError("the server benchmark's summary is not six numbers: \(line)") }
    let (ours, p50, p99, errors, moto, motoErrors) = (fields[0], fields[1], fields[2], fields[3], fields[4], fields[5])
    guard errors == 0 else { throw BenchmarkError("incident-chat serve answered \(Int(errors)) requests with an error") }
    print(String(format: "server: p50 %.3f ms, p99 %.3f ms; moto: %@", p50, p99,
                 moto > 0 ? "\(Int(motoErrors)) errors" : "not installed"))
    return [Figure(name: "serve: create-timeline-event over loopback (SQLite)", ours: ours,
                   anchor: moto > 0 ? moto : nil, anchorName: "moto server, ssm put-parameter", unit: "req/s")]
}
