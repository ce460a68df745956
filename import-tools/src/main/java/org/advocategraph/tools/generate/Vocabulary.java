package org.advocategraph.tools.generate;

import java.text.Normalizer;
import java.util.Locale;

import org.advocategraph.model.Purpose;

/**
 * The fixed vocabularies and the categorical distributions of the generator. Weights are relative (they need
 * not sum to one). Index order matters: arrays indexed by department, region, language, certification or
 * topic root all follow the order of the lists here.
 */
final class Vocabulary {
    private Vocabulary() {
    }

    // ---- organisation -------------------------------------------------------------------------------------

    static final String[] DEPARTMENTS = {"engineering", "support", "sales", "marketing", "product", "hr", "finance", "legal"};
    static final String[] DEPARTMENT_NAMES = {"Engineering", "Support", "Sales", "Marketing", "Product", "HR", "Finance", "Legal"};
    /** Headcount split of a mid-size software company: engineering and support largest, staff functions small. */
    static final double[] DEPARTMENT_WEIGHTS = {0.30, 0.20, 0.15, 0.10, 0.08, 0.05, 0.07, 0.05};
    static final int ENGINEERING = 0;
    static final int SUPPORT = 1;
    static final int SALES = 2;
    static final int PRODUCT_DEPT = 4;

    /** Individual-contributor titles per department. */
    static final String[][] TITLES = {
            {"Software Engineer", "Senior Software Engineer", "Staff Engineer", "Site Reliability Engineer", "QA Engineer"},
            {"Support Specialist", "Senior Support Engineer", "Customer Success Manager", "Technical Account Manager"},
            {"Account Executive", "Sales Development Representative", "Solutions Engineer", "Enterprise Account Executive"},
            {"Marketing Specialist", "Content Strategist", "Social Media Manager", "Product Marketing Manager"},
            {"Product Manager", "Senior Product Manager", "Product Designer", "UX Researcher"},
            {"Recruiter", "HR Business Partner", "People Operations Specialist", "Talent Sourcer"},
            {"Financial Analyst", "Accountant", "Billing Specialist", "Controller"},
            {"Counsel", "Senior Counsel", "Paralegal", "Privacy Officer"},
    };

    static final String[] CERTIFICATIONS = {"social-care", "brand-voice", "crisis-comms", "social-selling", "recruiting"};
    /** The purpose each certification qualifies for, by certification index. */
    static final Purpose[] CERTIFICATION_PURPOSE = {Purpose.CARE, Purpose.MARKETING, Purpose.CRISIS, Purpose.SALES, Purpose.RECRUITING};
    /** Probability of holding each certification, by department then certification. */
    static final double[][] CERTIFICATION_ODDS = {
            {0.05, 0.08, 0.02, 0.01, 0.06},
            {0.70, 0.10, 0.15, 0.02, 0.01},
            {0.03, 0.20, 0.02, 0.70, 0.02},
            {0.05, 0.60, 0.25, 0.10, 0.02},
            {0.10, 0.20, 0.05, 0.05, 0.03},
            {0.02, 0.20, 0.05, 0.01, 0.70},
            {0.01, 0.05, 0.03, 0.02, 0.02},
            {0.01, 0.05, 0.30, 0.01, 0.01},
    };
    /** Probability of being allowed each purpose because of the job alone, by department then {@link Purpose} ordinal. */
    static final double[][] DEPARTMENT_PURPOSE_ODDS = {
            // MARKETING, SALES, CARE, PRODUCT, CRISIS, RECRUITING
            {0.05, 0.00, 0.05, 0.60, 0.00, 0.05},
            {0.05, 0.00, 0.90, 0.15, 0.05, 0.00},
            {0.10, 0.90, 0.05, 0.05, 0.00, 0.00},
            {0.90, 0.10, 0.00, 0.05, 0.10, 0.00},
            {0.10, 0.05, 0.05, 0.90, 0.00, 0.00},
            {0.10, 0.00, 0.00, 0.00, 0.00, 0.80},
            {0.05, 0.00, 0.00, 0.00, 0.00, 0.00},
            {0.00, 0.00, 0.00, 0.00, 0.20, 0.00},
    };
    /** Capacity 1..10 (index + 1): most advocates take a handful of conversations at a time. */
    static final double[] CAPACITY_WEIGHTS = {0.10, 0.18, 0.22, 0.16, 0.12, 0.08, 0.05, 0.04, 0.03, 0.02};

