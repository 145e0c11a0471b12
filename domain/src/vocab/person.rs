//! Who the household is and where it lives now: the choices that decide eligibility.

use super::vocabulary;

vocabulary! {
    /// Where the person lives now.
    Live for "live" {
        MontrealArea = "mtl", "Dans la région de Montréal", "In the Montréal area",
            hint "Montréal, Laval, Longueuil, la Rive-Nord ou la Rive-Sud",
            "Montréal, Laval, Longueuil, the North Shore or the South Shore";
        ElsewhereInQuebec = "region", "Ailleurs au Québec", "Elsewhere in Québec";
        ElsewhereInCanada = "canada", "Ailleurs au Canada", "Elsewhere in Canada";
        Abroad = "abroad", "À l'extérieur du Canada", "Outside Canada";
    }
}

vocabulary! {
    /// Whether a person abroad holds a Québec Selection Certificate.
    Csq for "csq" {
        Yes = "yes", "Oui, j'ai mon CSQ", "Yes, I have my CSQ";
        Applied = "applied", "Ma demande est en cours", "My application is in progress";
        No = "no", "Non", "No";
    }
}

vocabulary! {
    /// The person's status in Canada.
    Status for "status" {
        Citizen = "citizen", "Citoyenneté canadienne obtenue par naturalisation",
            "Canadian citizen by naturalisation";
        PermanentResident = "pr", "Résidence permanente", "Permanent resident";
        WorkPermit = "work", "Permis de travail", "Work permit";
        StudyPermit = "study", "Permis d'études", "Study permit";
        Asylum = "asylum", "Demande d'asile", "Asylum claim";
        BornInQuebec = "born_qc", "Né ou née au Québec", "Born in Québec";
        BornInCanada = "born_ca", "Né ou née ailleurs au Canada", "Born elsewhere in Canada";
        Other = "other", "Une autre situation", "Another situation";
    }
}

impl Status {
    /// Born in Canada (Québec or elsewhere): not an immigrant.
    pub fn born_in_canada(self) -> bool {
        matches!(self, Status::BornInQuebec | Status::BornInCanada)
    }
}

vocabulary! {
    /// The person's age band (asked only to point people born in Canada to Place aux jeunes).
    Age for "age" {
        Under18 = "u18", "Moins de 18 ans", "Under 18";
        From18To35 = "18_35", "De 18 à 35 ans", "18 to 35";
        Over35 = "36plus", "36 ans ou plus", "36 or over";
    }
}
