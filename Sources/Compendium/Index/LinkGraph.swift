import Foundation

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

    /// The graph of `edges` among `count` documents, no two of which are the
    /// same (declared references are made unique, and each text's mentions
    /// are), with `proximity` worked out from the front matter beforehand.
    init(count: Int, edges: [Edge], rank: [Int], proximity: Proximity) {
        var outgoing = [[Edge]](repeating: [], count: count)
        var incoming = [[Edge]](repeating: [], count: count)
        for edge in edges {
            outgoing[edge.source].append(edge)
            incoming[edge.target].append(edge)
        }
        self.outgoing = outgoing.parallelMap { $0.sorted { ($0.relation, rank[$0.target]) < ($1.relation, rank[$1.target]) } }
        self.incoming = incoming.parallelMap { $0.sorted { ($0.relation, rank[$0.source]) < ($1.relation, rank[$1.source]) } }
        related = proximity.related
        neighbours = proximity.neighbours
    }

    /// What the front matter alone says is near each document: related
    /// documents and neighbours in a sequence, so that they can be worked
    /// out while the bodies are still being surveyed.
    struct Proximity: Sendable {
        let related: [[Int]]
        let neighbours: [Neighbours]

        /// The proximity of `documents` by `declared` references, `taxonomy`
        /// and display `rank`; related documents only `withRelated` (pages list them, checks do not).
        init(documents: [Document], declared: [Edge], taxonomy: Taxonomy, rank: [Int], withRelated: Bool = true) {
            related = withRelated ? LinkGraph.relatedDocuments(count: documents.count, taxonomy: taxonomy, rank: rank)
                : Array(repeating: [], count: documents.count)
            neighbours = LinkGraph.sequenceNeighbours(documents: documents, edges: declared)
        }
    }
}

extension LinkGraph {
    /// A graph of `count` documents without edges.
    init(count: Int) {
        outgoing = Array(repeating: [], count: count)
        incoming = Array(repeating: [], count: count)
        related = Array(repeating: [], count: count)
        neighbours = Array(repeating: Neighbours(), count: count)
    }
}

/// The documents before and after one in its sequence.
struct Neighbours: Sendable, Hashable {
    var previous: Int?
    var next: Int?
}

private extension LinkGraph {
    /// Scores candidates by shared themes (1 each) and shared topics (2 each:
    /// topics are more specific); ties go to the earlier in `rank`. Runs on
    /// every core, each worker keeping one score table for its share of the
    /// documents, so the work is linear in the candidates looked at.
    static func relatedDocuments(count: Int, taxonomy: Taxonomy, rank: [Int]) -> [[Int]] {
        let byRank: ([Int]) -> [Candidate] = { members in
            members.sorted { rank[$0] < rank[$1] }.prefix(candidatesPerTerm).map { Candidate(position: $0, rank: rank[$0]) }
        }
        let themeMembers = taxonomy.documentsOfTheme.mapValues(byRank)
        let topicMembers = taxonomy.topics.map { byRank($0.documents) }
        let shares = Swift.max(1, Swift.min(count, 8 * ProcessInfo.processInfo.activeProcessorCount))
        let bounds = (0...shares).map { $0 * count / shares }
        return Array(0..<shares).parallelMap { share -> [[Int]] in
            var scores = [Int32](repeating: 0, count: count)
            var touched: [Candidate] = []
            return scores.withUnsafeMutableBufferPointer { scores in
                (bounds[share]..<bounds[share + 1]).map { position in
                    func add(_ members: [Candidate], _ points: Int32) {
                        for member in members where member.position != position {
                            if scores[member.position] == 0 { touched.append(member) }
                            scores[member.position] += points
                        }
                    }
                    for theme in taxonomy.themesOfDocument[position] { add(themeMembers[theme] ?? [], 1) }
                    for topic in taxonomy.topicsOfDocument[position] { add(topicMembers[topic], 2) }
                    // Better means a higher score, then an earlier rank: one number says both.
                    var best: [(position: Int, order: Int)] = []
                    for member in touched {
                        let order = (Int(scores[member.position]) << 32) - member.rank
                        guard best.count < relatedLimit || order > best[relatedLimit - 1].order else { continue }
                        best.insert((member.position, order), at: best.firstIndex { order > $0.order } ?? best.count)
                        if best.count > relatedLimit { best.removeLast() }
                    }
                    for member in touched { scores[member.position] = 0 }
                    touched.removeAll(keepingCapacity: true)
                    return best.map(\.position)
                }
            }
        }.flatMap { $0 }
    }

    /// A member of a theme or topic, with its rank at hand.
    struct Candidate {
        let position: Int
        let rank: Int
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