    // ---- geography ----------------------------------------------------------------------------------------

    static final String[] REGIONS = {"na", "emea", "apac", "latam"};
    static final double[] REGION_WEIGHTS = {0.40, 0.30, 0.20, 0.10};
    static final String[] LANGUAGES = {"en", "de", "fr", "es", "pt", "it", "nl", "ja", "zh", "ko", "hi"};
    static final int EN = 0;
    static final int JA = 7;
    /** First language of a customer, by region then language. */
    static final double[][] PRIMARY_LANGUAGE = {
            {0.88, 0, 0.03, 0.09, 0, 0, 0, 0, 0, 0, 0},
            {0.30, 0.25, 0.20, 0.10, 0, 0.08, 0.07, 0, 0, 0, 0},
            {0.40, 0, 0, 0, 0, 0, 0, 0.28, 0.14, 0.10, 0.08},
            {0.05, 0, 0, 0.60, 0.35, 0, 0, 0, 0, 0, 0},
    };

    // ---- topics -------------------------------------------------------------------------------------------

    /** Topic roots ({@code id:Name}); each row of {@link #TOPIC_CHILDREN} holds the children of the root with the same index. */
    static final String[] TOPIC_ROOTS = {"cloud:Cloud", "security:Security", "billing:Billing", "data:Data", "ai:AI",
            "devops:DevOps", "mobile:Mobile", "integrations:Integrations", "performance:Performance",
            "onboarding:Onboarding", "careers:Careers", "brand:Brand"};
    static final int CLOUD = 0;
    static final int SECURITY = 1;
    static final int BILLING = 2;
    static final int DATA = 3;
    static final int AI = 4;
    static final int DEVOPS = 5;
    static final int MOBILE = 6;
    static final int INTEGRATIONS = 7;
    static final int PERFORMANCE = 8;
    static final int ONBOARDING = 9;
    static final int CAREERS = 10;
    static final int BRAND = 11;
    static final String[][] TOPIC_CHILDREN = {
            {"kubernetes:Kubernetes", "docker:Docker", "serverless:Serverless", "aws:AWS", "azure:Azure", "gcp:Google Cloud",
                    "terraform:Terraform", "multi-cloud:Multi-cloud"},
            {"sso:Single sign-on", "identity:Identity management", "encryption:Encryption", "vulnerabilities:Vulnerabilities",
                    "zero-trust:Zero trust", "phishing:Phishing", "audit-logs:Audit logs"},
            {"invoices:Invoices", "pricing:Pricing", "refunds:Refunds", "subscriptions:Subscriptions", "payments:Payments",
                    "taxes:Taxes and VAT", "discounts:Discounts"},
            {"analytics:Analytics", "data-warehouse:Data warehouse", "etl:ETL pipelines", "dashboards:Dashboards", "sql:SQL",
                    "data-privacy:Data privacy", "backups:Backups"},
            {"machine-learning:Machine learning", "chatbots:Chatbots", "llm:Large language models",
                    "recommendations:Recommendations", "computer-vision:Computer vision"},
            {"ci-cd:CI/CD", "monitoring:Monitoring", "observability:Observability", "incident-response:Incident response",
                    "logging:Logging", "sre:Site reliability"},
            {"ios:iOS app", "android:Android app", "push-notifications:Push notifications", "offline-mode:Offline mode",
                    "app-store:App store reviews"},
            {"api:Public API", "webhooks:Webhooks", "salesforce:Salesforce integration", "slack:Slack integration",
                    "zapier:Zapier", "sdk:SDKs"},
            {"latency:Latency", "outages:Outages", "scaling:Scaling", "caching:Caching", "uptime:Uptime and SLAs"},
            {"setup:Account setup", "migration:Migration", "training:Training", "documentation:Documentation",
                    "tutorials:Tutorials"},
            {"hiring:Hiring", "internships:Internships", "culture:Company culture", "remote-work:Remote work",
                    "diversity:Diversity and inclusion"},
            {"sustainability:Sustainability", "events:Events and webinars", "partnerships:Partnerships",
                    "community:Community", "product-launches:Product launches"},
    };
    /** Topic roots each department knows and talks about, by department. */
    static final int[][] DEPARTMENT_ROOTS = {
            {CLOUD, SECURITY, DATA, AI, DEVOPS, MOBILE, INTEGRATIONS, PERFORMANCE},
            {BILLING, ONBOARDING, PERFORMANCE, INTEGRATIONS, MOBILE, SECURITY},
            {BILLING, INTEGRATIONS, ONBOARDING, BRAND, DATA},
            {BRAND, AI, ONBOARDING, CAREERS},
            {MOBILE, AI, DATA, INTEGRATIONS, ONBOARDING, PERFORMANCE},
            {CAREERS, BRAND},
            {BILLING, DATA, SECURITY},
            {SECURITY, BRAND, DATA},
    };
    /** What a conversation about a root asks for, by root then {@link Purpose} ordinal. */
    static final double[][] ROOT_PURPOSE = {
            // MARKETING, SALES, CARE, PRODUCT, CRISIS, RECRUITING
            {0.10, 0.10, 0.40, 0.35, 0.02, 0.03},
            {0.03, 0.05, 0.45, 0.35, 0.12, 0.00},
            {0.05, 0.30, 0.55, 0.08, 0.02, 0.00},
            {0.10, 0.10, 0.40, 0.35, 0.02, 0.03},
            {0.15, 0.10, 0.30, 0.40, 0.02, 0.03},
            {0.05, 0.05, 0.45, 0.40, 0.05, 0.00},
            {0.05, 0.05, 0.55, 0.30, 0.05, 0.00},
            {0.05, 0.15, 0.40, 0.38, 0.02, 0.00},
            {0.02, 0.02, 0.60, 0.20, 0.16, 0.00},
            {0.05, 0.10, 0.50, 0.35, 0.00, 0.00},
            {0.15, 0.00, 0.02, 0.03, 0.00, 0.80},
            {0.60, 0.10, 0.10, 0.10, 0.08, 0.02},
    };

