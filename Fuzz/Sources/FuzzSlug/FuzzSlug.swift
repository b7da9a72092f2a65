import Compendium
import FuzzSupport

// Slug.make and Slug.isValid on any text:
// - make(x) is a valid slug or empty;
// - make is idempotent: make(make(x)) == make(x);
// - a valid slug is left as it is: isValid(x) implies make(x) == x.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSlug(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let slug = Slug.make(text)
    Fuzz.require(slug.isEmpty || Slug.isValid(slug), "make(\(Fuzz.quote(text))) = \(Fuzz.quote(slug)) is not a valid slug")
    let again = Slug.make(slug)
    Fuzz.require(again == slug, "make is not idempotent: \(Fuzz.quote(slug)) → \(Fuzz.quote(again))")
    if Slug.isValid(text) {
        Fuzz.require(slug == text, "a valid slug \(Fuzz.quote(text)) was changed to \(Fuzz.quote(slug))")
    }
    return 0
}
