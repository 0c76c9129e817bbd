// Throughput benchmarks for mtlint. They print numbers; nothing here asserts a time.
//
//     swift run -c release mtlint-bench [ARTICLE] [--megabytes N] [--only SUBSTRING]
//
// The input is ARTICLE (default: the first Corpora article) repeated to about N MiB (default 8);
// --only runs the benchmarks whose name contains SUBSTRING (for profiling one of them).
//
//     swift run -c release mtlint-bench compare PAIRS.jsonl [--pofilter PATH] [--jobs N] [--sample ARTICLE] [--quick]
//
// times pofilter and `mtlint check --stdin-jsonl` on the same pairs, counts their instructions per pair
// under callgrind, compares with raw ICU word breaking, prints the scaling table of ARTICLE and the peak RSS
// of a 10,000- and a 100,000-pair stream (see Compare.swift).
//
//     swift run -c release mtlint-bench two-files [SEGMENTS.jsonl]
//
// aligns and checks a source article and its translation of 100 to 10,000 sentences (see TwoFiles.swift).
//
//     swift run -c release mtlint-bench bilingual [PAIRS.jsonl] [--units N]
//
// writes the same pairs as XLIFF, TMX, PO and TSV and times reading and checking each (see Bilingual.swift).
//
//     swift run -c release mtlint-bench compile-lexicon [SOURCE-TARGET]
//
// prints the compiled word list of a language pair (default ru-en), which .ci/regenerate writes to
// Sources/MTCore/Data/lexicon.<pair>.compiled.tsv.
import Foundation
import MTCore
import MTRules
import MTText

var arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "compare" { exit(Compare.run(Array(arguments.dropFirst()))) }
if arguments.first == "two-files" { exit(TwoFiles.run(Array(arguments.dropFirst()))) }
if arguments.first == "bilingual" { exit(Bilingual.run(Array(arguments.dropFirst()))) }
if arguments.first == "compile-lexicon" {
    let codes = (arguments.dropFirst().first ?? "ru-en").split(separator: "-").map(String.init)
    guard codes.count == 2, let source = Language.named(codes[0]), let target = Language.named(codes[1]) else {
        FileHandle.standardError.write(Data("mtlint-bench: compile-lexicon takes a pair such as ru-en\n".utf8))
        exit(2)
    }
    print(BilingualLexicon.compile(pair: LanguagePair(source: source, target: target)), terminator: "")
    exit(0)
}
@MainActor func option(_ name: String) -> String? {
    guard let flag = arguments.firstIndex(of: name), flag + 1 < arguments.count else { return nil }
    defer { arguments.removeSubrange(flag...(flag + 1)) }
    return arguments[flag + 1]
}
let megabytes = option("--megabytes").flatMap(Double.init) ?? 8
let only = option("--only")
let path = arguments.first ?? "Corpora/eaeu-summit-planted.txt"
let article: String
do {
    article = try DocumentReader.read(path: FilePath(path)).text
} catch {
    FileHandle.standardError.write(Data("mtlint-bench: \(error)\n".utf8))
    exit(2)
}
let copies = max(1, Int(megabytes * 1_048_576) / max(1, article.utf8.count))
let text = Array(repeating: article, count: copies).joined(separator: "\n\n")
let bytes = Double(text.utf8.count)

