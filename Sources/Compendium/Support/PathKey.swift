/// A path as a dictionary key that compares and hashes its UTF-8 bytes:
/// Swift strings compare by canonical equivalence, but two files whose
/// names differ only in Unicode normalisation are two files.
struct PathKey: Hashable, Sendable {
    let path: String

    init(_ path: String) {
        self.path = path
    }

    static func == (lhs: PathKey, rhs: PathKey) -> Bool {
        lhs.path.utf8.elementsEqual(rhs.path.utf8)
    }

    func hash(into hasher: inout Hasher) {
        var path = self.path
        path.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
