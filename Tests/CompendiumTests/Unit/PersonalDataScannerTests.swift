@testable import Compendium
import Testing

// Unit tests of the personal data scanner used by the privacy lint: what it finds,
// what it must leave alone, the byte ranges it reports and how it masks values.

/// A finding, written short.
private func found(_ kind: PersonalDataKind, _ range: Range<Int>, _ masked: String, certain: Bool = false) -> PersonalDataFinding {
    PersonalDataFinding(kind: kind, range: range, masked: masked, isCertain: certain)
}

/// The scanner's tests, grouped by the kind of data.
@Suite enum PersonalDataScannerTests {
    /// E-mail addresses.
    @Suite struct Emails {
        /// Plain addresses, and those in code spans and `mailto:` links, without a trailing full stop.
        @Test(arguments: [
            ("Contact mark.allan1@nhs.net for help.", 8..<27, "m***@nhs.net"),
            ("Write to `jo.bloggs@nhs.net` today.", 10..<27, "j***@nhs.net"),
            ("[Email us](mailto:sam.jones@nhs.net)", 18..<35, "s***@nhs.net"),
            ("Email jo@nhs.net.", 6..<16, "j***@nhs.net"),
        ])
        func findsAddresses(_ text: String, _ range: Range<Int>, _ masked: String) {
            #expect(PersonalDataScanner.emailAddresses(in: text) == [found(.email, range, masked)])
        }

