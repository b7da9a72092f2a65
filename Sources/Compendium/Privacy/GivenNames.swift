/// Common UK given names, female and male, across generations, including short forms.
///
/// Names that are also ordinary English words or are often capitalised for other reasons
/// (Will, May, Grace, Mark, Rose, Jack, Victoria, Heather, Florence, Elizabeth…) are left out,
/// so that meeting notes ("We will mark…", "In May…") give few false positives.
enum GivenNames {
    /// The names, capitalised as they are written ("Sarah", not "SARAH").
    static let all: Set<String> = [
        "Aaron", "Abigail", "Adam", "Adele", "Adrian", "Ahmed", "Aidan", "Ailsa", "Aisha", "Alan", "Albert", "Alex",
        "Alexander", "Alexandra", "Alfie", "Ali", "Alice", "Alison", "Alistair", "Amanda", "Amelia", "Amina", "Amir",
        "Amy", "Andrea", "Andrew", "Andy", "Angela", "Angus", "Anita", "Ann", "Anna", "Anne", "Annie", "Anthony",
        "Aoife", "Archie", "Arthur", "Ashley", "Audrey", "Ava", "Ayesha", "Barbara", "Barry", "Beatrice", "Becky",
        "Ben", "Benjamin", "Beth", "Bethan", "Bethany", "Betty", "Beverley", "Billy", "Bobby", "Brenda", "Brian",
        "Brooke", "Bruce", "Caitlin", "Callum", "Calum", "Cameron", "Carl", "Carla", "Caroline", "Carolyn", "Cath",
        "Catherine", "Cerys", "Charles", "Charlie", "Charlotte", "Chloe", "Chris", "Christina", "Christine",
        "Christopher", "Ciara", "Claire", "Clare", "Colin", "Connie", "Connor", "Courtney", "Craig", "Dan", "Daniel",
        "Danielle", "Danny", "Darren", "Dave", "David", "Debbie", "Deborah", "Declan", "Denise", "Dennis", "Derek",
        "Diana", "Diane", "Dominic", "Donna", "Dorothy", "Douglas", "Duncan", "Dylan", "Eddie", "Edward", "Eileen",
        "Elaine", "Eleanor", "Elena", "Ella", "Ellen", "Ellie", "Elsie", "Emily", "Emma", "Erin", "Esther", "Ethan",
        "Euan", "Eva", "Evelyn", "Evie", "Ewan", "Fatima", "Ffion", "Fi", "Finlay", "Finn", "Fiona", "Fran",
        "Frances", "Francesca", "Fraser", "Fred", "Freddie", "Freya", "Gail", "Gareth", "Gary", "Gavin", "Gemma",
        "Geoff", "Geoffrey", "George", "Gillian", "Gloria", "Gordon", "Graham", "Greg", "Gregory", "Hannah",
        "Harriet", "Harrison", "Harry", "Harvey", "Hassan", "Hayley", "Helen", "Henry", "Huw", "Iain", "Ian",
        "Imogen", "Imran", "Irene", "Isaac", "Isabel", "Isabella", "Isla", "Jackie", "Jacqueline", "Jake", "James",
        "Jamie", "Jane", "Janet", "Janice", "Jason", "Jean", "Jeff", "Jen", "Jennifer", "Jenny", "Jess", "Jessica",
        "Jill", "Jim", "Jimmy", "Jo", "Joan", "Joanna", "Joanne", "Jodie", "Joe", "Joel", "John", "Jon", "Jonathan",
        "Joseph", "Josephine", "Josh", "Joshua", "Joyce", "Judith", "Judy", "Julia", "Julie", "Justin", "Karen",
        "Karl", "Kate", "Katherine", "Kathleen", "Kathryn", "Katie", "Keith", "Kelly", "Ken", "Kenneth", "Kerry",
        "Kevin", "Kieran", "Kim", "Kirsty", "Kyle", "Laura", "Lauren", "Leah", "Leanne", "Lee", "Leo", "Leon",
        "Lesley", "Lewis", "Liam", "Lily", "Linda", "Lindsay", "Lisa", "Liz", "Logan", "Lorna", "Lorraine", "Louis",
        "Louise", "Lucy", "Luke", "Lynn", "Lynne", "Maisie", "Malcolm", "Mandy", "Margaret", "Maria", "Marie",
        "Martha", "Martin", "Mary", "Maryam", "Matt", "Matthew", "Maureen", "Megan", "Mel", "Melanie", "Melissa",
        "Mia", "Michael", "Michelle", "Mike", "Millie", "Mohammad", "Mohammed", "Molly", "Morgan", "Muhammad",
        "Nancy", "Naomi", "Natalie", "Natasha", "Nathan", "Neil", "Niamh", "Nicholas", "Nick", "Nicola", "Nicole",
        "Nigel", "Nina", "Noah", "Nora", "Oliver", "Olivia", "Ollie", "Omar", "Oscar", "Owen", "Pamela", "Patrick",
        "Paul", "Paula", "Pauline", "Pete", "Peter", "Phil", "Philip", "Phoebe", "Priya", "Rachel", "Rebecca",
        "Rhiannon", "Rhys", "Richard", "Robert", "Rosie", "Ross", "Roy", "Russell", "Ruth", "Ryan", "Sally", "Sam",
        "Samantha", "Samuel", "Sandra", "Sanjay", "Sara", "Sarah", "Scott", "Sean", "Sebastian", "Shannon", "Sharon",
        "Shaun", "Sheila", "Shirley", "Sian", "Simon", "Sinead", "Siobhan", "Sophia", "Sophie", "Stacey", "Stella",
        "Stephanie", "Stephen", "Steve", "Steven", "Stuart", "Susan", "Suzanne", "Tanya", "Tara", "Teresa", "Terry",
        "Theo", "Thomas", "Tim", "Timothy", "Tina", "Toby", "Tom", "Tony", "Tracey", "Tracy", "Tyler", "Valerie",
        "Vanessa", "Vicky", "Wayne", "Wendy", "William", "Yasmin", "Yvonne", "Zach", "Zainab", "Zoe",
    ]

