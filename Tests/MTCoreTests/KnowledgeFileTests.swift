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

    /// Folded phrases of known kinds and languages: `ProjectKnowledgeTests` checks every bundled row.
    @Test func pageTextEntriesAreUnique() {
        let rows = KnowledgeFile.rows(named: "page-text.tsv")
        #expect(rows.count > 50)
        var seen = Set<[String]>()
        for row in rows {
            #expect(seen.insert(row).inserted, "'\(row.last ?? "")' is listed twice")
        }
        #expect(Knowledge.bundled.pageText(.creditLabel, in: .english).contains("photo"))
        #expect(Knowledge.bundled.pageText(.interface, in: .russian).contains("читайте также"))
    }

    @Test func noAcronymIsBothAnOrganisationAndACommonAcronym() {
        for language in Language.all {
            let organisationAcronyms = Set(Knowledge.bundled.organisations.flatMap { $0.acronyms[language.code] ?? [] })
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
        let lexicon = Knowledge.bundled.lexicon(for: .russianEnglish)
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
    static let conventionalNames = KnowledgeFile.rows(named: "conventional-names.ru-en.tsv")
}

/// A project's knowledge files are read as the bundled ones are, and the bundled ones pass the checks a
/// project's rows get: no row of mtlint's own data is left out unnoticed.
@Suite struct ProjectKnowledgeTests {
    @Test(arguments: Knowledge.extensibleFileNames)
    func everyBundledRowPassesTheChecksOfAProjectsRow(_ name: String) throws {
        let url = try #require(KnowledgeFile.url(name))
        let text = try String(contentsOf: url, encoding: .utf8)
        let rows: [[String]]
        do {
            rows = try Knowledge.read(text, extending: name, before: [])
        } catch {
            Issue.record("\(name):\(error.line):\(error.column): \(error.message)")
            return
        }
        #expect(rows == KnowledgeFile.rows(named: name))
    }

    @Test func everyTableIsExtensibleAndOnlyKnowledgeIs() {
        #expect(Set(Knowledge.extensibleFileNames) == Set(KnowledgeFile.names).subtracting(
            ["lexicon.ru-en.compiled.tsv", "precision-budget.tsv", "language-pairs.tsv"]))
        #expect(Knowledge.table(forFileNamed: "newsroom.acronyms.ru-en.tsv")?.fileName == "acronyms.ru-en.tsv")
        #expect(Knowledge.table(forFileNamed: "lexicon.ru-en.compiled.tsv") == nil)
        #expect(Knowledge.table(forFileNamed: "acronyms.de-en.tsv") == nil)
    }

    /// Rows added to the acronyms, conventional names, word list and diminutives reach the lexicon and the
    /// name tables of a knowledge set, and only of that set.
    @Test func addedRowsReachTheTablesOfTheirSet() throws {
        let knowledge = Knowledge(rows: [
            "acronyms.ru-en.tsv": [["РЖД", "Российские железные дороги", "Russian Railways|RZD", ""]],
            "conventional-names.ru-en.tsv": [["Новоазовск", "Novoazovsk"]],
            "lexicon.ru-en.tsv": [["глэмпинг", "noun", "glamping"]],
            "diminutives.ru.tsv": [["Фрося", "Ефросинья"]],
        ], files: ["test"])
        let pair = LanguagePair.russianEnglish
        #expect(knowledge.lexicon(for: pair).expansion(ofSourceInitialism: "ржд").contains("railway"))
        #expect(Knowledge.bundled.lexicon(for: pair).expansion(ofSourceInitialism: "ржд").isEmpty)
        #expect(knowledge.lexicon(for: pair).targetStems(forSourceStem: Language.russian.stem("глэмпинг")).contains("glamp"))
        #expect(knowledge.conventionalForms(of: "Новоазовске", from: .russian, to: .english) == ["Novoazovsk"])
        #expect(knowledge.fullNames(of: "фросе", in: .russian) == ["Ефросинья"])
        #expect(Knowledge.bundled.fullNames(of: "фросе", in: .russian).isEmpty)
    }
}
