"""English translations of the demo home page, index and three guides (keyed by the French
slug). Document blocks point at the same French files, and say so."""

from .blocs import (
    attention,
    checklist,
    conseil,
    document,
    etapes,
    exemple,
    faq,
    intertitre,
    paragraphe,
    temoignage,
)

HOME = {
    "title": "Entraide",
    "intro": (
        "Practical guides and ready-to-adapt templates for associations, cooperatives and "
        "other social and solidarity economy organisations in France. Free, in plain "
        "language, written and reviewed by member organisations. Most templates are in "
        "French."
    ),
}

INDEX = {
    "title": "Resources",
    "intro": (
        "All practical guides and document templates. Filter by topic, audience or level, "
        "or search for a word: articles of association, grant, volunteers, GDPR…"
    ),
}

SERVICE_PUBLIC = "https://www.service-public.fr/associations"

CREER_ASSOCIATION = {
    "title": "Setting up a French association (loi 1901), step by step",
    "chapo": (
        "Are there at least two of you, with a project that is not about sharing profits? "
        "Here are the steps to set up your association, from the articles of association to "
        "the RNA number, free of charge and within a few weeks."
    ),
    "body": [
        paragraphe(
            "An association under the French law of 1901 is an agreement by which at least two "
            "people pool their knowledge or their activity for a purpose other than sharing "
            "profits. It can exist without being declared (a de facto association), but only "
            "the declaration gives it legal capacity: opening a bank account in its name, "
            "signing a lease, hiring staff, applying for a grant or going to court.",
            "Check two things before you start. Is there already an association near you with "
            "the same purpose? Joining it or working with it is sometimes simpler. Is your "
            "project mainly about selling goods or services with employees sharing in "
            "decisions? A cooperative (SCOP, SCIC) may then suit you better.",
        ),
        intertitre("The steps"),
        etapes(
            (
                "Bring the founders together and clarify the project",
                "Write down together, in a few lines, what the association wants to do, for "
                "whom, where and with what resources. This text will become the purpose "
                "clause of the articles and your pitch to future partners.",
            ),
            (
                "Write the articles of association",
                "The law only requires three items: the name, the purpose and the registered "
                "office. The articles should still say who can join, how membership ends, the "
                "role of the general meeting and of the board, the resources and what happens "
                "on dissolution. Start from a template and keep it simple: overly detailed "
                "articles quickly become impossible to follow.",
            ),
            (
                "Hold the founding meeting",
                "The founders adopt the articles and appoint the first officers. Write dated, "
                "signed minutes: the bank will often ask for them.",
            ),
            (
                "Declare the association",
                f'The declaration is made online on <a href="{SERVICE_PUBLIC}">'
                "service-public.fr</a> or with the associations registry of the département "
                "where the association has its office. It includes the dated, signed articles "
                "and the list of the people in charge of running it (name, occupation, "
                "address, nationality).",
            ),
            (
                "Receive the acknowledgement and the publication in the Journal officiel",
                "The registry issues an acknowledgement with the association's RNA number "
                "(the letter W followed by nine characters). An extract is published in the "
                "official journal of associations (JOAFE): publication is free, and it is "
                "what gives the association legal capacity.",
            ),
            (
                "Open a bank account and request a SIREN number if needed",
                "A SIREN/SIRET number is required to apply for a grant, hire staff or carry "
                "out some economic activities. An association that wants to apply for a grant "
                "requests it from INSEE, online.",
            ),
            (
                "Insure the association",
                "At the very least, take out third-party liability insurance covering the "
                "activities, the members and the volunteers, and, if needed, premises and "
                "equipment.",
            ),
        ),
        conseil(
            "A purpose neither too broad nor too narrow",
            "A vague purpose (“any action in the general interest”) worries funders and makes "
            "it harder to be recognised as serving the general interest. A purpose that is too "
            "precise will force you to amend the articles at the first new project. Describe "
            "the aim, then the main means of action, ending with “and any action contributing "
            "to this purpose”.",
        ),
        attention(
            "Alsace-Moselle: a different regime",
            "In the Bas-Rhin, Haut-Rhin and Moselle départements, associations fall under "
            "local law (articles 21 to 79-III of the local Civil Code). At least seven founding "
            "members are needed and registration is with the associations register of the "
            "judicial court. Ask a local support organisation for advice.",
        ),
        checklist(
            "Before filing the declaration",
            "The name is available (no known association with the same name, no registered "
            "trademark)",
            "The purpose is written in clear sentences",
            "The office address is confirmed (written consent if it is a private home)",
            "The articles are dated and signed",
            "The list of officers is complete (name, occupation, address, nationality)",
            "The minutes of the founding meeting are signed",
            "A contact email address has been chosen",
        ),
        document(
            "statuts-association-loi-1901.docx",
            "Download the articles of association template (Word, in French)",
        ),
        faq(
            (
                "Do we need capital to set up an association?",
                "No. No contribution is required. The association lives on membership fees, "
                "donations, grants and income from its activities.",
            ),
            (
                "How much does the declaration cost?",
                "Nothing: the declaration and the publication in the JOAFE are free. Beware of "
                "websites that charge for these formalities.",
            ),
            (
                "How long does it take?",
                "The law provides for the acknowledgement to be issued within five days. In "
                "practice, allow a few days to a few weeks before publication in the Journal "
                "officiel.",
            ),
            (
                "Can an employee sit on the board?",
                "Yes, but to keep the management disinterested, the tax authorities accept "
                "that employees make up no more than a quarter of the board. Say so in the "
                "articles.",
            ),
        ),
        temoignage(
            "Six of us spent an evening writing the association's purpose. We still use that "
            "sentence to present the project to funders.",
            "Nadia",
            "Association Les Petits Débrouillards du quartier",
        ),
    ],
}

