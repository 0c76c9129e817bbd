import MTCore
import MTText

/// MT502: a URL, address, handle, hashtag, placeholder or tag that the translation changed, dropped or added.
public struct PlaceholderMismatch: PairRule {
    public init() {}

    public let description = RuleDescription(
        code: "MT502",
        id: "placeholder-mismatch",
        summary: "A URL, e-mail address, @handle, #hashtag, placeholder ({name}, %s) or HTML tag is not carried over unchanged.",
        rationale: """
            Links, addresses, handles, placeholders and markup are not text to translate: a changed one breaks \
            a link, a template or the page. In each aligned pair mtlint collects them on both sides (URLs with \
            a scheme or www., e-mail addresses, @handles, #hashtags, {name}, {{name}}, ${name}, printf-style \
            %s and %1$d, Python's %(name)s, and HTML or XML tags) and compares them as written: one of the source missing from the \
            translation is reported at the end of the translation, one of the translation not in the source \
            where it stands. Two exceptions are translations, not damage: a hashtag in the source language's \
            script rendered by a hashtag in the target's ("#ГолосЗаДемократию" → "#SpeakUpForDemocracy"), and \
            an @handle or hashtag naming what the source names in words ("@Twitter" for "Твиттера").
            """,
        mqm: .markup,
        severity: .major,
        triggering: [
            .segment("Подробности на сайте https://example.org/news.", "Details on the website ⟦https://example.com/news⟧.", messages: ["URL 'https://example.com/news' is not in the source (line 1); it has 'https://example.org/news'"]),
            .segment("Привет, {name}! У вас %d новых сообщений.", "Hello, ⟦{имя}⟧! You have %d new messages.", messages: ["placeholder '{имя}' is not in the source (line 1); it has '{name}'"]),
            .segment("Ветер %(wind)s м/с.", "Wind ⟦%(speed)s⟧ m/s.", messages: ["placeholder '%(speed)s' is not in the source (line 1); it has '%(wind)s'"]),
        ],
        nonTriggering: [
            .segment("Пишите на press@example.org или @example_press.", "Write to press@example.org or @example_press."),
            .segment("Нажмите <b>Сохранить</b>.", "Click <b>Save</b>."),
            .segment("Счёт 3:1 в пользу «Зенита».", "The score is 3:1 in Zenit's favour."),
            .segment("Ставка снизилась до 4% в июле, доля хлопка 5%.", "The rate fell to 4% in July, with 5% cotton."),
            .segment("Она написала под хештегом #ГолосЗаДемократию.", "She wrote under the hashtag #VoiceForDemocracy."),
            .segment("Он быстрее Твиттера.", "He is quicker than @Twitter."),
        ])

    public func check(source: Block, target: Block, in document: Document) -> [Finding] {
        var findings: [Finding] = []
        var expected = document.placeholders(in: source)
        let found = document.placeholders(in: target)
        var added: [Placeholder] = []
        for item in found {
            if let index = expected.firstIndex(where: { $0.text == item.text }) {
                expected.remove(at: index)
            } else if item.kind == .hashtag, let index = expected.firstIndex(where: { $0.kind == .hashtag && !isInTargetScript($0, document) }) {
                // A hashtag in the source's script, translated.
                expected.remove(at: index)
            } else if item.kind == .handle || item.kind == .hashtag, namesSourceWord(item, source, document) {
                continue
            } else {
                added.append(item)
            }
        }
        for item in added {
            findings.append(finding(
                in: document, at: item.range,
                message: "\(item.kind.rawValue) '\(item.text)' is not in the source (line \(source.firstLine))"
                    + (expected.first(where: { $0.kind == item.kind }).map { "; it has '\($0.text)'" } ?? "")))
        }
        // Missing ones that no added one of their kind stands for.
        for item in expected where !added.contains(where: { $0.kind == item.kind }) {
            let end = target.range.isEmpty ? target.range : (target.range.upperBound - 1)..<target.range.upperBound
            findings.append(finding(
                in: document, at: end,
                message: "\(item.kind.rawValue) '\(item.text)' of the source (line \(source.firstLine)) is missing from the translation",
                source: item.range))
        }
        return findings
    }

    /// Whether a placeholder's letters are mostly in the target language's script.
    private func isInTargetScript(_ item: Placeholder, _ document: Document) -> Bool {
        ScriptCounts(document.buffer, item.range).share(of: document.pair.target.script) > 0.5
    }

    /// Whether an @handle or hashtag is a name the source has in words: the same word, or its
    /// transliteration ("@Twitter" for "Твиттера").
    private func namesSourceWord(_ item: Placeholder, _ source: Block, _ document: Document) -> Bool {
        let name = NameMatch.TargetName(String(item.text.dropFirst()))
        return source.tokens.contains { token in
            token.kind == .word && token.isCapitalized
                && NameMatch.matches(NameMatch.SourceName(document.buffer.string(token.range), pair: document.pair, knowledge: document.knowledge), name)
        }
    }
}
