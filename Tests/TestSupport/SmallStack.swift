import Foundation

/// Runs `body` on a thread of its own with `stack` bytes of stack (2 MiB, a
/// quarter of Linux's default, unless said) and waits for its result: a test
/// that a recursive walk over the deepest input a limit allows fits the stack.
public func onSmallStack<T: Sendable>(_ stack: Int = 2 << 20, _ body: @escaping @Sendable () -> T) -> T {
    let box = ThreadResult<T>()
    let thread = Thread {
        box.value = body()
        box.done.signal()
    }
    thread.stackSize = stack
    thread.start()
    box.done.wait()
    return box.value!
}

/// What the thread of `onSmallStack` hands back.
private final class ThreadResult<T>: @unchecked Sendable {
    var value: T?
    let done = DispatchSemaphore(value: 0)
}
