#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Memory for the trees of one thread's parses, handed out from large
/// blocks and given back all at once.
///
/// A parse makes and frees many small blocks (nodes, text, buffers), and
/// everything it made is freed together when the tree is freed. Taking
/// them from a block in order, and giving the block back when the parse
/// is done, costs less than asking the C allocator for each, and leaves
/// the heap the pages are rendered from unfragmented.
///
/// Freeing a single allocation does nothing; `release(to:)` gives back
/// everything allocated since a `mark()`. Each thread has its own arena,
/// and marks nest, so a parse inside a parse gives back only its own memory.
struct ParseArena {
    /// Where the allocations since a `mark()` begin.
    struct Mark {
        fileprivate let chunk: UnsafeMutableRawPointer
        fileprivate let used: Int
        fileprivate let large: UnsafeMutableRawPointer?
    }

    /// Bytes in each block that small allocations are taken from.
    static let chunkSize = 256 * 1024
    /// Allocations larger than this get a block of their own.
    static let largeSize = chunkSize / 4
    /// Every allocation is aligned to this, and preceded by its size in a header this long.
    static let alignment = 16
    /// Bytes before a chunk's first allocation: the previous chunk.
    private static let chunkHeader = alignment
    /// Bytes before a large block's allocation: the previous large block.
    private static let largeHeader = alignment

    /// The chunk allocations are taken from; the first word of a chunk is the one before it.
    private var chunk: UnsafeMutableRawPointer
    /// Bytes of `chunk` in use, headers included.
    private var used: Int
    /// The latest large block; the first word of each is the one before it.
    private var large: UnsafeMutableRawPointer?

    /// An arena with one chunk.
    init() {
        chunk = ParseArena.newChunk(after: nil)
        used = ParseArena.chunkHeader
        large = nil
    }

    /// Gives back every block.
    func destroy() {
        var large = self.large
        while let block = large {
            large = block.load(as: UnsafeMutableRawPointer?.self)
            free(block)
        }
        var chunk: UnsafeMutableRawPointer? = self.chunk
        while let current = chunk {
            chunk = current.load(as: UnsafeMutableRawPointer?.self)
            free(current)
        }
    }

    /// Where the next allocation begins.
    func mark() -> Mark {
        Mark(chunk: chunk, used: used, large: large)
    }

    /// Gives back everything allocated since `mark`.
    mutating func release(to mark: Mark) {
        while let block = large, block != mark.large {
            large = block.load(as: UnsafeMutableRawPointer?.self)
            free(block)
        }
        while chunk != mark.chunk {
            let previous = chunk.load(as: UnsafeMutableRawPointer.self)
            free(chunk)
            chunk = previous
        }
        used = mark.used
    }

    /// `count` bytes, uninitialised, aligned to `alignment`.
    mutating func allocate(_ count: Int) -> UnsafeMutableRawPointer {
        let size = ParseArena.rounded(count)
        if size > ParseArena.largeSize {
            let block = ParseArena.allocateOrDie(ParseArena.largeHeader + ParseArena.alignment + size)
            block.storeBytes(of: large, as: UnsafeMutableRawPointer?.self)
            large = block
            return ParseArena.stamp(block + ParseArena.largeHeader, size: size)
        }
        if used + ParseArena.alignment + size > ParseArena.chunkSize {
            chunk = ParseArena.newChunk(after: chunk)
            used = ParseArena.chunkHeader
        }
        let start = chunk + used
        used += ParseArena.alignment + size
        return ParseArena.stamp(start, size: size)
    }

    /// `pointer`'s allocation made `count` bytes long, keeping its bytes:
    /// in place when it is the latest allocation and there is room, else copied.
    mutating func reallocate(_ pointer: UnsafeMutableRawPointer?, to count: Int) -> UnsafeMutableRawPointer {
        guard let pointer else { return allocate(count) }
        let old = (pointer - ParseArena.alignment).load(as: Int.self)
        let size = ParseArena.rounded(count)
        if size <= old { return pointer }
        if pointer + old == chunk + used, used - old + size <= ParseArena.chunkSize {
            used += size - old
            (pointer - ParseArena.alignment).storeBytes(of: size, as: Int.self)
            return pointer
        }
        let moved = allocate(count)
        moved.copyMemory(from: pointer, byteCount: old)
        return moved
    }

    private static func rounded(_ count: Int) -> Int {
        (max(count, 1) + alignment - 1) & ~(alignment - 1)
    }

    /// Writes an allocation's size into the header at `start`; returns the allocation.
    private static func stamp(_ start: UnsafeMutableRawPointer, size: Int) -> UnsafeMutableRawPointer {
        start.storeBytes(of: size, as: Int.self)
        return start + alignment
    }

    private static func newChunk(after previous: UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer {
        let chunk = allocateOrDie(chunkSize)
        chunk.storeBytes(of: previous, as: UnsafeMutableRawPointer?.self)
        return chunk
    }

    private static func allocateOrDie(_ count: Int) -> UnsafeMutableRawPointer {
        guard let block = malloc(count) else { fatalError("out of memory: \(count) bytes for a Markdown parse") }
        return block
    }
}
