import Foundation
import Testing

/// Bilingual files (XLIFF 1.2 and 2.x, TMX, PO, TSV and CSV tables): each unit a source and its
/// translation, findings at the file's own places with the unit named, and files that are refused.
@Suite struct BilingualInputTests {
    enum Escapes { case xml, po, table }

    /// The file's text between two positions (1-based lines, columns in Unicode scalars).
    static func text(in file: String, from start: (Int, Int), to end: (Int, Int)) -> String {
        // By scalars: "\r\n" is one Character, and a CRLF file's lines end in "\r".
        let lines = file.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
        guard start.0 >= 1, end.0 <= lines.count, start.0 <= end.0 else { return "" }
        var scalars: [Unicode.Scalar] = []
        for line in start.0...end.0 {
            let from = line == start.0 ? start.1 - 1 : 0, to = line == end.0 ? end.1 - 1 : lines[line - 1].count
            guard from <= to, to <= lines[line - 1].count else { return "" }
            scalars += lines[line - 1][from..<to]
            if line < end.0 { scalars.append("\n") }
        }
        return String(String.UnicodeScalarView(scalars))
    }

    /// The file's text as the reader decodes it: markup and escapes undone, white space collapsed.
    static func decoded(_ raw: String, _ escapes: Escapes) -> String {
        var text = raw
        switch escapes {
        case .xml:
            // Inline codes with their native code, then any other markup.
            text = text.replacingOccurrences(of: "<(bpt|ept|ph|it|ut)\\b[^>]*>.*?</\\1>", with: "", options: .regularExpression)
            text = text.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
            for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&amp;", "&")] {
                text = text.replacingOccurrences(of: entity, with: character)
            }
        case .po:
            // A string continued on the next line, then C escapes.
            text = text.replacingOccurrences(of: "\"\\s*\n\\s*\"", with: "", options: .regularExpression)
            text = text.replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\n", with: "\n")
        case .table:
            text = text.replacingOccurrences(of: "\"\"", with: "\"")
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Every span of every finding, read back from the file at its line and column and at its byte
    /// offsets, is the flagged text (once the file's markup and escapes are undone).
    static func expectRoundTrip(_ file: String, _ escapes: Escapes, _ json: String) throws {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let findings = try #require((root["documents"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]])
        #expect(!findings.isEmpty)
        let bytes = Array(file.utf8)
        for finding in findings {
            let rule = finding["rule"] as? String ?? ""
            #expect((finding["unit"] as? [String: Any])?["id"] is String, "\(rule): no unit")
            for case let span? in [finding["target"] as? [String: Any], finding["source"] as? [String: Any]] {
                let text = (span["text"] as? String ?? "").split(whereSeparator: \.isWhitespace).joined(separator: " ")
                let start = (span["line"] as? Int ?? 0, span["column"] as? Int ?? 0), end = (span["endLine"] as? Int ?? 0, span["endColumn"] as? Int ?? 0)
                #expect(decoded(Self.text(in: file, from: start, to: end), escapes) == text, "\(rule): '\(text)' is not at \(start)–\(end)")
                let low = span["utf8Offset"] as? Int ?? -1, high = span["utf8EndOffset"] as? Int ?? -1
                #expect(low >= 0 && low <= high && high <= bytes.count && decoded(String(decoding: bytes[low..<high], as: UTF8.self), escapes) == text,
                        "\(rule): bytes \(low)..<\(high)")
            }
        }
    }

    static func rules(_ json: String) throws -> [String] {
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let findings = (root["documents"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]] ?? []
        return findings.map { $0["rule"] as? String ?? "" }
    }

