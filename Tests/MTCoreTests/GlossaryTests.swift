import MTCore
import MTText
import Testing

@Suite struct GlossaryTests {
    /// The spans of a term in a segment's source.
    private func found(_ term: String, in source: String) -> [String] {
        let document = Document(segmentID: "t", source: source, target: "x")
        let pattern = Glossary.Pattern(term, language: .russian)
        return pattern.occurrences(in: document.blocks[0], of: document).map(document.buffer.string)
    }

    @Test func aTermIsFoundInEveryCaseAndNumber() {
        // Six cases, singular and plural; the genitive plural "сделок" has a vowel the stem does not.
        let forms = ["зерновая сделка", "зерновой сделки", "зерновой сделке", "зерновую сделку", "зерновой сделкой",
                     "зерновые сделки", "зерновых сделок", "зерновым сделкам", "зерновыми сделками", "зерновых сделках"]
        for form in forms {
            #expect(found("зерновая сделка", in: "Обсуждали условия: \(form) в Стамбуле.") == [form], "\(form)")
        }
        #expect(found("Киев", in: "Делегация прилетела в Киеве и Киева.") == ["Киеве", "Киева"])
        #expect(found("ОДКБ", in: "Саммит ОДКБ и одкб.") == ["ОДКБ"], "an acronym is matched as written")
        #expect(found("сделка", in: "Он сделал это.").isEmpty)
    }
}
