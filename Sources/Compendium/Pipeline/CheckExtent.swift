/// How much of the site a check works out besides its problems, which it always finds in full.
public enum CheckExtent: Sendable, Hashable {
    /// The problems alone, for `compendium check`.
    case problems
    /// Which document refers to which too, for a report of the pages a change touches.
    case links
    /// Everything the pages show, related documents too.
    case pages
}