BENEVOLES = {
    "title": "Welcoming volunteers and keeping them",
    "chapo": (
        "Recruiting volunteers is one thing; making them want to stay is another. Role "
        "descriptions, welcome, recognition, legal framework: practices that work in small "
        "associations."
    ),
    "body": [
        paragraphe(
            "Volunteers increasingly commit to specific, time-limited tasks. They expect a "
            "welcome, a clear role and the feeling of being useful. An association that "
            "prepares these three things loses far fewer volunteers after a few months.",
        ),
        intertitre("Before recruiting: know what you are offering"),
        paragraphe(
            "List your real needs and turn them into roles: what needs doing, the time "
            "required, the period, the place, useful skills and what the volunteer will gain "
            "(people, training, experience).",
        ),
        etapes(
            (
                "Write role descriptions",
                "Half a page per role is enough. Separate one-off roles (running a stall one "
                "Saturday) from regular ones (homework support every Tuesday).",
            ),
            (
                "Spread the word widely",
                "Matching platforms (JeVeuxAider.gouv.fr, France Bénévolat, Tous Bénévoles), "
                "associations fairs, social media, posters in local shops, and above all word "
                "of mouth from current volunteers.",
            ),
            (
                "Take time for a first conversation",
                "Listen to motivations and availability, present the project and its values, "
                "offer a role that suits the person rather than the one that suits you.",
            ),
            (
                "Welcome",
                "A buddy, a tour, an introduction to the team, the volunteer charter and "
                "useful contacts. The first task should be short and successful.",
            ),
            (
                "Check in after a month",
                "Does the role suit them? What should change? This simple conversation "
                "prevents many silent departures.",
            ),
        ),
        intertitre("Keeping volunteers: recognise, train, involve"),
        paragraphe(
            [
                "say thank you, personally and publicly (annual report, general meeting);",
                "keep volunteers informed of the association's life and results;",
                "offer training, including courses funded by the FDVA (the State fund for "
                "associations);",
                "give gradually more responsibility to those who want it;",
                "reimburse expenses quickly, against receipts;",
                "involve volunteers in the decisions that concern them;",
                "help them make the most of the experience (volunteer passport, citizen "
                "engagement account for volunteer officers and coordinators).",
            ]
        ),
        attention(
            "A volunteer is not a disguised employee",
            "Volunteers receive no pay, in cash or in kind, and are not in a relationship of "
            "subordination: no working hours imposed under threat of sanctions, no "
            "disciplinary power. Flat-rate “allowances” or employee-style management can lead "
            "a court to requalify the relationship as an employment contract.",
        ),
        conseil(
            "Unreimbursed expenses can become a donation",
            "If the association serves the general interest, a volunteer can waive "
            "reimbursement of expenses incurred for it (travel, purchases) and receive a tax "
            "receipt. Receipts and a written waiver are needed, and the expenses must appear "
            "in the association's accounts.",
        ),
        checklist(
            "The volunteer welcome kit",
            "The volunteer charter",
            "Who does what: a simple organisation chart with contacts",
            "The calendar for the coming months",
            "The expense claim form",
            "Proof that the insurance covers volunteers",
            "Access to shared tools (and how to hand it back when leaving)",
        ),
        document("charte-du-benevole.pdf", "Download the volunteer charter (PDF, in French)"),
        faq(
            (
                "Should volunteers sign a contract?",
                "Not an employment contract. A charter or mutual commitment agreement is "
                "recommended: it sets out the role and everyone's commitments without "
                "creating a relationship of subordination.",
            ),
            (
                "Are volunteers insured?",
                "Only if the association's policy says so. Check that the liability and "
                "personal accident cover includes volunteers, including while travelling.",
            ),
            (
                "Can an employee volunteer for their own association?",
                "Yes, for tasks clearly distinct from their job and outside working hours. "
                "Otherwise the hours may be considered unpaid work.",
            ),
            (
                "How do we show volunteering in the accounts?",
                "As voluntary contributions in kind: the number of hours multiplied by an "
                "hourly rate the association chooses and explains in the notes.",
            ),
        ),
        temoignage(
            "The day we appointed someone to welcome newcomers, we stopped losing half of our "
            "new volunteers within three months.",
            "Samia",
            "Épicerie solidaire La Passerelle",
        ),
        temoignage(
            "I was given a specific task: the monthly newsletter. I knew straight away what I "
            "was there for.",
            "Louis, volunteer for two years",
        ),
    ],
}

