#!/usr/bin/env python3
"""Writes esco-like.yaml: a skills taxonomy shaped like ESCO (the European occupations and skills
classification), for testing RoleGraph on real-sized skill data.

ESCO's shape, which the built-in graph lacks: ~100 occupations in unrelated families, each with
about twenty essential skills and a few optional ones, skill labels written as a catalogue writes
them ("Python (computer programming)", "operate projection equipment"), alternative labels, and
a few occupations that list only a handful of skills. The labels are our own, in ESCO's style.

Deterministic: a fixed seed, so the committed YAML is reproducible.

    python3 Tests/Fixtures/esco/generate.py   # rewrites Tests/Fixtures/esco/esco-like.yaml
"""
import os
import random
import re

SEED = 17
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "esco-like.yaml")

# Families: (id, name, occupations, skill labels). Every family has 30+ skills of its own.
FAMILIES = [
    ("data", "Data and analytics",
     ["data scientist", "data analyst", "statistician", "business intelligence analyst", "data mining specialist",
      "machine learning engineer", "data engineer", "econometrician", "data quality specialist", "research analyst"],
     ["data mining", "statistics", "Python (computer programming)", "R (computer programming)", "SQL",
      "machine learning", "data models", "data quality assessment", "business intelligence", "information extraction",
      "visualise data", "perform data analysis", "apply statistical analysis techniques", "execute analytical mathematical calculations",
      "interpret current data", "handle data samples", "implement data quality processes", "normalise data",
      "perform data cleansing", "manage data", "data warehouse", "online analytical processing", "query languages",
      "resource description framework query language", "data extraction, transformation and loading tools",
      "establish data processes", "report analysis results", "build recommender systems", "deep learning",
      "use spreadsheets software", "data science", "predictive modelling", "time series analysis", "sampling techniques",
      "design database scheme", "deliver visual presentation of data"]),
    ("software", "Software and ICT",
     ["software developer", "web developer", "mobile app developer", "database administrator", "ICT system administrator",
      "DevOps engineer", "ICT security engineer", "software tester", "ICT network engineer", "embedded systems software developer"],
     ["Java (computer programming)", "JavaScript (computer programming)", "C++ (computer programming)", "TypeScript (computer programming)",
      "Swift (computer programming)", "Kotlin (computer programming)", "Go (computer programming)", "develop software prototype",
      "write computer code", "debug software", "use software design patterns", "use version control systems",
      "perform software unit testing", "execute software tests", "design user interface", "develop automated software tests",
      "administer ICT system", "maintain database performance", "manage database", "implement firewalls",
      "apply ICT security policies", "configure ICT system", "integrate system components", "use cloud computing services",
      "use containerisation tools", "automate cloud tasks", "monitor system performance", "troubleshoot network problems",
      "design computer network", "implement virtual private network", "use an application-specific interface",
      "interpret technical requirements", "use computer-aided software engineering tools", "agile project management",
      "ICT debugging tools", "operating systems"]),
    ("media", "Media, arts and entertainment",
     ["projectionist", "digital games tester", "camera operator", "sound technician", "video editor", "lighting technician",
      "stage manager", "film distributor", "photographer", "broadcast technician"],
     ["operate projection equipment", "check projection quality", "maintain projector", "handle film reels",
      "test games", "report software defects in games", "play digital games", "digital game genres",
      "operate camera", "set up camera", "frame shots", "operate sound mixing desk", "set up sound equipment",
      "edit recorded sound", "edit digital moving images", "use video editing software", "colour grade footage",
      "operate lighting console", "rig lighting equipment", "focus stage lights", "run a performance",
      "coordinate rehearsals", "call cues", "negotiate distribution rights", "plan film releases", "take photographs",
      "edit photographs", "use photographic lighting", "operate broadcast equipment", "monitor broadcast signal",
      "audiovisual equipment", "film production process", "cinematography"]),
    ("health", "Health and care",
     ["general practitioner", "nurse", "pharmacist", "physiotherapist", "paramedic", "dental hygienist",
      "radiographer", "midwife", "occupational therapist", "care home worker"],
     ["diagnose patients", "prescribe medication", "administer medication", "take vital signs", "perform physical examination",
      "apply first aid", "perform cardiopulmonary resuscitation", "dispense medicines", "check prescriptions",
      "advise on medication", "design exercise programme", "apply manual therapy", "transport patients",
      "assess emergency situations", "clean teeth", "take dental radiographs", "operate imaging equipment",
      "position patients for imaging", "support women in labour", "monitor foetal development", "adapt daily activities",
      "assess functional ability", "provide personal care", "assist with feeding", "maintain patient records",
      "follow infection control procedures", "communicate with patients", "apply clinical guidelines",
      "anatomy", "pharmacology", "medical terminology", "patient safety"]),
    ("hospitality", "Hospitality and food",
     ["cook", "waiter", "hotel receptionist", "bartender", "pastry chef", "housekeeper", "event planner",
      "kitchen porter", "barista", "restaurant manager"],
     ["prepare meat dishes", "prepare sauces", "use cooking techniques", "plan menus", "comply with food safety and hygiene",
      "take food and beverage orders", "serve food", "serve wines", "greet guests", "check in guests", "handle reservations",
      "process payments", "mix cocktails", "operate beverage dispensers", "prepare bakery products", "decorate confectionery",
      "clean guest rooms", "launder linen", "plan events", "negotiate with suppliers", "coordinate catering",
      "wash dishes", "clean kitchen areas", "prepare hot drinks", "operate espresso machine", "manage restaurant service",
      "schedule shifts", "control stock levels", "handle customer complaints", "food allergens", "wine characteristics"]),
    ("construction", "Construction and trades",
     ["electrician", "plumber", "carpenter", "bricklayer", "painter and decorator", "roofer", "construction site manager",
      "welder", "heating engineer", "surveyor"],
     ["install electrical wiring", "test electrical equipment", "read electrical diagrams", "install plumbing systems",
      "repair pipes", "install sanitary equipment", "cut wood", "assemble timber frames", "install doors and windows",
      "lay bricks", "mix mortar", "apply plaster", "paint surfaces", "prepare surfaces for painting", "hang wallpaper",
      "install roofing", "repair roofs", "plan construction work", "supervise construction workers", "estimate construction costs",
      "weld metal", "read blueprints", "operate welding equipment", "install heating systems", "service boilers",
      "measure land", "use surveying instruments", "follow health and safety procedures in construction",
      "use hand tools", "use power tools", "building codes", "construction materials"]),
    ("finance", "Finance and business",
     ["accountant", "financial analyst", "auditor", "actuary", "bank teller", "insurance underwriter", "tax adviser",
      "payroll clerk", "investment manager", "credit analyst"],
     ["prepare financial statements", "manage accounts", "perform financial analysis", "create financial reports",
      "audit financial records", "assess risk", "calculate insurance premiums", "handle cash", "process transactions",
      "advise on tax", "prepare tax returns", "process payroll", "manage investment portfolio", "analyse credit risk",
      "interpret financial statements", "apply accounting standards", "use accounting software", "forecast revenue",
      "budget planning", "financial modelling", "evaluate loans", "banking activities", "insurance law", "tax legislation",
      "actuarial science", "financial markets", "economics", "corporate governance", "compliance monitoring",
      "customer due diligence", "check accounting records"]),
    ("education", "Education",
     ["primary school teacher", "secondary school teacher", "university lecturer", "teaching assistant", "vocational teacher",
      "special needs teacher", "language school teacher", "school principal", "education adviser", "librarian"],
     ["plan lessons", "teach reading", "assess students", "give constructive feedback", "manage classroom",
      "prepare lesson content", "teach mathematics", "teach languages", "supervise students", "conduct lectures",
      "supervise doctoral students", "publish academic research", "support teachers", "adapt teaching to student abilities",
      "teach practical skills", "support special needs students", "apply teaching strategies", "manage school budget",
      "lead teaching staff", "advise on curriculum", "catalogue library materials", "help library users",
      "curriculum objectives", "pedagogy", "learning difficulties", "assessment processes", "education law",
      "use virtual learning environments", "communicate with parents", "organise school events"]),
    ("logistics", "Transport and logistics",
     ["truck driver", "warehouse worker", "logistics manager", "forklift operator", "bus driver", "courier",
      "supply chain planner", "freight forwarder", "ship's officer", "air traffic controller"],
     ["drive heavy vehicles", "plan routes", "load cargo", "secure cargo", "operate forklift", "pick orders",
      "store goods", "manage warehouse operations", "plan supply chain", "forecast demand", "negotiate freight rates",
      "prepare shipping documents", "clear customs", "navigate vessels", "maintain ship logbook", "control air traffic",
      "communicate with pilots", "read radar", "drive buses", "assist passengers", "deliver parcels", "scan barcodes",
      "inventory management", "transport regulations", "customs law", "maritime law", "logistics software",
      "perform vehicle checks", "manage fleet", "track shipments", "optimise warehouse layout"]),
    ("sales", "Sales and marketing",
     ["sales assistant", "marketing manager", "sales representative", "social media manager", "market research analyst",
      "customer service representative", "copywriter", "public relations officer", "brand manager", "e-commerce manager"],
     ["sell products", "advise customers", "operate cash register", "display merchandise", "develop marketing plans",
      "analyse market trends", "manage marketing budget", "negotiate sales contracts", "prospect new customers",
      "manage social media accounts", "create social media content", "conduct market research", "design surveys",
      "answer customer enquiries", "resolve customer problems", "write copy", "edit written content",
      "write press releases", "manage media relations", "develop brand strategy", "manage online shop",
      "search engine optimisation", "online marketing", "consumer behaviour", "pricing strategies",
      "customer relationship management", "sales techniques", "advertising techniques", "measure campaign performance",
      "use content management systems", "monitor competitors"]),
]

