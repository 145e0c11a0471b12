//! Writes the region catalogue (`data/regions.json`) in the compact tree format
//! (`src/tree/encode.rs`) into `OUT_DIR/regions.tree`, which `embedded_catalogue` embeds: the
//! app then reads bytes, not JSON text (issue 16). The file's content is checked by the data
//! test (`tests/catalogue_data.rs`), and a test checks that both forms read to the same catalogue;
//! here a file that is not JSON stops the build with serde_json's message.

use std::{env, fs, path::Path};

include!("src/tree/encode.rs");

fn main() {
    println!("cargo:rerun-if-changed=data/regions.json");
    println!("cargo:rerun-if-changed=src/tree/encode.rs");
    let text = fs::read_to_string("data/regions.json")
        .unwrap_or_else(|e| panic!("data/regions.json: {e}"));
    let value: serde_json::Value = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("data/regions.json is not JSON: {e}"));
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("regions.tree");
    let bytes = encode_tree(&value).unwrap_or_else(|e| panic!("data/regions.json: {e}"));
    fs::write(&out, bytes).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}
