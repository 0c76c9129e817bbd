import Foundation

/// What `mtlint eval` prints: a table for people or one JSON document (version 1, sorted keys).
public enum EvalOutput {
    public static let version = 1

    public static func json(gold: GoldReport?, pairs: PairsReport?) throws -> String {
        struct Envelope: Encodable {
            let version: Int
            let gold: GoldReport?
            let pairs: PairsReport?
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        let data = try encoder.encode(Envelope(version: version, gold: gold, pairs: pairs))
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    public static func text(_ report: GoldReport) -> String {
        var out = "Gold files: \(report.documents.count)\n\n"
        var documents = [["document", "found", "recall", "findings", "precision", "traps", "extra", "align", "verdict"]]
        for d in report.documents {
            let verdict = d.verdict + (d.expectedVerdict.map { $0 == d.verdict ? "" : " (expected \($0))" } ?? "")
            documents.append([d.document, "\(d.counts.found)/\(d.counts.expected)", ratio(d.counts.recall), "\(d.counts.findings)",
                              ratio(d.counts.precision), "\(d.counts.trapsTouched)", "\(d.counts.extra)",
                              d.alignmentAgrees ? "ok" : "differs", verdict])
        }
        let o = report.overall
        documents.append(["overall", "\(o.found)/\(o.expected)", ratio(o.recall), "\(o.findings)", ratio(o.precision),
                          "\(o.trapsTouched)", "\(o.extra)", "", ""])
        out += table(documents)
        out += "\nPer rule (recall: expected errors of the rule's MQM type that it found)\n"
        out += table([["rule", "found", "recall", "findings", "precision", "traps", "extra"]] + report.rules.map { r in
            ["\(r.code) \(r.rule)", "\(r.counts.found)/\(r.counts.expected)", ratio(r.counts.recall), "\(r.counts.findings)",
             ratio(r.counts.precision), "\(r.counts.trapsTouched)", "\(r.counts.extra)"]
        })
        let missed = report.documents.filter { !$0.missed.isEmpty }
        if !missed.isEmpty {
            out += "\nMissed\n" + missed.map { "  \($0.document): \($0.missed.joined(separator: ", "))" }.joined(separator: "\n") + "\n"
        }
        let extra = report.documents.filter { !$0.extra.isEmpty }
        if !extra.isEmpty {
            out += "\nFindings not in the gold files\n"
            out += extra.flatMap { d in d.extra.map { "  \(d.document):\($0)" } }.joined(separator: "\n") + "\n"
        }
        return out
    }

    public static func text(_ report: PairsReport) -> String {
        var out = "Pairs: \(report.file): \(report.pairs) (\(report.pairs - report.notApplied) applied)\n\n"
        out += "Pairwise accuracy (bad side strictly more penalty than good)\n"
        out += table([["label", "pairs", "accuracy", "better", "ties", "worse"]] + report.labels.map { l in
            [l.label, "\(l.pairs)", String(format: "%.2f", l.accuracy.fraction), "\(l.better)", "\(l.ties)", "\(l.worse)"]
        } + [["all applied", "\(report.pairs - report.notApplied)", String(format: "%.2f", report.accuracy.fraction), "", "", ""]])
        out += "\nGood sides with a finding: \(percent(report.goodWithFinding.fraction)), with a major or critical one: \(percent(report.goodWithMajor.fraction))\n"
        out += "\nPer rule: share of pairs whose side it flags\n"
        out += table([["rule", "tier", "good", "bad"]] + report.rules.map { r in
            ["\(r.code) \(r.rule)", r.tier, percent(r.goodFlagged.fraction), percent(r.badFlagged.fraction)]
        })
        return out
    }

    private static func ratio(_ value: Double?) -> String { value.map { String(format: "%.3f", $0) } ?? "–" }
    private static func percent(_ value: Double) -> String { String(format: "%.1f%%", value * 100) }

    /// Tab-free rows: the first column padded to its longest cell (at least 36), the others to 10.
    private static func table(_ rows: [[String]]) -> String {
        let first = max(36, (rows.map { $0.first?.count ?? 0 }.max() ?? 0) + 2)
        return rows.map { cells in
            cells.enumerated().map { i, cell in
                let width = i == 0 ? first : 10
                return cell.count >= width ? cell + " " : cell + String(repeating: " ", count: width - cell.count)
            }.joined().replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) + "\n"
        }.joined()
    }
}
