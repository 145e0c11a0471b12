//! The household's plan: project, fields, French, diplomas, spouse, licence and savings.

use super::{Choice, Choices, vocabulary};

vocabulary! {
    /// The kind of plan in a region (the three the service supports, or not yet known).
    Project for "project" {
        Job = "job", "Occuper un emploi", "Take a job";
        Training = "training", "Suivre une formation", "Take a training program";
        Business = "business", "Créer ou reprendre une entreprise", "Start or take over a business",
            hint "Y compris le travail autonome", "Including self-employment";
        Unsure = "unsure", "Je ne sais pas encore", "I don't know yet";
    }
}

vocabulary! {
    /// Fields of work or study. Region sectors in the data file are tagged with these ids.
    Field {
        Health = "health", "Santé et services sociaux", "Health and social services";
        Education = "education", "Enseignement et petite enfance", "Teaching and early childhood";
        Public = "public", "Administration publique", "Public administration";
        Tech = "tech", "Technologies de l'information, sciences et recherche",
            "Information technology, science and research";
        Manufacturing = "manufacturing", "Fabrication, génie et métiers industriels",
            "Manufacturing, engineering and industrial trades";
        Resources = "resources", "Mines, forêt et énergie", "Mining, forestry and energy";
        Agrifood = "agrifood", "Agriculture, pêche et alimentation", "Farming, fishing and food";
        Tourism = "tourism", "Tourisme, hébergement et restauration",
            "Tourism, hospitality and food service";
        Business = "business", "Commerce, finance et services aux entreprises",
            "Retail, finance and business services";
        Construction = "construction", "Construction", "Construction";
        Transport = "transport", "Transport et logistique", "Transportation and logistics";
        Other = "other", "Un autre domaine, ou pas encore décidé",
            "Another field, or not decided yet";
    }
}

/// The fields as the quiz shows them (the field and the spouse's field questions).
pub const FIELDS: &[Choice] = Field::CHOICES;

impl Field {
    /// Fields whose jobs exist in every region (hospitals, schools, public services): the
    /// key-sector lists cannot say which region needs them more, so they do not move the
    /// ranking.
    pub fn everywhere(self) -> bool {
        matches!(self, Field::Health | Field::Education | Field::Other)
    }
}

vocabulary! {
    /// How well the person speaks French.
    French for "french" {
        Starting = "none", "Je commence à l'apprendre", "I am starting to learn it";
        Basic = "basic", "Je me débrouille dans la vie de tous les jours", "I get by in everyday life",
            hint "Faire des courses, prendre un rendez-vous", "Shopping, making an appointment";
        Work = "work", "Je peux travailler en français", "I can work in French",
            hint "Réunions, courriels, appels", "Meetings, emails, calls";
        Fluent = "fluent", "Le français est ma langue ou je le parle couramment",
            "French is my language or I speak it fluently";
    }
}

vocabulary! {
    /// Where the recognition of the person's diplomas stands.
    Diploma for "diploma" {
        Quebec = "qc", "J'ai un diplôme du Québec", "I have a Québec diploma";
        Done = "done", "Mes diplômes sont reconnus", "My diplomas are recognised",
            hint "Évaluation comparative obtenue, ou permis d'un ordre professionnel",
            "Comparative evaluation obtained, or a professional order's permit";
        InProgress = "in_progress", "La démarche est en cours", "The process is under way";
        Regulated = "regulated", "Ma profession est réglementée et je n'ai pas encore commencé",
            "My profession is regulated and I have not started yet",
            hint "Par exemple : infirmière, ingénieur, comptable, enseignant",
            "For example: nurse, engineer, accountant, teacher";
        NotStarted = "not_started", "Je n'ai pas encore fait de démarche",
            "I have not started anything yet";
        NotNeeded = "not_needed", "Je n'ai pas de diplôme à faire reconnaître",
            "I have no diploma to get recognised";
    }
}

vocabulary! {
    /// Whether a spouse moves too, and their plan.
    Spouse for "spouse" {
        No = "no", "Non", "No";
        Job = "job", "Oui, et il ou elle cherchera un emploi", "Yes, and they will look for a job";
        Training = "training", "Oui, et il ou elle suivra une formation",
            "Yes, and they will take a training program";
        Business = "business", "Oui, avec un projet d'entreprise", "Yes, with a business plan";
        Home = "home", "Oui, sans projet de travail pour le moment", "Yes, with no plan to work for now";
        Unsure = "unsure", "Oui, mais son projet n'est pas encore défini",
            "Yes, but their plan is not settled yet";
    }
}

impl Spouse {
    /// A spouse with a plan of work or study: their field is asked.
    pub fn has_a_field(self) -> bool {
        matches!(self, Spouse::Job | Spouse::Training | Spouse::Business)
    }
}

vocabulary! {
    /// Whether the person has a driving licence.
    Licence for "licence" {
        Quebec = "qc", "Oui, un permis du Québec", "Yes, a Québec licence";
        Other = "other", "Oui, un permis d'une autre province ou d'un autre pays",
            "Yes, a licence from another province or country";
        Without = "none", "Non", "No";
    }
}

vocabulary! {
    /// Whether the household has savings for the move.
    Savings for "savings" {
        Yes = "yes", "Oui, assez pour le déménagement et les premiers mois",
            "Yes, enough for the move and the first months";
        Partly = "some", "Un peu, mais pas assez", "Some, but not enough";
        No = "no", "Pas encore", "Not yet";
    }
}