COMMUNICATION = {
    "title": "Communicating on a shoestring",
    "chapo": (
        "No budget, no communications officer? A clear message, well-chosen channels and a "
        "realistic calendar are enough to become known to the people who matter to your "
        "association."
    ),
    "body": [
        paragraphe(
            "Good communication is not about being everywhere: it is about saying the right "
            "thing to the right people, in the right place. A small association that picks two "
            "or three channels and keeps them alive achieves more than one that opens six "
            "accounts and abandons them.",
        ),
        etapes(
            (
                "Write your message in one sentence",
                "“We help local residents repair their belongings instead of throwing them "
                "away.” Every volunteer should be able to say this sentence.",
            ),
            (
                "Choose three audiences at most",
                "For example: residents, future volunteers, funding partners. For each: what "
                "they need to know and what you expect from them.",
            ),
            (
                "Choose the channels that reach these audiences",
                "Posters in local shops, the town newsletter, local press and radio, an email "
                "newsletter, social media, partner organisations. Word of mouth remains the "
                "most effective channel: give your members something to talk about.",
            ),
            (
                "Make a calendar",
                "One page: the highlights of the year, who prepares what, and when. One post "
                "a week, kept up, is worth more than five at launch.",
            ),
            (
                "Keep the tools simple",
                "A reusable poster and post template, a bank of photos you are allowed to "
                "use, a newsletter tool. Free software and free plans for associations cover "
                "the essentials.",
            ),
            (
                "Look at what works",
                "Once a quarter: where do new members come from, which posts got a response? "
                "Stop what brings nothing.",
            ),
        ),
        conseil(
            "Write in plain language",
            "Short sentences, everyday words, active verbs, one idea per paragraph, practical "
            "information first (what, where, when, how much). For some audiences, the "
            "easy-to-read method (FALC in French) makes texts accessible to everyone.",
        ),
        attention(
            "Think about accessibility",
            "Never give information only in an image: add alternative text and repeat it in "
            "the message. Caption videos, check colour contrast and prefer a text document to "
            "a scanned PDF.",
        ),
        exemple(
            "An effective press release",
            "One page. An informative headline. The first paragraph answers: who, what, "
            "where, when, why. A quote from a volunteer or a beneficiary. A royalty-free "
            "photo. A contact who answers the phone. Sent ten days ahead, followed up by a "
            "call.",
        ),
        checklist(
            "Before each publication",
            "Practical information comes first",
            "Someone outside the project has proofread the text",
            "Images have alternative text",
            "People in the photos have given their consent",
            "There is a contact or a link to act",
        ),
        faq(
            (
                "Which social network should we choose?",
                "The one your audiences already use. Ask them. A local group or a "
                "neighbourhood messaging group sometimes works better than the big networks.",
            ),
            (
                "Can we use a photo found on the internet?",
                "No, unless its licence explicitly allows it. Use your own photos or free "
                "image libraries, crediting the author when the licence requires it.",
            ),
            (
                "Do we need a website?",
                "A simple, up-to-date page (who you are, what you do, how to contact or help "
                "you) helps people find you. An abandoned website does more harm than none.",
            ),
        ),
        temoignage(
            "We dropped Instagram and focused on community radio and posters in local shops. "
            "The workshops are full.",
            "Yasmine",
            "Repair Café de la Croix-Rousse",
        ),
    ],
}

GUIDES = {
    "creer-une-association-loi-1901": CREER_ASSOCIATION,
    "accueillir-et-fideliser-les-benevoles": BENEVOLES,
    "communiquer-avec-peu-de-moyens": COMMUNICATION,
}
