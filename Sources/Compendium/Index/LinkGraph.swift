/// Who links to whom, related documents, and previous/next neighbours;
/// each built in time linear in the number of documents and links.
struct LinkGraph: Sendable {
    /// Each document's outgoing edges, by source position.
    let outgoing: [[Edge]]
    /// Each document's incoming edges, by target position.
    let incoming: [[Edge]]
    /// Up to `relatedLimit` documents sharing themes or topics, best first, by position.
    let related: [[Int]]
    /// The earlier and later document in the same sequence, by position.
    let neighbours: [Neighbours]

    /// How many related documents a page lists.
    static let relatedLimit = 5
    /// How many members of one theme or topic are considered as related
    /// candidates; bounds the work for themes that most documents share.
    static let candidatesPerTerm = 200

    static func build(documents: [Document], edges: [Edge], taxonomy: Taxonomy, rank: [Int]) -> LinkGraph {
        var outgoing = [[Edge]](repeating: [], count: documents.count)
        var incoming = [[Edge]](repeating: [], count: documents.count)
        for edge in edges {
            outgoing[edge.source].append(edge)
            incoming[edge.target].append(edge)
        }
        let order: (Edge, Edge, KeyPath<Edge, Int>) -> Bool = { a, b, end in
            (a.relation, rank[a[keyPath: end]]) < (b.relation, rank[b[keyPath: end]])
        }
        outgoing = outgoing.map { $0.sorted { order($0, $1, \.target) } }
        incoming = incoming.map { $0.sorted { order($0, $1, \.source) } }
        return LinkGraph(
            outgoing: outgoing, incoming: incoming,
            related: relatedDocuments(count: documents.count, taxonomy: taxonomy, rank: rank),
            neighbours: sequenceNeighbours(documents: documents, edges: edges)
        )
    }
}

/// The documents before and after one in its sequence.
struct Neighbours: Sendable, Hashable {
    var previous: Int?
    var next: Int?
}

private extension LinkGraph {
    /// Scores candidates by shared themes (1 each) and shared topics (2 each:
    /// topics are more specific); ties go to the earlier in `rank`.
    static func relatedDocuments(count: Int, taxonomy: Taxonomy, rank: [Int]) -> [[Int]] {
        let byRank: ([Int]) -> [Int] = { members in
            Array(members.sorted { rank[$0] < rank[$1] }.prefix(candidatesPerTerm))
        }
        let themeMembers = taxonomy.documentsOfTheme.mapValues(byRank)
        let topicMembers = taxonomy.topics.map { byRank($0.documents) }
        return (0..<count).map { position in
            var scores: [Int: Int] = [:]
            for theme in taxonomy.themesOfDocument[position] {
                for member in themeMembers[theme] ?? [] where member != position { scores[member, default: 0] += 1 }
            }
            for topic in taxonomy.topicsOfDocument[position] {
                for member in topicMembers[topic] where member != position { scores[member, default: 0] += 2 }
            }
            let best = scores.sorted { ($1.value, rank[$0.key]) < ($0.value, rank[$1.key]) }
            return best.prefix(relatedLimit).map(\.key)
        }
    }

    /// Meetings in a series follow each other by date within the series;
    /// other meetings among all meetings, and slides among slides.
    static func sequenceNeighbours(documents: [Document], edges: [Edge]) -> [Neighbours] {
        var seriesOf: [Int: Int] = [:]
        for edge in edges where edge.relation == .partOf { seriesOf[edge.source] = edge.target }
        var sequences: [String: [Int]] = [:]
        for (position, document) in documents.enumerated() {
            switch document.kind {
            case .meeting:
                let key = seriesOf[position].map { "series-\($0)" } ?? "meetings"
                sequences[key, default: []].append(position)
            case .slides:
                sequences["slides", default: []].append(position)
            default:
                continue
            }
        }
        var neighbours = [Neighbours](repeating: Neighbours(), count: documents.count)
        for members in sequences.values {
            let ordered = members.sorted {
                (documents[$0].date ?? Day.distantPast, documents[$0].slug) < (documents[$1].date ?? Day.distantPast, documents[$1].slug)
            }
            for (index, position) in ordered.enumerated() {
                neighbours[position].previous = index > 0 ? ordered[index - 1] : nil
                neighbours[position].next = index + 1 < ordered.count ? ordered[index + 1] : nil
            }
        }
        return neighbours
    }
}

extension Day {
    /// A date before any real one, for sorting undated documents first.
    static let distantPast = Day(iso: "0001-01-01")!
}
