import MTText
import Testing
@testable import MTCore

@Suite struct OrganisationTests {
    private func ids(_ text: String, _ language: Language) -> [String] {
        let buffer = TextBuffer(text)
        let tokens = Segmenter(language: language).tokens(buffer, in: 0..<buffer.count)
        return Knowledge.bundled.organisationMatcher(for: language).mentions(in: buffer, tokens: tokens).map(\.organisation.id)
    }

    @Test func theTableIsLargeAndConsistent() {
        let table = Knowledge.bundled.organisations
        #expect(table.count >= 60)
        #expect(Set(table.map(\.id)).count == table.count)
        for organisation in table {
            #expect(!(organisation.names["en", default: []] + organisation.acronyms["en", default: []]).isEmpty, "\(organisation.id)")
            #expect(!(organisation.names["ru", default: []] + organisation.acronyms["ru", default: []]).isEmpty, "\(organisation.id)")
        }
    }

    @Test func everyRowOfTheDataFileIsUsedOnce() {
        // An unknown kind, a missing column or a kind that differs between an organisation's lines.
        #expect(Knowledge.bundled.rejectedOrganisationRows.isEmpty, "\(Knowledge.bundled.rejectedOrganisationRows)")
        let rows = KnowledgeFile.rows(named: "organisations.tsv")
        let lines = rows.map { "\($0[0]) \($0.count > 2 ? $0[2] : "")" }
        #expect(Set(lines).count == lines.count, "an organisation has two lines for one language")
        let languages = Set(Language.all.map(\.code))
        #expect(rows.allSatisfy { $0.count > 2 && languages.contains($0[2]) }, "a line for a language mtlint has no profile for")
    }

    @Test func noNameOrAcronymBelongsToTwoOrganisations() {
        for language in Language.all {
            var owner: [String: String] = [:]
            for organisation in Knowledge.bundled.organisations {
                for form in organisation.acronyms[language.code, default: []] + organisation.names[language.code, default: []] {
                    #expect(owner[form] == nil || owner[form] == organisation.id,
                            "'\(form)' is listed for \(owner[form] ?? "") and \(organisation.id)")
                    owner[form] = organisation.id
                }
            }
        }
    }

    @Test func readingReportsBadRows() {
        let read = Organisation.read([
            ["X", "security", "en", "X Organisation", "XO"], ["X", "court", "ru", "", "ИКС"], ["Y", "nonsense", "en", "", "Y"], ["Z"],
        ])
        #expect(read.organisations.map(\.id) == ["X"])
        #expect(read.rejected.count == 3)
    }

    @Test func russianNamesMatchInAnyCaseForm() {
        #expect(ids("заседание Организации Договора о коллективной безопасности", .russian) == ["CSTO"])
        #expect(ids("с Организацией Договора о коллективной безопасности и ОБСЕ", .russian) == ["CSTO", "OSCE"])
    }

    @Test func englishNamesAndAcronymsMatch() {
        #expect(ids("the CSTO's position and the Collective Security Treaty Organization", .english) == ["CSTO", "CSTO"])
        #expect(ids("the UN Security Council and the UN", .english) == ["UNSC", "UN"])
    }

    @Test func acronymsMatchCaseSensitivelyAndWholeWords() {
        #expect(ids("who said that", .english) == [])
        #expect(ids("the WHO said", .english) == ["WHO"])
        #expect(ids("NATOs and EUR", .english) == [])
    }
}
