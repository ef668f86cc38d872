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
    let doorbell: Doorbell.Listener
    /// The longest sleep.
    public var recheck: Duration

    public init(backend: some EngineBackend, recheck: Duration = .seconds(30)) {
        self.backend = backend
        clock = backend.engine.clock
        doorbell = backend.engine.doorbell.listener()
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

/// What wakes a sleeping ``Scheduler`` (or a delivery relay) early: the
/// engine rings it after every command that may have made a step due sooner
/// or put a message in the outbox. Each sleeper listens on a ``Listener`` of
/// its own, so a ring wakes every one of them; a ring while a listener is
/// awake ends its next wait at once. Ringing costs a lock when nobody sleeps.
public final class Doorbell: @unchecked Sendable {
    private let lock = NSLock()
    private var rings: UInt64 = 0
    private var sleepers: [ObjectIdentifier: Task<Void, Never>] = [:]
    /// The listener of ``wait(upTo:)``.
    private var shared: Listener!

    public init() {
        shared = Listener(self)
    }

    public func ring() {
        lock.withLock {
            rings &+= 1
            for sleeper in sleepers.values { sleeper.cancel() }
        }
    }

    /// A new listener, which hears the rings from now on.
    public func listener() -> Listener { Listener(self) }

    /// Waits on the bell's own listener (one sleeper at a time).
    func wait(upTo duration: Duration) async {
        await shared.wait(upTo: duration)
    }

    /// One sleeper's ear: it remembers the rings it has heard.
    public final class Listener: @unchecked Sendable {
        let bell: Doorbell
        private var heard: UInt64

        init(_ bell: Doorbell) {
            self.bell = bell
            heard = bell.lock.withLock { bell.rings }
        }

        /// Returns after `duration`, or sooner when the bell rings (or rang since the last wait).
        public func wait(upTo duration: Duration) async {
            let task = Task<Void, Never> { try? await Task.sleep(for: duration) }
            let id = ObjectIdentifier(self)
            let early = bell.lock.withLock {
                if bell.rings != heard { return true }
                bell.sleepers[id] = task
                return false
            }
            if early { task.cancel() }
            await withTaskCancellationHandler {
                await task.value
            } onCancel: {
                task.cancel()
            }
            bell.lock.withLock {
                bell.sleepers[id] = nil
                heard = bell.rings
            }
        }
    }
}
