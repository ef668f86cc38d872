import Hummingbird
import HummingbirdCore
import NIOCore

import class Foundation.NSLock

/// The per-request context: Hummingbird's core storage plus the connection,
/// so that a request deadline can be a timer on the connection's event loop
/// rather than a task per request.
struct WireRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}

/// A flag set once from an event loop and read from the request's task.
final class ManagedAtomicFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
