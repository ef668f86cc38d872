import ArgumentParser
import Foundation
import Syntax

/// Reads a file argument, `-` (or nothing) meaning standard input.
enum Input {
    static func read(_ path: String?) throws -> SourceFile {
        guard let path, path != "-" else {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return SourceFile(name: "<stdin>", bytes: [UInt8](data))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ExitFailure(message: "cannot read \(path): no such file or not readable", code: ExitCode.configurationInvalid)
        }
        return SourceFile(name: path, bytes: [UInt8](data))
    }
}

/// The AWS CLI v2's exit codes.
enum ExitCode {
    static let ok: Int32 = 0
    static let commandInvalid: Int32 = 252
    static let configurationInvalid: Int32 = 253
    static let serviceError: Int32 = 254
    static let other: Int32 = 255
    static let interrupted: Int32 = 130
}

/// An error that ends the program with a message and an exit code.
struct ExitFailure: Error, CustomStringConvertible {
    var message: String
    var code: Int32
    var description: String { message }
}

/// Writes to standard error.
func printError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}

/// Whether colours may be used on a stream.
func colorsAllowed(fileDescriptor: Int32) -> Bool {
    isatty(fileDescriptor) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
}

/// Runs `body`; an `ExitFailure` is printed and becomes its exit code.
func exitingOnFailure<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let failure as ExitFailure {
        printError("incident-chat: \(failure.message)\n")
        throw ArgumentParser.ExitCode(failure.code)
    }
}
