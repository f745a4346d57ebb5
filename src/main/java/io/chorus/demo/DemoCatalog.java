package io.chorus.demo;

import java.util.List;

/**
 * What the demo company publishes over its quarter: the texts of {@link DemoHistory}. Days count from the quarter's
 * first day (0) to today (90); links point at example.com, which exists for examples.
 */
final class DemoCatalog {

    private DemoCatalog() {
    }

    /** The campaigns that items belong to. */
    enum Campaign {
        NONE, LAUNCH, STORIES
    }

    /**
     * An item the curator publishes on {@code day}: the audience is a group's name or everyone (null); {@code appeal}
     * scales how often it is shared and clicked.
     */
    record Item(int day, String title, String url, String language, List<String> topics, String audience,
            Campaign campaign, double appeal, String linkedin, String x) {

        Item in(Campaign part) {
            return new Item(day, title, url, language, topics, audience, part, appeal, linkedin, x);
        }
    }

    static final String HOST = "https://www.example.com/";

    static final List<Item> ITEMS = List.of(
            item(2, "How we cut our build times in half", "blog/faster-builds", "en", "engineering", "Engineering", 1.0,
                    "Our CI went from 24 to 11 minutes. Here is what we changed, and what did not work.",
                    "Build times: 24 → 11 minutes. What we changed:"),
            item(4, "Meet the team: customer success in Lyon", "blog/meet-customer-success-lyon", "en",
                    "culture,people", "Lyon", 0.8,
                    "The people who answer when our customers call. Proud to work with them!",
                    "Meet our customer success team in Lyon"),
            item(6, "We're hiring: 12 open roles across Europe", "careers", "en", "hiring", null, 1.3,
                    "We are hiring in Paris, Lyon and remote: engineering, sales, support. Come and work with us!",
                    "12 open roles across Europe. Come work with us!"),
            item(8, "Case study: how Northwind saved 300 hours a quarter", "customers/northwind", "en", "customers",
                    "Sales", 1.1, "300 hours a quarter, back to the finance team. The Northwind story.",
                    "How Northwind saved 300 hours a quarter"),
            item(10, "Our 2026 sustainability report", "sustainability/2026", "en", "sustainability", null, 0.9,
                    "Emissions, suppliers, and what we still have to fix: our sustainability report is out.",
                    "Our 2026 sustainability report is out"),
            item(12, "Five lessons from moving to event sourcing", "blog/event-sourcing-lessons", "en", "engineering",
                    "Engineering", 1.0, "Event sourcing, two years in: five things we would tell our past selves.",
                    "Five lessons from two years of event sourcing"),
            item(14, "Demo Company named a top workplace in Paris", "news/top-workplace", "en", "culture,awards", null,
                    1.4, "Voted by the people who work here. Thank you, colleagues!",
                    "We are a top workplace in Paris this year 🎉"),
            item(16, "Rencontre : nos ingénieurs au Devoxx France", "blog/devoxx-france", "fr", "engineering,events",
                    "Paris", 0.8, "Trois conférences, un stand et beaucoup de café : notre Devoxx France.",
                    "Nos ingénieurs au Devoxx France"),
            item(18, "Webinar: reporting your CFO will love", "events/webinar-reporting", "en", "events,product",
                    "Sales", 0.9, "Join our webinar next Thursday: month-end reporting without the spreadsheets.",
                    "Webinar: month-end reporting without spreadsheets"),
            item(20, "Atlas 2 is here: faster reports, fewer clicks", "product/atlas-2", "en", "product,launch", null,
                    1.6, "Atlas 2 is live! Reports in seconds, and a new home page built with our customers.",
                    "Atlas 2 is live: reports in seconds").in(Campaign.LAUNCH),
            item(20, "Atlas 2 : ce qui change pour nos clients", "fr/produit/atlas-2", "fr", "product,launch", null,
                    1.2, "Atlas 2 est disponible : des rapports en quelques secondes et une nouvelle page d'accueil.",
                    "Atlas 2 est disponible !").in(Campaign.LAUNCH),
            item(22, "Atlas 2 in ten minutes (video)", "product/atlas-2/video", "en", "product,launch", null, 1.3,
                    "Ten minutes, one coffee, everything new in Atlas 2.", "Atlas 2 in ten minutes (video)")
                            .in(Campaign.LAUNCH),
            item(24, "Pricing that grows with you: the new Atlas plans", "product/pricing", "en", "product,launch",
                    "Sales", 1.0, "Simpler plans, no per-report fees: the new Atlas pricing.", "The new Atlas plans")
                            .in(Campaign.LAUNCH),
            item(27, "Atlas 2 : le guide de démarrage", "fr/produit/atlas-2/guide", "fr", "product,launch", null, 1.0,
                    "Tout pour bien démarrer avec Atlas 2, en français.", "Le guide de démarrage d'Atlas 2")
                            .in(Campaign.LAUNCH),
            item(31, "Atlas 2 launch recap: what you told us in week one", "blog/atlas-2-week-one", "en",
                    "product,launch", null, 1.1, "One week of Atlas 2: 4,000 customers, 31 fixes, and your feedback.",
                    "Atlas 2, week one: what you told us").in(Campaign.LAUNCH),
            item(36, "Inside our design system", "blog/design-system", "en", "design,engineering", null, 0.8,
                    "Buttons are hard. How our design system keeps 40 screens consistent.", "Inside our design system"),
            item(38, "Why every employee gets two volunteering days", "blog/volunteering-days", "en",
                    "culture,sustainability", null, 1.0, "Two days a year, paid, for the cause of your choice.",
                    "Two paid volunteering days for everyone"),
            item(40, "Témoignage client : la Mutuelle du Rhône", "fr/clients/mutuelle-du-rhone", "fr", "customers",
                    "Lyon", 0.9, "Comment la Mutuelle du Rhône a divisé par deux son temps de clôture.",
                    "Témoignage : la Mutuelle du Rhône"),
            item(42, "A day in the life of a sales engineer", "blog/day-in-the-life-sales-engineer", "en",
                    "people,hiring", "Sales", 0.9, "Demos, whiteboards and a lot of listening: a day with our SEs.",
                    "A day in the life of a sales engineer"),
            item(44, "Our new Lyon office opens its doors", "news/lyon-office", "en", "culture,offices", null, 1.2,
                    "More space, more light, same team. Come and see us in Lyon!", "Our new Lyon office is open"),
            item(46, "Security at Demo Company: our SOC 2 Type II report", "trust/soc2", "en", "security,product", null,
                    0.9, "Independently audited: our SOC 2 Type II report is available to customers.",
                    "Our SOC 2 Type II report is available"),
            item(48, "Nous recrutons : 5 postes à Lyon", "fr/carrieres/lyon", "fr", "hiring", "Lyon", 1.1,
                    "Cinq postes ouverts à Lyon, dont deux en alternance. Parlez-en autour de vous !",
                    "5 postes ouverts à Lyon"),
            item(50, "How our support team reached 96% satisfaction", "blog/support-satisfaction", "en",
                    "customers,people", null, 1.0, "96% of our customers are happy with support. Here is how.",
                    "96% support satisfaction: how"),
            item(53, "The road to zero-downtime deploys", "blog/zero-downtime", "en", "engineering", "Engineering", 1.0,
                    "We deploy 30 times a day and nobody notices. The road there.",
                    "The road to zero-downtime deploys"),
            item(55, "Join us at VivaTech", "events/vivatech", "en", "events", "Champions", 1.2,
                    "We will be at VivaTech in June: stand B12, come and say hello.", "See you at VivaTech, stand B12"),
            item(57, "Trois questions à notre directrice technique", "fr/blog/trois-questions-cto", "fr",
                    "people,engineering", null, 0.9, "Recrutement, IA et dette technique : trois questions à Sophie.",
                    "Trois questions à notre CTO"),
            item(60, "Quarterly product update: what's new in Atlas", "product/updates/q3", "en", "product", null, 1.0,
                    "Scheduled exports, a faster search and 40 small things you asked for.",
                    "What's new in Atlas this quarter"),
            item(62, "Our engineering principles, written down", "blog/engineering-principles", "en",
                    "engineering,culture", "Engineering", 0.9, "Eight principles we hire, review and argue by.",
                    "Our engineering principles"),
            item(64, "Parental leave: what we changed and why", "blog/parental-leave", "en", "people,culture", null,
                    1.2, "Sixteen weeks for every parent, whoever they are. Here is why.",
                    "16 weeks of parental leave for every parent"),
            item(67, "Le bilan carbone de nos serveurs, expliqué", "fr/blog/bilan-carbone", "fr",
                    "sustainability,engineering", null, 0.8, "Combien émet un rapport Atlas ? Nous avons mesuré.",
                    "Le bilan carbone de nos serveurs"),
            item(70, "Partner news: Atlas on the Azure marketplace", "news/azure-marketplace", "en", "partners,product",
                    "Sales", 0.9, "Atlas is now on the Azure marketplace: one contract, one invoice.",
                    "Atlas is on the Azure marketplace"),
            item(73, "Our interns built this in eight weeks", "blog/intern-projects", "en", "people,engineering", null,
                    1.0, "Eight weeks, four interns, one feature our customers now use every day.",
                    "What our interns built in eight weeks"),
            item(76, "Year in review: what our customers achieved", "customers/year-in-review", "en", "customers", null,
                    1.1, "From 40 countries to paperless cities: our customers' year.",
                    "Our customers' year in review"),
            item(79, "Open source at Demo Company: our first ten projects", "blog/open-source", "en",
                    "engineering,open-source", null, 0.9, "Ten projects we now maintain in the open, and why.",
                    "Our first ten open-source projects"),
            item(80, "Notre engagement pour l'égalité professionnelle", "fr/engagements/egalite", "fr",
                    "people,culture", null, 0.9, "Index égalité, salaires, recrutement : où nous en sommes.",
                    "Notre engagement pour l'égalité professionnelle"),
            item(82, "Customer story: Contoso closes the month in two days", "customers/contoso", "en",
                    "customers,stories", null, 1.3, "Contoso's finance team closes the month in two days. Their story.",
                    "Contoso closes the month in two days").in(Campaign.STORIES),
            item(84, "Customer story: Fabrikam rolls out Atlas in 40 countries", "customers/fabrikam", "en",
                    "customers,stories", "Sales", 1.1, "40 countries, one reporting tool: how Fabrikam did it.",
                    "Fabrikam: Atlas in 40 countries").in(Campaign.STORIES),
            item(86, "Histoire client : Tailspin et ses 200 agences", "fr/clients/tailspin", "fr", "customers,stories",
                    null, 1.0, "200 agences, un seul outil : l'histoire de Tailspin.", "Tailspin et ses 200 agences")
                            .in(Campaign.STORIES),
            item(88, "Customer story: the city of Woodgrove goes paperless", "customers/woodgrove", "en",
                    "customers,stories,sustainability", null, 1.2, "A city of 300,000 goes paperless with Atlas.",
                    "Woodgrove goes paperless").in(Campaign.STORIES));

