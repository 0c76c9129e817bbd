import Foundation
import MTCore
import MTRules

/// `mtlint-bench bilingual [PAIRS.jsonl] [--units N]`: the same segment pairs (default: the first 2,000 of
/// the WMT21 clean pairs) written as XLIFF 1.2, XLIFF 2.0, TMX, PO and TSV, each read and checked: what
/// reading a format adds to checking its units (parsing the file against building the document from its
/// units and checking it, and the whole of each format against the TSV's, the plainest of them). Each twice in turn; the faster run counts.
enum Bilingual {
    static func run(_ arguments: [String]) -> Int32 {
        var arguments = arguments
        var count = 2_000
        if let flag = arguments.firstIndex(of: "--units"), flag + 1 < arguments.count, let value = Int(arguments[flag + 1]) {
            count = value
            arguments.removeSubrange(flag...(flag + 1))
        }
        let path = arguments.first ?? "../shared/data/wmt21-ru-en/clean-pairs.jsonl"
        guard let data = FileManager.default.contents(atPath: path) else {
            FileHandle.standardError.write(Data("mtlint-bench: cannot read \(path)\n".utf8))
            return 2
        }
        let pairs: [(id: String, source: String, target: String)] = String(decoding: data, as: UTF8.self).split(separator: "\n").prefix(count).compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let source = object["source"] as? String, let target = object["target"] as? String else { return nil }
            return ((object["id"] as? String) ?? "", source, target)
        }
        func xml(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        func po(_ text: String) -> String {
            text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\n", with: "\\n")
        }
        func tsv(_ text: String) -> String { text.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }
        let files: [(name: String, format: InputFormat, text: String)] = [
            ("TSV", .tsv, "id\tsource\ttarget\n" + pairs.map { "\(tsv($0.id))\t\(tsv($0.source))\t\(tsv($0.target))\n" }.joined()),
            ("XLIFF 1.2", .xliff, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff version=\"1.2\"><file original=\"bench\" datatype=\"plaintext\" source-language=\"ru\" target-language=\"en\"><body>\n"
                + pairs.map { "<trans-unit id=\"\(xml($0.id))\">\n  <source>\(xml($0.source))</source>\n  <target>\(xml($0.target))</target>\n</trans-unit>\n" }.joined()
                + "</body></file></xliff>\n"),
            ("XLIFF 2.0", .xliff, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff version=\"2.0\" srcLang=\"ru\" trgLang=\"en\"><file id=\"f\">\n"
                + pairs.enumerated().map { "<unit id=\"u\($0.offset)\"><segment>\n  <source>\(xml($0.element.source))</source>\n  <target>\(xml($0.element.target))</target>\n</segment></unit>\n" }.joined()
                + "</file></xliff>\n"),
            ("TMX", .tmx, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header srclang=\"ru\"/><body>\n"
                + pairs.map { "<tu tuid=\"\(xml($0.id))\"><tuv xml:lang=\"ru\"><seg>\(xml($0.source))</seg></tuv><tuv xml:lang=\"en\"><seg>\(xml($0.target))</seg></tuv></tu>\n" }.joined()
                + "</body></tmx>\n"),
            ("PO", .po, pairs.map { "msgctxt \"\(po($0.id))\"\nmsgid \"\(po($0.source))\"\nmsgstr \"\(po($0.target))\"\n\n" }.joined()),
        ]
        let session = Session(rules: RuleRegistry.enabled(preview: false))
        _ = session.check(Document(segmentID: "warm-up", source: "Москва", target: "Moscow")).findings.count  // knowledge loaded first
        print("\(pairs.count) units from \(path)")
        var baseline = 0.0
        for file in files {
            let decoded = try! DocumentReader.decode(Array(file.text.utf8), path: file.name)
            var parse = Double.infinity, read = Double.infinity, check = Double.infinity, findings = 0
            for _ in 0..<2 {
                let start = ContinuousClock.now
                let (units, buffer) = try! BilingualFile.units(of: decoded, path: file.name, format: file.format, pair: .russianEnglish)
                let parsed = ContinuousClock.now
                let document = Document(units: units, file: buffer, path: file.name)
                let built = ContinuousClock.now
                findings = session.check(document).findings.count
                let end = ContinuousClock.now
                parse = min(parse, seconds(parsed - start))
                read = min(read, seconds(built - start))
                check = min(check, seconds(end - built))
            }
            if file.format == .tsv { baseline = read + check }
            // Parsing is what the format adds; building the document (segmenting, classifying, analysing
            // each word) and checking are the same for the units' text in any form.
            print("\(file.name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(String(format: "%4.1f", Double(file.text.utf8.count) / 1_048_576)) MiB: "
                + "parse \(String(format: "%.3f", parse)) s, + document \(String(format: "%.3f", read)) s, check \(String(format: "%.3f", check)) s: "
                + "parsing adds \(String(format: "%4.1f", 100 * parse / (read - parse + check))) %; "
                + "all \(String(format: "%.3f", (read + check) / baseline))× the TSV's (\(findings) findings)")
        }
        return 0
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
