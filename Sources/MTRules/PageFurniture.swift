import MTCore

/// MT501: interface text of the web page captured with the article.
public struct PageFurniture: Rule {
    public init() {}

    public let description = RuleDescription(
        code: "MT501",
        id: "page-furniture",
        summary: "Web-page interface text (skip links, buttons, live-stream banners) was captured with the article.",
        rationale: """
            Articles copied from a web page often bring its furniture along: skip links, "Live broadcast" \
            banners, read-aloud buttons, translation-service credits. mtlint finds them by position (short lines \
            without sentence punctuation before the first or after the last body paragraph) and by a table of \
            interface phrases. Source-language furniture is reported as untranslated text instead.
            """,
        mqm: .nonContent,
        severity: .minor,
        triggering: [
            RuleExample("""
            ⟦Skip to main content⟧
            ⟦Main slide⟧

            The ministers met in the capital on Monday to discuss the budget and the timetable for reforms.

            ⟦Share⟧
            """, messages: ["page furniture: 'Skip to main content' is not part of the article", "page furniture: 'Main slide' is not part of the article", "page furniture: 'Share' is not part of the article"]),
        ],
        nonTriggering: [
            """
            Ministers agree on a budget timetable

            The ministers met in the capital on Monday to discuss the budget and the timetable for reforms.

            What comes next

            The talks will continue next week, the ministry said in a statement on Tuesday evening.
            """,
        ])

    public func check(_ document: Document) -> [Finding] {
        document.blocks.filter { $0.kind == .furniture && $0.language != .source }.map { block in
            finding(in: document, at: block.range, message: "page furniture: '\(document.text(block))' is not part of the article")
        }
    }
}
