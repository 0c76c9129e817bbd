import MTText

/// Bilingual tables, tab- or comma-separated, with a header row naming the columns: `source` and
/// `target` (or the pair's language codes, `ru` and `en`), and optionally `id` and `note` (or `notes`,
/// `comment`). Each further row is a unit. Fields may be quoted ("…", a quote doubled inside), as
/// spreadsheets write them, and then hold separators (and in CSV, line breaks); a field that only starts with
/// a quote (`"Rosneft" said`, or a quotation closed in a later row, in a file written without quoting) keeps
/// its quotes as text. Every character keeps its place
/// in the file. (The CSV library mtlint reads glossaries with gives no positions, which findings need.)
enum TableFile {
    /// A field: its text mapped to the file, and where it starts.
    private struct Field {
        var text = MappedText()
        var start: Int
    }

    static func units(in file: TextBuffer, path: String, separator: UInt16, pair: LanguagePair) throws(InputError) -> [TranslationUnit] {
        let rows = try records(file, separator: separator, path: path)
        guard let header = rows.first else { return [] }
        let names = header.map { $0.text.string.trimmingTableSpace().lowercased() }
        func column(_ candidates: [String]) -> Int? { names.firstIndex { candidates.contains($0) } }
        guard let source = column(["source", pair.source.code]), let target = column(["target", pair.target.code]) else {
            let kind = separator == 0x09 ? "tab" : "comma"
            throw InputError(path: path, reason: "has no source and target columns: its first row (\(kind)-separated) must name them "
                + "(source and target, or \(pair.source.code) and \(pair.target.code)); it names \(names.map { "'\($0)'" }.joined(separator: ", "))")
        }
        let id = column(["id", "key"]), note = column(["note", "notes", "comment", "comments"])
        var units: [TranslationUnit] = []
        for (number, row) in rows.enumerated().dropFirst() {
            if row.count == 1, row[0].text.units.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
            guard row.count == names.count else {
                let position = file.position(at: row[0].start)
                throw InputError(path: path, reason: "cannot be read as a table: line \(position.line): \(row.count) fields, the header has \(names.count)",
                                 byteOffset: position.utf8Offset)
            }
            units.append(TranslationUnit(
                id: id.map { row[$0].text.string } ?? "row \(number + 1)", notes: note.map { [row[$0].text.string] }.flatMap { $0 == [""] ? [] : $0 } ?? [],
                source: row[source].text, target: row[target].text, sourceTags: [], targetTags: []))
        }
        return units
    }

    /// The records of the file, each a list of fields.
    private static func records(_ file: TextBuffer, separator: UInt16, path: String) throws(InputError) -> [[Field]] {
        let units = file.units
        var records: [[Field]] = []
        var record: [Field] = []
        var field = Field(start: 0)
        var i = 0
        let quote = ascii("\"")
        /// The field quoted from `opened` and the offset after its closing quote; nil when the quote is the
        /// field's own text (the quote that would close it is not followed by a separator or a line end:
        /// `"Rosneft" said`, which tab-separated files written without quoting have).
        func quoted(from opened: Int) throws(InputError) -> (MappedText, Int)? {
            var text = MappedText()
            var j = opened + 1
            while j < units.count {
                if units[j] == quote {
                    if j + 1 < units.count, units[j + 1] == quote {
                        text.append(quote, from: Int32(j), to: Int32(j + 2))
                        j += 2
                        continue
                    }
                    let next = j + 1 < units.count ? units[j + 1] : 0x0A
                    return next == separator || next == 0x0A || next == 0x0D ? (text, j + 1) : nil
                }
                // A tab-separated file's quoted field stays on its line: a quote opening a sentence whose
                // close is in a later row (text cut into segments) is the field's text.
                if separator == 0x09, units[j] == 0x0A { return nil }
                text.append(units[j], from: Int32(j), to: Int32(j + 1))
                j += 1
            }
            if separator == 0x09 { return nil }
            let position = file.position(at: opened)
            throw InputError(path: path, reason: "cannot be read as a table: line \(position.line): a quoted field is never closed: is the file cut short?",
                             byteOffset: position.utf8Offset)
        }
        while i < units.count {
            if field.text.units.isEmpty, units[i] == quote, let (text, end) = try quoted(from: i) {
                // A quoted field: up to the quote not doubled.
                field.text = text
                i = end
                continue
            }
            switch units[i] {
            case separator:
                record.append(field)
                field = Field(start: i + 1)
            case 0x0A:
                record.append(field)
                records.append(record)
                record = []
                field = Field(start: i + 1)
            case 0x0D where i + 1 < units.count && units[i + 1] == 0x0A:
                break
            default:
                field.text.append(units[i], from: Int32(i), to: Int32(i + 1))
            }
            i += 1
        }
        if !field.text.units.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }
}

extension String {
    fileprivate func trimmingTableSpace() -> String {
        String(drop { $0 == " " || $0 == "\t" || $0 == "\u{FEFF}" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
