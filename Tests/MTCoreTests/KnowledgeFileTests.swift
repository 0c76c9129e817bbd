import Foundation
import MTCore
import MTText
import Testing

/// The knowledge that lives in data files and tables: no duplicates, nothing that can never match,
/// no acronym that is both an organisation and a common acronym, and stem collisions handled.
@Suite struct KnowledgeFileTests {
    @Test func conventionalNamesHaveOneRowPerWordAndFormsThatCanMatch() throws {
        let rows = BilingualLexiconRows.conventionalNames
        #expect(rows.count > 50)
        var seen: [String: [String]] = [:]
        for row in rows {
            #expect(row.count == 2, "\(row)")
            let key = row[0]
            // Names are looked up word by word: a key with a space or punctuation never matches.
            #expect(!key.isEmpty && key.allSatisfy(\.isLetter), "key '\(key)' can never match")
            let forms = row[1].split(separator: "|").map(String.init)
            #expect(!forms.isEmpty && forms.allSatisfy { !$0.isEmpty }, "'\(key)' has an empty form")
            #expect(seen[key] == nil, "'\(key)' is listed twice")
            // Keys whose stems collide must mean the same thing.
            let stem = Language.russian.stem(key)
            if let other = seen.first(where: { Language.russian.stem($0.key) == stem }) {
                #expect(Set(other.value) == Set(forms), "'\(key)' and '\(other.key)' share the stem '\(stem)' but not their forms")
            }
            seen[key] = forms
        }
    }

    @Test func compiledWordListIsCurrent() throws {
        // Sources/MTCore/Data/lexicon.ru-en.compiled.tsv is what `mtlint-bench compile-lexicon` writes
        // (.ci/regenerate): stale after a change to the word list, the stemmer or the compiler.
        let url = try #require(KnowledgeFile.url("lexicon.ru-en.compiled.tsv"), "run bash .ci/regenerate")
        let committed = try String(contentsOf: url, encoding: .utf8)
        #expect(committed == BilingualLexicon.compile(pair: .russianEnglish), "stale: run bash .ci/regenerate")
    }

    @Test func pageTextEntriesAreFoldedUniqueAndKnown() {
        let rows = KnowledgeFile.rows(named: "page-text.tsv")
        #expect(rows.count > 50)
        let languages = Set(Language.all.map(\.code))
        var seen = Set<[String]>()
        for row in rows {
            #expect(row.count == 3 && languages.contains(row[0]) && ["credit-label", "interface"].contains(row[1]), "\(row)")
            guard row.count == 3 else { continue }
            // Lines are compared on their NFKC_Casefold key: an entry that is not one never matches
            // ("…" at the end marks a phrase that begins a line).
            let phrase = row[2].hasSuffix("…") ? String(row[2].dropLast()) : row[2]
            #expect(!phrase.isEmpty && Normalizer.foldKey(phrase) == phrase, "'\(row[2])' is not in lower case (NFKC_Casefold)")
            #expect(seen.insert(row).inserted, "'\(row[2])' is listed twice")
        }
        #expect(PageText.creditLabels["en"]?.contains("photo") == true)
        #expect(PageText.interfacePhrases["ru"]?.contains("читайте также") == true)
    }

    @Test func noAcronymIsBothAnOrganisationAndACommonAcronym() {
        for language in Language.all {
            let organisationAcronyms = Set(Organisation.all.flatMap { $0.acronyms[language.code] ?? [] })
            #expect(organisationAcronyms.isDisjoint(with: language.commonAcronyms), "\(language.code)")
        }
    }

    @Test func aNameWhoseStemIsACommonWordIsStillAName() {
        // "Грузия" and "груз" (cargo) share the Snowball stem "груз"; capitalisation keeps them apart.
        #expect(Language.russian.stem("Грузии") == Language.russian.stem("груза"))
        let document = Document(
            segmentID: "x", source: "Груз доставили в Грузию из Вены.", target: "The cargo was delivered to Georgia from Vienna.")
        let alignment = document.entities[0]!
        #expect(alignment.source.map { document.buffer.string($0.range) } == ["Грузию", "Вены"])
        #expect(alignment.source.allSatisfy(\.matched) && alignment.target.allSatisfy(\.matched))
    }

    @Test func lexiconAndCLDRGiveTranslatedNamesInAnyCaseForm() {
        let lexicon = BilingualLexicon.shared(for: .russianEnglish)
        func translates(_ russian: String, _ english: String) -> Bool {
            lexicon.targetStems(forSourceStem: Language.russian.stem(russian)).contains(Language.english.stem(english))
        }
        #expect(translates("Северной", "North"))
        #expect(translates("Германии", "Germany"))  // CLDR territory
        #expect(translates("Пекине", "Beijing"))  // CLDR exemplar city
        #expect(translates("дворце", "palace"))  // fleeting vowel: дворец
        #expect(translates("гидрометцентр", "center"))  // compound head
        #expect(lexicon.expansion(ofSourceInitialism: "юар").contains(Language.english.stem("Africa")))
        #expect(!lexicon.sourceProperStems.contains(Language.russian.stem("министр")))
        #expect(lexicon.sourceProperStems.contains(Language.russian.stem("московский")))
    }

    @Test func transliteratedNamesMatchInCaseFormsAndBothDirections() {
        for (russian, english) in [("Крейг", "Craig"), ("Льюиса", "Lewis"), ("Джека", "Jack"), ("Джоэла", "Joel"),
                                   ("Айседоры", "Isadora"), ("Майка", "Mike"), ("Техасе", "Texas")] {
            let document = Document(segmentID: "x", source: "Встреча с \(russian) прошла.", target: "The meeting with \(english) took place.")
            let matched = document.entities[0]!.target.allSatisfy(\.matched)
            #expect(matched, "\(russian) ~ \(english)")
        }
    }
}

/// The conventional-names file's rows, as the library reads them.
enum BilingualLexiconRows {
    static let conventionalNames = ConventionalNames.rows(from: .russian, to: .english)
}
