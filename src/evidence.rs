//! The signals a spam finding of the guard rests on, as a small set: the guard fills it, and a
//! reported problem carries it to `check --format json` without growing every error value.

use serde::ser::{Serialize, SerializeSeq, Serializer};

/// Names of the signals, in bit order.
const NAMES: &[&str] = &[
    "vocabulary",
    "lure",
    "brand",
    "payout",
    "seo-title",
    "repetition",
    "disguise",
    "placement",
    "density",
    "external-link",
];

/// A set of signal names from [`NAMES`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Signals(u16);

impl Signals {
    /// Adds `name`; a name outside the list is a programming error, caught in debug builds.
    pub fn insert(&mut self, name: &str) {
        let bit = NAMES.iter().position(|n| *n == name);
        debug_assert!(bit.is_some(), "unknown signal {name}");
        if let Some(bit) = bit {
            self.0 |= 1 << bit;
        }
    }

    pub fn contains(&self, name: &str) -> bool {
        NAMES
            .iter()
            .position(|n| *n == name)
            .is_some_and(|bit| self.0 & (1 << bit) != 0)
    }

    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }

    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        NAMES
            .iter()
            .enumerate()
            .filter(|(bit, _)| self.0 & (1 << bit) != 0)
            .map(|(_, n)| *n)
    }
}

impl<'a> FromIterator<&'a str> for Signals {
    fn from_iter<I: IntoIterator<Item = &'a str>>(names: I) -> Self {
        let mut set = Signals::default();
        names.into_iter().for_each(|n| set.insert(n));
        set
    }
}

impl Serialize for Signals {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(None)?;
        for name in self.names() {
            seq.serialize_element(name)?;
        }
        seq.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_of_names() {
        let s: Signals = ["lure", "disguise"].into_iter().collect();
        assert!(s.contains("lure") && !s.contains("brand"));
        assert_eq!(s.names().collect::<Vec<_>>(), ["lure", "disguise"]);
        assert_eq!(
            serde_json::to_string(&s).expect("json"),
            r#"["lure","disguise"]"#
        );
    }
}
