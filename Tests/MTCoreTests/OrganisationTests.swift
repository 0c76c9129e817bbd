import MTText
import Testing
@testable import MTCore

@Suite struct OrganisationTests {
    private func ids(_ text: String, _ language: Language) -> [String] {
        let buffer = TextBuffer(text)
        let tokens = Segmenter(language: language).tokens(buffer, in: 0..<buffer.count)
        return OrganisationMatcher.shared(for: language).mentions(in: buffer, tokens: tokens).map(\.organisation.id)
    }

    @Test func theTableIsLargeAndConsistent() {
        let table = Organisation.all
        #expect(table.count >= 60)
        #expect(Set(table.map(\.id)).count == table.count)
        for organisation in table {
            #expect(!(organisation.names["en", default: []] + organisation.acronyms["en", default: []]).isEmpty, "\(organisation.id)")
            #expect(!(organisation.names["ru", default: []] + organisation.acronyms["ru", default: []]).isEmpty, "\(organisation.id)")
        }
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
