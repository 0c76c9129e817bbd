import Foundation
import MTText

/// `mtlint-bench compare PAIRS.jsonl [--pofilter PATH] [--jobs N] [--sample ARTICLE] [--quick]`: in one run,
/// - the same segment pairs through translate-toolkit's pofilter (as a PO file) and through `mtlint check
///   --stdin-jsonl` (with one job and with N), timed wall to wall, the three in turn three times (the median
///   of each quoted: the host is shared): pairs/s and ratios including process start, and after it (each
///   tool's median time on the first pair alone taken off: a corpus of millions of pairs starts once);
/// - instructions per pair under callgrind (one job), the marginal cost of a pair: the first 1,500 pairs less
///   the first 500, for mtlint and pofilter: a count that, unlike the times, does not move with the host's load
///   (Swift's hashing seeded alike in every run, `SWIFT_DETERMINISTIC_HASHING`: two runs of one build count the same);
/// - raw ICU word breaking against mtlint's end-to-end rate on the pairs' text;
/// - the scaling table of the sample article (`Scaling`), 1× to 256×;
/// - peak RSS of a stream of 10,000 and of 100,000 pairs (the input's pairs again and again, each copy with a
///   word of its own in both texts, so the process's word tables keep meeting new words).
/// `--quick` leaves out callgrind, the scaling table and the 100,000-pair stream.
enum Compare {
    static func run(_ arguments: [String]) -> Int32 {
        var arguments = arguments
        func option(_ name: String) -> String? {
            guard let flag = arguments.firstIndex(of: name), flag + 1 < arguments.count else { return nil }
            defer { arguments.removeSubrange(flag...(flag + 1)) }
            return arguments[flag + 1]
        }
        let pofilter = option("--pofilter") ?? "pofilter"
        let jobs = option("--jobs").flatMap(Int.init) ?? ProcessInfo.processInfo.activeProcessorCount
        let sample = option("--sample") ?? "Corpora/eaeu-summit-planted.txt"
        let quick = arguments.contains("--quick")
        arguments.removeAll { $0 == "--quick" }
        guard let path = arguments.first, let data = FileManager.default.contents(atPath: path) else {
            FileHandle.standardError.write(Data("mtlint-bench: compare takes a JSON-lines file of pairs\n".utf8))
            return 2
        }
        // Segments: {"id","source","target"}, or both sides of {"id","source","good","bad"}.
        var segments: [(id: String, source: String, target: String)] = []
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let source = object["source"] as? String else { continue }
            let id = (object["id"] as? String) ?? "\(segments.count)"
            for side in ["target", "good", "bad"] {
                if let target = object[side] as? String { segments.append((side == "target" ? id : "\(id):\(side)", source, target)) }
            }
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("mtlint-compare-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        func write(_ name: String, _ pairs: ArraySlice<(id: String, source: String, target: String)>) -> (po: URL, jsonl: URL) {
            func escape(_ text: String) -> String {
                text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n")
            }
            var poText = "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
            var jsonlText = ""
            for segment in pairs {
                poText += "msgctxt \"\(escape(segment.id))\"\nmsgid \"\(escape(segment.source))\"\nmsgstr \"\(escape(segment.target))\"\n\n"
                let object = ["id": segment.id, "source": segment.source, "target": segment.target]
                jsonlText += String(decoding: (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data(), as: UTF8.self) + "\n"
            }
            let po = directory.appendingPathComponent("\(name).po"), jsonl = directory.appendingPathComponent("\(name).jsonl")
            try? Data(poText.utf8).write(to: po)
            try? Data(jsonlText.utf8).write(to: jsonl)
            return (po, jsonl)
        }
        let (po, jsonl) = write("pairs", segments[...])
        let first = write("first", segments.prefix(1))
        let out = directory.appendingPathComponent("out.po").path

        let mtlint = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("mtlint").path
        print("\(segments.count) segment pairs from \(path)")
        // The three commands in turn, three times; each one's median. And each on the first pair alone: its start-up.
        let commands: [(name: String, run: (URL, URL) -> Double?)] = [
            ("pofilter", { po, _ in time(pofilter, ["--progress=none", "-i", po.path, "-o", out], stdin: nil) }),
            ("mtlint --jobs 1", { _, jsonl in time(mtlint, ["check", "--stdin-jsonl", "--no-fail", "--jobs", "1"], stdin: jsonl) }),
            ("mtlint --jobs \(jobs)", { _, jsonl in time(mtlint, ["check", "--stdin-jsonl", "--no-fail", "--jobs", "\(jobs)"], stdin: jsonl) }),
        ]
        func medians(_ po: URL, _ jsonl: URL) -> [Double?] {
            var runs = [[Double]](repeating: [], count: commands.count)
            for _ in 0..<3 {
                for (i, command) in commands.enumerated() { command.run(po, jsonl).map { runs[i].append($0) } }
            }
            return runs.map { $0.isEmpty ? nil : $0.sorted()[$0.count / 2] }
        }
        let times = medians(po, jsonl), startups = medians(first.po, first.jsonl)
        // Pairs/s with start-up and after it (nil when the start-up is not below the whole run's time).
        let rates = zip(times, startups).map { total, startup -> (all: Double?, after: Double?) in
            guard let total else { return (nil, nil) }
            let after = startup.flatMap { total > $0 ? Double(segments.count) / (total - $0) : nil }
            return (Double(segments.count) / total, after)
        }
        for (i, command) in commands.enumerated() {
            let rate = times[i].map { seconds in
                String(format: "%10.0f pairs/s  %7.2f s (median of 3); start-up %@; after it %@", Double(segments.count) / seconds, seconds,
                       startups[i].map { String(format: "%.2f s", $0) } ?? "-", rates[i].after.map { String(format: "%.0f pairs/s", $0) } ?? "-")
            } ?? "   (did not run)"
            print("\(command.name.padding(toLength: 28, withPad: " ", startingAt: 0))\(rate)")
        }
        func ratios(_ label: String, _ rate: ((all: Double?, after: Double?)) -> Double?) {
            guard let pofilterRate = rate(rates[0]), let one = rate(rates[1]), let many = rate(rates[2]) else { return }
            print(String(format: "mtlint / pofilter speed, %@: %.2f× (1 job), %.2f× (%d jobs); %d jobs / 1 job: %.2f×",
                         label, one / pofilterRate, many / pofilterRate, jobs, jobs, many / one))
        }
        ratios("with start-up", \.all)
        ratios("after start-up", \.after)
        let one = times[1]

        // Raw ICU word breaking on the pairs' text (both sides), against mtlint's end-to-end rate on it with one job.
        let text = segments.map { $0.source + "\n" + $0.target }.joined(separator: "\n")
        let buffer = TextBuffer(text)
        var icu = Double.infinity
        for _ in 0..<3 { icu = min(icu, Scaling.seconds { _ = Segmenter(language: .english).tokens(buffer, in: 0..<buffer.count).count }) }
        let mib = Double(text.utf8.count) / 1_048_576
        print(String(format: "ICU word breaking on the pairs' text (%.2f MiB): %.1f MiB/s; mtlint end to end, 1 job: %@", mib, mib / icu,
                     one.map { String(format: "%.2f MiB/s = %.1f%% of it", mib / $0, 100 * (mib / $0) / (mib / icu)) } ?? "did not run"))

        if !quick {
            // Instructions per pair: callgrind's count for the first 1,500 pairs less the first 500's, over 1,000.
            if segments.count >= 1_500 {
                let small = write("small", segments.prefix(500)), large = write("large", segments.prefix(1_500))
                let stripped = directory.appendingPathComponent("mtlint").path
                // Valgrind cannot read the Swift toolchain's debug information: a copy without it runs beside the data.
                let copied = run("/bin/cp", [mtlint, stripped]) && run("/usr/bin/env", ["strip", "--strip-debug", stripped])
                    && (try? FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("mtlint_MTCore.resources").path,
                                                                   withDestinationPath: URL(fileURLWithPath: mtlint).deletingLastPathComponent().appendingPathComponent("mtlint_MTCore.resources").path)) != nil
                func perPair(_ command: [String], stdin: (URL) -> URL?, arguments: (URL) -> [String]) -> String {
                    guard let a = instructions(command + arguments(small.po), stdin: stdin(small.jsonl)),
                          let b = instructions(command + arguments(large.po), stdin: stdin(large.jsonl)) else { return "(did not run)" }
                    return String(format: "%.2f M", Double(b - a) / 1_000 / 1e6)
                }
                let mtlintCount = copied ? perPair([stripped, "check", "--stdin-jsonl", "--no-fail", "--jobs", "1"], stdin: { $0 }, arguments: { _ in [] })
                    : "(cannot strip a copy: needs binutils)"
                let pofilterCount = perPair(["/usr/bin/env", pofilter, "--progress=none"], stdin: { _ in nil }, arguments: { ["-i", $0.path, "-o", out] })
                print("instructions per pair (callgrind, 1 job, 1,500 pairs less 500): mtlint \(mtlintCount), pofilter \(pofilterCount)")
            } else {
                print("instructions per pair: needs 1,500 pairs or more")
            }
            Scaling.print(article: (try? String(contentsOfFile: sample, encoding: .utf8)) ?? "", path: sample)
        }

        // Peak RSS of a stream of 10,000 pairs and of 100,000 (`--quick`: 10,000 only).
        for count in quick ? [10_000] : [10_000, 100_000] {
            var stream = ""
            for n in 0..<count {
                let segment = segments[n % segments.count]
                // A word of its own in each copy ("Kbaf"): the word tables meet new words all along.
                var word = "K", rest = n
                repeat { word.append(Character(Unicode.Scalar(UInt8(97 + rest % 26)))); rest /= 26 } while rest > 0
                let object = ["id": "\(n)", "source": segment.source + " " + word, "target": segment.target + " " + word]
                stream += String(decoding: (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data(), as: UTF8.self) + "\n"
            }
            let file = directory.appendingPathComponent("stream.jsonl")
            try? Data(stream.utf8).write(to: file)
            stream = ""
            let (seconds, peak) = timeAndPeak(mtlint, ["check", "--stdin-jsonl", "--no-fail", "--jobs", "\(jobs)"], stdin: file)
            print(String(format: "a stream of %d pairs, %d jobs: %@, peak RSS %@", count, jobs,
                         seconds.map { String(format: "%.0f pairs/s", Double(count) / $0) } ?? "did not run", peak.map { "\($0 / 1024) MB" } ?? "-"))
        }
        return 0
    }

    /// Whether a command ran and succeeded.
    private static func run(_ executable: String, _ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    /// The instructions a command executes (callgrind's "Collected", summed over the processes it starts);
    /// nil without valgrind or when the command fails.
    private static func instructions(_ command: [String], stdin: URL?) -> Int? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["valgrind", "--tool=callgrind", "--trace-children=yes", "--callgrind-out-file=/dev/null"] + command
        // (A seed per process would move the count by about 1 % between runs of the same build.)
        process.environment = ProcessInfo.processInfo.environment.merging(["SWIFT_DETERMINISTIC_HASHING": "1"]) { $1 }
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        if let stdin { process.standardInput = try? FileHandle(forReadingFrom: stdin) }
        do { try process.run() } catch { return nil }
        let report = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        let counts = report.split(separator: "\n").compactMap { line -> Int? in
            guard let range = line.range(of: "Collected : ") else { return nil }
            return Int(line[range.upperBound...].trimmingCharacters(in: .whitespaces))
        }
        return counts.isEmpty ? nil : counts.reduce(0, +)
    }

    /// Wall time and peak resident set (KiB) of a command, started with `posix_spawn`. The peak is the
    /// process's own high-water mark (`VmHWM` of /proc/PID/status, read every 10 ms until it exits): the
    /// maximum `wait4` reports also counts this process's memory, which the child shares until it executes.
    private static func timeAndPeak(_ executable: String, _ arguments: [String], stdin: URL) -> (Double?, Int?) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin.path, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let start = ContinuousClock.now
        var pid: pid_t = 0
        guard posix_spawn(&pid, executable, &actions, nil, argv, environ) == 0 else { return (nil, nil) }
        var status: Int32 = 0
        var peak: Int?
        while waitpid(pid, &status, WNOHANG) == 0 {
            if let report = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
               let line = report.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
               let kilobytes = Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "") {
                peak = max(peak ?? 0, kilobytes)
            }
            usleep(10_000)
        }
        let elapsed = ContinuousClock.now - start
        guard status == 0 else { return (nil, nil) }
        return (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18, peak)
    }

    /// Wall time of a command, `nil` when it cannot be started or fails.
    private static func time(_ executable: String, _ arguments: [String], stdin: URL?) -> Double? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        if let stdin { process.standardInput = try? FileHandle(forReadingFrom: stdin) }
        let start = ContinuousClock.now
        do { try process.run() } catch { return nil }
        process.waitUntilExit()
        let elapsed = ContinuousClock.now - start
        guard process.terminationStatus == 0 else { return nil }
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
