import Foundation

/// A first-come, first-served lock for async code: a batch holds it for its
/// whole life so that no other command slips into its transaction.
public final class AsyncGate: @unchecked Sendable {
    private let lock = NSLock()
    private var held = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    public init() {}

    /// Waits until the gate is free, then holds it.
    public func enter() async {
        if lock.withLock({ () -> Bool in
            if held { return false }
            held = true
            return true
        }) { return }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let acquired = lock.withLock { () -> Bool in
                if held {
                    waiters.append(continuation)
                    return false
                }
                held = true
                return true
            }
            if acquired { continuation.resume() }
        }
    }

    /// Frees the gate, handing it to the longest waiter if there is one.
    public func leave() {
        let next = lock.withLock { () -> CheckedContinuation<Void, Never>? in
            if waiters.isEmpty {
                held = false
                return nil
            }
            return waiters.removeFirst()
        }
        next?.resume()
    }
}
