import MTCore

/// MT108: a translated caption much shorter or longer than its source predicts.
public struct LengthRatio: ConfigurableRule {
    static let minorDeltaOption = RuleOption.number(
        "minor-delta", 3, in: 1.5...10, "|δ| from which a pair is reported.",
        provenance: """
            Issue 20: on the 4,004 professional translations of WMT21 news (ru→en and en→ru read backwards), \
            with Gale and Church's variance and a ratio of 1.0, |δ| ≥ 2 flags 30 pairs of at least 20 letters \
            (0.75%), ≥ 2.5 flags 10 (0.25%, half of them free renderings), ≥ 3 flags 5, all of them segments the \
            data set itself shifted against their translations; the 0.1% and 99.9% quantiles are −2.96 and \
            2.41. DEMETR's pairwise accuracy is the same at 2.5 and 3. Issue 8 had set 2 from DEMETR's 100 \
            correct pairs (−2.09…1.49), too few to measure a false-alarm rate.
            """)
    static let corroboratedDeltaOption = RuleOption.number(
        "corroborated-delta", -2.5, in: -10 ... -1,
        "A shorter translation from this δ on is reported when it also leaves out two words of names, acronyms or capitalised terms of its source.",
        provenance: """
            Issue 20: on the same 4,004 pairs this adds two pairs, both segments the data set shifted against \
            their translations; with one left-out word it added two free renderings too ("the CARES Act" for a \
            law's full Russian title).
            """)
    static let minimumLettersOption = RuleOption.integer(
        "minimum-letters", 20, in: 1...1000, "Captions with fewer letters and digits are too short to judge.",
        provenance: "Set by hand, not measured apart: a length model says little about a few words; 20 letters and digits are about three words.")

    /// |δ| from which a pair is reported (always minor: length is indirect evidence, and a translation of
    /// another sentence is unrelated-translation's).
    let minorDelta: Double
    /// Two weak signs of one omission: a shorter translation from this δ that leaves out two words of names.
    let corroboratedDelta: Double
    let minimumLetters: Int

    public init(configuration: RuleConfiguration = RuleConfiguration()) {
        minorDelta = configuration.number(Self.minorDeltaOption)
        corroboratedDelta = configuration.number(Self.corroboratedDeltaOption)
        minimumLetters = configuration.integer(Self.minimumLettersOption)
    }

    public let description = RuleDescription(
        code: "MT108",
        id: "length-ratio",
        summary: "A translated caption is far shorter or longer than its source predicts (possible omission or addition).",
        rationale: """
            Translations keep roughly the length of their source. For each aligned caption pair mtlint computes \
            the Gale–Church δ, the difference between the target's length and the length the source predicts, in \
            standard deviations (`mtlint align` prints it). From |δ| = 3 the pair is reported as a possible \
            omission (shorter) or addition (longer), minor: length is indirect evidence. From δ = −2.5 a shorter \
            translation is reported when it also leaves out two words of names or terms of its source (two signs of one omission). A \
            longer caption whose excess is a repeated phrase is left to duplicated-phrase.
            """,
        mqm: .omission,
        severity: .minor,
        options: [Self.minorDeltaOption, Self.corroboratedDeltaOption, Self.minimumLettersOption],
        triggering: [
            RuleExample("""
            The ministers met in the capital on Monday to discuss the budget and the timetable for reforms.

            Министр финансов Антон Силуанов и глава Центробанка Эльвира Набиуллина во время пресс-конференции после заседания совета директоров в Москве
            ⟦Finance Minister Anton Siluanov in Moscow⟧
            Photo: TASS/Ivan Petrov

            The talks will continue next week, the ministry said in a statement on Tuesday evening.
            """, messages: ["the translation is 70% shorter than its source (line 3) (δ = -3.0): possible omission, with 'Центробанка Эльвира Набиуллина'"]),
        ],
        nonTriggering: [
            """
            The ministers met in the capital on Monday to discuss the budget and the timetable for reforms.

            Министр финансов Антон Силуанов во время пресс-конференции в Москве
            Finance Minister Anton Siluanov during a press conference in Moscow
            Photo: TASS/Ivan Petrov

            The talks will continue next week, the ministry said in a statement on Tuesday evening.
            """,
        ])

    public func check(_ document: Document) -> [Finding] {
        var findings: [Finding] = []
        for pair in document.captionPairs {
            guard let target = pair.target, let delta = pair.lengthDelta, abs(delta) >= -corroboratedDelta else { continue }
            let source = document.blocks[pair.source], translation = document.blocks[target]
            guard letters(source, document) >= minimumLetters else { continue }
            // Between the two thresholds, only an omission that also leaves out a name of the source.
            var leftOut: [String] = [], leftOutWords = 0
            for entity in document.entities[pair.source]?.source ?? [] where !entity.matched {
                let name = document.buffer.string(entity.range)
                guard !leftOut.contains(name) else { continue }
                leftOut.append(name)
                leftOutWords += entity.words.count
            }
            guard abs(delta) >= minorDelta || (delta <= corroboratedDelta && leftOutWords >= 2) else { continue }
            if delta > 0, !DuplicatedPhrase.repeats(in: Array(document.contentWords(translation)), minimumWords: RuleConfiguration().integer(DuplicatedPhrase.minimumWordsOption)).isEmpty { continue }
            let ratio = Double(letters(translation, document)) / Double(max(1, letters(source, document)))
            let percent = Int((abs(ratio - 1) * 100).rounded())
            let message = delta < 0
                ? "the translation is \(percent)% shorter than its source (line \(source.firstLine)) (δ = \(formatted(delta))): possible omission"
                    + (leftOut.isEmpty ? "" : ", with " + leftOut.map { "'\($0)'" }.joined(separator: ", "))
                : "the translation is \(percent)% longer than its source (line \(source.firstLine)) (δ = +\(formatted(delta))): possible addition"
            findings.append(finding(
                in: document, at: translation.range, message: message, source: source.range,
                mqm: delta < 0 ? .omission : .addition))
        }
        return findings
    }

    private func letters(_ block: Block, _ document: Document) -> Int {
        document.buffer.scalars(in: block.range).reduce(0) { $0 + ($1.scalar.properties.isAlphabetic || $1.scalar.properties.numericType != nil ? 1 : 0) }
    }

    private func formatted(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(abs(tenths % 10))"
    }
}
