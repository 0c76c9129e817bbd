import Dispatch
import Synchronization

/// Where a document comes from: one reader per input format turns its input into the document model,
/// whose spans (`Document.span`) give every offset back in the original file: the line, column and byte
/// offsets of the file as it is on disk (a byte order mark counted), of the source file for the source
/// text of two files, and of the page for text taken from an HTML page (`HTMLFile`, through `FileMap`).
public protocol DocumentSource: Sendable {
    /// Reads and analyses the input: segmented, classified and aligned.
    /// - Parameter maximumSize: larger inputs are refused (`--max-size`) rather than read into memory.
    func read(pair: LanguagePair, knowledge: Knowledge, maximumSize: Int) throws(InputError) -> Document
}

/// One run of mtlint: the rules, the gate, the language pair and the number of threads. It reads
/// each input through its reader, checks it with every rule and scores it: `check`, `check --stdin-jsonl`,
/// `eval`, the benchmark and the fuzzer all check documents through a session, so they agree.
public struct Session: Sendable {
    /// How documents are checked unless `check(_:profiles:emit:)` is given one per input.
    public let profile: Profile
    /// Inputs checked at once.
    public let jobs: Int
    /// Larger inputs are refused rather than read into memory.
    public let maximumSize: Int

    public var rules: [any Rule] { profile.rules }
    public var policy: ScoringPolicy { profile.policy }
    public var pair: LanguagePair { profile.pair }

    public init(profile: Profile, jobs: Int = 1, maximumSize: Int = DocumentReader.defaultMaximumSize) {
        self.profile = profile
        self.jobs = max(1, jobs)
        self.maximumSize = maximumSize
    }

    public init(rules: [any Rule], policy: ScoringPolicy = ScoringPolicy(), pair: LanguagePair = .russianEnglish,
                jobs: Int = 1, maximumSize: Int = DocumentReader.defaultMaximumSize) {
        self.init(profile: Profile(rules: rules, policy: policy, pair: pair), jobs: jobs, maximumSize: maximumSize)
    }

    /// Runs every rule over a document and scores the findings.
    /// - Parameter threads: how many threads the rules of this one document run on (the findings are the
    ///   same for any number): more than one when a document is checked alone, one when documents are
    ///   checked at once (`check(_:emit:)`, `map`).
    /// - Parameter profile: how to check it (default: the session's).
    public func check(_ document: Document, threads: Int = 1, profile: Profile? = nil) -> LintResult {
        let profile = profile ?? self.profile
        let stages = profile.stages
        let findings: [Finding]
        if threads > 1 {
            document.prepare(threads: threads)
            // A rule of pairs is one piece of work per run of pairs (a few per thread, so that the threads
            // finish together), any other rule one piece; the pieces' findings are joined in order.
            let pairs = document.alignedCaptions
            let runs = min(pairs.count, 4 * threads)
            var work: [(rule: Int, pairs: Range<Int>?)] = []
            for (index, entry) in stages.documentRules.enumerated() {
                if entry.pairRule != nil, runs > 1 {
                    work += (0..<runs).map { (index, (pairs.count * $0 / runs)..<(pairs.count * ($0 + 1) / runs)) }
                } else {
                    work.append((index, nil))
                }
            }
            let session = Session(profile: profile, jobs: threads, maximumSize: maximumSize)
            findings = session.map(work.count) { [work] in
                let (index, range) = work[$0]
                let entry = stages.documentRules[index]
                guard let range, let pairRule = entry.pairRule else { return entry.rule.check(document) }
                return pairRule.check(pairs: pairs[range], in: document)
            }.flatMap { $0 }
        } else {
            findings = stages.documentRules.flatMap { $0.rule.check(document) }
        }
        let all = findings + stages.findingsRules.flatMap { $0.check(document, findings: findings) }
        let reported = profile.reported(all, of: document)
        let named = document.units.isEmpty ? reported.findings : reported.findings.map { finding in
            var finding = finding
            finding.unit = document.unit(at: finding.target.bufferRange).map { UnitReference(id: $0.id, notes: $0.notes) }
            return finding
        }
        return LintResult(document: document, findings: named, score: profile.policy.score(named, wordCount: document.targetWordCount),
                          suppressed: reported.suppressed, baselined: reported.baselined)
    }

    /// Reads an input and checks it (see `check(_:threads:profile:)`).
    public func check(_ input: some DocumentSource, threads: Int = 1, profile: Profile? = nil) -> Result<LintResult, InputError> {
        let profile = profile ?? self.profile
        return Result { () throws(InputError) -> LintResult in
            check(try input.read(pair: profile.pair, knowledge: profile.knowledge, maximumSize: maximumSize), threads: threads, profile: profile)
        }
    }

    /// Checks inputs on `jobs` threads and hands each outcome to `emit` strictly in input order, as soon
    /// as it and all before it are done: the output is the same for any number of jobs, and streamed
    /// formats still stream. `emit` is called under a lock, one outcome at a time.
    /// - Parameter profiles: how to check each input (a project's configuration may set each file up its
    ///   own way), in input order; `nil`: the session's profile for all.
    public func check(_ inputs: [any DocumentSource], profiles: [Profile]? = nil,
                      emit: @escaping @Sendable (Result<LintResult, InputError>) -> Void) {
        precondition(profiles == nil || profiles?.count == inputs.count, "one profile per input")
        struct State {
            var next = 0
            var emitted = 0
            var waiting: [Int: Result<LintResult, InputError>] = [:]
        }
        let state = Mutex(State())
        let group = DispatchGroup()
        for _ in 0..<min(jobs, max(1, inputs.count)) {
            DispatchQueue.global().async(group: group) {
                while true {
                    let index: Int? = state.withLock { state in
                        guard state.next < inputs.count else { return nil }
                        defer { state.next += 1 }
                        return state.next
                    }
                    guard let index else { return }
                    // Fewer inputs than threads: each input's rules share the threads left over.
                    let outcome = check(inputs[index], threads: inputs.count < jobs ? jobs / inputs.count : 1, profile: profiles?[index])
                    state.withLock { state in
                        state.waiting[index] = outcome
                        while let ready = state.waiting.removeValue(forKey: state.emitted) {
                            emit(ready)
                            state.emitted += 1
                        }
                    }
                }
            }
        }
        group.wait()
    }

    /// `body` for every index below `count` on `jobs` threads, the results in index order: each thread
    /// takes the next index, so one slow item does not idle the others.
    public func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let results = Mutex([T?](repeating: nil, count: count))
        let next = Atomic(0)
        DispatchQueue.concurrentPerform(iterations: min(jobs, max(count, 1))) { _ in
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < count else { return }
                let value = body(index)
                results.withLock { $0[index] = value }
            }
        }
        return results.withLock { $0.map { $0! } }
    }
}

/// A checked document.
public struct LintResult: Sendable {
    public let document: Document
    public let findings: [Finding]
    public let score: Score
    /// Findings an inline directive or an `ignore:` entry of the configuration took away.
    public let suppressed: Int
    /// Findings the baseline held (`--baseline`).
    public let baselined: Int

    public init(document: Document, findings: [Finding], score: Score, suppressed: Int = 0, baselined: Int = 0) {
        self.document = document
        self.findings = findings
        self.score = score
        self.suppressed = suppressed
        self.baselined = baselined
    }
}
