import Testing
@testable import Markdown

@Suite struct ParseArenaTests {
    private func fill(_ pointer: UnsafeMutableRawPointer, _ count: Int, with byte: UInt8) {
        pointer.initializeMemory(as: UInt8.self, repeating: byte, count: count)
    }

    private func bytes(_ pointer: UnsafeMutableRawPointer, _ count: Int) -> [UInt8] {
        Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }

    @Test func allocationsAreAlignedAndDoNotOverlap() {
        var arena = ParseArena()
        defer { arena.destroy() }
        var blocks: [(UnsafeMutableRawPointer, Int)] = []
        for (index, count) in [1, 15, 16, 17, 100, 4_000, 70_000, 3].enumerated() {
            let block = arena.allocate(count)
            #expect(Int(bitPattern: block) % ParseArena.alignment == 0)
            fill(block, count, with: UInt8(index))
            blocks.append((block, count))
        }
        for (index, (block, count)) in blocks.enumerated() {
            #expect(bytes(block, count) == Array(repeating: UInt8(index), count: count))
        }
    }

    @Test func reallocatingKeepsTheBytesWhetherItGrowsInPlaceOrMoves() {
        var arena = ParseArena()
        defer { arena.destroy() }
        let latest = arena.allocate(10)
        fill(latest, 10, with: 7)
        let grown = arena.reallocate(latest, to: 200)
        #expect(grown == latest, "the latest allocation grows where it is")
        #expect(bytes(grown, 10) == Array(repeating: 7, count: 10))

        _ = arena.allocate(8)
        let moved = arena.reallocate(grown, to: 1_000)
        #expect(moved != grown, "an allocation with another after it moves")
        #expect(bytes(moved, 10) == Array(repeating: 7, count: 10))

        let large = arena.reallocate(moved, to: ParseArena.largeSize + 1)
        #expect(bytes(large, 10) == Array(repeating: 7, count: 10))
        #expect(arena.reallocate(nil, to: 5) != large)
    }

    @Test func manyAllocationsSpanChunksAndLargeBlocks() {
        var arena = ParseArena()
        defer { arena.destroy() }
        var blocks: [UnsafeMutableRawPointer] = []
        for index in 0..<5_000 {
            let count = index % 50 == 0 ? ParseArena.largeSize + index : 64 + index % 300
            let block = arena.allocate(count)
            block.storeBytes(of: index, as: Int.self)
            blocks.append(block)
        }
        for (index, block) in blocks.enumerated() { #expect(block.load(as: Int.self) == index) }
    }

    @Test func releaseGivesBackOnlyWhatCameAfterTheMark() {
        var arena = ParseArena()
        defer { arena.destroy() }
        let kept = arena.allocate(32)
        kept.storeBytes(of: 42, as: Int.self)
        let outer = arena.mark()
        let first = arena.allocate(32)
        let inner = arena.mark()
        for _ in 0..<10 { _ = arena.allocate(ParseArena.largeSize - 64) }
        _ = arena.allocate(ParseArena.largeSize * 2)
        arena.release(to: inner)
        #expect(arena.allocate(32) == first + 32 + ParseArena.alignment, "allocation resumes where the inner mark was")
        arena.release(to: outer)
        #expect(arena.allocate(32) == first, "allocation resumes where the outer mark was")
        #expect(kept.load(as: Int.self) == 42)
    }

    @Test func parsesOnManyThreadsAtOnceRenderTheSame() async {
        let source = (1...200).map { "## Heading \($0)\n\nText with *emphasis*, `code` and [a link](https://example.org/\($0)).\n" }
            .joined(separator: "\n")
        let expected = MarkdownRenderer.render(source, anchor: { $0 }, answers: [], placements: [BodyPlacement(destinations: [])])
        let results = await withTaskGroup(of: RenderedBody.self) { group in
            for _ in 0..<16 {
                group.addTask {
                    MarkdownRenderer.render(source, anchor: { $0 }, answers: [], placements: [BodyPlacement(destinations: [])])
                }
            }
            var results: [RenderedBody] = []
            for await result in group { results.append(result) }
            return results
        }
        #expect(results.count == 16)
        for result in results { #expect(result.html == expected.html && result.plainText == expected.plainText) }
    }
}
