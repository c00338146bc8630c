//! Profiles and calendar layers as compact pre-compiled data (postcard).
//!
//! The browser module must not grow with every municipality: it carries the engine only, and a
//! portal fetches the one profile it serves and that profile's calendar layers as data files.
//! Those files are the resolved [`Profile`] and each [`Layer`] in postcard (a compact binary
//! serde format), behind a short header: a profile costs a few kilobytes, and reading it needs
//! neither the TOML parser nor the profile resolver.
//!
//! A file is read only by an engine of the same data format: the header carries
//! [`FORMAT`], and a file of another format (or anything that is not such a file) is a typed
//! [`Error::InvalidInput`] naming the file, never a panic or a half-read profile.

use serde::{de::DeserializeOwned, Deserialize, Serialize};

use crate::calendar::Layer;
use crate::error::{Error, Result};
use crate::profile::Profile;

/// Version of the packed data; bumped whenever [`Profile`] or [`Layer`] change shape, so an
/// engine never reads a file written for another shape.
pub const FORMAT: u8 = 2;

/// The first bytes of a packed profile.
const PROFILE_MAGIC: &[u8; 4] = b"RGPF";
/// The first bytes of a packed calendar layer.
const LAYER_MAGIC: &[u8; 4] = b"RGCL";

fn encode<T: Serialize>(magic: &[u8; 4], value: &T, what: &str) -> Result<Vec<u8>> {
    let mut bytes = magic.to_vec();
    bytes.push(FORMAT);
    postcard::to_extend(value, bytes).map_err(|e| Error::input(what, format!("cannot pack: {e}")))
}

fn decode<T: DeserializeOwned>(magic: &[u8; 4], bytes: &[u8], file: &str, what: &str) -> Result<T> {
    let bad = |why: String| Error::input(file, why);
    let body = match bytes.strip_prefix(&magic[..]) {
        Some(rest) => rest,
        None => return Err(bad(format!("not a packed {what} (it does not start with {:?})", String::from_utf8_lossy(magic)))),
    };
    match body.split_first() {
        Some((&FORMAT, data)) => {
            let (value, rest) = postcard::take_from_bytes(data).map_err(|e| bad(format!("a broken packed {what}: {e}")))?;
            if rest.is_empty() {
                Ok(value)
            } else {
                Err(bad(format!("a broken packed {what}: {} bytes after its end", rest.len())))
            }
        }
        Some((other, _)) => Err(bad(format!(
            "a packed {what} of data format {other}; this engine reads format {FORMAT} (pack the data again with this version)"
        ))),
        None => Err(bad(format!("a packed {what} cut short"))),
    }
}

/// A resolved profile as packed data.
pub fn encode_profile(profile: &Profile) -> Result<Vec<u8>> {
    encode(PROFILE_MAGIC, profile, "profile")
}

/// Reads a packed profile; `file` names it in errors.
pub fn decode_profile(bytes: &[u8], file: &str) -> Result<Profile> {
    decode(PROFILE_MAGIC, bytes, file, "profile")
}

/// A calendar layer as packed data.
pub fn encode_layer(layer: &Layer) -> Result<Vec<u8>> {
    encode(LAYER_MAGIC, layer, "calendar layer")
}

/// Reads a packed calendar layer; `file` names it in errors.
pub fn decode_layer(bytes: &[u8], file: &str) -> Result<Layer> {
    decode(LAYER_MAGIC, bytes, file, "calendar layer")
}

/// One municipality of a data set: what a portal's picker shows, and which files to fetch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct IndexEntry {
    /// Profile id: the data file is `profiles/<id>.bin`.
    pub id: String,
    /// Municipality, in Russian.
    pub name_ru: String,
    /// Municipality, in English.
    pub name_en: String,
    /// Region, in Russian.
    pub region_ru: String,
    /// IANA time zone.
    pub zone: String,
    /// Production calendar region.
    pub calendar: String,
    /// Calendar layers the profile needs, lowest first: `calendars/<id>.bin` each.
    pub layers: Vec<String>,
    /// Size of the profile file in bytes.
    pub bytes: usize,
}

/// The index of a data set: every municipality, and every layer with its size.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Index {
    /// The data format of the files ([`FORMAT`]).
    pub format: u8,
    /// Municipalities, in the order the data lists them.
    pub profiles: Vec<IndexEntry>,
    /// `(layer id, size in bytes)` of every layer file.
    pub layers: Vec<(String, usize)>,
}

/// A whole data set: the files to write and their index.
#[derive(Debug, Clone)]
pub struct Bundle {
    /// `(profile id, packed profile)`.
    pub profiles: Vec<(String, Vec<u8>)>,
    /// `(layer id, packed layer)`.
    pub layers: Vec<(String, Vec<u8>)>,
    /// What `index.json` holds.
    pub index: Index,
}

/// The entry of `profile` in an index, given its calendar's layers (lowest first).
fn entry(profile: &Profile, layers: &[Layer], bytes: usize) -> IndexEntry {
    let m = &profile.municipality;
    IndexEntry {
        id: profile.id.clone(),
        name_ru: m.name_ru.clone(),
        name_en: m.name_en.clone(),
        region_ru: m.region_ru.clone(),
        zone: m.zone.clone(),
        calendar: m.calendar.region.clone(),
        layers: layers.iter().map(|l| l.id.clone()).collect(),
        bytes,
    }
}

