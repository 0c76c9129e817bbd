import Foundation
import MTCore
import MTRules

/// `mtlint-bench two-files [SEGMENTS.jsonl]`: a source article and its translation of 100, 1,000 and
/// 10,000 sentences (the WMT21 dev segments and their reference A in order, three a paragraph, repeated
/// as needed), aligned and checked in this process after the knowledge files are loaded. Prints the time
/// of the alignment alone and of alignment, rules and score (on one thread, and on every core as a
/// document checked alone is), per size and per 100 sentences, how each grows against the number of
/// sentences (linear: the size ratio), and where the time goes.
enum TwoFiles {
    static func run(_ arguments: [String]) -> Int32 {
        let path = arguments.first ?? "../shared/data/wmt21-ru-en/segments.jsonl"
        guard let data = FileManager.default.contents(atPath: path) else {
            FileHandle.standardError.write(Data("mtlint-bench: two-files: cannot read \(path)\n".utf8))
            return 2
        }
        var segments: [(source: String, target: String)] = []
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let source = object["source"] as? String,
                  let target = (object["references"] as? [String: String])?["A"] ?? object["target"] as? String else { continue }
            segments.append((source, target))
        }
        guard !segments.isEmpty else {
            FileHandle.standardError.write(Data("mtlint-bench: two-files: no segments in \(path)\n".utf8))
            return 2
        }
        func article(_ count: Int, _ side: KeyPath<(source: String, target: String), String>, from offset: Int = 0) -> String {
            (offset..<(offset + count)).map { segments[$0 % segments.count][keyPath: side] }
                .enumerated().map { $0.offset % 3 == 2 ? $0.element + "\n\n" : $0.element + " " }.joined()
        }
        let session = Session(rules: RuleRegistry.enabled(preview: false))
        // Knowledge files (word list, CLDR names, dictionaries) load once per process, before timing.
        _ = session.check(Document(translation: article(3, \.target), at: "t", source: article(3, \.source), at: "s")).findings.count
        func seconds(_ runs: Int, _ body: () -> Int) -> Double {
            var best = Double.infinity
            for _ in 0..<runs {
                let start = ContinuousClock.now
                _ = body()
                let elapsed = ContinuousClock.now - start
                best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            }
            return best
        }
        // A document checked alone runs its rules on every core (`Session.check(_:threads:)`).
        let cores = ProcessInfo.processInfo.activeProcessorCount
        // The runs below repeat their text, so the caches of words analysed (romanizations, dictionary
        // lookups) are warm after the first: first, 100 sentences no earlier check has seen (from the end of
        // the data), as a new article meets them, on one thread and on every core.
        for (threads, from) in [(1, segments.count - 100), (cores, segments.count - 200)] {
            let fresh = seconds(1) {
                session.check(Document(translation: article(100, \.target, from: from), at: "t",
                                       source: article(100, \.source, from: from), at: "s"), threads: threads).findings.count
            }
            print(String(format: "100 sentences no earlier run has seen, aligned and checked on %d thread(s): %.1f ms", threads, fresh * 1000))
        }
        print("\nsentences   align (ms)  per 100   check, 1 thread  per 100   check, \(cores) threads  per 100   (best of 5, 3, 1 runs)")
        var first: (sentences: Int, align: Double, check: Double)?
        for (count, runs) in [(100, 5), (1_000, 3), (10_000, 1)] {
            let source = article(count, \.source), translation = article(count, \.target)
            let align = seconds(runs) { Document(translation: translation, at: "t", source: source, at: "s").blocks.count }
            let check = seconds(runs) {
                session.check(Document(translation: translation, at: "t", source: source, at: "s")).findings.count
            }
            let parallel = seconds(runs) {
                session.check(Document(translation: translation, at: "t", source: source, at: "s"), threads: cores).findings.count
            }
            print(String(format: "%9d %12.1f %8.1f %16.1f %8.1f %17.1f %8.1f", count, align * 1000, align * 1e5 / Double(count),
                         check * 1000, check * 1e5 / Double(count), parallel * 1000, parallel * 1e5 / Double(count)))
            if let first {
                let size = Double(count) / Double(first.sentences)
                print(String(format: "          ×%.0f sentences: alignment ×%.1f, check ×%.1f", size, align / first.align, check / first.check))
            } else {
                first = (count, align, check)
            }
        }
        // Where the check's time goes, on 100 and 1,000 sentences: the shared analyses first (computed once
        // per document, on first use), then each rule (best of 3 documents each, so the word caches are warm).
        func parts(_ count: Int) -> [String: Double] {
            var best: [String: Double] = [:]
            for _ in 0..<3 {
                let document = Document(translation: article(count, \.target), at: "t", source: article(count, \.source), at: "s")
                var costs = [("names and acronyms of every bead (shared)", seconds(1) { document.entities.count })]
                for rule in session.rules {
                    costs.append((rule.description.id, seconds(1) { rule.check(document).count }))
                }
                for (name, time) in costs { best[name] = min(best[name] ?? .infinity, time) }
            }
            return best
        }
        let hundred = parts(100), thousand = parts(1_000)
        print("\ntime by part (ms)   100 sentences   1000 sentences")
        for (name, time) in thousand.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }).prefix(12) {
            print(String(format: "%26.1f %16.1f  %@", (hundred[name] ?? 0) * 1000, time * 1000, name))
        }
        return 0
    }
}
