// Generated from Graphs/data-careers.yaml by Tests/RoleGraphKitTests/Support/BuiltinGraphSource.swift.
// Do not edit: edit the YAML, then run
//     ROLEGRAPH_UPDATE_GOLDENS=1 swift test --filter BuiltinGraphTests
// BuiltinGraphTests fails while this file and the YAML disagree.

extension BuiltinGraph {
    /// The parts of the built-in graph, as parsed and validated from the YAML at generation time.
    static func makeGraph() -> RoleGraph {
        var areas: [Area] = []
        areas.reserveCapacity(3)
        areas.append(Area(id: "insights", name: "Insights", summary: "Help the business decide with data: collect and look after analytical data, analyse and interpret it, and present what it shows."))
        areas.append(Area(id: "models", name: "Models", summary: "Build and support ML models and services, mostly deep learning: design and train them, ship them, and keep the ML workflow and its infrastructure efficient."))
        areas.append(Area(id: "systems", name: "Systems", summary: "Build and run the platforms, infrastructure and services that operations and analytics depend on, for products or internal tools."))

        var skills: [Skill] = []
        skills.reserveCapacity(40)
        skills.append(Skill(id: "sql", name: "SQL", summary: "Querying, joining and aggregating data in relational databases and warehouses.", aliases: ["structured query language"]))
        skills.append(Skill(id: "spreadsheets", name: "Spreadsheets", summary: "Quick analysis, modelling and reporting in tools such as Excel or Google Sheets.", aliases: ["Excel", "Google Sheets"]))
        skills.append(Skill(id: "data-visualisation", name: "Data visualisation", summary: "Charts and dashboards, including BI tools, that make data easy to read.", aliases: ["data visualization", "dashboards", "BI tools"]))
        skills.append(Skill(id: "statistics", name: "Statistics", summary: "Descriptive and inferential statistics, hypothesis testing and uncertainty.", aliases: ["stats"]))
        skills.append(Skill(id: "business-communication", name: "Business communication", summary: "Understanding business questions and explaining findings to non-technical stakeholders.", aliases: ["communication", "stakeholder management"]))
        skills.append(Skill(id: "experimentation", name: "Experimentation and A/B testing", summary: "Designing, running and reading controlled experiments on products and processes.", aliases: ["A/B testing", "experiment design"]))
        skills.append(Skill(id: "mathematics", name: "Mathematics", summary: "Linear algebra, calculus and probability as used in modelling.", aliases: ["maths", "linear algebra", "probability"]))
        skills.append(Skill(id: "classical-ml", name: "Classical machine learning", summary: "Regression, tree ensembles, clustering and other non-deep-learning models.", aliases: ["machine learning", "scikit-learn"]))
        skills.append(Skill(id: "data-modelling", name: "Data modelling", summary: "Designing tables, schemas and dimensional models that describe the business.", aliases: ["data modeling", "dimensional modelling"]))
        skills.append(Skill(id: "data-transformation", name: "Data transformation", summary: "Turning raw data into clean, tested, documented tables with SQL-based transformation tools.", aliases: ["dbt", "ELT"]))
        skills.append(Skill(id: "data-warehousing", name: "Data warehousing", summary: "Working with analytical warehouses and lakehouses, their storage and their cost.", aliases: ["data warehouse", "lakehouse"]))
        skills.append(Skill(id: "data-quality", name: "Data quality", summary: "Testing, validating and monitoring data so that consumers can trust it.", aliases: ["data testing"]))
        skills.append(Skill(id: "orchestration", name: "Workflow orchestration", summary: "Scheduling and monitoring data pipelines as dependency graphs of jobs.", aliases: ["Airflow", "pipeline scheduling"]))
        skills.append(Skill(id: "python", name: "Python", summary: "General-purpose programming in Python, the common language of data and ML work.", aliases: ["Python programming"]))
        skills.append(Skill(id: "software-engineering", name: "Software engineering", summary: "Writing maintainable, tested, version-controlled code and designing programs well.", aliases: ["programming", "coding"]))
        skills.append(Skill(id: "systems-programming", name: "Systems programming", summary: "Low-level, performance-sensitive programming in languages such as C++ or Rust.", aliases: ["C++", "Rust"]))
        skills.append(Skill(id: "deep-learning", name: "Deep learning", summary: "Neural network architectures, training dynamics and their practical pitfalls.", aliases: ["neural networks"]))
        skills.append(Skill(id: "ml-research", name: "ML research", summary: "Reading papers, forming hypotheses and running rigorous modelling experiments."))
        skills.append(Skill(id: "ml-frameworks", name: "ML frameworks", summary: "Building and training models with libraries such as PyTorch, JAX or TensorFlow.", aliases: ["PyTorch", "TensorFlow", "JAX"]))
        skills.append(Skill(id: "distributed-training", name: "Distributed training", summary: "Training large models across many accelerators and machines."))
        skills.append(Skill(id: "ml-lifecycle-tooling", name: "ML lifecycle tooling", summary: "Experiment tracking, model registries, feature stores and similar ML tools.", aliases: ["MLflow", "experiment tracking", "model registry"]))
        skills.append(Skill(id: "ml-pipelines", name: "ML pipelines", summary: "Automated pipelines for data preparation, training, evaluation and retraining."))
        skills.append(Skill(id: "ml-serving", name: "Model serving", summary: "Deploying models behind services for batch or real-time inference and monitoring them.", aliases: ["model deployment", "inference"]))
        skills.append(Skill(id: "model-optimisation", name: "Model optimisation", summary: "Making models cheaper and faster, for example by quantisation, pruning, distillation and profiling.", aliases: ["model optimization", "quantisation"]))
        skills.append(Skill(id: "gpu-programming", name: "GPU programming", summary: "Writing and tuning kernels for GPUs and other accelerators, for example with CUDA or Triton.", aliases: ["CUDA"]))
        skills.append(Skill(id: "compilers", name: "Compilers", summary: "Compiler techniques, especially ML compilers that lower model graphs onto hardware."))
        skills.append(Skill(id: "hardware-architecture", name: "Hardware architecture", summary: "How processors, memory hierarchies and interconnects shape performance.", aliases: ["computer architecture"]))
        skills.append(Skill(id: "apis", name: "APIs", summary: "Designing and building service interfaces such as REST or gRPC APIs.", aliases: ["REST", "gRPC"]))
        skills.append(Skill(id: "databases", name: "Databases", summary: "Operating and designing transactional databases: indexing, transactions, replication.", aliases: ["PostgreSQL", "RDBMS"]))
        skills.append(Skill(id: "distributed-data-processing", name: "Distributed data processing", summary: "Processing large datasets in parallel with engines such as Spark.", aliases: ["Spark", "big data"]))
        skills.append(Skill(id: "stream-processing", name: "Stream processing", summary: "Moving and processing data as event streams, for example with Kafka or Flink.", aliases: ["Kafka", "streaming"]))
        skills.append(Skill(id: "distributed-systems", name: "Distributed systems", summary: "Designing reliable, scalable systems made of many cooperating services."))
        skills.append(Skill(id: "cloud-infrastructure", name: "Cloud infrastructure", summary: "Compute, storage and managed services on public cloud providers.", aliases: ["AWS", "GCP", "Azure", "cloud"]))
        skills.append(Skill(id: "containers-orchestration", name: "Containers and Kubernetes", summary: "Packaging software in containers and running it on Kubernetes or similar schedulers.", aliases: ["Docker", "Kubernetes", "k8s"]))
        skills.append(Skill(id: "infrastructure-as-code", name: "Infrastructure as code", summary: "Declaring and changing infrastructure through code, for example with Terraform.", aliases: ["Terraform", "IaC"]))
        skills.append(Skill(id: "ci-cd", name: "CI/CD", summary: "Automated build, test and deployment pipelines.", aliases: ["continuous integration", "continuous delivery"]))
        skills.append(Skill(id: "observability", name: "Observability", summary: "Metrics, logs, traces and alerting to understand systems running in production.", aliases: ["monitoring"]))
        skills.append(Skill(id: "networking", name: "Networking", summary: "Network protocols, load balancing, DNS and network security boundaries."))
        skills.append(Skill(id: "linux-systems", name: "Linux systems", summary: "Administering and troubleshooting Linux hosts, processes and resources.", aliases: ["Linux"]))
        skills.append(Skill(id: "security", name: "Security", summary: "Access control, secrets management and secure design of systems."))

        var roles: [Role] = []
        roles.reserveCapacity(10)
        roles.append(Role(
            id: "data-analyst", name: "Data Analyst", area: "insights",
            summary: "Answers business questions directly from data and communicates the findings to decision-makers.",
            responsibilities: ["Turn vague business questions into concrete analyses", "Query and clean data to produce trustworthy numbers", "Build and maintain dashboards and recurring reports", "Present findings and recommendations to stakeholders"],
            problems: ["Why did weekly sign-ups drop after the pricing page changed?", "Which customer segments bring the most revenue per marketing pound spent?", "Build a dashboard the support team can use to track response times"],
            titles: ["Data Analyst", "BI Analyst", "Product Analyst", "Business Analyst"],
            primarySkills: ["sql", "data-visualisation", "spreadsheets", "business-communication"],
            secondarySkills: ["statistics", "python"],
            entryLevel: true,
            prevalence: .common))
        roles.append(Role(
            id: "data-scientist", name: "Data Scientist", area: "insights",
            summary: "Uses statistics and classical machine learning to explain and predict business outcomes and guide decisions.",
            responsibilities: ["Design and analyse experiments such as A/B tests", "Build statistical and classical ML models for forecasting and prediction", "Investigate causes behind changes in key metrics", "Explain model results and their limits to the business"],
            problems: ["Did the new onboarding flow really improve 30-day retention, or was it seasonal?", "Forecast next quarter's demand per region for inventory planning", "Predict which subscribers are likely to cancel so the team can reach out early"],
            titles: ["Data Scientist", "Product Data Scientist", "Decision Scientist"],
            primarySkills: ["sql", "python", "statistics", "classical-ml", "experimentation"],
            secondarySkills: ["data-visualisation", "business-communication", "spreadsheets", "mathematics"],
            entryLevel: true,
            prevalence: .common))
        roles.append(Role(
            id: "analytics-engineer", name: "Analytics Engineer", area: "insights",
            summary: "Gathers and maintains clean, well-modelled analytical data that insights and model work are built on.",
            responsibilities: ["Model raw data into reliable, documented analytical tables", "Write and test transformations that keep those tables up to date", "Define shared business metrics so everyone counts the same way", "Monitor data quality and fix broken pipelines"],
            problems: ["Two dashboards report different revenue numbers: find out why and define one metric", "Model subscription events into a table of monthly active customers", "Add tests that catch duplicate orders before they reach the reports"],
            titles: ["Analytics Engineer", "Data Engineer", "BI Engineer", "BI Developer"],
            primarySkills: ["sql", "data-modelling", "data-transformation", "data-warehousing", "data-quality"],
            secondarySkills: ["python", "orchestration", "software-engineering", "data-visualisation", "business-communication"],
            entryLevel: true,
            prevalence: .common))
        roles.append(Role(
            id: "ml-scientist", name: "ML Scientist", area: "models",
            summary: "Researches and experiments with model designs, mostly deep learning, to improve models used downstream.",
            responsibilities: ["Explore and compare model architectures and training methods", "Design evaluations and benchmarks that reflect real use", "Prepare training data and run training experiments", "Share results and hand the most promising models to production teams"],
            problems: ["Does a larger pretrained encoder improve search relevance enough to justify its cost?", "Fine-tune an open-source language model for the company's support domain", "Reduce a vision model's errors on rare classes without hurting overall accuracy"],
            titles: ["ML Scientist", "Research Scientist", "Applied Scientist", "Machine Learning Researcher"],
            primarySkills: ["deep-learning", "ml-research", "mathematics", "ml-frameworks", "python"],
            secondarySkills: ["statistics", "classical-ml", "distributed-training", "ml-lifecycle-tooling"],
            entryLevel: false,
            prevalence: .common))
        roles.append(Role(
            id: "ml-engineer", name: "ML Engineer", area: "models",
            summary: "Takes models into production and integrates them into products and services reliably.",
            responsibilities: ["Turn research code into robust, tested production code", "Build training and inference pipelines", "Deploy models as services and monitor their behaviour", "Integrate model outputs into product features"],
            problems: ["Serve a recommendation model with under 50 ms latency at peak traffic", "Retrain a fraud model automatically when its accuracy drifts", "Wrap a fine-tuned language model in an API the product team can call"],
            titles: ["ML Engineer", "Machine Learning Engineer", "Applied ML Engineer", "AI Engineer"],
            primarySkills: ["python", "ml-frameworks", "ml-serving", "ml-pipelines", "software-engineering"],
            secondarySkills: ["deep-learning", "classical-ml", "apis", "containers-orchestration", "ml-lifecycle-tooling"],
            entryLevel: true,
            prevalence: .common))
        roles.append(Role(
            id: "ml-platform-engineer", name: "ML Platform Engineer", area: "models",
            summary: "Builds the infrastructure and tooling that support the whole ML workflow, from experiments to production.",
            responsibilities: ["Provide self-service tools for training, tracking and deploying models", "Run shared compute for training and inference", "Standardise ML pipelines and deployment practices", "Cut repetitive manual steps out of scientists' and engineers' workflows"],
            problems: ["Let a scientist launch a multi-GPU training job with one command", "Set up a model registry with one-click promotion from staging to production", "Share GPU capacity fairly between teams without idle machines"],
            titles: ["ML Platform Engineer", "MLOps Engineer", "ML Infrastructure Engineer"],
            primarySkills: ["ml-lifecycle-tooling", "ml-pipelines", "containers-orchestration", "cloud-infrastructure", "software-engineering"],
            secondarySkills: ["python", "ml-serving", "infrastructure-as-code", "ci-cd", "distributed-training"],
            entryLevel: false,
            prevalence: .uncommon))
        roles.append(Role(
            id: "ml-accelerators-engineer", name: "ML Accelerators Engineer", area: "models",
            summary: "Optimises models and their training and serving infrastructure on accelerators to cut cost and raise performance.",
            responsibilities: ["Profile training and inference to find performance bottlenecks", "Write and tune kernels for GPUs and other accelerators", "Apply compression techniques such as quantisation and distillation", "Work on compilers and runtimes that map models onto hardware"],
            problems: ["Halve the inference cost of a large language model without a measurable quality loss", "Write a fused attention kernel for a new accelerator", "Find out why multi-node training stops scaling beyond 64 GPUs"],
            titles: ["ML Accelerators Engineer", "ML Performance Engineer", "ML Compiler Engineer", "GPU Kernel Engineer"],
            primarySkills: ["model-optimisation", "gpu-programming", "compilers", "hardware-architecture", "systems-programming"],
            secondarySkills: ["deep-learning", "ml-frameworks", "distributed-training", "ml-serving", "python"],
            entryLevel: false,
            prevalence: .uncommon))
        roles.append(Role(
            id: "data-platform-engineer", name: "Data Platform Engineer", area: "systems",
            summary: "Builds and runs the data infrastructure and data products that analytics and other systems rely on.",
            responsibilities: ["Build ingestion and processing pipelines for large data volumes", "Operate data storage, warehouses and streaming systems", "Provide reliable, scalable tools for other teams to work with data", "Keep load and cost on data systems under control"],
            problems: ["Ingest a billion events a day from the product into the warehouse with under an hour of delay", "Replace a fragile nightly batch job with a streaming pipeline", "Cut warehouse costs by a third without slowing down analysts' queries"],
            titles: ["Data Platform Engineer", "Data Engineer", "DataOps Engineer", "Data Infrastructure Engineer"],
            primarySkills: ["software-engineering", "distributed-data-processing", "stream-processing", "databases", "orchestration", "cloud-infrastructure"],
            secondarySkills: ["data-warehousing", "data-modelling", "infrastructure-as-code", "apis", "containers-orchestration"],
            entryLevel: false,
            prevalence: .uncommon))
        roles.append(Role(
            id: "infrastructure-engineer", name: "Infrastructure Engineer", area: "systems",
            summary: "Builds and operates the foundational infrastructure that all other systems, including data and ML platforms, run on.",
            responsibilities: ["Provision and manage cloud and on-premises resources as code", "Run container platforms, networking and shared services", "Maintain deployment pipelines and monitoring", "Keep systems secure, reliable and cost-effective"],
            problems: ["Move all services onto a managed Kubernetes cluster with no downtime", "Set up alerting so on-call engineers learn about outages before customers do", "Make a new environment reproducible from a single infrastructure-as-code repository"],
            titles: ["Infrastructure Engineer", "DevOps Engineer", "Site Reliability Engineer", "Platform Engineer", "Cloud Engineer"],
            primarySkills: ["cloud-infrastructure", "infrastructure-as-code", "containers-orchestration", "linux-systems", "networking", "observability"],
            secondarySkills: ["ci-cd", "security", "software-engineering", "distributed-systems"],
            entryLevel: false,
            prevalence: .common))
        roles.append(Role(
            id: "backend-engineer", name: "Backend Engineer", area: "systems",
            summary: "Builds the server-side services and APIs behind products and internal tools, including data work where no data platform role exists.",
            responsibilities: ["Design and build services and their APIs", "Model and store application data in databases", "Make services scalable, observable and secure", "Take on data platform tasks when the company has no dedicated role"],
            problems: ["Build an API that returns a user's order history in under 100 ms", "Publish product events to a stream so the analytics team can use them", "Split a slow monolith endpoint into a separate, cached service"],
            titles: ["Backend Engineer", "Backend Developer", "Software Engineer", "Server-side Engineer"],
            primarySkills: ["software-engineering", "apis", "databases", "distributed-systems"],
            secondarySkills: ["cloud-infrastructure", "ci-cd", "observability", "stream-processing", "security"],
            entryLevel: true,
            prevalence: .common))

        var relations: [Relation] = []
        relations.reserveCapacity(39)
        relations.append(Relation(
            kind: .stakeholder, from: "data-analyst", to: "analytics-engineer",
            effort: nil,
            note: "Data analysts are typical consumers of the analytical data that analytics engineers collect and maintain.",
            section: "Working together › Data and science"))
        relations.append(Relation(
            kind: .stakeholder, from: "data-scientist", to: "analytics-engineer",
            effort: nil,
            note: "Data scientists depend on the analytical data that analytics engineers prepare.",
            section: "Working together › Data and science"))
        relations.append(Relation(
            kind: .stakeholder, from: "ml-scientist", to: "analytics-engineer",
            effort: nil,
            note: "ML scientists rely on analytics engineers for the data they train models on.",
            section: "Working together › Data and science"))
        relations.append(Relation(
            kind: .stakeholder, from: "analytics-engineer", to: "data-platform-engineer",
            effort: nil,
            note: "Where data platform engineers run the analytics data platforms, analytics engineers in turn depend on their work.",
            section: "Working together › Data and science"))
        relations.append(Relation(
            kind: .stakeholder, from: "ml-scientist", to: "ml-platform-engineer",
            effort: nil,
            note: "ML platform engineers build the end-to-end ML tooling and infrastructure that ML scientists' work runs on.",
            section: "Working together › Machine learning"))
        relations.append(Relation(
            kind: .stakeholder, from: "ml-engineer", to: "ml-platform-engineer",
            effort: nil,
            note: "ML engineers productionise models on the infrastructure and tooling that ML platform engineers provide.",
            section: "Working together › Machine learning"))
        relations.append(Relation(
            kind: .stakeholder, from: "data-platform-engineer", to: "infrastructure-engineer",
            effort: nil,
            note: "Data platform engineers build their systems on the foundational infrastructure that infrastructure engineers provide.",
            section: "Working together › Platform engineers"))
        relations.append(Relation(
            kind: .stakeholder, from: "ml-platform-engineer", to: "infrastructure-engineer",
            effort: nil,
            note: "ML platform engineers build their systems on the foundational infrastructure that infrastructure engineers provide.",
            section: "Working together › Platform engineers"))
        relations.append(Relation(
            kind: .collaboration, from: "data-analyst", to: "data-scientist",
            effort: nil,
            note: "Both usually sit in insights teams and work together, analysts leaning to business and communication, scientists to statistics.",
            section: "Working together › Analysts and scientists"))
        relations.append(Relation(
            kind: .collaboration, from: "ml-scientist", to: "ml-engineer",
            effort: nil,
            note: "ML scientists experiment to find the best model and ML engineers take that model into production.",
            section: "Working together › Machine learning"))
        relations.append(Relation(
            kind: .collaboration, from: "ml-accelerators-engineer", to: "ml-scientist",
            effort: nil,
            note: "Collaboration implied by accelerators engineers optimising models and their training, which ML scientists design and run.",
            section: "Working together › Machine learning"))
        relations.append(Relation(
            kind: .collaboration, from: "ml-accelerators-engineer", to: "ml-engineer",
            effort: nil,
            note: "Collaboration implied by accelerators engineers optimising models and their serving, which ML engineers productionise.",
            section: "Working together › Machine learning"))
        relations.append(Relation(
            kind: .collaboration, from: "ml-accelerators-engineer", to: "ml-platform-engineer",
            effort: nil,
            note: "Collaboration implied by accelerators engineers optimising the training and serving infrastructure that ML platform engineers run.",
            section: "Working together › Machine learning"))
        relations.append(Relation(
            kind: .collaboration, from: "infrastructure-engineer", to: "data-platform-engineer",
            effort: nil,
            note: "Both work on infrastructure and tooling, and data platform engineers often share software engineering teams with them.",
            section: "Working together › Platform engineers"))
        relations.append(Relation(
            kind: .collaboration, from: "infrastructure-engineer", to: "ml-platform-engineer",
            effort: nil,
            note: "Both work on infrastructure and tooling, ML platform engineers building ML systems on top of the foundational infrastructure.",
            section: "Working together › Platform engineers"))
        relations.append(Relation(
            kind: .collaboration, from: "data-platform-engineer", to: "ml-platform-engineer",
            effort: nil,
            note: "Both build platforms of a similar kind, one for data and one for ML workflows.",
            section: "Working together › Platform engineers"))
        relations.append(Relation(
            kind: .collaboration, from: "backend-engineer", to: "data-platform-engineer",
            effort: nil,
            note: "Data platform work calls for strong software engineering and overlaps with backend engineering, which often takes it on.",
            section: "Working together › Data and software"))
        relations.append(Relation(
            kind: .transition, from: "data-analyst", to: "data-scientist",
            effort: 3.0,
            note: "Data scientists need everything analysts know plus deeper statistics and modelling: a new skill area to build.",
            section: "Working together › Analysts and scientists"))
        relations.append(Relation(
            kind: .transition, from: "data-scientist", to: "data-analyst",
            effort: 1.0,
            note: "The article tells of a data scientist who became a happier data analyst; the scientist already has the analyst's skills.",
            section: "Working together › Analysts and scientists"))
        relations.append(Relation(
            kind: .transition, from: "data-scientist", to: "ml-scientist",
            effort: 3.0,
            note: "The skill sets overlap and titles sometimes coincide, but model type (classical vs deep) and focus (business vs research) differ.",
            section: "Working together › Analysts and scientists"))
        relations.append(Relation(
            kind: .transition, from: "ml-scientist", to: "data-scientist",
            effort: 3.0,
            note: "The skill sets overlap and titles sometimes coincide, but model type (classical vs deep) and focus (business vs research) differ.",
            section: "Working together › Analysts and scientists"))
        relations.append(Relation(
            kind: .transition, from: "ml-scientist", to: "ml-engineer",
            effort: 2.0,
            note: "Small teams often have one of the two roles doing both research and production work, so a move is mostly a shift of focus.",
            section: "Working together › Machine learning"))
        relations.append(Relation(
            kind: .transition, from: "ml-engineer", to: "ml-scientist",
            effort: 2.0,
            note: "Small teams often have one of the two roles doing both research and production work, so a move is mostly a shift of focus.",
            section: "Working together › Machine learning"))
        relations.append(Relation(
            kind: .transition, from: "ml-engineer", to: "ml-platform-engineer",
            effort: 2.0,
            note: "In small teams without ML platform engineers, ML engineers already do the platform work.",
            section: "Working together › Machine learning"))
        relations.append(Relation(
            kind: .transition, from: "data-platform-engineer", to: "ml-platform-engineer",
            effort: 2.0,
            note: "The two roles do similar platform work with different focuses, data systems load versus ML workflow toil.",
            section: "Working together › Platform engineers"))
        relations.append(Relation(
            kind: .transition, from: "ml-platform-engineer", to: "data-platform-engineer",
            effort: 2.0,
            note: "The two roles do similar platform work with different focuses, data systems load versus ML workflow toil.",
            section: "Working together › Platform engineers"))
        relations.append(Relation(
            kind: .transition, from: "infrastructure-engineer", to: "data-platform-engineer",
            effort: 3.0,
            note: "Infrastructure work is further from data work, so data processing must be learned; the effort is implied by that distance.",
            section: "Working together › Platform engineers"))
        relations.append(Relation(
            kind: .transition, from: "data-platform-engineer", to: "infrastructure-engineer",
            effort: 2.0,
            note: "Data platform engineers already build on the foundational layer; the lower effort is implied by the article's layering.",
            section: "Working together › Platform engineers"))
        relations.append(Relation(
            kind: .transition, from: "infrastructure-engineer", to: "ml-platform-engineer",
            effort: 3.0,
            note: "Infrastructure work is further from ML work, so ML workflows and tooling must be learned; the effort is implied by that distance.",
            section: "Working together › Platform engineers"))
        relations.append(Relation(
            kind: .transition, from: "ml-platform-engineer", to: "infrastructure-engineer",
            effort: 2.0,
            note: "ML platform engineers already build on the foundational layer; the lower effort is implied by the article's layering.",
            section: "Working together › Platform engineers"))
        relations.append(Relation(
            kind: .transition, from: "backend-engineer", to: "data-platform-engineer",
            effort: 2.0,
            note: "Many companies give data platform work to backend engineers, since both rest on strong, broad software engineering skills.",
            section: "Working together › Data and software"))
        relations.append(Relation(
            kind: .transition, from: "data-platform-engineer", to: "backend-engineer",
            effort: 2.0,
            note: "Many companies give data platform work to backend engineers, since both rest on strong, broad software engineering skills.",
            section: "Working together › Data and software"))
        relations.append(Relation(
            kind: .transition, from: "analytics-engineer", to: "data-platform-engineer",
            effort: 3.0,
            note: "Both roles grew out of the data engineer role, but the platform side needs more backend and infrastructure skills.",
            section: "Working together › Data and software"))
        relations.append(Relation(
            kind: .transition, from: "data-platform-engineer", to: "analytics-engineer",
            effort: 2.0,
            note: "Both grew out of the data engineer role; the move mainly adds data modelling for insights, an effort implied by the article's split.",
            section: "Working together › Data and software"))
        relations.append(Relation(
            kind: .transition, from: "data-analyst", to: "analytics-engineer",
            effort: 2.0,
            note: "Analysts are the analytics engineers' direct stakeholders and roles that work this closely are easier to move between: an analyst adds data modelling and transformation, an analytics engineer business communication and visualisation.",
            section: "Working together › Data and science"))
        relations.append(Relation(
            kind: .transition, from: "analytics-engineer", to: "data-analyst",
            effort: 2.0,
            note: "Analysts are the analytics engineers' direct stakeholders and roles that work this closely are easier to move between: an analyst adds data modelling and transformation, an analytics engineer business communication and visualisation.",
            section: "Working together › Data and science"))
        relations.append(Relation(
            kind: .transition, from: "data-scientist", to: "analytics-engineer",
            effort: 2.0,
            note: "Data scientists are stakeholders of analytics engineers and already have their SQL; the move adds data modelling, transformation and warehousing.",
            section: "Working together › Data and science"))
        relations.append(Relation(
            kind: .transition, from: "analytics-engineer", to: "data-scientist",
            effort: 3.0,
            note: "Analytics engineers prepare the data scientists' data and know its SQL, but statistics, experimentation and classical ML are a new skill area to build.",
            section: "Working together › Data and science"))
        relations.append(Relation(
            kind: .transition, from: "ml-platform-engineer", to: "ml-engineer",
            effort: 2.0,
            note: "In small teams ML engineers do the platform work, so the two roles overlap; a platform engineer moving over adds modelling frameworks and serving models of their own.",
            section: "Working together › Machine learning"))

        return RoleGraph(
            unchecked: "Career options in data",
            source: "Article 'Career options in data: Discovering roles and possibilities for newcomers to the world of data and ML', 2023-06-06. Areas, roles, titles and relations follow its prose and 'Working together' section; its per-role lists were lost, so skills, responsibilities and problems are written by the RoleGraph authors in their own words from what the roles are widely known to need.",
            description: "Ten technical roles in data and ML in three areas of work (insights, models, systems): their skills, and how they rely on, work with and move between each other.",
            areas: areas, skills: skills, roles: roles, relations: relations)
    }
}
