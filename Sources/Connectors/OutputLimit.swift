/// Chat clients show messages up to a length (Slack 40,000 characters,
/// Teams about 28 KB): longer output is cut after the last whole line that
/// fits, with a note of how much was left out and how to get the rest.
enum OutputLimit {
    static func cut(_ text: String, to limit: Int) -> String {
        guard text.count > limit else { return text }
        let head = text.prefix(limit)
        let kept = String(head[..<(head.lastIndex(of: "\n") ?? head.endIndex)])
        return kept + "\n… (cut: \(text.count - kept.count) of \(text.count) characters left out; "
            + "--query picks the fields you need, --max-items N shows N items and a token for the rest)"
    }
}
