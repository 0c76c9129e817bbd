internal import CICU

/// ICU's charset detection, for naming the encoding of a file that is not UTF-8.
public enum CharsetDetector {
    /// ICU's best guess at the encoding of `bytes` ("windows-1251", "ISO-8859-1") with its confidence
    /// (0–100) and, when ICU can tell, the language ("ru"); nil when ICU has no guess. Reads at most
    /// the first 64 KiB.
    public static func guess(_ bytes: some Collection<UInt8>) -> (name: String, confidence: Int, language: String?)? {
        var status = U_ZERO_ERROR
        guard let detector = ucsdet_open(&status), ICU.succeeded(status) else { return nil }
        defer { ucsdet_close(detector) }
        let sample = bytes.prefix(1 << 16).map { CChar(bitPattern: $0) }
        return sample.withUnsafeBufferPointer { buffer -> (String, Int, String?)? in
            ucsdet_setText(detector, buffer.baseAddress, Int32(buffer.count), &status)
            guard ICU.succeeded(status), let match = ucsdet_detect(detector, &status), ICU.succeeded(status),
                  let name = ucsdet_getName(match, &status) else { return nil }
            let confidence = Int(ucsdet_getConfidence(match, &status))
            let language = ucsdet_getLanguage(match, &status).map { String(cString: $0) }
            return (String(cString: name), confidence, language?.isEmpty == false ? language : nil)
        }
    }
}