@MainActor func measure(_ name: String, runs: Int = 3, _ body: () -> Int) {
    if let only, !name.contains(only) { return }
    var best = Double.infinity
    var result = 0
    for _ in 0..<runs {
        let start = ContinuousClock.now
        result = body()
        let elapsed = ContinuousClock.now - start
        best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    let rate = bytes / 1_048_576 / best
    print("\(name.padding(toLength: 34, withPad: " ", startingAt: 0)) \(String(format: "%8.1f", rate)) MiB/s  \(String(format: "%7.3f", best)) s  (\(result))")
}

print("input: \(path) × \(copies) = \(String(format: "%.1f", bytes / 1_048_576)) MiB UTF-8")
if only.map({ "knowledge load".contains($0) }) ?? true {
    // Once per process: the bilingual lexicon, CLDR names and Hunspell dictionaries, loaded by the
    // first document with an aligned pair (a one-caption article, so the rest is negligible).
    let start = ContinuousClock.now
    let pairs = Document(segmentID: "warm-up", source: "Москва", target: "Moscow").entities.count
    let elapsed = ContinuousClock.now - start
    print("knowledge load (once per process)   \(String(format: "%7.3f", Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds))) s  (\(pairs))")
}
let buffer = TextBuffer(text)
measure("UTF-16 buffer + line index") { TextBuffer(text).lineCount }
measure("word tokens (ICU, offsets only)") { Segmenter(language: .english).tokens(buffer, in: 0..<buffer.count).count }
measure("word tokens + one String each") {
    Segmenter(language: .english).tokens(buffer, in: 0..<buffer.count).reduce(0) { $0 + buffer.string($1.range).utf16.count }
}
measure("sentences (ICU + abbreviations)") { Segmenter(language: .english).sentences(buffer, in: 0..<buffer.count).count }
measure("document: classify + align", runs: 1) { Document(path: path, text: text).blocks.count }
if only.map({ "all rules + score".contains($0) }) ?? true {
    let document = Document(path: path, text: text)
    measure("all rules + score", runs: 1) { Session(rules: RuleRegistry.all).check(document).findings.count }
}
/// Reading a file of another format and checking its text against checking the same text as plain text:
/// each twice, in turn; the faster run of each counts.
@MainActor func readVersusText(_ name: String, plain: String, read: () -> Document) {
    let session = Session(rules: RuleRegistry.all)
    _ = session.check(Document(path: path, text: article)).findings.count  // knowledge loaded first
    var times = [Double.infinity, Double.infinity]
    for index in 0..<4 {
        let start = ContinuousClock.now
        _ = session.check(index % 2 == 0 ? Document(path: path, text: plain) : read()).findings.count
        let elapsed = ContinuousClock.now - start
        times[index % 2] = min(times[index % 2], Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    print("\("\(name): read + check vs text".padding(toLength: 34, withPad: " ", startingAt: 0)) \(String(format: "%7.3f s vs %7.3f s: %.3f×", times[1], times[0], times[1] / times[0]))")
}
// The input's paragraphs, and as plain text one to a paragraph: what the page and Markdown benchmarks write in their format.
let paragraphs = text.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }
let plain = paragraphs.joined(separator: "\n\n")
if only.map({ "HTML page".contains($0) }) ?? true {
    // The same text as an HTML page (each paragraph a <p>, the characters HTML escapes as references,
    // page chrome around it): what reading the page adds to checking its text as plain text.
    func escaped(_ text: Substring) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
    let page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>t</title></head>\n<body>\n<header><nav><a href=\"/\">Home</a></nav></header>\n<article>\n"
        + paragraphs.map { "  <p>\(escaped($0))</p>\n" }.joined() + "</article>\n<footer><p>News</p></footer>\n</body>\n</html>\n"
    let decodedPage = try! DocumentReader.decode(Array(page.utf8), path: "page.html")
    let pageBytes = Array(page.utf8)
    measure("HTML page: parse (libxml2 SAX)", runs: 1) { (try? HTML.read(pageBytes))?.events.count ?? 0 }
    measure("HTML page: parse + text + map", runs: 1) { (try? HTMLFile.text(of: decodedPage, path: "page.html"))?.text.utf16.count ?? 0 }
    readVersusText("HTML page", plain: plain) {
        Document(path: "page.html", markup: try! HTMLFile.text(of: decodedPage, path: "page.html"))
    }
}
if only.map({ "Markdown".contains($0) }) ?? true {
    // The same text as Markdown (each paragraph a paragraph, Markdown's special characters escaped, a
    // front matter): what reading Markdown adds to checking its text as plain text.
    func escaped(_ paragraph: Substring) -> String {
        var out = ""
        for character in paragraph {
            if "\\`*_{}[]()<>#+!|~".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
    let markdown = "---\ntitle: bench\n---\n\n" + paragraphs.map { escaped($0) + "\n\n" }.joined()
    let decoded = try! DocumentReader.decode(Array(markdown.utf8), path: "article.md")
    measure("Markdown: parse (cmark)", runs: 1) { (try? Markdown.read(Array(markdown.utf8)))?.events.count ?? 0 }
    measure("Markdown: parse + text + map", runs: 1) { (try? MarkdownFile.text(of: decoded, path: "article.md"))?.text.utf16.count ?? 0 }
    readVersusText("Markdown", plain: plain) {
        Document(path: "article.md", markup: try! MarkdownFile.text(of: decoded, path: "article.md"))
    }
}
if only.map({ "scaling".contains($0) }) ?? true {
    Scaling.print(article: article, path: path)
}
