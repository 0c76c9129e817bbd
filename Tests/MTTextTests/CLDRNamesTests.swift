import MTText
import Testing

@Suite struct CLDRNamesTests {
    static let entries = CLDRNames.entries(source: "ru", target: "en")

    private func names(_ code: String) -> (String, String)? {
        Self.entries.first { $0.code == code }.map { ($0.source, $0.target) }
    }

    @Test func everyKindOfNameComesFromICU() {
        let kinds = Dictionary(grouping: Self.entries, by: \.kind).mapValues(\.count)
        #expect(kinds[.territory, default: 0] > 200)
        #expect(kinds[.language, default: 0] > 300)
        #expect(kinds[.currency, default: 0] > 100)
        #expect(kinds[.city, default: 0] > 300)
    }

    @Test func namesAreRealTranslations() throws {
        #expect(try #require(names("ZA")) == ("Южно-Африканская Республика", "South Africa"))
        #expect(try #require(names("DE")) == ("Германия", "Germany"))
        #expect(try #require(names("Europe/Moscow")) == ("Москва", "Moscow"))
        #expect(Self.entries.contains { $0.kind == .city && $0.source == "Шанхай" && $0.target == "Shanghai" })
        #expect(try #require(names("RUB")).1 == "Russian Ruble")
        // ICU's placeholders (a code for a missing name, "Unknown City") are left out.
        #expect(!Self.entries.contains { $0.source == $0.code || $0.target == $0.code })
        #expect(Self.entries.filter { $0.kind == .city }.count == Set(Self.entries.filter { $0.kind == .city }.map(\.target)).count)
    }
}
