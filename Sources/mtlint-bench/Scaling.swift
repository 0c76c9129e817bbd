import Foundation
import MTCore
import MTRules
import MTText

/// End to end (classify, align, all rules, score) on an article repeated 1, 8, 64 and 256 times: the cost
/// must grow linearly with the input. Twice: as separate paragraphs, and with every line joined into one
/// block (one long line: the shape where a rule that rescans its block per sentence turns quadratic). Then
/// raw ICU word breaking on the ×256 paragraphs, against the end-to-end rate on them.
enum Scaling {
    static func seconds(_ body: () -> Void) -> Double {
        let start = ContinuousClock.now
        body()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    static func print(article: String, path: String) {
        _ = Session(rules: RuleRegistry.all).check(Document(path: path, text: article)).findings.count  // knowledge loaded first
        let oneLine = article.split(whereSeparator: \.isNewline).joined(separator: " ")
        var endToEnd256 = 0.0
        for (shape, unit, separator) in [("paragraphs", article, "\n\n"), ("one line", oneLine, " ")] {
            Swift.print("scaling (end to end), \(shape.padding(toLength: 14, withPad: " ", startingAt: 0)) copies     MiB      s     MiB/s   time ratio / size ratio")
            var previous: (copies: Int, seconds: Double)?
            var times: [Int: Double] = [:]
            for copies in [1, 8, 64, 256] {
                let input = Array(repeating: unit, count: copies).joined(separator: separator)
                let time = seconds { _ = Session(rules: RuleRegistry.all).check(Document(path: path, text: input)).findings.count }
                let mib = Double(input.utf8.count) / 1_048_576
                let growth = previous.map { String(format: "%.2f", (time / $0.seconds) / (Double(copies) / Double($0.copies))) } ?? "-"
                Swift.print("                                 \(String(format: "%6d  %6.2f  %7.3f  %6.2f", copies, mib, time, mib / time))   \(growth)")
                previous = (copies, time)
                times[copies] = time
                if copies == 256, shape == "paragraphs" { endToEnd256 = mib / time }
            }
            Swift.print(String(format: "  ×8 → ×256: time %.1f× for 32× the size (%.2f of the size ratio)", times[256]! / times[8]!, times[256]! / times[8]! / 32))
        }
        let input = Array(repeating: article, count: 256).joined(separator: "\n\n")
        let buffer = TextBuffer(input)
        var best = Double.infinity
        for _ in 0..<3 { best = min(best, seconds { _ = Segmenter(language: .english).tokens(buffer, in: 0..<buffer.count).count }) }
        let icu = Double(input.utf8.count) / 1_048_576 / best
        Swift.print(String(format: "ICU word breaking on the ×256 paragraphs: %.1f MiB/s; end to end %.2f MiB/s = %.1f%% of it", icu, endToEnd256, 100 * endToEnd256 / icu))
    }
}
