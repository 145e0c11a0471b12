//! The map's colour classes: a figure is cut into five classes of equal counts (quantiles:
//! with 15 regions, three per class), so every shade is used whatever the spread (population
//! runs from 90 000 to 1.6 million); the fit score, an absolute scale out of 100, is cut into
//! fixed steps of 20. A missing figure has no class (data/README.md: never fill a null with a
//! guess); the app draws it hatched and names it "no data".

/// The classes of one figure across the destination regions.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Scale {
    /// Smallest and largest value in each class; `None` for an empty class.
    pub ranges: [Option<(f64, f64)>; 5],
    /// Each region's class; `None` when it has no value.
    pub classes: Vec<(String, Option<usize>)>,
}

impl Scale {
    /// Five quantile classes of `values` (code, value).
    pub fn quantiles(values: &[(String, Option<f64>)]) -> Scale {
        let mut sorted: Vec<f64> = values.iter().filter_map(|(_, v)| *v).collect();
        sorted.sort_by(f64::total_cmp);
        let n = sorted.len().max(1);
        // Equal values share a class: a value's rank is its first place in the sorted list.
        Scale::build(values, |v| {
            let rank = sorted.iter().position(|x| *x == v).unwrap_or(0);
            rank * 5 / n
        })
    }

    /// Fixed classes of 20 points for a score out of 100 (100 goes in the top class).
    pub fn steps_of_20(values: &[(String, Option<f64>)]) -> Scale {
        Scale::build(values, |v| ((v / 20.0) as usize).min(4))
    }

    fn build(values: &[(String, Option<f64>)], class: impl Fn(f64) -> usize) -> Scale {
        let mut scale = Scale::default();
        for (code, value) in values {
            let c = value.map(&class);
            if let (Some(c), Some(v)) = (c, value) {
                let r = scale.ranges[c].get_or_insert((*v, *v));
                *r = (r.0.min(*v), r.1.max(*v));
            }
            scale.classes.push((code.clone(), c));
        }
        scale
    }

    pub fn class_of(&self, code: &str) -> Option<usize> {
        self.classes
            .iter()
            .find(|(c, _)| c == code)
            .and_then(|(_, k)| *k)
    }

    pub fn has_gaps(&self) -> bool {
        self.classes.iter().any(|(_, k)| k.is_none())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(v: &[Option<f64>]) -> Vec<(String, Option<f64>)> {
        v.iter()
            .enumerate()
            .map(|(i, x)| (format!("{i:02}"), *x))
            .collect()
    }

    #[test]
    fn fifteen_values_make_five_classes_of_three() {
        let v: Vec<Option<f64>> = (0..15).map(|i| Some(f64::from(i))).collect();
        let s = Scale::quantiles(&values(&v));
        assert_eq!(s.ranges[0], Some((0.0, 2.0)));
        assert_eq!(s.ranges[4], Some((12.0, 14.0)));
        assert_eq!(s.class_of("07"), Some(2));
        assert!(!s.has_gaps());
    }

    #[test]
    fn missing_values_have_no_class_and_ties_share_one() {
        let s = Scale::quantiles(&values(&[Some(1.0), None, Some(1.0), Some(5.0)]));
        assert_eq!(s.class_of("01"), None);
        assert_eq!(s.class_of("00"), s.class_of("02"));
        assert!(s.has_gaps());
    }

    #[test]
    fn scores_in_steps_of_twenty() {
        let s = Scale::steps_of_20(&values(&[Some(0.0), Some(19.0), Some(20.0), Some(100.0)]));
        assert_eq!(s.class_of("01"), Some(0));
        assert_eq!(s.class_of("02"), Some(1));
        assert_eq!(s.class_of("03"), Some(4));
    }
}