    // ---- customers ----------------------------------------------------------------------------------------

    static final String[] INDUSTRIES = {"software", "retail", "finance", "healthcare", "manufacturing", "telecom",
            "education", "public-sector", "media", "logistics", "energy", "hospitality"};
    static final double[] INDUSTRY_WEIGHTS = {0.20, 0.14, 0.12, 0.10, 0.09, 0.07, 0.06, 0.06, 0.05, 0.05, 0.03, 0.03};
    static final String[] COMPANY_PREFIXES = {"Northwind", "Blue Harbor", "Summit", "Redwood", "Ironclad", "Brightline",
            "Silver Fox", "Atlas", "Quantum", "Evergreen", "Granite", "Harbor & Finch", "Nordlicht", "Sakura",
            "Andes", "Aurora", "Cobalt", "Meridian", "Pioneer", "Keystone"};
    static final String[] COMPANY_NOUNS = {"Systems", "Retail", "Capital", "Health", "Works", "Telecom", "Learning",
            "Logistics", "Media", "Energy", "Foods", "Labs"};
    /** Legal-form suffixes per region; {@code ", Inc."} puts a comma in some names on purpose. */
    static final String[][] COMPANY_SUFFIXES = {
            {", Inc.", " LLC", " Corp.", ""},
            {" GmbH", " Ltd", " S.A.", " B.V."},
            {" K.K.", " Pte Ltd", " Pty Ltd", ""},
            {" S.A.", " Ltda.", " S.A. de C.V.", ""},
    };
    static final String[] SEGMENTS = {"enterprise", "mid-market", "smb", "community"};
    static final int COMMUNITY_SEGMENT = 3;

