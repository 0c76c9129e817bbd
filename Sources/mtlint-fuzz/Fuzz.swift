import Foundation
import MTConfig
import MTCore
import MTRules

/// Fuzz targets for libFuzzer (`.ci/fuzz`): bytes in, the whole pipeline run, any crash, hang or leak
/// reported by the fuzzer. `MTLINT_FUZZ_TARGET` picks the target:
/// - `article`: the bytes as an article file (decoding, segmenting, classifying, aligning, every rule);
/// - `stream-line`: the bytes as one `--stdin-jsonl` line (JSON record, then a segment pair or article);
/// - `html`: the bytes as an HTML page (libxml2's HTML parser, the text and its map to the page, every rule),
///   then as a Markdown article (cmark, the text found in the file, every rule);
/// - `bilingual`: the bytes as an XLIFF, TMX, PO, TSV and CSV file in turn (each reader, its units and their
///   map to the file, every rule);
/// - `config`: the bytes as a `.mtlint.yml` (YAML, every key's validation, project rules and their examples);
/// - `glossary`: the bytes as a TBX glossary (the XML reader, entity refusal), as a CSV one and as a project's
///   knowledge file for each table (its checks; the organisation and page-text tables built with its rows).
/// Built without `-D FUZZING`, this is a replayer: `mtlint-fuzz TARGET FILE…` runs saved inputs.
enum Fuzz {
    /// Preview rules included: fuzzing wants every code path. Warmed up before the first input: the
    /// background loads of dictionaries and the lexicon (`Preload`) finish first, so that no input runs
    /// while another thread is half-way through building them (LeakSanitizer, run after an input whose
    /// allocations and frees do not balance, would see those threads' allocations).
    static let session: Session = {
        let session = Session(rules: RuleRegistry.all)
        _ = session.check(Document(path: "warm-up", text: "Президент Путин в Москве\nPresident Putin in Moscow\nФото: ТАСС\n\nThe talks ended.\n"))
        Preload.wait()
        return session
    }()

    static func run(_ target: String, _ bytes: [UInt8]) {
        switch target {
        case "config":
            guard let text = String(validating: bytes, as: UTF8.self) else { return }
            _ = try? ConfigFile.parse(text, path: "/nonexistent/fuzz/.mtlint.yml")
        case "glossary":
            _ = try? GlossaryFile.tbx(bytes, path: "fuzz.tbx", pair: .russianEnglish)
            guard let text = String(validating: bytes, as: UTF8.self) else { return }
            _ = try? GlossaryFile.table(text, delimiter: ",", path: "fuzz.csv")
            for name in Knowledge.extensibleFileNames {
                guard let rows = try? Knowledge.read(text, extending: name, before: []) else { continue }
                let knowledge = Knowledge(rows: [name: rows], files: ["fuzz"])
                _ = knowledge.organisationMatcher(for: .russian)
                _ = knowledge.pageText(.interface, in: .russian)
            }
        case "html":
            guard let decoded = try? DocumentReader.decode(bytes, path: "fuzz.html") else { return }
            for markdown in [false, true] {
                guard let markup = try? (markdown ? MarkdownFile.text(of: decoded, path: "fuzz") : HTMLFile.text(of: decoded, path: "fuzz")) else { continue }
                let result = session.check(Document(path: "fuzz", markup: markup))
                // Every span lies inside the file.
                precondition(result.findings.allSatisfy { $0.target.end.utf16Offset <= markup.map.file.count })
            }
        case "bilingual":
            guard let decoded = try? DocumentReader.decode(bytes, path: "fuzz") else { return }
            let units = decoded.text.utf16.count
            for format in InputFormat.allCases where format.isBilingual {
                guard let document = try? BilingualFile.read(decoded, path: "fuzz", format: format, pair: .russianEnglish, knowledge: .bundled) else { continue }
                let result = session.check(document)
                // Every span, and its source span, lies inside the file.
                precondition(result.findings.allSatisfy { $0.target.end.utf16Offset <= units && ($0.source?.end.utf16Offset ?? 0) <= units })
            }
        case "stream-line":
            // As the line reader does: invalid UTF-8 is answered with an error object, not parsed.
            guard String(validating: bytes, as: UTF8.self) != nil,
                  let record = try? StreamRecord(line: bytes, number: 1) else { return }
            _ = session.check(record.document)
        default:
            guard let decoded = try? DocumentReader.decode(bytes, path: "fuzz") else { return }
            _ = session.check(Document(path: "fuzz", text: decoded.text, byteOffset: decoded.byteOffset))
        }
    }
}

#if FUZZING
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    Fuzz.run(ProcessInfo.processInfo.environment["MTLINT_FUZZ_TARGET"] ?? "article", bytes)
    return 0
}

/// libFuzzer's entry point (SwiftPM links an executable's `main` to `<module>_main`).
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

@_cdecl("mtlint_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc, arguments = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzzOneInput(data, size) }
}
#else
@main
struct Replay {
    static func main() throws {
        let arguments = CommandLine.arguments.dropFirst()
        guard let target = arguments.first, ["article", "html", "bilingual", "stream-line", "config", "glossary"].contains(target) else {
            FileHandle.standardError.write(Data("usage: mtlint-fuzz article|html|bilingual|stream-line|config|glossary FILE...\n".utf8))
            exit(2)
        }
        for path in arguments.dropFirst() {
            Fuzz.run(target, Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        }
    }
}
#endif
