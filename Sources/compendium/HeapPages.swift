#if canImport(CMimalloc)
// Linked for its malloc, which replaces the C library's (see Sources/CMimalloc/shim.h).
import CMimalloc
#if canImport(Glibc)
import Glibc
#endif

/// How the heap asks the kernel for memory.
enum HeapPages {
    /// Asks mimalloc to take its memory in large (2 MiB) pages where the
    /// kernel offers them, unless `MIMALLOC_LARGE_OS_PAGES` says otherwise.
    ///
    /// A large compendium's build touches hundreds of megabytes of heap
    /// once each: with small pages that is one page fault per 4 KiB, and
    /// every table lookup risks missing the processor's cache of page
    /// addresses (its TLB). With large pages a 100,000-document build takes
    /// a fortieth of the page faults.
    ///
    /// mimalloc commits each thread's first segment of memory late, and a
    /// segment committed late never takes large pages. So whenever large
    /// pages are on, here or by `MIMALLOC_LARGE_OS_PAGES=1`, every segment
    /// is committed at once: a segment is reserved address space, and the
    /// kernel still backs only the parts touched.
    static func preferLarge() {
        if getenv("MIMALLOC_LARGE_OS_PAGES") == nil { mi_option_enable(mi_option_large_os_pages) }
        guard mi_option_is_enabled(mi_option_large_os_pages) else { return }
        mi_option_set(mi_option_eager_commit_delay, 0)
    }
}
#else
/// How the heap asks the kernel for memory: the system allocator's own way here.
enum HeapPages {
    /// Does nothing: the system allocator decides.
    static func preferLarge() {}
}
#endif
