import Channel
import Foundation
import HummingbirdBcrypt
import Syntax

/// `incident-chat channel passwd FILE NAME`: sets a member's password in a
/// channel file, as its bcrypt hash under `passwords:`. The rest of the file
/// is kept as it is, comments and all; the result must still load, or the
/// file is not written.
public enum PasswordFile {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// The shortest password accepted.
    public static let minimumLength = 8

    /// Writes `name`'s password into the channel file at `path`.
    public static func set(path: String, name: String, password: String) throws(Failure) {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw Failure(description: "cannot read channel file \(path): no such file or not readable")
        }
        let configuration: ChannelConfiguration
        do { configuration = try ChannelConfiguration.load(path: path) } catch {
            throw Failure(description: "\(path) does not load: \(error.diagnostic.message)")
        }
        guard let members = configuration.members else {
            throw Failure(description: "\(path) has no members: without members, responders on loopback pick a name and need no password")
        }
        guard members.contains(name) else {
            throw Failure(description: "\(name) is not a member of the channel; its members are \(members.joined(separator: ", "))")
        }
        guard password.count >= minimumLength else {
            throw Failure(description: "a password has at least \(minimumLength) characters")
        }
        guard password.utf8.count <= 72 else { throw Failure(description: "bcrypt reads at most 72 bytes of a password") }
        let updated = try edit(text, name: name, hash: Bcrypt.hash(password, cost: SignIn.passwordCost))
        do {
            _ = try ChannelConfiguration.parse(SourceFile(name: path, text: updated),
                                               directory: URL(fileURLWithPath: path).deletingLastPathComponent())
        } catch {
            throw Failure(description: "the file would no longer load, so it was not changed: \(error.diagnostic.message)")
        }
        do {
            try Data(updated.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw Failure(description: "cannot write \(path): \(error.localizedDescription)")
        }
    }

    /// The file's text with `name: "hash"` under its top-level `passwords:` (added at the end when missing).
    static func edit(_ text: String, name: String, hash: String) throws(Failure) -> String {
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        let entry = "\(quoted(name)): \"\(hash)\""
        guard let header = lines.firstIndex(where: { $0.hasPrefix("passwords:") }) else {
            lines += ["passwords:", "  " + entry]
            return lines.joined(separator: "\n") + "\n"
        }
        let rest = lines[header].dropFirst("passwords:".count).trimmingCharacters(in: .whitespaces)
        guard rest.isEmpty || rest.hasPrefix("#") else {
            throw Failure(description: "the file's passwords: is written on one line; write it as a block (one NAME: HASH a line) to use channel passwd")
        }
        var index = header + 1
        var indent = "  "
        while index < lines.count, let first = lines[index].first, first == " " || first == "\t" || lines[index].isEmpty {
            let line = lines[index]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty { indent = String(line.prefix { $0 == " " || $0 == "\t" }) }
            if trimmed.hasPrefix(name + ":") || trimmed.hasPrefix(quoted(name) + ":") {
                lines[index] = indent + entry
                return lines.joined(separator: "\n") + "\n"
            }
            index += 1
        }
        lines.insert(indent + entry, at: header + 1)
        return lines.joined(separator: "\n") + "\n"
    }

    static func quoted(_ name: String) -> String {
        name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == "." } ? name : "\"\(name)\""
    }
}
