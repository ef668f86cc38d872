// incident-chat-bench: each figure beside the same work done by the reference tool,
// measured in the same run. `make bench` builds it in release mode and runs it.
//
// Adding a figure: write a function `() throws -> [Figure]` in its own file and list it here.
let benchmarks: [(name: String, run: () throws -> [Figure])] = [
    ("syntax", syntaxFigures),
    ("json", jsonFigures),
    ("jmespath", jmespathFigures),
    ("checker", checkerFigures),
    ("runbook", runbookFigures),
    ("exec", execFigures),
    ("repl", replStartFigures),
    ("completion", completionFigures),
    ("list", listFigures),
    ("server", serverFigures),
    ("time", timeDrivenFigures),
    ("scheduler", schedulerFigures),
    ("review", reviewFigures),
]

// `incident-chat-bench NAME...` runs only the benchmarks named.
let selected = Set(CommandLine.arguments.dropFirst())
var figures: [Figure] = []
for benchmark in benchmarks where selected.isEmpty || selected.contains(benchmark.name) {
    do {
        figures += try benchmark.run()
    } catch {
        print("\(benchmark.name): failed: \(error)")
    }
}
printTable(figures)