        /// Addresses in HTML comments and YAML, sorted by where they start.
        @Test func findsAddressesInCommentsAndYAMLInOrder() {
            let text = "<!-- jo@nhs.net -->\ncontact: \"sam@mail.nhs.uk\""
            #expect(PersonalDataScanner.emailAddresses(in: text) == [
                found(.email, 5..<15, "j***@nhs.net"),
                found(.email, 30..<45, "s***@mail.nhs.uk"),
            ])
        }

        /// Reserved example and test domains, a lone `@`, domains without a dot and glued addresses.
        @Test(arguments: [
            "Write to alice@example.org or bob@example.com or carol@example.net.",
            "See dan@mail.example.org and x@site.test and y@foo.invalid and z@host.example.",
            "Ask user@localhost or me@box.localhost.",
            "Meet @ the café, or @ noon; @",
            "Nothing at all here",
            "A handle like @sarah or a@b",
            "Glued: a@b.org@c.org and x@nhs.net_old",
            "No top level: jo@nhs.1 or jo@-nhs.net",
        ])
        func ignoresReservedAndMalformedAddresses(_ text: String) {
            #expect(PersonalDataScanner.emailAddresses(in: text) == [])
        }
    }

    /// UK phone numbers.
    @Suite struct Phones {
        /// Every way of writing a UK number that the privacy lint must catch.
        @Test(arguments: [
            ("Call 0300 323 9956 today.", 5..<18, "03*******56"),
            ("Mobile: 07700 900123.", 8..<20, "07*******23"),
            ("Ring (01632) 960 001 first.", 6..<20, "01*******01"),
            ("Abroad: +44 7700 900123", 8..<23, "44********23"),
            ("Office +44 (0)20 7946 0958.", 7..<26, "44*********58"),
            ("Switchboard 020-7946-0958", 12..<25, "02*******58"),
            ("Notes in call-07700-900123.md", 14..<26, "07*******23"),
            ("Tel:07700900123", 4..<15, "07*******23"),
        ])
        func findsNumbers(_ text: String, _ range: Range<Int>, _ masked: String) {
            #expect(PersonalDataScanner.phoneNumbers(in: text) == [found(.phone, range, masked)])
        }

        /// ISBNs, dates, times, glued numbers and numbers outside the UK ranges.
        @Test(arguments: [
            "ISBN 0-19-852663-6",
            "See 0-19-852663-6 for the guidance.",
            "ISBN-13: 978-0-19-852663-4 and 9780198526634",
            "ISBN 0198526636",
            "Dates 21/11/2025, 2025-11-21 and 01.02.2025.",
            "On 01.02.2025 14 people came.",
            "Meet 14:00–16:00 in room 0300.",
            "abc07700900123 and 07700900123abc",
            "107700900123 and 1-07700 900123",
            "+44 07700 900123 and +33 1 23 45 67 89",
            "0400 000 0000 and 0700 900 12",
        ])
        func ignoresOtherNumbers(_ text: String) {
            #expect(PersonalDataScanner.phoneNumbers(in: text) == [])
        }

        /// Several numbers, sorted by where they start.
        @Test func findsSeveralInOrder() {
            let text = "Day 0300 323 9956, night 07700 900123"
            #expect(PersonalDataScanner.phoneNumbers(in: text).map(\.range) == [4..<17, 25..<37])
        }
    }

    /// NHS numbers.
    @Suite struct NHSNumbers {
        /// A valid 3-3-4 number with "NHS number" before it.
        @Test func aNumberNearTheWordNHSIsCertain() {
            let text = "Her NHS number is 943 476 5919."
            #expect(PersonalDataScanner.nhsNumbers(in: text) == [found(.nhsNumber, 18..<30, "94******19", certain: true)])
        }

        /// A valid number written together, with no "NHS" nearby.
        @Test func aNumberWithoutTheWordNHSIsNotCertain() {
            let text = "Reference 9434765919 on file"
            #expect(PersonalDataScanner.nhsNumbers(in: text) == [found(.nhsNumber, 10..<20, "94******19")])
        }

        /// When 11 minus the remainder is 11, the check digit is 0.
        @Test func aCheckDigitOfElevenIsZero() {
            #expect(PersonalDataScanner.nhsNumbers(in: "NHS no. 400 000 0020") == [found(.nhsNumber, 8..<20, "40******20", certain: true)])
        }

        /// Groups joined by hyphens.
        @Test func hyphensMayJoinTheGroups() {
            #expect(PersonalDataScanner.nhsNumbers(in: "943-476-5919") == [found(.nhsNumber, 0..<12, "94******19")])
        }

        /// "NHS" counts only as a whole word within 40 bytes, in any case.
        @Test func theWordNHSMustBeWholeAndNear() {
            let far = "NHS" + String(repeating: " ", count: 41) + "9434765919"
            #expect(PersonalDataScanner.nhsNumbers(in: far).map(\.isCertain) == [false])
            #expect(PersonalDataScanner.nhsNumbers(in: "NHSmail 9434765919").map(\.isCertain) == [false])
            #expect(PersonalDataScanner.nhsNumbers(in: "9434765919 (nhs)").map(\.isCertain) == [true])
        }

        /// Wrong check digits, one repeated digit, check digit 10, mixed separators, glued numbers, ISBNs.
        @Test(arguments: [
            "NHS number 943 476 5918",
            "NHS number 1111111111",
            "NHS number 123 456 7890",
            "NHS number 943 476-5919",
            "9434765919x and 19434765919 and 943 476 59190",
            "ISBN 0198526636",
        ])
        func ignoresInvalidNumbers(_ text: String) {
            #expect(PersonalDataScanner.nhsNumbers(in: text) == [])
        }

        /// A phone number that also passes the modulus 11 check is reported only as a phone number.
        @Test func aPhoneNumberIsOnlyAPhoneNumber() {
            let text = "NHS switchboard 020 794 6094"
            #expect(PersonalDataScanner.nhsNumbers(in: text) == [])
            #expect(PersonalDataScanner.phoneNumbers(in: text) == [found(.phone, 16..<28, "02******94")])
        }
    }

    /// Given names in sentences about people.
    @Suite struct PossibleNames {
        /// Given names (with a surname when one follows) in sentences with a personal pronoun.
        @Test(arguments: [
            ("Sarah told us she was restrained.", 0..<5, "S***"),
            ("Sarah Jones said her ward was locked.", 0..<11, "S*** J***"),
            ("Café: Sarah said she was scared.", 7..<12, "S***"),
            ("I read Sarah's notes.", 7..<12, "S***"),
            ("Sarah presented the slides. Then Tom said he was tired.", 33..<36, "T***"),
            ("Later Tom says I\u{2019}m late.", 6..<9, "T***"),
            ("Café: Zoë said she saw Sarah’s notes.", 25..<30, "S***"),
            ("I met Tom Jones\u{2028}Sarah Smith said nothing.", 6..<15, "T*** J***"),
            ("I’ve seen Tom’s dog.", 12..<15, "T***"),
            ("he saw Sarah'", 7..<12, "S***"),
            ("My friend Sarah Hospital said so.", 10..<24, "S*** H***"),
            ("Sarah Me and my dog.", 0..<5, "S***"),
            ("She met King -- Sarah.", 16..<21, "S***"),
        ])
        func findsNames(_ text: String, _ range: Range<Int>, _ masked: String) {
            #expect(PersonalDataScanner.possibleNames(in: text) == [found(.name, range, masked)])
        }

        /// No pronoun, excluded names, words inside words, capitals, line breaks, saints and hospitals.
        @Test(arguments: [
            "Sarah presented the slides.",
            "In May she was moved.",
            "We will mark it. He agreed.",
            "Will he come? Grace said she might.",
            "The Samaritans helped me.",
            "SARAH said she was fine.",
            "Sarah presented\nand he agreed.",
            "She was taken to St Mary's. I visited St. George's.",
            "He was moved to the John Radcliffe Hospital.",
            "She visited St. Sarah and Queen Sarah today.",
            "HE SAID TOM WAS HERE.",
            "he met Sarah2 and SarahJones.",
            "She met \u{212A}ing Sarah.",
        ])
        func leavesOtherWordsAlone(_ text: String) {
            #expect(PersonalDataScanner.possibleNames(in: text) == [])
        }

        /// A stop with no white space after it does not end the sentence.
        @Test func aStopBeforeALetterKeepsTheSentence() {
            #expect(PersonalDataScanner.possibleNames(in: "He met Sarah.Tom was there.").map(\.range) == [7..<12, 13..<16])
            #expect(PersonalDataScanner.possibleNames(in: "He met Sarah. Tom was there.").map(\.range) == [7..<12])
        }

        /// Short forms, several in one sentence, in order.
        @Test func findsEveryNameInOrder() {
            let text = "Fran and Mel said my shift ran late."
            #expect(PersonalDataScanner.possibleNames(in: text).map(\.range) == [0..<4, 9..<12])
        }

        /// The list has short forms and leaves out names that are ordinary words.
        @Test func theListLeavesOutOrdinaryWords() {
            for word in ["Will", "May", "June", "Grace", "Mark", "Rose", "Jack", "Victoria", "Dawn", "Bill"] {
                #expect(!GivenNames.all.contains(word), "\(word)")
            }
            for name in ["Sarah", "Fran", "Mel", "Fi", "Jo", "Sam", "Chris", "Alex", "Lily"] {
                #expect(GivenNames.all.contains(name), "\(name)")
            }
            #expect((300...400).contains(GivenNames.all.count))
        }
    }

    /// Known full names.
    @Suite struct Occurrences {
        /// Whole words, exact case, single spaces, possessives allowed.
        @Test func findsWholeCaseSensitiveNamesOnly() {
            let text = "Mark Allan spoke. Mark Allanson, mark allan and Mark  Allan did not. Mark Allan's turn."
            #expect(PersonalDataScanner.occurrences(of: ["Mark Allan"], in: text) == [
                found(.name, 0..<10, "M*** A***", certain: true),
                found(.name, 69..<79, "M*** A***", certain: true),
            ])
        }

        /// Overlapping names give one finding; empty names and lists give none.
        @Test func overlappingNamesGiveOneFinding() {
            let names = ["Allan", "Mark Allan", ""]
            #expect(PersonalDataScanner.occurrences(of: names, in: "Mark Allan") == [found(.name, 0..<10, "M*** A***", certain: true)])
            #expect(PersonalDataScanner.occurrences(of: [], in: "Mark Allan") == [])
        }
    }

    /// The masks.
    @Suite struct Masks {
        /// The three masks.
        @Test func masksValues() {
            #expect(PersonalDataScanner.maskEmail("mark.allan1@nhs.net") == "m***@nhs.net")
            #expect(PersonalDataScanner.maskDigits("07700900123") == "07*******23")
            #expect(PersonalDataScanner.maskDigits("+44 7700 900123") == "44********23")
            #expect(PersonalDataScanner.maskDigits("1234") == "****")
            #expect(PersonalDataScanner.maskName("Mark Allan") == "M*** A***")
            #expect(PersonalDataScanner.maskName("Sarah") == "S***")
        }
    }
}
