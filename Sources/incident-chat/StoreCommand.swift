import ArgumentParser
import Backend
import Foundation
import PostgresBackend
import SQLiteBackend

/// `incident-chat store`: what is done to a store as a whole.
struct StoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Work on a store as a whole.",
        subcommands: [Migrate.self, Export.self, Import.self]
    )

    /// `incident-chat store migrate --store URL|PATH`: brings the store's schema
    /// up to this build's, and does nothing else. Every command that opens a
    /// store migrates it too; this runs the migrations alone, before a fleet starts.
    struct Migrate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create or upgrade a store's schema (postgres://USER@HOST:PORT/DB or an SQLite file), and nothing else."
        )

        @OptionGroup var location: StoreLocation

        func run() async throws {
            let backend = try exitingOnFailure { try location.open() }
            let name = location.description
            if let postgres = backend as? PostgresBackend {
                let applied = postgres.migrated.map(String.init).joined(separator: ", ")
                print("\(name): schema version \(PostgresBackend.schemaVersion)"
                      + (applied.isEmpty ? " (already up to date)" : " (applied: \(applied))"))
            } else {
                print("\(name): schema version \(SQLiteBackend.schemaVersion)")
            }
        }
    }

    /// `incident-chat store export --store URL|PATH`: every row as JSON lines on standard output.
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a store's rows as JSON lines (to standard output), for store import into a store of any kind."
        )

        @OptionGroup var location: StoreLocation

        func run() async throws {
            let backend = try exitingOnFailure { try location.open() }
            guard let exporting = backend as? any StoreExporting else { return }
            let out = FileHandle.standardOutput
            var buffer = StoreExport.header + "\n"
            do {
                try await exporting.exportRows { row in
                    buffer += StoreExport.line(row) + "\n"
                    if buffer.utf8.count > 1 << 16 {
                        out.write(Data(buffer.utf8))
                        buffer = ""
                    }
                }
            } catch {
                printError("incident-chat: cannot export \(location.description): \((error as? ServiceError)?.message ?? "\(error)")\n")
                throw ArgumentParser.ExitCode(ExitCode.serviceError)
            }
            out.write(Data(buffer.utf8))
        }
    }

    /// `incident-chat store import --store URL|PATH [FILE]`: rows that
    /// `store export` wrote, into an empty store, all or nothing.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read the JSON lines of store export (a file, or standard input) into an empty store, all of them or none."
        )

        @OptionGroup var location: StoreLocation

        @Argument(help: "The export ('-' or nothing: standard input).")
        var file: String = "-"

        func run() async throws {
            let text: String
            if file == "-" {
                text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            } else if let data = FileManager.default.contents(atPath: file) {
                text = String(decoding: data, as: UTF8.self)
            } else {
                printError("incident-chat: cannot read \(file)\n")
                throw ArgumentParser.ExitCode(ExitCode.configurationInvalid)
            }
            var rows: [StoreExport.Row] = []
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: true).enumerated() {
                do {
                    if let row = try StoreExport.parse(String(line), number: index + 1) { rows.append(row) }
                } catch {
                    printError("incident-chat: \(file == "-" ? "<stdin>" : file): \(error.description)\n")
                    throw ArgumentParser.ExitCode(ExitCode.commandInvalid)
                }
            }
            let backend = try exitingOnFailure { try location.open() }
            guard let importing = backend as? any StoreExporting else { return }
            do {
                try await importing.importRows(rows)
            } catch {
                printError("incident-chat: cannot import into \(location.description): \((error as? ServiceError)?.message ?? "\(error)")\n")
                throw ArgumentParser.ExitCode(ExitCode.serviceError)
            }
            print("\(location.description): \(rows.count) rows imported")
        }
    }
}
