import Foundation

/// What `mtlint eval` prints: a table for people or one JSON document (version 1, sorted keys).
public enum EvalOutput {
    public static let version = 1

    public static func json(gold: GoldReport?, pairs: PairsReport?, clean: CleanReport? = nil) throws -> String {
        struct Envelope: Encodable {
            let version: Int
            let gold: GoldReport?
            let pairs: PairsReport?
            let clean: CleanReport?
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        let data = try encoder.encode(Envelope(version: version, gold: gold, pairs: pairs, clean: clean))
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

    public static func text(_ report: CleanReport) -> String {
        var out = "Correct translations: \(report.file): \(report.pairs) (every finding on them is a false alarm)\n\n"
        func cell(_ share: Share) -> [String] {
            ["\(share.count)", percent(share.share.fraction, digits: 2),
             percent(share.low.fraction, digits: 2) + "–" + percent(share.high.fraction, digits: 2)]
        }
        out += table([["group", "pairs", "any", "share", "95% interval", "major", "share", "95% interval"]]
            + (report.groups + [report.overall]).map { g in [g.name, "\(g.pairs)"] + cell(g.withFinding) + cell(g.withMajor) },
            widths: [8, 6, 8, 16, 8, 8, 16])
        out += "\nPer rule: pairs it flags (of \(report.pairs))\n"
        out += table([["rule", "tier", "severity", "pairs", "share", "major", "share"]] + report.rules.map { r in
            ["\(r.code) \(r.rule)", r.tier, r.severity, "\(r.flagged.count)", percent(r.flagged.share.fraction, digits: 2),
             "\(r.flaggedMajor.count)", percent(r.flaggedMajor.share.fraction, digits: 2)]
        })
        let quoted = report.rules.filter { !$0.examples.isEmpty }
        if !quoted.isEmpty {
            out += "\nFirst findings of each rule\n"
            for rule in quoted {
                out += "  \(rule.code) \(rule.rule)\n"
                out += rule.examples.map { "    \($0.id): \($0.severity): \($0.message)\n" }.joined()
            }
        }
        if let verdict = report.budget {
            let b = verdict.budget
            out += "\nPrecision budget (pairs with any finding \(percent(b.anyFinding, digits: 2)), with a major one "
                + "\(percent(b.majorFinding, digits: 2)), in the set and in each group; per rule \(percent(b.ruleAny, digits: 2)), "
                + "major \(percent(b.ruleMajor, digits: 2))): \(verdict.passed ? "kept" : "EXCEEDED")\n"
            out += verdict.exceeded.map { "  \($0)\n" }.joined()
        }
        return out
    }

    private static func ratio(_ value: Double?) -> String { value.map { String(format: "%.3f", $0) } ?? "–" }
    static func percent(_ value: Double, digits: Int = 1) -> String { String(format: "%.\(digits)f%%", value * 100) }

    /// Tab-free rows: the first column padded to its longest cell (at least 36), the others to
    /// `widths` (10 where not given).
    private static func table(_ rows: [[String]], widths: [Int] = []) -> String {
        let first = max(36, (rows.map { $0.first?.count ?? 0 }.max() ?? 0) + 2)
        return rows.map { cells in
            cells.enumerated().map { i, cell in
                let width = i == 0 ? first : i - 1 < widths.count ? widths[i - 1] : 10
                return cell.count >= width ? cell + " " : cell + String(repeating: " ", count: width - cell.count)
            }.joined().replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) + "\n"
        }.joined()
    }
}
