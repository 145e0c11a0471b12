//! The names of the 15 destination regions, without the catalogue. The interest form lists
//! them; reading the whole catalogue for that (its JSON, about 97 KB, and the reader that
//! walks it) more than doubled the form's bundle, the page a phone abroad opens from a shared
//! link (issue 16, "every first visit light"). The names are the catalogue's own
//! (`data/regions.json`: Québec's administrative regions by their official code), and a test
//! holds this table equal to it, so the two cannot drift apart.

/// Each destination region: its code, French name, English name, in the catalogue's order.
pub const DESTINATION_NAMES: [(&str, &str, &str); 15] = [
    ("01", "Bas-Saint-Laurent", "Bas-Saint-Laurent"),
    ("02", "Saguenay–Lac-Saint-Jean", "Saguenay–Lac-Saint-Jean"),
    (
        "03",
        "Capitale-Nationale",
        "Capitale-Nationale (Québec City area)",
    ),
    ("04", "Mauricie", "Mauricie"),
    ("05", "Estrie", "Estrie (Eastern Townships)"),
    ("07", "Outaouais", "Outaouais"),
    ("08", "Abitibi-Témiscamingue", "Abitibi-Témiscamingue"),
    ("09", "Côte-Nord", "Côte-Nord (North Shore)"),
    ("10", "Nord-du-Québec", "Nord-du-Québec (Northern Quebec)"),
    (
        "11",
        "Gaspésie–Îles-de-la-Madeleine",
        "Gaspésie–Îles-de-la-Madeleine (Gaspé Peninsula–Magdalen Islands)",
    ),
    ("12", "Chaudière-Appalaches", "Chaudière-Appalaches"),
    ("14", "Lanaudière", "Lanaudière"),
    ("15", "Laurentides", "Laurentides (Laurentians)"),
    ("16", "Montérégie", "Montérégie"),
    ("17", "Centre-du-Québec", "Centre-du-Québec"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_names_are_the_catalogues() {
        let from_catalogue: Vec<(&str, &str, &str)> = crate::catalogue()
            .destinations()
            .map(|r| (r.code.as_str(), r.name_fr.as_str(), r.name_en.as_str()))
            .collect();
        assert_eq!(from_catalogue, DESTINATION_NAMES);
    }
}