/// Packs `profiles` (resolved) with the layers of their calendars, each layer once, checking
/// that every file reads back to the value it was written from.
pub fn bundle(profiles: &[Profile], calendars: &[crate::Calendar]) -> Result<Bundle> {
    let mut out = Bundle { profiles: Vec::new(), layers: Vec::new(), index: Index { format: FORMAT, profiles: Vec::new(), layers: Vec::new() } };
    for calendar in calendars {
        for layer in calendar.layers() {
            if out.layers.iter().any(|(id, _)| *id == layer.id) {
                continue;
            }
            let bytes = encode_layer(layer)?;
            if decode_layer(&bytes, &layer.id)? != *layer {
                return Err(Error::input(layer.id.as_str(), "the layer does not survive packing"));
            }
            out.index.layers.push((layer.id.clone(), bytes.len()));
            out.layers.push((layer.id.clone(), bytes));
        }
    }
    for profile in profiles {
        // The built-in layers the profile's calendar names (its region and `layers`), each with
        // the layers it extends, lowest first and each once; its own layer files travel inside it.
        let mut needed: Vec<Layer> = Vec::new();
        for id in profile.municipality.calendar.builtin_ids() {
            let Some(calendar) = calendars.iter().find(|c| c.id() == id) else {
                return Err(Error::UnknownRegion(id.to_string(), calendars.iter().map(|c| c.id().to_string()).collect::<Vec<_>>().join(", ")));
            };
            for layer in calendar.layers() {
                if !needed.iter().any(|l| l.id == layer.id) {
                    needed.push(layer.clone());
                }
            }
        }
        let bytes = encode_profile(profile)?;
        if decode_profile(&bytes, &profile.id)? != *profile {
            return Err(Error::input(profile.id.as_str(), "the profile does not survive packing"));
        }
        out.index.profiles.push(entry(profile, &needed, bytes.len()));
        out.profiles.push((profile.id.clone(), bytes));
    }
    Ok(out)
}

/// Every built-in profile and calendar layer as a data set: whatever `rules/` holds, with no
/// list of its own.
#[cfg(feature = "builtin-rules")]
pub fn builtin_bundle() -> Result<Bundle> {
    let profiles = Profile::builtin_names().iter().map(|n| Profile::builtin(n)).collect::<Result<Vec<_>>>()?;
    let calendars = crate::calendar::REGIONS.iter().map(|r| crate::Calendar::builtin(r)).collect::<Result<Vec<_>>>()?;
    bundle(&profiles, &calendars)
}

#[cfg(all(test, feature = "builtin-rules"))]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_profile_and_layer_packs_small_and_reads_back() {
        let b = builtin_bundle().expect("bundle");
        assert_eq!(b.profiles.len(), Profile::builtin_names().len());
        assert!(b.layers.len() >= crate::calendar::REGIONS.len().min(1));
        for (id, bytes) in &b.profiles {
            assert!(bytes.len() < 32 * 1024, "{id}: {} bytes", bytes.len());
            assert_eq!(decode_profile(bytes, id).expect("decode"), Profile::builtin(id).expect("builtin"));
        }
        let tynda = b.index.profiles.iter().find(|e| e.id == "tynda").expect("tynda");
        assert_eq!(tynda.layers.last().map(String::as_str), Some(tynda.calendar.as_str()));
    }

    #[test]
    fn a_profiles_own_words_pack_and_read_back() {
        let source = "id = \"x\"\nextends = \"essentuki\"\n[lexicon]\nobscene = { value = [\"жопа\", \"хрен*\"], local_choice = \"t\" }\n";
        let profile = Profile::from_toml(source, "x.toml").expect("loads");
        let read = decode_profile(&encode_profile(&profile).expect("packs"), "x.bin").expect("reads");
        assert_eq!(read.lexicon.obscene.as_ref().map(|l| l.value.len()), Some(2));
        assert_eq!(read, profile);
    }

    #[test]
    fn broken_data_is_a_typed_error_naming_the_file() {
        let b = builtin_bundle().expect("bundle");
        let (_, good) = &b.profiles[0];
        let cases: Vec<Vec<u8>> = vec![
            Vec::new(),
            b"RGPF".to_vec(),
            b"hello world".to_vec(),
            good[..good.len() / 2].to_vec(),
            [good.as_slice(), &[0]].concat(),
            { let mut v = good.clone(); v[4] = FORMAT + 1; v },
            b.layers[0].1.clone(),
        ];
        for bytes in cases {
            let e = decode_profile(&bytes, "profiles/x.bin").expect_err("must fail");
            assert_eq!((e.code(), e.path()), ("invalid_input", Some("profiles/x.bin")), "{e}");
        }
        let e = decode_layer(good, "calendars/ru.bin").expect_err("a profile is not a layer");
        assert_eq!(e.path(), Some("calendars/ru.bin"));
    }
}
