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
/// linear search, which is quicker than hashing for so few.
struct TemplateRecord: Hashable, Sendable, ExpressibleByDictionaryLiteral {
    private var names: [String] = []
    private var values: [TemplateValue] = []

    init() {}

    init(dictionaryLiteral elements: (String, (any TemplateConvertible)?)...) {
        names.reserveCapacity(elements.count)
        values.reserveCapacity(elements.count)
        for (name, value) in elements { self[name] = value }
    }

    /// The value named `name`, if set.
    @inline(__always)
    func value(_ name: String) -> TemplateValue? {
        guard let index = names.firstIndex(of: name) else { return nil }
        return values[index]
    }

    /// The value named `name`; setting it replaces the value, or with `nil` removes it.
    subscript(name: String) -> (any TemplateConvertible)? {
        get { value(name) }
        set {
            let index = names.firstIndex(of: name)
            switch (index, newValue?.templateValue) {
            case (let index?, let value?): values[index] = value
            case (let index?, nil): names.remove(at: index); values.remove(at: index)
            case (nil, let value?): names.append(name); values.append(value)
            case (nil, nil): break
            }
        }
    }

    /// The names and values, in the order they were set.
    var fields: Zip2Sequence<[String], [TemplateValue]> { zip(names, values) }

    /// This record with the values of `other` set on top.
    func merging(_ other: TemplateRecord) -> TemplateRecord {
        var merged = self
        for (name, value) in zip(other.names, other.values) { merged[name] = value }
        return merged
    }
}

/// A Swift value a template context can hold.
protocol TemplateConvertible: Sendable {
    var templateValue: TemplateValue { get }
}

extension TemplateValue: TemplateConvertible {
    var templateValue: TemplateValue { self }
}

extension TemplateRecord: TemplateConvertible {
    var templateValue: TemplateValue { .record(self) }
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
    var templateValue: TemplateValue { .list(map(\.templateValue)) }
}
