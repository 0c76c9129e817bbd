import Foundation

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
