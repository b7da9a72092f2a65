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
}
