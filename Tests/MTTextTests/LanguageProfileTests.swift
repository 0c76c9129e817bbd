import Testing
@testable import MTText

/// The language profiles (`Sources/MTText/Languages/*.txt`): complete, free of duplicates, and with no
/// entry that can never match the way the code compares it.
@Suite struct LanguageProfileTests {
    static let known: Set<String> = [
        "language", "abbreviations", "function-words", "name-connectors", "grammatical-doubles", "no-space-before",
        "common-acronyms", "scale-words", "always-capitalized", "personal-pronouns", "latin-letter-names",
        "name-adjective-suffixes", "no-mark-after", "no-clause-start", "coordinating-conjunctions", "number-words",
        "half-phrases", "range-links", "interrogatives", "derivation-prefixes", "derivation-suffixes", "round-words",
        "hour-words",
    ]

    @Test(arguments: LanguageProfile.shipped.keys.sorted())
    func profileIsCompleteAndKnown(_ code: String) throws {
        let profile = LanguageProfile(try #require(LanguageProfile.shipped[code]))
        #expect(Set(profile.sections.keys).isSubset(of: Self.known), "unknown section: a typo's entries never match")
        let fields = Dictionary(uniqueKeysWithValues: (profile.sections["language"] ?? []).map { line in
            let parts = line.split(separator: "\t", maxSplits: 1).map(String.init)
            return (parts[0], parts.count == 2 ? parts[1] : "")
        })
        #expect(fields["code"] == code)
        #expect(fields["script"].flatMap(Script.init(rawValue:)) != nil, "script '\(fields["script"] ?? "")'")
        for key in ["name", "hunspell", "snowball", "alphabet"] { #expect(!(fields[key] ?? "").isEmpty, "\(code): no \(key)") }
        let language = try #require(Language.named(code))
        #expect(Stemmer.shared(language.snowballAlgorithm) != nil, "\(code): no Snowball stemmer '\(language.snowballAlgorithm)'")
        if language.script != .latin {
            #expect(language.transliteratorID.flatMap(Transliterator.shared) != nil, "\(code): to-latin transform")
            #expect(language.fromLatinTransliteratorID.flatMap(Transliterator.shared) != nil, "\(code): from-latin transform")
        }
    }

    @Test(arguments: LanguageProfile.shipped.keys.sorted())
    func entriesAreUniqueAndCanMatch(_ code: String) throws {
        let profile = LanguageProfile(try #require(LanguageProfile.shipped[code]))
        for (section, entries) in profile.sections {
            let duplicates = Dictionary(grouping: entries, by: { $0 }).filter { $0.value.count > 1 }.keys
            #expect(duplicates.isEmpty, "\(code) [\(section)] lists twice: \(duplicates.sorted())")
        }
        func isSingleWord(_ entry: String) -> Bool { !entry.contains(where: \.isWhitespace) }
        // Sentence ends are compared with the lower-cased text from the last space to the period.
        for entry in profile.sections["abbreviations"] ?? [] {
            #expect(entry.hasSuffix(".") && isSingleWord(entry) && entry == entry.lowercased(), "\(code) abbreviation '\(entry)'")
        }
        // Function words, connectors and doubles are compared with NFKC_Casefold keys of single words.
        for section in ["function-words", "name-connectors", "grammatical-doubles", "scale-words"] {
            for entry in profile.sections[section] ?? [] {
                let word = String(entry.split(separator: "\t").first ?? "")
                #expect(isSingleWord(word) && Normalizer.foldKey(word) == word, "\(code) [\(section)] '\(word)'")
            }
        }
        for entry in profile.sections["grammatical-doubles"] ?? [] where entry.contains("\t") {
            let condition = entry.split(separator: "\t").last.map(String.init) ?? ""
            #expect(condition.hasPrefix("before:") || condition.hasPrefix("earlier:"), "\(code) double '\(entry)': before: or earlier:")
        }
        for entry in profile.sections["common-acronyms"] ?? [] {
            #expect(isSingleWord(entry) && entry.count >= 2 && entry.contains(where: \.isUppercase), "\(code) acronym '\(entry)'")
        }
        for entry in profile.sections["always-capitalized"] ?? [] {
            #expect(isSingleWord(entry) && entry.first?.isUppercase == true, "\(code) always-capitalized '\(entry)'")
        }
        for entry in profile.sections["no-space-before"] ?? [] { #expect(entry.unicodeScalars.count == 1, "'\(entry)'") }
        for entry in profile.sections["scale-words"] ?? [] {
            let value = entry.split(separator: "\t").last.flatMap { Double($0) }
            #expect(value.map { $0 > 1 } ?? false, "\(code) scale word '\(entry)' needs a multiplier")
        }
    }

    @Test func profilesAreReadIntoLanguages() {
        #expect(Language.english.abbreviations.contains("prof."))
        #expect(Language.russian.scale(of: "млрд") == 1e9)
        #expect(Language.russian.script == .cyrillic && Language.english.script == .latin)
        #expect(Language.english.commonAcronyms.contains("CEO"))
        let parsed = LanguageProfile("# comment\n[a]\n x \n\n[b]\r\ny\n")
        #expect(parsed.sections == ["a": ["x"], "b": ["y"]])
    }
}
