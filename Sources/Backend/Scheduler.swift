import Foundation

/// Runs the time-driven steps of a backend while nobody types, for the
/// long-lived processes (`serve`, the REPL): it catches up once when it
/// starts, then sleeps until the next step is due, runs it (with everything
/// else due by then, in time order, in one transaction) and hands what the
/// steps sent to `deliver`.
///
///     let scheduler = Scheduler(backend: backend)
///     let task = Task { await scheduler.run { sent in show(sent) } }
///
/// It never polls: a command rings the engine's ``Doorbell`` (it may have
/// made a step due sooner), and otherwise the scheduler sleeps until the due
/// time, at most `recheck` at once. The recheck is how soon it sees a step
/// that another process sharing the store added, and how it notices that the
/// wall clock jumped forward; such a step is never due sooner than one
/// stage's duration (a minute) after the command that made it, since steps
/// due at once run inside that command.
///
/// A step never runs twice: each tick reads the due set inside the store's
/// write transaction. A clock that jumps backwards replays nothing (a step's
/// record has moved on) and skips nothing (what is due runs when the clock
/// reaches it again).
public struct Scheduler: Sendable {
    public let backend: any TimeDriven
    let clock: any WallClock
    let doorbell: Doorbell
    /// The longest sleep.
    public var recheck: Duration

    public init(backend: some EngineBackend, recheck: Duration = .seconds(30)) {
        self.backend = backend
        clock = backend.engine.clock
        doorbell = backend.engine.doorbell
        self.recheck = recheck
    }

    /// Runs until the task is cancelled. `deliver` gets what each tick sent
    /// (never an empty list); `failed` gets a tick's error, after which the
    /// scheduler waits one recheck and tries again.
    public func run(deliver: @Sendable ([OutboxMessage]) async -> Void,
                    failed: @Sendable (ServiceError) async -> Void = { _ in }) async {
        while !Task.isCancelled {
            var delay = recheck
            do throws(ServiceError) {
                let sent = try await backend.tick()
                if !sent.isEmpty { await deliver(sent) }
                if let due = try await backend.nextDueTime(), !isStill {
                    let wait = max(0, due.timeIntervalSince(clock.now()))
                    delay = min(recheck, .milliseconds(Int64((wait * 1000).rounded(.up))))
                }
            } catch {
                await failed(error)
            }
            if delay > .zero { await doorbell.wait(upTo: delay) }
        }
    }

    /// A clock that only moves when told (a fixed or simulated one): its due
    /// steps run with the commands that move it, so the scheduler only waits.
    private var isStill: Bool {
        (clock as? FixedWallClock).map { !$0.followsSystem } ?? false
    }
}

/// What wakes a sleeping ``Scheduler`` early: the engine rings it after every
/// command, since a command may have made a step due sooner than the one the
/// scheduler sleeps for. Ringing costs a lock when nobody sleeps.
public final class Doorbell: @unchecked Sendable {
    private let lock = NSLock()
    private var sleeper: Task<Void, Never>?
    private var rung = false

    public init() {}

    public func ring() {
        lock.withLock {
            if let sleeper { sleeper.cancel() } else { rung = true }
        }
    }

    /// Returns after `duration`, or sooner when the bell rings (or rang since the last wait).
    func wait(upTo duration: Duration) async {
        let task = Task<Void, Never> { try? await Task.sleep(for: duration) }
        let early = lock.withLock {
            if rung { rung = false; return true }
            sleeper = task
            return false
        }
        if early { task.cancel() }
        await withTaskCancellationHandler {
            await task.value
        } onCancel: {
            task.cancel()
        }
        lock.withLock {
            sleeper = nil
            rung = false
        }
    }
}
