/// An NHS Agenda for Change pay band: 2 to 9, with band 8 split into 8a to 8d.
public struct Band: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Every band, lowest first.
    public static let all: [Band] = ["2", "3", "4", "5", "6", "7", "8a", "8b", "8c", "8d", "9"].map(Band.init(known:))

    /// The band as written: `4`, `8a`.
    public let name: String

    /// The band named `text` (`8A` and `Band 8a` are accepted), or `nil`.
    public init?(_ text: String) {
        var name = text.lowercased().trimmingSpaces
        if name.hasPrefix("band") { name = String(name.dropFirst(4)).trimmingSpaces }
        guard Band.all.contains(where: { $0.name == name }) else { return nil }
        self.name = name
    }

    private init(known name: String) {
        self.name = name
    }

    /// `Band 8a`.
    public var title: String { "Band \(name)" }

    public var description: String { name }

    private var rank: Int { Band.all.firstIndex(of: self) ?? 0 }

    public static func < (lhs: Band, rhs: Band) -> Bool { lhs.rank < rhs.rank }
}
