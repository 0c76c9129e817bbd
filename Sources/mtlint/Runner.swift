import Dispatch
import Foundation
import MTCore
import Synchronization

/// Checks inputs on `jobs` worker threads and hands the outcomes to `emit` strictly in input
/// order, each as soon as it and all before it are done: output is identical for any number of
/// jobs, and streamed formats still stream.
enum Runner {
    typealias Outcome = Result<LintResult, InputError>

    private struct State {
        var next = 0
        var emitted = 0
        var waiting: [Int: Outcome] = [:]
    }

    static func run(
        _ inputs: [Input], jobs: Int, linter: Linter, pair: LanguagePair, maximumSize: Int = DocumentReader.defaultMaximumSize,
        progress: Progress?, emit: @escaping @Sendable (Outcome) -> Void
    ) {
        let state = Mutex(State())
        let group = DispatchGroup()
        for _ in 0..<max(1, min(jobs, inputs.count)) {
            DispatchQueue.global().async(group: group) {
                while true {
                    let index: Int? = state.withLock { state in
                        guard state.next < inputs.count else { return nil }
                        defer { state.next += 1 }
                        return state.next
                    }
                    guard let index else { return }
                    let outcome = Result { () throws(InputError) -> LintResult in
                        linter.lint(try inputs[index].read(pair: pair, maximumSize: maximumSize))
                    }
                    state.withLock { state in
                        state.waiting[index] = outcome
                        while let ready = state.waiting.removeValue(forKey: state.emitted) {
                            progress?.finish()  // clear the bar so output on the same terminal starts on a clean line
                            emit(ready)
                            state.emitted += 1
                            progress?.advance(to: state.emitted)
                        }
                    }
                }
            }
        }
        group.wait()
        progress?.finish()
    }
}

/// A progress bar on standard error: files done/total, rate and time left.
final class Progress: Sendable {
    private let total: Int
    private let start = ContinuousClock.now

    init(total: Int) { self.total = total }

    /// A bar when standard error is a terminal and there is more than one file; otherwise nil.
    static func make(total: Int) -> Progress? {
        total > 1 && isatty(STDERR_FILENO) != 0 ? Progress(total: total) : nil
    }

    func advance(to done: Int) {
        let elapsed = Double((ContinuousClock.now - start).components.seconds)
            + Double((ContinuousClock.now - start).components.attoseconds) / 1e18
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let left = rate > 0 ? Int((Double(total - done) / rate).rounded(.up)) : 0
        let width = 30, filled = width * done / max(1, total)
        let bar = String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
        let line = "\r\(bar) \(done)/\(total) files, \(Int(rate.rounded())) files/s, \(left)s left"
        _ = StandardStreams.write(STDERR_FILENO, line)
    }

    /// Clears the bar's line.
    func finish() {
        _ = StandardStreams.write(STDERR_FILENO, "\r\u{1B}[K")
    }
}