    /** Published on its day, out of the feed two weeks later: an internal event's photos. */
    static final Item EXPIRING = item(19, "Summer party photos are up!", "news/summer-party", "en", "culture", "Paris",
            1.3, "What a night! The photos of our summer party are up.", "Summer party photos 📸");

    /** Published in two days: what the feed does not show yet. */
    static final Item SCHEDULED = item(92, "Save the date: the Demo Company Summit", "events/summit", "en", "events",
            null, 1.0, "Our customer summit is back in March. Save the date!", "Save the date: Demo Company Summit");

    /** Left as a draft by the curator. */
    static final Item DRAFT = item(89, "Q1 roadmap webinar (draft)", "events/q1-roadmap", "en", "product,events", null,
            1.0, "Join us for the Q1 roadmap webinar.", null);

    /** Ideas sent in by ambassadors: who (the ambassador's number), when, what, and the curator's answer. */
    record Submission(int ambassador, int day, String title, String path, String language, String topics,
            String decision, String reason) {
    }

    static final List<Submission> SUBMISSIONS = List.of(
            new Submission(3, 50, "My talk at the Lyon JUG: testing with real databases", "blog/lyon-jug-talk", "en",
                    "engineering,events", "approved", null),
            new Submission(5, 70, "A funny video from the office", "videos/office-cat", "en", "culture", "rejected",
                    "Lovely, but not for our professional networks: share it in #random instead!"),
            new Submission(2, 88, "Photos of our booth at Paris Retail Week", "events/retail-week-photos", "en",
                    "events", null, null),
            new Submission(6, 89, "Our CTO on the Open Source Weekly podcast", "podcasts/open-source-weekly", "en",
                    "engineering,open-source", null, null));

    static final String CHARTER = """
            Our social media charter

            1. Sharing is voluntary. Nobody is ever asked to share, and nobody is judged for not sharing.
            2. Be yourself: edit any suggested message, add your own words, or share nothing at all.
            3. Say that you work here when you talk about Demo Company (the suggested messages say it for you).
            4. Never share anything confidential: customers' names only when their story is public.
            5. Stay courteous; if a discussion turns sour, leave it to the communications team.
            6. Chorus counts the clicks on your links, never who clicked: no names, no addresses.""";

    private static Item item(int day, String title, String path, String language, String topics, String audience,
            double appeal, String linkedin, String x) {
        return new Item(day, title, HOST + path, language, List.of(topics.split(",")), audience, Campaign.NONE, appeal,
                linkedin, x);
    }

}