    @Test(arguments: [
        ("omsk-library-planted.xlf", Escapes.xml, ["number-mismatch", "inline-tag-mismatch", "doubled-word"]),
        ("perm-ballet-planted.xlf", Escapes.xml, ["number-mismatch", "inline-tag-mismatch"]),
        ("novosibirsk-bridge-planted.tmx", Escapes.xml, ["inline-tag-mismatch", "number-mismatch", "untranslated-text", "copied-source"]),
        ("weather-widget-planted.po", Escapes.po, ["placeholder-mismatch", "number-mismatch", "doubled-word"]),
        ("kaliningrad-amber-planted.tsv", Escapes.table, ["number-mismatch", "doubled-word", "untranslated-text", "copied-source"]),
    ])
    func eachCorpusFileGivesItsFindingsAtTheFilesOwnPlaces(_ name: String, _ escapes: Escapes, _ expected: [String]) throws {
        let path = "Corpora/\(name)"
        let file = try String(contentsOf: Repo.root.appendingPathComponent(path), encoding: .utf8)
        let run = try mtlint(["check", "--no-config", "--format", "json", path])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(try Self.rules(run.stdout) == expected)
        try Self.expectRoundTrip(file, escapes, run.stdout)
    }

    /// The table as a spreadsheet saves it: comma-separated, fields with commas or quotes quoted (a
    /// quote doubled), a line break inside a quoted field; the same findings at the CSV file's places.
    @Test func aCommaSeparatedTableReadsAsItsTabSeparatedTwin() throws {
        let tsv = try String(contentsOf: Repo.root.appendingPathComponent("Corpora/kaliningrad-amber-planted.tsv"), encoding: .utf8)
        func quoted(_ field: String) -> String {
            let field = field.hasPrefix("\"") && field.hasSuffix("\"") && field.count > 1 ? String(field.dropFirst().dropLast()) : field
            return field.contains(",") || field.contains("\"") ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }
        var csv = tsv.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map { quoted(String($0)) }.joined(separator: ",") }
            .joined(separator: "\r\n") + "\r\n"
        csv += "v07,\"Пресс-служба:\nофициальный сайт.\",\"Press office:\nthe official official website.\",\n"
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("amber.csv")
        try csv.write(to: file, atomically: true, encoding: .utf8)
        let run = try mtlint(["check", "--no-config", "--format", "json", file.path])
        #expect(try Self.rules(run.stdout) == ["number-mismatch", "doubled-word", "untranslated-text", "copied-source", "doubled-word"], "\(run.stderr)")
        try Self.expectRoundTrip(csv, .table, run.stdout)
    }

    /// Written without quoting, a tab-separated file's quotes are its text: a field may start with a
    /// quotation, or open one that a later row closes.
    @Test func quotesOfAnUnquotedTableAreText() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("quotes.tsv")
        try "source\ttarget\n\"Да\", — сказал министр.\t\"Yes,\" the minister said.\n\"Мы прибыли в 12 часов.\t\"We arrived at 21 o'clock.\nВсё прошло хорошо\".\tEverything went well.\"\n"
            .write(to: file, atomically: true, encoding: .utf8)
        let run = try mtlint(["check", "--no-config", "--format", "json", file.path])
        #expect(try Self.rules(run.stdout) == ["number-mismatch"], "\(run.stderr)")
        try Self.expectRoundTrip(try String(contentsOf: file, encoding: .utf8), .table, run.stdout)
    }

    /// Unit ids and notes reach the outputs: JSON `unit`, SARIF's logical location and properties, the
    /// terminal line; standard input reads a bilingual format when told which.
    @Test func unitIdsAndNotesReachTheOutputs() throws {
        let path = "Corpora/omsk-library-planted.xlf"
        let json = try mtlint(["check", "--no-config", "--format", "json", path]).stdout
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let findings = try #require((root["documents"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]])
        #expect(findings.map { ($0["unit"] as? [String: Any])?["id"] as? String } == ["p1-s1", "p1-s2", "p2-s2"])
        let sarif = try mtlint(["check", "--no-config", "--format", "sarif", "Corpora/weather-widget-planted.po"]).stdout
        let sarifRoot = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? [String: Any])
        let results = try #require(((sarifRoot["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        let logical = results.compactMap { (($0["locations"] as? [[String: Any]])?.first?["logicalLocations"] as? [[String: Any]])?.first }
        #expect(logical.count == results.count)
        #expect(logical.first?["name"] as? String == "Сегодня до %(temp)s°C, ветер %(wind)s м/с.")
        #expect(logical.first?["kind"] as? String == "resource")
        #expect(logical.dropFirst().first?["name"] as? String == "storm warning|МЧС предупреждает о порывах ветра до 25 м/с.")
        let text = try mtlint(["check", "--no-config", "Corpora/novosibirsk-bridge-planted.tmx"]).stdout
        #expect(text.contains("(unit nsk-0412-3)"))
        let piped = try mtlint(["check", "--no-config", "--format", "json", "--input-format", "po", "-"],
                               stdin: Repo.root.appendingPathComponent("Corpora/weather-widget-planted.po"))
        #expect(try Self.rules(piped.stdout) == ["placeholder-mismatch", "number-mismatch", "doubled-word"])
        // A bilingual file holds its own sources: it is not one side of two files.
        let twoFiles = try mtlint(["check", "--no-config", "--source", "Corpora/kazan-who-mission.ru.txt", path])
        #expect(twoFiles.status == 2 && twoFiles.stderr.contains("is a bilingual file (xliff)"), "\(twoFiles.stderr)")
    }

    static let xliffHead = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff version=\"1.2\"><file original=\"a\" datatype=\"plaintext\" source-language=\"ru\" target-language=\"en\"><body>\n"

    /// The XML formats: the file before its units (after the XML declaration), a unit holding a text, the end.
    struct XMLShape: CustomTestStringConvertible, Sendable {
        let name: String, ext: String, head: String, tail: String
        let unit: @Sendable (String) -> String
        var testDescription: String { name }

        func file(declaration: String = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>", doctype: String = "", units: String) -> String {
            declaration + "\n" + doctype + head + units + tail
        }
    }

    static let xmlShapes = [
        XMLShape(name: "XLIFF 1.2", ext: "xlf", head: "<xliff version=\"1.2\"><file original=\"a\" datatype=\"plaintext\" source-language=\"ru\" target-language=\"en\"><body>\n",
                 tail: "</body></file></xliff>\n", unit: { "<trans-unit id=\"1\"><source>Министр прибыл.</source><target>\($0)</target></trans-unit>\n" }),
        XMLShape(name: "XLIFF 2.0", ext: "xlf", head: "<xliff version=\"2.0\" srcLang=\"ru\" trgLang=\"en\"><file id=\"f\">\n",
                 tail: "</file></xliff>\n", unit: { "<unit id=\"1\"><segment><source>Министр прибыл.</source><target>\($0)</target></segment></unit>\n" }),
        XMLShape(name: "TMX 1.4", ext: "tmx", head: "<tmx version=\"1.4\"><header srclang=\"ru\" datatype=\"plaintext\" segtype=\"sentence\" adminlang=\"en\" creationtool=\"t\" creationtoolversion=\"1\" o-tmf=\"t\"/><body>\n",
                 tail: "</body></tmx>\n", unit: { "<tu><tuv xml:lang=\"ru\"><seg>Министр прибыл.</seg></tuv><tuv xml:lang=\"en\"><seg>\($0)</seg></tuv></tu>\n" }),
    ]

    /// Every hostile or broken file in each XML format: exit status 2 with its message, nothing expanded,
    /// fetched or held whole.
    @Test(arguments: xmlShapes, ["truncated", "wrong-encoding", "billion-laughs", "external-entity", "deep", "attribute"])
    func eachXMLFormatRefusesAHostileFile(_ shape: XMLShape, _ kind: String) throws {
        let root = shape.head.dropFirst().prefix { $0.isLetter }
        let (content, message): (String, String) = switch kind {
        case "truncated": (String(shape.file(units: shape.unit("The minister arrived.")).dropLast(shape.tail.count + 40)), "cannot be read as XML: line 3")
        case "wrong-encoding": (shape.file(declaration: "<?xml version=\"1.0\" encoding=\"windows-1251\"?>", units: shape.unit("The minister arrived.")),
                                "declares its encoding as windows-1251, but is read as UTF-8")
        case "billion-laughs": (shape.file(doctype: "<!DOCTYPE \(root) [<!ENTITY a \"lol\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n", units: shape.unit("&b;")),
                                "cannot be read as XML: declares an XML entity (<!ENTITY): refused")
        case "external-entity": (shape.file(doctype: "<!DOCTYPE \(root) [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n", units: shape.unit("&secret;")),
                                 "cannot be read as XML: declares an XML entity (<!ENTITY): refused")
        case "deep": (shape.file(units: String(repeating: "<d>", count: 10_000) + String(repeating: "</d>", count: 10_000)),
                      "cannot be read as XML: nests elements more than 1000 deep")
        // 12 MB: under the size limit (a 100 MB file is refused by size, before it is read), over libxml2's
        // limit on an attribute value.
        default: (shape.file(units: shape.unit("The minister <ph id=\"" + String(repeating: "a", count: 12 << 20) + "\"/> arrived.")), "cannot be read as XML")
        }
        try expectRefused("\(kind).\(shape.ext)", content, message)
    }

    /// A broken file of the other formats (and an XML file of another kind or language), and the start
    /// of the message it gets (after the path). PO and tables have no entities, nesting or attributes.
    @Test(arguments: [
        ("other-language.xlf", xliffHead.replacingOccurrences(of: "target-language=\"en\"", with: "target-language=\"de\"") + "</body></file></xliff>",
         "declares its target language as de, but mtlint checks Russian → English (ru→en) translations"),
        ("not-bilingual.xlf", "<?xml version=\"1.0\"?>\n<html><body><p>Hello.</p></body></html>", "is neither XLIFF nor TMX: its root element is <html>"),
        ("truncated.po", "msgid \"Министр прибыл.\"\nmsgstr \"The minister", "cannot be read as PO: line 2: a string is never closed"),
        ("wrong-encoding.po", "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=KOI8-R\\n\"\n\nmsgid \"Да\"\nmsgstr \"Yes\"\n",
         "declares its encoding as koi8-r (Content-Type), but is read as UTF-8"),
        ("bad-keyword.po", "msgid \"Да\"\nmsgsrt \"Yes\"\n", "cannot be read as PO: line 2: 'msgsrt' is not a PO keyword"),
        ("truncated.csv", "source,target\nМинистр прибыл.,\"The minister arrived", "cannot be read as a table: line 2: a quoted field is never closed"),
        ("no-header.csv", "Министр прибыл.,The minister arrived.\n", "has no source and target columns"),
        ("ragged.tsv", "id\tsource\ttarget\n1\tДа.\tYes.\textra\n", "cannot be read as a table: line 2: 4 fields, the header has 3"),
        ("untranslated.po", "msgid \"Да\"\nmsgstr \"\"\n", "has no translated units"),
    ])
    func aBadFileExitsTwoWithAMessage(_ name: String, _ content: String, _ message: String) throws {
        try expectRefused(name, content, message)
    }

    /// A 100 MB attribute: refused by size before the file is read (written in pieces, never held whole).
    @Test func aHundredMegabyteAttributeIsRefusedBySize() throws {
        try expectRefusedBySize("huge.xlf", prefix: Self.xliffHead + "<trans-unit id=\"", suffix: "\"><source>Да.</source><target>Yes.</target></trans-unit></body></file></xliff>")
    }

    /// translate-toolkit's pofilter test cases for the checks both tools have, adapted to Russian
    /// sources (the English side kept), each a PO entry: mtlint's rule flags the entry exactly when
    /// pofilter's check fails it. Cases whose semantics differ are left out: pofilter's `numbers`
    /// fails a dropped degree sign and a decimal comma (mtlint compares values, and reads a Russian
    /// decimal comma as a comma), and its `printf` accepts %s reordered as %1$s (mtlint compares as written).
    @Test func pofiltersSharedChecksBehaveTheSameOnThePOReader() throws {
        let cases: [(check: String, rule: String, source: String, target: String, fails: Bool)] = [
            ("doublewords", "doubled-word", "Спасите носорога", "Save the rhino", false),
            ("doublewords", "doubled-word", "Спасите носорога", "Save the the rhino", true),
            ("doublewords", "doubled-word", "%s %s установка", "%s %s installation", false),
            ("doublewords", "doubled-word", "Строка один <br> <br> строка два", "Line one <br> <br> line two", false),
            ("numbers", "number-mismatch", "Netscape 4 был не так хорош, как Netscape 7.", "Netscape 4 was not as good as Netscape 7.", false),
            ("numbers", "number-mismatch", "Поворот на 180°", "A 180° turn", false),
            ("numbers", "number-mismatch", "Поворот на 180°", "A 360° turn", true),
            ("numbers", "number-mismatch", "40-битное шифрование RC2 с RSA и MD5", "RC2 encryption, 40-bit, with RSA and MD5", false),
            ("printf", "placeholder-mismatch", "Меня зовут %s", "My name is %s", false),
            ("printf", "placeholder-mismatch", "Меня зовут %s", "My name is %d", true),
            ("printf", "placeholder-mismatch", "Строка %(str)s и число %(num)d", "Number %(num)d and string %(str)s", false),
            ("printf", "placeholder-mismatch", "Строка %(str)s и число %(num)d", "Number %(nommer)d and string %(str)s", true),
            ("printf", "placeholder-mismatch", "Строка %(str)s и число %(num)d", "Number %(num)d and string %s", true),
            ("pythonbraceformat", "placeholder-mismatch", "Строка {str} и число {num}", "Number {num} and string {str}", false),
            ("pythonbraceformat", "placeholder-mismatch", "Строка {str} и число {num}", "Number {onbekend} and string {str}", true),
            ("pythonbraceformat", "placeholder-mismatch", "Строка {}, {}", "String {}", true),
            ("xmltags", "placeholder-mismatch", "Сделай это <b>сейчас</b>", "Do it <b>now</b>", false),
            ("xmltags", "placeholder-mismatch", "Сделай это <b>сейчас</b>", "Do it <v>now</v>", true),
            // A question turned into a statement is sentence-type-mismatch's in mtlint.
            ("endpunc", "sentence-type-mismatch", "Вопрос?", "Question?", false),
            ("endpunc", "sentence-type-mismatch", "Выйти из режима записи изменений?", "Exit change recording mode.", true),
            ("endpunc", "end-punctuation-mismatch", "Файл сохранён в папке «Загрузки» вашего компьютера, откуда его можно открыть в любое время.",
             "The file has been saved in your computer's Downloads folder, from where you can open it at any time", true),
            ("unchanged", "copied-source", "Без изменений", "Unchanged", false),
            ("unchanged", "copied-source", "Без изменений", "Без изменений", true),
        ]
        func escaped(_ text: String) -> String { text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") }
        var po = "msgid \"\"\nmsgstr \"Content-Type: text/plain; charset=UTF-8\\n\"\n"
        for (number, item) in cases.enumerated() {
            po += "\nmsgctxt \"\(number)\"\nmsgid \"\(escaped(item.source))\"\nmsgstr \"\(escaped(item.target))\"\n"
        }
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("pofilter-cases.po")
        try po.write(to: file, atomically: true, encoding: .utf8)
        let run = try mtlint(["check", "--no-config", "--preview", "--format", "json", file.path])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let findings = (root["documents"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]] ?? []
        let flagged = Set(findings.compactMap { finding -> String? in
            guard let id = (finding["unit"] as? [String: Any])?["id"] as? String else { return nil }
            return "\(id.prefix { $0 != "|" })/\(finding["rule"] as? String ?? "")"
        })
        for (number, item) in cases.enumerated() {
            #expect(flagged.contains("\(number)/\(item.rule)") == item.fails,
                    "pofilter's \(item.check) \(item.fails ? "fails" : "passes") '\(item.target)' for '\(item.source)'; mtlint's \(item.rule) does not agree")
        }
    }
}
