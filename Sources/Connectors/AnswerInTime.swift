import Foundation

/// Chat clients wait a few seconds for an answer (Slack three, Teams five).
/// `answerInTime` runs the work and returns its value when it is ready
/// within `limit`; otherwise it returns nil at `limit`, and `late` gets the
/// value when the work finishes (to send it another way).
func answerInTime<Value: Sendable>(_ limit: Duration, _ work: @escaping @Sendable () async -> Value,
                                   late: @escaping @Sendable (Value) async -> Void) async -> Value? {
    let task = Task { await work() }
    return await withCheckedContinuation { continuation in
        let first = FirstAnswer(continuation)
        let timer = Task {
            try? await Task.sleep(for: limit)
            _ = first.answer(nil)
        }
        Task {
            let value = await task.value
            timer.cancel()
            if !first.answer(value) { await late(value) }
        }
    }
}

/// The first of two racers to answer resumes the waiting caller; the
/// other learns that it lost.
final class FirstAnswer<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<Value?, Never>?

    init(_ continuation: CheckedContinuation<Value?, Never>) {
        self.continuation = continuation
    }

    /// True when this answer won.
    func answer(_ value: Value?) -> Bool {
        let taken: CheckedContinuation<Value?, Never>? = lock.withLock {
            defer { continuation = nil }
            return continuation
        }
        taken?.resume(returning: value)
        return taken != nil
    }
}
