/// What a template can show: text, a yes-or-no flag, a list to repeat a
/// section for, a record of named values, or a hole to be filled later.
enum TemplateValue: Hashable, Sendable {
    case text(String)
    case flag(Bool)
    case list([TemplateValue])
    case record(TemplateRecord)
    /// Renders as nothing, but its place in the output is noted with its
    /// number, so bytes too large to hold all at once (the bodies of the
    /// print page) can be written there as the page is streamed out.
    case hole(Int)

    /// The value named `name` when this is a record.
    @inline(__always)
    func field(_ name: String) -> TemplateValue? {
        if case .record(let record) = self { return record.value(name) }
        return nil
    }
}

/// Named values in the order they were set; a page's context is one.
///
/// Records are small (a dozen names at most), so a name is found by a
/// linear search, which is quicker than hashing for so few. Names and values
/// are kept side by side in one array, so a record is one allocation; a
/// record made by `setting(_:_:)` shares the values of the one it was made
/// from instead of copying them.
struct TemplateRecord: Hashable, Sendable, ExpressibleByDictionaryLiteral {
    private var entries: [Entry] = []
    /// Values set before `entries`, shared with the record this one was made
    /// from by `setting(_:_:)`; no name is in both.
    private var shared: [Entry] = []

    init() {}

    /// A record of the literal's values, in order, leaving out those that are
    /// `nil`. A literal names each value once (checked in debug builds).
    init(dictionaryLiteral elements: (String, (any TemplateConvertible)?)...) {
        entries.reserveCapacity(elements.count)
        for (name, value) in elements {
            assert(index(of: name) == nil, "'\(name)' is set twice in one record literal")
            if let value { entries.append(Entry(name: name, value: value.templateValue)) }
        }
    }

    /// A record of values already converted, in order: quicker than a
    /// literal where many records are made, as no value is boxed.
    init(_ fields: KeyValuePairs<String, TemplateValue>) {
        entries = fields.map { Entry(name: $0.key, value: $0.value) }
    }

    /// `{title, href}`, the commonest record: a link.
    static func link(title: String, href: String) -> TemplateRecord {
        var link = TemplateRecord()
        link.entries = [Entry(name: "title", value: .text(title)), Entry(name: "href", value: .text(href))]
        return link
    }

    /// The value named `name`, if set.
    @inline(__always)
    func value(_ name: String) -> TemplateValue? {
        if let index = index(of: name) { return entries[index].value }
        return shared.first { $0.name == name }?.value
    }

    /// This record with `value` set as `name`. When `name` is new, the values
    /// already set are shared with this record rather than copied, which is
    /// quicker where many records are made from one (a document's list item
    /// with each page's link to it).
    func setting(_ name: String, _ value: TemplateValue) -> TemplateRecord {
        guard shared.isEmpty, index(of: name) == nil else {
            var copy = self
            copy.set(name, value)
            return copy
        }
        var record = TemplateRecord()
        record.shared = entries
        record.entries = [Entry(name: name, value: value)]
        return record
    }

    /// The value named `name`; setting it replaces the value, or with `nil` removes it.
    subscript(name: String) -> (any TemplateConvertible)? {
        get { value(name) }
        set { set(name, newValue?.templateValue) }
    }

    /// The names and values, in the order they were set.
    var fields: [(String, TemplateValue)] { allEntries.map { ($0.name, $0.value) } }

    /// This record with the values of `other` set on top.
    func merging(_ other: TemplateRecord) -> TemplateRecord {
        var merged = self
        merged.entries.reserveCapacity(entries.count + other.entries.count + other.shared.count)
        for entry in other.allEntries { merged.set(entry.name, entry.value) }
        return merged
    }

    /// Records are equal when they have the same names and values in the same order, however they are kept.
    static func == (left: TemplateRecord, right: TemplateRecord) -> Bool {
        left.allEntries == right.allEntries
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(allEntries)
    }
}

/// A Swift value a template context can hold.
protocol TemplateConvertible: Sendable {
    var templateValue: TemplateValue { get }
    /// A list of such values, for an array of them.
    static func templateList(_ elements: [Self]) -> TemplateValue
}

extension TemplateConvertible {
    static func templateList(_ elements: [Self]) -> TemplateValue { .list(elements.map { $0.templateValue }) }
}

extension TemplateValue: TemplateConvertible {
    var templateValue: TemplateValue { self }
}

extension TemplateRecord: TemplateConvertible {
    var templateValue: TemplateValue { .record(self) }
    /// Lists of records, the usual kind, are made without going through the protocol for each one.
    static func templateList(_ elements: [TemplateRecord]) -> TemplateValue { .list(elements.map(TemplateValue.record)) }
}

extension String: TemplateConvertible {
    var templateValue: TemplateValue { .text(self) }
}

extension Substring: TemplateConvertible {
    var templateValue: TemplateValue { .text(String(self)) }
}

extension Int: TemplateConvertible {
    var templateValue: TemplateValue { .text(String(self)) }
}

extension Bool: TemplateConvertible {
    var templateValue: TemplateValue { .flag(self) }
}

extension Array: TemplateConvertible where Element: TemplateConvertible {
    var templateValue: TemplateValue { Element.templateList(self) }
}

private extension TemplateRecord {
    /// One named value.
    struct Entry: Hashable, Sendable {
        let name: String
        var value: TemplateValue
    }

    /// Where the value named `name` is kept.
    @inline(__always)
    func index(of name: String) -> Int? {
        entries.firstIndex { $0.name == name }
    }

    /// Every entry, in the order they were set.
    var allEntries: [Entry] { shared.isEmpty ? entries : shared + entries }

    /// Sets or replaces the value named `name`, or with `nil` removes it.
    mutating func set(_ name: String, _ value: TemplateValue?) {
        if !shared.isEmpty, shared.contains(where: { $0.name == name }) {
            entries = shared + entries
            shared = []
        }
        switch (index(of: name), value) {
        case (let index?, let value?): entries[index].value = value
        case (let index?, nil): entries.remove(at: index)
        case (nil, let value?): entries.append(Entry(name: name, value: value))
        case (nil, nil): break
        }
    }
}
