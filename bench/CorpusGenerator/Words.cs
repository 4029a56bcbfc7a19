namespace PeerCommons.Bench.Corpus;

/// <summary>Word lists for the prose and the front matter. ASCII only, no Markdown or YAML specials.</summary>
internal static class Words
{
    // People and groups that act in sentences (countable; plural by Plural()).
    public static readonly string[] Agents =
    [
        "peer worker", "volunteer", "member", "trainer", "facilitator", "carer", "service user", "survivor",
        "nurse", "commissioner", "manager", "group", "community", "network", "organisation", "team",
        "mentor", "supporter", "advocate", "coordinator", "researcher", "family member", "participant",
        "student", "young person", "parent", "neighbour", "clinician", "social worker", "steering group",
        "user-led group", "charity", "partner", "host organisation", "ward team", "peer specialist",
    ];

    // Countable things.
    public static readonly string[] Things =
    [
        "session", "meeting", "conversation", "group", "workshop", "role", "boundary", "story", "plan",
        "budget", "guideline", "policy", "question", "agreement", "visit", "phone call", "drop-in",
        "project", "course", "module", "handbook", "report", "review", "pathway", "service", "space",
        "practice", "skill", "relationship", "value", "principle", "tension", "decision", "route", "step",
        "exercise", "case study", "handout", "evaluation", "contract", "job description", "network",
    ];

    // Uncountable ideas.
    public static readonly string[] Concepts =
    [
        "trust", "hope", "mutuality", "reciprocity", "recovery", "choice", "control", "power", "support",
        "training", "supervision", "funding", "evidence", "language", "experience", "knowledge", "safety",
        "belonging", "dignity", "respect", "independence", "leadership", "solidarity", "care", "wellbeing",
        "accountability", "confidentiality", "flexibility", "honesty", "learning", "friendship", "peer support",
        "lived experience", "shared understanding", "self-determination", "advocacy", "inclusion",
    ];

    public static readonly string[] Adjectives =
    [
        "local", "small", "informal", "regular", "shared", "practical", "careful", "open", "honest", "clear",
        "long", "short", "early", "weekly", "monthly", "flexible", "mutual", "equal", "safe", "difficult",
        "useful", "simple", "quiet", "strong", "fragile", "trusted", "new", "older", "rural", "urban",
        "voluntary", "paid", "formal", "peer-led", "user-led", "creative", "gentle", "realistic", "common",
        "different", "personal", "collective", "independent", "statutory", "hopeful", "everyday", "unpaid",
    ];

    public static readonly string[] Verbs =
    [
        "offer", "build", "share", "protect", "value", "question", "support", "describe", "plan", "review",
        "explain", "need", "welcome", "shape", "strengthen", "challenge", "keep", "lose", "find", "create",
        "discuss", "record", "agree", "change", "reach", "open", "hold", "name", "learn", "test", "follow",
        "adapt", "invite", "fund", "train", "meet", "notice", "respect", "defend", "carry",
    ];

    public static readonly string[] Adverbs =
    [
        "slowly", "often", "quietly", "carefully", "together", "openly", "rarely", "gradually", "again",
        "differently", "mostly", "sometimes", "already", "still", "deliberately", "informally",
    ];

    public static readonly string[] Prepositions =
    [
        "with", "for", "through", "alongside", "within", "around", "after", "before", "beyond", "across",
        "without", "among", "between", "despite", "towards",
    ];

    public static readonly string[] Connectives =
    [
        "However", "In practice", "At the same time", "For many people", "In several places", "Over time",
        "In the early years", "Looking back", "By contrast", "Above all", "In the words of one member",
        "In most accounts", "For this reason", "Even so", "Since then",
    ];

    public static readonly string[] Places =
    [
        "Leeds", "Bristol", "Glasgow", "Cardiff", "Belfast", "Manchester", "Nottingham", "Sheffield", "Brighton",
        "Oxford", "Aarhus", "Copenhagen", "Auckland", "Wellington", "Toronto", "Ottawa", "Phoenix", "Atlanta",
        "Philadelphia", "Los Angeles", "Melbourne", "Sydney", "Dublin", "Cork", "Edinburgh", "Dundee",
        "Stockport", "St Helens", "Norwich", "Exeter", "Plymouth", "Inverness", "Swansea", "Derry",
    ];

    public static readonly string[] Regions =
    [
        "North West England", "South West England", "London", "Scotland", "Wales", "Northern Ireland",
        "Midlands", "Yorkshire", "North East England", "East of England", "Ontario", "Arizona", "Georgia",
        "New South Wales", "Victoria", "Jutland", "Zealand", "Auckland Region", "Leinster", "Munster",
    ];

    public static readonly string[] Countries =
    [
        "United Kingdom", "Ireland", "Denmark", "New Zealand", "Canada", "United States", "Australia",
        "Netherlands", "Norway", "Sweden",
    ];

    public static readonly string[] Populations =
    [
        "adults", "young people", "older people", "women", "men", "carers", "families", "students",
        "people leaving hospital", "people in prison", "veterans", "refugees", "LGBT people",
        "people from racialised communities", "people who hear voices", "new parents", "people in crisis",
    ];

    public static readonly string[] Formats =
    [
        "one-to-one", "group", "ward-visiting", "phone", "text", "online", "drop-in", "creative",
        "sports-social", "walking", "residential", "outreach",
    ];

    public static readonly string[] Funders =
    [
        "National Lottery Community Fund", "City Bridge", "Comic Relief", "local council", "NHS trust",
        "state mental health department", "Big Lottery", "members' donations", "a housing association",
        "a university research grant", "the regional health board",
    ];

