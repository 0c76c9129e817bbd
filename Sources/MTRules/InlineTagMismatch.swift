import MTCore

/// MT503: an inline tag of a bilingual file's unit that the translation lost, or one it added.
public struct InlineTagMismatch: Rule {
    public init() {}

    public let description = RuleDescription(
        code: "MT503",
        id: "inline-tag-mismatch",
        summary: "An inline tag of the source (XLIFF <x/>, <g>, <ph>, TMX <bpt>…) is missing from the translation, or one is added.",
        rationale: """
            In XLIFF and TMX, inline tags stand for the formatting and code of the original document (a link, \
            bold text, a variable): the file is turned back into that document by them, so a tag the \
            translation lost drops the link or breaks the build, and one it added was never in the original. \
            mtlint keeps each unit's tags by name and id as it reads the file (their text is not translation) \
            and compares the two sides as collections: order may change, as word order does. Each tag of the \
            source missing from the translation, and each of the translation not in the source, is reported \
            on the unit's translation. Placeholders written in the text ({name}, %s, as PO files have them) are \
            placeholder-mismatch's.
            """,
        mqm: .markup,
        severity: .major,
        triggering: [
            .unit("Нажмите <g id=\"1\">Сохранить</g>, чтобы продолжить.", "⟦Click Save to continue.⟧",
                  messages: ["inline tag <g id=\"1\"> of the source (line 3) is missing from the translation"]),
            .unit("Это <bpt i=\"1\">&lt;b&gt;</bpt>важно<ept i=\"1\">&lt;/b&gt;</ept>.", "⟦This is important.⟧",
                  messages: ["inline tags <bpt i=\"1\">…</bpt>, <ept i=\"1\">…</ept> of the source (line 3) are missing from the translation"]),
            .unit("Файл загружен.", "⟦The file <x id=\"2\"/> has been uploaded.⟧",
                  messages: ["inline tag <x id=\"2\"/> is not in the source (line 3)"]),
        ],
        nonTriggering: [
            .unit("Нажмите <g id=\"1\">Сохранить</g>, чтобы продолжить.", "Click <g id=\"1\">Save</g> to continue."),
            .unit("<bpt id=\"1\">&lt;b&gt;</bpt>Внимание:<ept id=\"1\">&lt;/b&gt;</ept> файл <ph id=\"2\">%s</ph> удалён.",
                  "<bpt id=\"1\">&lt;b&gt;</bpt>Note:<ept id=\"1\">&lt;/b&gt;</ept> the file <ph id=\"2\">%s</ph> was deleted."),
            // Tags in another order, as the target language orders the words.
            .unit("<x id=\"1\"/> из <x id=\"2\"/>", "<x id=\"1\"/> of <x id=\"2\"/>"),
            .segment("Нажмите <b>Сохранить</b>.", "Click Save."),
        ])

    public func check(_ document: Document) -> [Finding] {
        var findings: [Finding] = []
        for unit in document.units {
            let source = document.blocks[unit.source], target = document.blocks[unit.target]
            var expected = unit.sourceTags
            var added: [InlineTag] = []
            for tag in unit.targetTags {
                if let index = expected.firstIndex(of: tag) { expected.remove(at: index) } else { added.append(tag) }
            }
            // One finding for the tags lost, one for those added: a lost bold is two tags, one fault.
            if !expected.isEmpty {
                findings.append(finding(in: document, at: target.range, message: "\(Self.named(expected)) of the source (line \(source.firstLine)) "
                    + (expected.count == 1 ? "is" : "are") + " missing from the translation", source: source.range))
            }
            if !added.isEmpty {
                findings.append(finding(in: document, at: target.range, message: "\(Self.named(added)) "
                    + (added.count == 1 ? "is" : "are") + " not in the source (line \(source.firstLine))", source: source.range))
            }
        }
        return findings
    }

    /// "inline tag <x id="1"/>", "inline tags <bpt i="1">…</bpt>, <ept i="1">…</ept>".
    private static func named(_ tags: [InlineTag]) -> String {
        (tags.count == 1 ? "inline tag " : "inline tags ") + tags.map(\.description).joined(separator: ", ")
    }
}