    /// Each name's first eight bytes (all of a shorter name), one a byte, the last lowest.
    private static let packedPrefixes = Set(all.map(packedPrefix))

    /// One bit for each packed prefix, at its `filterIndex`: a run whose bit is clear begins no name,
    /// and most runs are ruled out by that test alone.
    private static let prefixFilter: [UInt64] = packedPrefixes.reduce(into: [UInt64](repeating: 0, count: 64)) { filter, packed in
        filter[filterIndex(packed) >> 6] |= 1 << (filterIndex(packed) & 63)
    }

    /// Whether `bytes` may hold a name: a capital ASCII letter that, with the lower-case
    /// ASCII letters right after it, begins like one. A word whose text, less any `'s`,
    /// is a name spells it in exactly these bytes, so bytes without such a run hold none.
    static func mayOccur(in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let filter = prefixFilter
        var index = 0
        while let capital = bytes.firstOffset(in: UInt8(ascii: "A")...UInt8(ascii: "Z"), from: index) {
            var packed = UInt64(bytes[capital]), length = 1
            index = capital + 1
            while index < bytes.count, bytes[index] &- UInt8(ascii: "a") < 26 {
                if length < 8 { packed = packed << 8 | UInt64(bytes[index]) }
                length += 1
                index += 1
            }
            let bit = filterIndex(packed)
            if filter[bit >> 6] & (1 << (bit & 63)) != 0, packedPrefixes.contains(packed) { return true }
        }
        return false
    }

    /// A name's first eight bytes, packed.
    private static func packedPrefix(_ name: String) -> UInt64 {
        name.utf8.prefix(8).reduce(0) { $0 << 8 | UInt64($1) }
    }

    /// Which of the filter's 4,096 bits stands for a packed prefix, chosen by mixing its bits.
    private static func filterIndex(_ packed: UInt64) -> Int {
        Int((packed &* 0x9E37_79B9_7F4A_7C15) >> 52)
    }
}