    public static readonly string[] Surnames =
    [
        "Repper", "Carter", "Gillard", "Faulkner", "Kalathil", "Mead", "Filson", "Solomon", "Davidson",
        "Chamberlin", "Deegan", "Payne", "Basset", "Lawn", "Simpson", "Walker", "Bryant", "Stewart", "Wilson",
        "Holley", "Gibson", "Edwards", "Foster", "Marshall", "Turner", "Patel", "Okafor", "Nielsen", "Hansen",
        "Larsen", "Ngata", "Tawhai", "Brown", "Clarke", "Evans", "Hughes", "Morgan", "Price", "Rees", "Ward",
        "Young", "King", "Wright", "Green", "Baker", "Adams", "Campbell", "Murray", "Reid", "Kelly", "Byrne",
        "Doyle", "Quinn", "Ahmed", "Khan", "Begum", "Singh", "Lewis", "Harris", "Robinson", "Thompson",
    ];

    public static readonly string[] FirstNames =
    [
        "Alison", "Sarah", "Julie", "Steve", "Shery", "Mary", "Judi", "Patricia", "Larry", "Malcolm", "Rachel",
        "Tom", "Aisha", "Ben", "Chloe", "Dev", "Emma", "Farah", "Grace", "Hamid", "Isla", "Jonah", "Kiri",
        "Lars", "Mette", "Niamh", "Owen", "Priya", "Ruth", "Sam", "Tane", "Una", "Vera", "Will",
    ];

    public static readonly string[] Venues =
    [
        "Journal of Mental Health", "Psychiatric Rehabilitation Journal", "BMC Psychiatry",
        "Mental Health and Social Inclusion", "Psychiatric Services", "Health and Social Care in the Community",
        "Together for Mental Wellbeing, London", "Centre for Mental Health, London", "Mind, London",
        "Scottish Recovery Network, Glasgow", "Social Policy and Society", "Disability and Society",
    ];

    public static readonly string[] HeadingPhrases =
    [
        "Who it is for", "How it works", "Training and support", "Funding", "What people said", "Origins",
        "Tensions", "In practice", "Supervision", "Getting started", "What changed", "Boundaries",
        "Roles and pay", "Evaluation", "Lessons learned", "Working with services", "Keeping it peer-led",
        "Risk and safety", "Recruitment", "Looking ahead", "Background", "Activities", "Key ideas",
        "Further reading", "Criticisms", "Outcomes", "Partnerships", "Closing thoughts", "Why it matters",
        "Common questions", "Ways of meeting", "The first months", "Sharing power", "Money and time",
    ];

    public static readonly string[] TitleNouns =
    [
        "Peer Network", "Listening Project", "Recovery College", "Hearing Voices Group", "Crisis House",
        "Peer Support Service", "Survivors Collective", "Wellbeing Circle", "Drop-in", "Befriending Scheme",
        "Arts Collective", "Walking Group", "Peer Mentoring Project", "Mutual Aid Network", "Ward Visiting Team",
        "Family Peer Service", "Recovery Cafe", "Peer Line", "Community Hub", "Self-Help Alliance",
    ];

    public static readonly string[] Tags =
    [
        "mutuality", "reciprocity", "hope", "recovery", "training", "supervision", "funding", "evaluation",
        "user-led", "statutory", "voluntary-sector", "inpatient", "community", "crisis", "prison", "women",
        "young-people", "older-people", "carers", "families", "lgbt", "racialised-communities", "rural",
        "online", "groups", "one-to-one", "arts", "sport", "employment", "housing", "advocacy", "history",
        "policy", "research", "definitions", "boundaries", "risk", "power", "values", "leadership",
        "accreditation", "induction", "co-production", "hearing-voices", "self-help", "survivor-movement",
        "peer-specialists", "workforce", "commissioning", "ethics", "culture", "language", "disability",
        "students", "veterans", "refugees", "maori", "denmark", "scotland", "wales", "ireland", "usa",
        "canada", "australia", "new-zealand", "early-intervention", "psychosis", "bipolar", "depression",
        "trauma", "dementia", "substance-use", "suicide-prevention", "wellbeing", "creative", "drop-in",
        "befriending", "mentoring", "mutual-aid", "networks", "partnership", "sustainability", "closure",
    ];

    public static readonly string[] Delivery = ["in-person", "online", "blended"];
    public static readonly string[] Status = ["active", "closed", "unknown"];
    public static readonly string[] OrgTypes = ["user-led", "voluntary-sector", "statutory", "self-organised", "partnership"];
    public static readonly string[] Roles = ["paid", "volunteer", "mutual"];
    public static readonly string[] AnnotationTypes = ["adaptation", "experience", "caution", "resource", "question"];

    public static string Plural(string noun)
    {
        var space = noun.LastIndexOf(' ');
        var head = space < 0 ? noun : noun[(space + 1)..];
        var prefix = space < 0 ? "" : noun[..(space + 1)];
        string p = head switch
        {
            "person" => "people",
            "family member" => "family members",
            "staff" => "staff",
            _ when head.EndsWith("y") && !"aeiou".Contains(head[^2]) => head[..^1] + "ies",
            _ when head.EndsWith("s") || head.EndsWith("sh") || head.EndsWith("ch") || head.EndsWith("x") => head + "es",
            _ => head + "s",
        };
        return prefix + p;
    }

    public static string ThirdPerson(string verb) => verb switch
    {
        "carry" => "carries",
        _ when verb.EndsWith("s") || verb.EndsWith("sh") || verb.EndsWith("ch") || verb.EndsWith("x") => verb + "es",
        _ => verb + "s",
    };

    public static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    public static string TitleCase(string s) =>
        string.Join(' ', s.Split(' ').Select((w, i) => i > 0 && w is "and" or "of" or "the" or "in" or "for" or "with" or "a" ? w : Capitalise(w)));
}
