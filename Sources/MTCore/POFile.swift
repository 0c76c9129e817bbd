import MTText

/// Gettext PO files: each translated entry a unit, `msgid` the source and `msgstr` its translation (for a
/// plural entry, `msgid_plural` against each further `msgstr[n]`). The header entry, obsolete (`#~`) and
/// fuzzy entries are not checked (gettext does not use a fuzzy translation); translator (`# `) and
/// extracted (`#.`) comments are the unit's notes; its id is its `msgctxt|msgid`. Strings are decoded
/// (C escapes, continuation lines) with every character mapped to the file. libgettextpo reads PO files
/// too, but gives no file position for a string, which every finding needs: this reader keeps them.
enum POFile {
    /// One entry as read.
    private struct Entry {
        var context: MappedText?, id: MappedText?, plural: MappedText?
        var translations: [Int: MappedText] = [:]
        var notes: [String] = [], flags: [String] = []
        var obsolete = false
        var isEmpty: Bool { id == nil && context == nil && translations.isEmpty }
    }

    /// The field continuation lines extend.
    private enum Field { case context, id, plural, translation(Int) }

    static func units(in file: TextBuffer, path: String, pair: LanguagePair) throws(InputError) -> [TranslationUnit] {
        let units = file.units
        var entries: [Entry] = []
        var entry = Entry()
        var field: Field?
        func finish() {
            if !entry.isEmpty { entries.append(entry) }
            entry = Entry()
            field = nil
        }
        func fail(_ offset: Int, _ message: String) -> InputError {
            let position = file.position(at: offset)
            return InputError(path: path, reason: "cannot be read as PO: line \(position.line): \(message)", byteOffset: position.utf8Offset)
        }
        for line in 0..<file.lineCount {
            let range = file.lineRange(line + 1)
            var i = range.lowerBound
            while i < range.upperBound, units[i] == 0x20 || units[i] == 0x09 || units[i] == 0x0D { i += 1 }
            var end = range.upperBound
            while end > i, units[end - 1] == 0x0A || units[end - 1] == 0x0D || units[end - 1] == 0x20 || units[end - 1] == 0x09 { end -= 1 }
            guard i < end else { finish(); continue }
            if units[i] == ascii("#") {
                // A comment after a translation starts the next entry.
                if !entry.translations.isEmpty { finish() }
                let kind = i + 1 < end ? units[i + 1] : 0x20
                let text = String(utf16Units: Array(units[min(i + 2, end)..<end]))
                switch kind {
                case ascii("~"): entry.obsolete = true
                case ascii(","): entry.flags += text.split(separator: ",").map { String($0).trimmingPOSpace() }
                case ascii("."): entry.notes.append(text.trimmingPOSpace())
                case ascii(":"), ascii("|"): break
                default: entry.notes.append(String(utf16Units: Array(units[(i + 1)..<end])).trimmingPOSpace())
                }
                continue
            }
            if units[i] == ascii("\"") {
                guard let current = field else { throw fail(i, "a string that continues no msgid or msgstr") }
                let text = try string(units, from: i, to: end, fail)
                switch current {
                case .context: entry.context?.append(text)
                case .id: entry.id?.append(text)
                case .plural: entry.plural?.append(text)
                case .translation(let n): entry.translations[n]?.append(text)
                }
                continue
            }
            var keywordEnd = i
            while keywordEnd < end, units[keywordEnd] != 0x20, units[keywordEnd] != 0x09, units[keywordEnd] != ascii("\"") { keywordEnd += 1 }
            let keyword = String(utf16Units: Array(units[i..<keywordEnd]))
            var quote = keywordEnd
            while quote < end, units[quote] == 0x20 || units[quote] == 0x09 { quote += 1 }
            guard quote < end, units[quote] == ascii("\"") else { throw fail(i, "'\(keyword)' is not followed by a string") }
            let text = try string(units, from: quote, to: end, fail)
            switch keyword {
            case "msgctxt":
                finish()
                (entry.context, field) = (text, .context)
            case "msgid":
                if entry.id != nil { finish() }
                (entry.id, field) = (text, .id)
            case "msgid_plural": (entry.plural, field) = (text, .plural)
            case "msgstr": (entry.translations[0], field) = (text, .translation(0))
            default:
                guard keyword.hasPrefix("msgstr["), keyword.hasSuffix("]"), let n = Int(keyword.dropFirst(7).dropLast()), n >= 0 else {
                    throw fail(i, "'\(keyword)' is not a PO keyword (msgctxt, msgid, msgid_plural, msgstr, msgstr[n])")
                }
                (entry.translations[n], field) = (text, .translation(n))
            }
        }
        finish()
        var found: [TranslationUnit] = []
        for entry in entries where !entry.obsolete {
            guard let source = entry.id else { continue }
            if source.units.isEmpty, entry.context == nil {
                try checkHeader(entry.translations[0]?.string ?? "", file: file, path: path, pair: pair)
                continue
            }
            guard !entry.flags.contains("fuzzy") else { continue }
            let id = (entry.context.map { $0.string + "|" } ?? "") + source.string
            for (n, translation) in entry.translations.sorted(by: { $0.key < $1.key }) {
                let source = n == 0 ? source : (entry.plural ?? source)
                found.append(TranslationUnit(id: n == 0 ? id : "\(id)[\(n)]", notes: entry.notes, source: source, target: translation,
                                             sourceTags: [], targetTags: []))
            }
        }
        return found
    }