# Transversal skills every family draws on.
TRANSVERSAL = [
    "communicate effectively", "work in teams", "manage time", "solve problems", "think critically", "adapt to change",
    "use digital tools", "comply with regulations", "write reports", "present information", "manage stress",
    "keep records", "train staff", "manage a team", "plan work", "show initiative", "apply quality standards",
    "use English", "negotiate", "follow instructions", "ensure customer satisfaction", "handle confidential information",
    "maintain work area", "report to management", "mentor individuals", "manage projects", "make decisions",
    "build relationships", "attend to detail", "meet deadlines", "work independently", "use mathematics",
    "use email", "organise information", "assess performance", "observe safety rules", "manage conflicts",
    "apply ethics", "learn continuously", "deal with ambiguity",
    "coach employees", "delegate tasks", "interpret graphical communication interfaces", "listen actively",
    "manage budgets", "perform risk analysis", "promote health and safety", "respond to emergencies",
    "use microsoft office", "write technical documentation", "demonstrate intercultural competence",
    "apply conflict management", "assist customers", "check quality of products", "conduct interviews",
    "create work schedules", "estimate duration of work", "follow company standards", "handle stock",
    "identify customer needs", "inspect equipment", "lift heavy weights", "maintain equipment",
    "manage supplies", "operate computer systems", "order supplies", "perform cleaning duties",
    "prepare presentations", "process incoming orders", "provide information", "read manuals",
    "recruit employees", "speak different languages", "supervise work", "think creatively",
    "translate requirements into designs", "use ergonomic work practices",
]

