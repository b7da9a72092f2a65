/// A calendar date without a time or time zone, as written in content (`2025-11-21`).
public struct Day: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The year, e.g. 2025.
    public let year: Int
    /// The month, 1 to 12.
    public let month: Int
    /// The day of the month, 1 to 31.
    public let day: Int

    /// Parses `YYYY-MM-DD`, checking that the day exists.
    public init?(iso text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = Day.number(bytes[0..<4]), let month = Day.number(bytes[5..<7]),
              let day = Day.number(bytes[8..<10]),
              (1...12).contains(month), day >= 1, day <= Day.length(ofMonth: month, in: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// `2025-11-21`.
    public var iso: String {
        "\(year)-\(Day.pad(month))-\(Day.pad(day))"
    }

    /// `21 November 2025`.
    public var long: String {
        "\(day) \(Day.monthNames[month - 1]) \(year)"
    }

    /// `Friday 21 November 2025`.
    public var withWeekday: String {
        "\(weekday) \(long)"
    }

    /// The day of the week, by Zeller's congruence (proleptic Gregorian calendar).
    public var weekday: String {
        let (m, y) = month < 3 ? (month + 12, year - 1) : (month, year)
        let h = (day + (13 * (m + 1)) / 5 + y + y / 4 - y / 100 + y / 400) % 7
        return ["Saturday", "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday"][h]
    }

    /// `21 Nov 2025`, for table headings.
    public var short: String {
        "\(day) \(Day.monthNames[month - 1].prefix(3)) \(year)"
    }

    /// `November 2025`.
    public var monthAndYear: String {
        "\(Day.monthNames[month - 1]) \(year)"
    }

    public var description: String { iso }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

private extension Day {
    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]

    static func number(_ digits: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    static func length(ofMonth month: Int, in year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func pad(_ number: Int) -> String {
        number < 10 ? "0\(number)" : "\(number)"
    }
}