    /// A quoted PO string from `start` (its opening quote) on one line, decoded, each character mapped to the file.
    private static func string(_ units: [UInt16], from start: Int, to end: Int, _ fail: (Int, String) -> InputError) throws(InputError) -> MappedText {
        var text = MappedText()
        var i = start + 1
        while i < end, units[i] != ascii("\"") {
            guard units[i] == ascii("\\"), i + 1 < end else {
                text.append(units[i], from: Int32(i), to: Int32(i + 1))
                i += 1
                continue
            }
            let escape = units[i + 1]
            var length = 2
            var value: UInt16
            switch escape {
            case ascii("n"): value = 0x0A
            case ascii("t"): value = 0x09
            case ascii("r"): value = 0x0D
            case ascii("a"): value = 0x07
            case ascii("b"): value = 0x08
            case ascii("f"): value = 0x0C
            case ascii("v"): value = 0x0B
            case ascii("x"):
                value = 0
                while length < 4, i + length < end, let digit = hexDigit(units[i + length]) { value = value * 16 + digit; length += 1 }
            case ascii("0")...ascii("7"):
                value = 0
                while length < 5, i + length - 1 < end, (ascii("0")...ascii("7")).contains(units[i + length - 1]) {
                    value = value * 8 + units[i + length - 1] - ascii("0")
                    length += 1
                }
                length -= 1
            default: value = escape
            }
            text.append(value, from: Int32(i), to: Int32(i + length))
            i += length
        }
        guard i < end else { throw fail(start, "a string is never closed (no closing \")") }
        var after = i + 1
        while after < end, units[after] == 0x20 || units[after] == 0x09 { after += 1 }
        guard after == end else { throw fail(after, "text after a closing quote") }
        return text
    }

    private static func hexDigit(_ unit: UInt16) -> UInt16? {
        switch unit {
        case ascii("0")...ascii("9"): unit - ascii("0")
        case ascii("a")...ascii("f"): unit - ascii("a") + 10
        case ascii("A")...ascii("F"): unit - ascii("A") + 10
        default: nil
        }
    }

    /// The header's charset (UTF-8, or a template's "CHARSET") and language (the pair's target).
    private static func checkHeader(_ header: String, file: TextBuffer, path: String, pair: LanguagePair) throws(InputError) {
        for line in header.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let (key, value) = (parts[0].lowercased().trimmingPOSpace(), String(parts[1]).trimmingPOSpace())
            if key == "content-type", let charset = value.lowercased().split(separator: "charset=").dropFirst().first.map({ String($0.prefix { $0 != ";" && $0 != " " }) }),
               !["utf-8", "utf8", "charset"].contains(charset) {
                throw InputError(path: path, reason: "declares its encoding as \(charset) (Content-Type), but is read as UTF-8 (and is valid UTF-8)",
                                 hint: ": correct the header, or convert the file (msgconv --to-code=UTF-8)")
            }
            if key == "language" { try BilingualFile.expect(value, is: pair.target, side: "target", path: path, pair: pair) }
        }
    }
}

extension StringProtocol {
    fileprivate func trimmingPOSpace() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}

/// The UTF-16 unit of an ASCII character.
func ascii(_ character: Unicode.Scalar) -> UInt16 { UInt16(character.value) }