# Alternative labels, as ESCO gives them.
ALIASES = {
    "Python (computer programming)": ["Python programming"],
    "R (computer programming)": ["GNU R"],
    "statistics": ["statistical science"],
    "data mining": ["data exploration"],
    "machine learning": ["ML", "statistical learning"],
    "SQL": ["structured query language"],
    "visualise data": ["data visualisation", "data visualization"],
    "JavaScript (computer programming)": ["JS"],
    "C++ (computer programming)": ["CPP"],
    "use spreadsheets software": ["spreadsheets", "Excel"],
    "search engine optimisation": ["SEO"],
    "customer relationship management": ["CRM"],
    "perform cardiopulmonary resuscitation": ["CPR"],
    "operate forklift": ["drive forklift"],
    "use containerisation tools": ["Docker", "Kubernetes"],
    "data extraction, transformation and loading tools": ["ETL tools"],
    "deep learning": ["neural networks"],
    "use version control systems": ["Git"],
    "operate projection equipment": ["run film projector"],
    "test games": ["game testing"],
}

# Occupations that list only a handful of skills, as some ESCO occupations do.
SMALL = {"projectionist": 6, "digital games tester": 7, "kitchen porter": 5, "courier": 6, "bank teller": 7}
# The skills data occupations cannot do without.
DATA_CORE = ["data mining", "statistics", "Python (computer programming)"]


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main():
    rng = random.Random(SEED)
    skills = []
    for _, _, _, labels in FAMILIES:
        skills.extend(labels)
    skills.extend(TRANSVERSAL)
    assert len(set(skills)) == len(skills), "a skill label is listed twice"

    lines = [
        "# Generated by Tests/Fixtures/esco/generate.py (seed %d): do not edit, rerun it." % SEED,
        "# An ESCO-shaped taxonomy: occupations with about twenty essential skills, long catalogue labels,",
        "# alternative labels, and some occupations with only a handful of skills. No entry_level facts.",
        "format: 1",
        "name: ESCO-like occupations",
        "source: \"Generated test fixture in the style of ESCO; labels by the RoleGraph authors.\"",
        "description: \"%d occupations in %d families and %d skills.\"" % (
            sum(len(f[2]) for f in FAMILIES), len(FAMILIES), len(skills)),
        "",
        "areas:",
    ]
    for fid, fname, _, _ in FAMILIES:
        lines += ["  - id: %s" % fid, "    name: %s" % quote(fname)]
    lines += ["", "skills:"]
    for label in skills:
        lines += ["  - id: %s" % slug(label), "    name: %s" % quote(label)]
        if label in ALIASES:
            lines.append("    aliases: [%s]" % ", ".join(quote(a) for a in ALIASES[label]))
    lines += ["", "roles:"]
    occupations = []
    for index, (fid, _, names, labels) in enumerate(FAMILIES):
        neighbour = FAMILIES[(index + 1) % len(FAMILIES)][3]
        for name in names:
            if name in SMALL:
                own = rng.sample(labels, SMALL[name])
                # Small occupations list a skill of their family first, as ESCO does.
                essential, optional = own[: max(1, len(own) - 2)], own[max(1, len(own) - 2):]
            else:
                core = DATA_CORE if fid == "data" else []
                rest = [l for l in labels if l not in core]
                essential = core + rng.sample(rest, 14 - len(core)) + rng.sample(TRANSVERSAL, 4) + rng.sample(neighbour, 2)
                pool = [l for l in labels + TRANSVERSAL if l not in essential]
                optional = rng.sample(pool, rng.randint(4, 9))
            occupations.append((slug(name), fid))
            lines += [
                "  - id: %s" % slug(name),
                "    name: %s" % quote(name),
                "    area: %s" % fid,
                "    skills:",
                "      primary: [%s]" % ", ".join(slug(l) for l in essential),
                "      secondary: [%s]" % ", ".join(slug(l) for l in optional),
            ]
    lines += ["", "relations:"]
    seen = set()
    by_family = {}
    for oid, fid in occupations:
        by_family.setdefault(fid, []).append(oid)
    for oid, fid in occupations:
        # Three moves within the family and, now and then, one out of it.
        targets = rng.sample([o for o in by_family[fid] if o != oid], 3)
        if rng.random() < 0.3:
            other = rng.choice([f for f in by_family if f != fid])
            targets.append(rng.choice(by_family[other]))
        for target in targets:
            if (oid, target) in seen:
                continue
            seen.add((oid, target))
            same = target in by_family[fid]
            lines += [
                "  - kind: transition",
                "    from: %s" % oid,
                "    to: %s" % target,
                "    effort: %d" % (rng.randint(1, 3) if same else rng.randint(3, 5)),
            ]
    with open(OUT, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