    static final String[] FIRST_NAMES_NA = {"James", "Mary", "Olivia", "Liam", "Emma", "Noah", "Ava", "Ethan",
            "Sophia", "Mason", "Isabella", "Lucas", "Mia", "Aiden", "Harper", "Jackson", "Zoë", "Renée", "DeShawn", "Chloé"};
    static final String[] LAST_NAMES_NA = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller",
            "Davis", "Rodriguez", "Martinez", "O'Brien", "Nguyen", "Kim", "Patel", "Anderson", "Taylor", "Thomas",
            "Moore", "Jackson", "White"};
    static final String[] FIRST_NAMES_EMEA = {"Lukas", "Emma", "Léa", "Hugo", "Sofia", "Mateo", "Anna", "Jan",
            "Björn", "Søren", "Chiara", "Luca", "Maja", "Noah", "Amélie", "Jürgen", "Fatima", "Oliver", "Ingrid", "Łukasz"};
    static final String[] LAST_NAMES_EMEA = {"Müller", "Schmidt", "Dubois", "Martin", "García", "Rossi", "Jansen",
            "de Vries", "Kowalski", "Nielsen", "Andersson", "Moreau", "Bianchi", "Fischer", "Weber", "Lefèvre",
            "Novák", "O'Connor", "Smith", "Brown"};
    static final String[] FIRST_NAMES_APAC = {"Haruto", "Yui", "Wei", "Mei", "Min-jun", "Ji-woo", "Aarav", "Priya",
            "Hiroshi", "Sakura", "Jun", "Li", "Arjun", "Ananya", "Kenji", "Yuna", "Ravi", "Hana", "Chen", "Aiko"};
    static final String[] LAST_NAMES_APAC = {"Sato", "Suzuki", "Takahashi", "Wang", "Li", "Zhang", "Kim", "Lee",
            "Park", "Sharma", "Patel", "Singh", "Tanaka", "Watanabe", "Chen", "Liu", "Choi", "Gupta", "Nakamura", "Ito"};
    static final String[] FIRST_NAMES_LATAM = {"Santiago", "Valentina", "Mateo", "Camila", "Sebastián", "Isabella",
            "João", "Ana", "Lucía", "Gabriel", "Mariana", "Diego", "Sofía", "Miguel", "Larissa", "Pedro", "Renata",
            "Tomás", "Beatriz", "Joaquín"};
    static final String[] LAST_NAMES_LATAM = {"González", "Rodríguez", "Silva", "Santos", "Pérez", "López",
            "Martínez", "Oliveira", "Souza", "Fernández", "Gómez", "Díaz", "Costa", "Ramírez", "Torres", "Flores",
            "Ribeiro", "Castro", "Rojas", "Alves"};
    /** Japanese-speaking customers sometimes register in kanji: family name first, as written in Japanese. */
    static final String[] GIVEN_NAMES_KANJI = {"花子", "太郎", "陽翔", "結衣", "蓮", "さくら"};
    static final String[] FAMILY_NAMES_KANJI = {"佐藤", "鈴木", "高橋", "田中", "渡辺", "伊藤"};
    static final String[][] FIRST_NAMES = {FIRST_NAMES_NA, FIRST_NAMES_EMEA, FIRST_NAMES_APAC, FIRST_NAMES_LATAM};
    static final String[][] LAST_NAMES = {LAST_NAMES_NA, LAST_NAMES_EMEA, LAST_NAMES_APAC, LAST_NAMES_LATAM};
    /** ASCII forms of the names, for handles. */
    static final String[][] FIRST_SLUGS = slugs(FIRST_NAMES);
    static final String[][] LAST_SLUGS = slugs(LAST_NAMES);

    // ---- conversations ------------------------------------------------------------------------------------

    static final String[] CHANNELS = {"twitter", "linkedin", "forum", "email", "community"};
    /** Channel by customer segment: large accounts write e-mail, community members post in public. */
    static final double[][] CHANNEL_BY_SEGMENT = {
            {0.10, 0.20, 0.10, 0.50, 0.10},
            {0.20, 0.20, 0.20, 0.30, 0.10},
            {0.30, 0.15, 0.25, 0.15, 0.15},
            {0.40, 0.05, 0.25, 0.05, 0.25},
    };
    /** Where a conversation of each channel can be read, followed by its id; e-mail threads have no public address. */
    static final String[] CHANNEL_URL = {"https://x.example.com/status/", "https://www.linkedin.example.com/feed/update/",
            "https://forum.example.com/t/", "", "https://community.example.com/post/"};

    /** English templates by purpose ordinal, then unclassified, then complaints; {@code {t}} is the topic's name. */
    static final String[][] TEXT_EN = {
            {"Loved the new {t} announcement!", "Great webinar on {t} today, thanks", "Sharing this: {t} done right."},
            {"Comparing vendors for {t}, what does pricing look like for 200 seats?", "Who can I talk to about {t} for our team?",
                    "Do you offer a trial of {t}?"},
            {"My {t} stopped working after the last update, can anyone help?", "Still waiting on support about {t}. Third day now.",
                    "Is there a known issue with {t}? Getting \"error 500\" every time."},
            {"How do I set up {t} with our existing stack?", "Any plans to improve {t}? Would love a roadmap.",
                    "Does {t} support multiple regions, or just one?"},
            {"{t} has been down for hours. This is unacceptable!", "Reports of a data leak involving {t}? Please respond.",
                    "Cancelling if {t} is not fixed today."},
            {"Are you hiring for {t} roles in my area?", "What's it like to work on {t} at your company?",
                    "Any internships around {t}?"},
            {"Thoughts on {t}?", "Anyone else using {t}?"},
            {"Really disappointed with {t} lately.", "{t} is broken again, any fix?", "Why is {t} so hard to get right?"},
    };
    /** Two templates per language (a problem, a question); languages without a row use English. */
    static final String[][] TEXT_LOCAL = {
            null,
            {"Problem mit {t} seit dem letzten Update, kann jemand helfen?", "Gibt es Neuigkeiten zu {t}?"},
            {"Problème avec {t} depuis la mise à jour, une idée ?", "Des nouvelles sur {t} ?"},
            {"¿Alguien más tiene problemas con {t}?", "¿Hay novedades sobre {t}?"},
            {"Alguém mais com problemas em {t}?", "Novidades sobre {t}?"},
            {"Qualcuno ha problemi con {t}?", "Novità su {t}?"},
            {"Heeft iemand problemen met {t}?", "Nieuws over {t}?"},
            {"{t}が動きません、助けてください。", "{t}について質問があります。"},
            {"{t} 出现问题，有人能帮忙吗？", "{t} 有什么新消息吗？"},
            {"{t} 관련 문제가 있어요, 도와주세요.", "{t} 관련 소식이 있나요?"},
            {"{t} में समस्या है, कोई मदद कर सकता है?", "{t} के बारे में कोई खबर?"},
    };
    /** Outcome keys of a resolved assignment by purpose ordinal (last row: unclassified), with weights. */
    static final String[][] OUTCOMES = {
            {"thanked", "shared"},
            {"meeting-booked", "lead-qualified", "not-interested"},
            {"resolved", "refunded", "escalated", "workaround"},
            {"answered", "feature-request", "bug-filed"},
            {"de-escalated", "escalated"},
            {"referred", "answered"},
            {"answered"},
    };
    static final double[][] OUTCOME_WEIGHTS = {
            {0.6, 0.4},
            {0.4, 0.4, 0.2},
            {0.7, 0.1, 0.1, 0.1},
            {0.7, 0.2, 0.1},
            {0.7, 0.3},
            {0.5, 0.5},
            {1},
    };

    // ---- programs -----------------------------------------------------------------------------------------

    static final String[] PROGRAM_NAMES = {"Care Voices", "Product Ninjas", "Talent Ambassadors", "Brand Champions",
            "Social Sellers", "Crisis Response Corps"};
    static final Purpose[] PROGRAM_PURPOSES = {Purpose.CARE, Purpose.PRODUCT, Purpose.RECRUITING, Purpose.MARKETING,
            Purpose.SALES, Purpose.CRISIS};
    /** Certification index a member must hold, or -1 when the program recruits by department (product experts). */
    static final int[] PROGRAM_CERTIFICATION = {0, -1, 4, 1, 3, 2};

    private static String[][] slugs(String[][] names) {
        String[][] out = new String[names.length][];
        for (int r = 0; r < names.length; r++) {
            out[r] = new String[names[r].length];
            for (int i = 0; i < names[r].length; i++) {
                out[r][i] = slug(names[r][i]);
            }
        }
        return out;
    }

    /** Lower-case ASCII letters of a name: accents dropped, letters without a decomposition spelled out. */
    static String slug(String name) {
        String s = Normalizer.normalize(name.toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
                .replace("ł", "l").replace("ø", "o").replace("ß", "ss");
        var sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                sb.append(c);
            }
        }
        return sb.length() == 0 ? "user" : sb.toString();
    }
}
