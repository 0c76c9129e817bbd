import Foundation

/// `mtlint-bench compare PAIRS.jsonl [--pofilter PATH] [--jobs N]`: the same segment pairs through
/// translate-toolkit's pofilter (as a PO file) and through `mtlint check --stdin-jsonl` (with one job
/// and with N), in the same run, timed wall to wall including process start. Prints pairs/s and ratios.
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
        let po = directory.appendingPathComponent("pairs.po"), jsonl = directory.appendingPathComponent("pairs.jsonl")
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n")
        }
        var poText = "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\n"
        var jsonlText = ""
        for segment in segments {
            poText += "msgctxt \"\(escape(segment.id))\"\nmsgid \"\(escape(segment.source))\"\nmsgstr \"\(escape(segment.target))\"\n\n"
            let object = ["id": segment.id, "source": segment.source, "target": segment.target]
            jsonlText += String(decoding: (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data(), as: UTF8.self) + "\n"
        }
        try? Data(poText.utf8).write(to: po)
        try? Data(jsonlText.utf8).write(to: jsonl)

        let mtlint = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("mtlint").path
        print("\(segments.count) segment pairs from \(path)")
        let pofilterTime = time(pofilter, ["--progress=none", "-i", po.path, "-o", directory.appendingPathComponent("out.po").path], stdin: nil)
        let one = time(mtlint, ["check", "--stdin-jsonl", "--no-fail", "--jobs", "1"], stdin: jsonl)
        let many = time(mtlint, ["check", "--stdin-jsonl", "--no-fail", "--jobs", "\(jobs)"], stdin: jsonl)
        func row(_ name: String, _ seconds: Double?) {
            let rate = seconds.map { String(format: "%10.0f pairs/s  %7.2f s", Double(segments.count) / $0, $0) } ?? "   (did not run)"
            print("\(name.padding(toLength: 28, withPad: " ", startingAt: 0))\(rate)")
        }
        row("pofilter", pofilterTime)
        row("mtlint --jobs 1", one)
        row("mtlint --jobs \(jobs)", many)
        if let pofilterTime, let one, let many {
            print(String(format: "mtlint / pofilter speed: %.2f× (1 job), %.2f× (%d jobs); %d jobs / 1 job: %.2f×",
                         pofilterTime / one, pofilterTime / many, jobs, jobs, one / many))
        }
        return 0
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
