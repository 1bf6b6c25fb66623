//! `Pairs<V>`: a YAML mapping kept as located key/value pairs, in the order written.
//!
//! Used for maps keyed by user data (budget ids, months), where serde's map types would drop
//! the key's line and column.

use serde::Deserialize;
use serde::de::{Deserializer, MapAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;
use std::marker::PhantomData;

#[derive(Debug)]
pub struct Pairs<V>(pub Vec<(Spanned<String>, Spanned<V>)>);

impl<V> Default for Pairs<V> {
    fn default() -> Self {
        Pairs(Vec::new())
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Pairs<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PairsVisitor<V>(PhantomData<V>);

        impl<'de, V: Deserialize<'de>> Visitor<'de> for PairsVisitor<V> {
            type Value = Pairs<V>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a mapping of `key: value` lines")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Pairs<V>, A::Error> {
                let mut pairs = Vec::new();
                while let Some(key) = map.next_key::<Spanned<String>>()? {
                    let value = map.next_value::<Spanned<V>>()?;
                    pairs.push((key, value));
                }
                Ok(Pairs(pairs))
            }

            fn visit_unit<E>(self) -> Result<Pairs<V>, E> {
                Ok(Pairs(Vec::new()))
            }
        }

        deserializer.deserialize_map(PairsVisitor(PhantomData))
    }
}
