/// Where a document's Markdown text is: its file, the bytes the file had when
/// it was checked, and where the text starts, so that its page can be
/// rendered from the file again and a build need not hold every text at once.
struct BodyText: Sendable {
    /// The document's file.
    let source: SourceFile
    /// The file's bytes when it was checked.
    let fingerprint: Fingerprint
    /// Where the body starts in the file's decoded text, in UTF-8 bytes.
    let offset: Int

    /// Why the text could not be read again.
    enum Failure: Error, Equatable {
        /// The file is gone or cannot be read; `detail` says why.
        case unreadable(detail: String)
        /// The file's bytes are not those that were checked.
        case changed
    }

    /// The body, read again from the file; it fails when the file changed since it was checked.
    func read() -> Result<String, Failure> {
        let bytes: [UInt8]
        do {
            bytes = try source.read()
        } catch {
            return .failure(.unreadable(detail: "\(error)"))
        }
        guard Fingerprint(bytes) == fingerprint else { return .failure(.changed) }
        // Bytes without a byte-order mark or a carriage return decode to themselves, so the body is read in place.
        let plain = bytes.withUnsafeBufferPointer { all in
            !all.starts(with: [0xEF, 0xBB, 0xBF]) && all.firstOffset(of: UInt8(ascii: "\r")) == nil
        }
        if plain, offset <= bytes.count {
            return .success(String(decoding: bytes[offset...], as: UTF8.self))
        }
        guard case .success(let text) = TextDecoding.decode(bytes), text.utf8.count >= offset else { return .failure(.changed) }
        let utf8 = text.utf8
        return .success(String(utf8[utf8.index(utf8.startIndex, offsetBy: offset)...])!)
    }

    /// The diagnostic for a failure to read the text again.
    func diagnostic(for failure: Failure) -> Diagnostic {
        let location = SourceLocation(file: source.displayPath)
        switch failure {
        case .unreadable(let detail): return Diagnostic(.unreadable(detail: detail), at: location)
        case .changed: return Diagnostic(.changedWhileBuilding, at: location)
        }
    }
}
