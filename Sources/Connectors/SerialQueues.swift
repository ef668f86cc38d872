import Foundation

/// Work done one piece at a time per key, in the order it was added, while
/// different keys do not wait for each other: a webhook's messages in the
/// order they were published, an incident's notifications in its thread.
final class SerialQueues: @unchecked Sendable {
    typealias Work = @Sendable () async -> Void

    private let lock = NSLock()
    private var queues: [String: [Work]] = [:]
    private var workers: [String: Task<Void, Never>] = [:]

    func add(_ key: String, _ work: @escaping Work) {
        lock.withLock {
            queues[key, default: []].append(work)
            if workers[key] == nil {
                workers[key] = Task { await self.drain(key) }
            }
        }
    }

    /// Waits until every queue is empty.
    func flush() async {
        while let worker = lock.withLock({ workers.values.first }) {
            await worker.value
        }
    }

    private func drain(_ key: String) async {
        while let work = next(key) {
            await work()
        }
    }

    /// The next piece of a queue; at the end, its worker leaves.
    private func next(_ key: String) -> Work? {
        lock.withLock {
            guard var queue = queues[key], !queue.isEmpty else {
                queues[key] = nil
                workers[key] = nil
                return nil
            }
            let work = queue.removeFirst()
            queues[key] = queue
            return work
        }
    }
}
