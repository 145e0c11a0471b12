//! `cargo xtask package`: the function's deployable archive, `target/lambda/eer-lambda.zip`,
//! holding the release `eer-lambda` as `bootstrap` (what the `provided.al2023` runtime runs),
//! for x86_64 (deploy/template.yaml says the same architecture).
//!
//! Built for the host's glibc target rather than musl: Lambda's `provided.al2023` has glibc
//! 2.34 (AWS Lambda Developer Guide, "Lambda runtimes": Amazon Linux 2023), and a binary runs
//! there when every versioned glibc symbol it needs is at most 2.34. [`check_glibc`] reads
//! those versions from the binary (`readelf -V`, binutils) and refuses the archive above
//! 2.34, so a newer build machine or a new C dependency cannot ship a function that would not
//! start. The zip is written by Python's `zipfile` (no tool from outside the registries), with
//! `bootstrap` executable.

use crate::sh::{Result, cmd, root, run, step};
use std::path::{Path, PathBuf};

/// glibc of Lambda's provided.al2023 (Amazon Linux 2023).
pub const LAMBDA_GLIBC: (u32, u32) = (2, 34);

pub fn zip_path() -> PathBuf {
    root().join("target/lambda/eer-lambda.zip")
}

pub fn binary() -> PathBuf {
    root().join("target/release/eer-lambda")
}

/// Builds, checks and zips; prints the archive's size.
pub fn package() -> Result {
    step("package: eer-lambda (release, x86_64, provided.al2023)");
    run(cmd(
        "cargo",
        &[
            "build",
            "--release",
            "--locked",
            "-p",
            "eer-endpoint",
            "--features",
            "lambda",
            "--bin",
            "eer-lambda",
        ],
    ))?;
    let binary = binary();
    let needed = check_glibc(&binary)?;
    println!(
        "glibc: the binary needs GLIBC_{}.{} at most (provided.al2023 has {}.{})",
        needed.0, needed.1, LAMBDA_GLIBC.0, LAMBDA_GLIBC.1
    );
    let zip = zip_path();
    std::fs::create_dir_all(zip.parent().unwrap()).map_err(|e| e.to_string())?;
    write_zip(&binary, &zip)?;
    let size = std::fs::metadata(&zip).map_err(|e| e.to_string())?.len();
    println!(
        "packaged: {} ({:.1} MiB; bootstrap {:.1} MiB unzipped)",
        zip.strip_prefix(root()).unwrap_or(&zip).display(),
        size as f64 / 1_048_576.0,
        std::fs::metadata(&binary).map_err(|e| e.to_string())?.len() as f64 / 1_048_576.0
    );
    Ok(())
}

/// The highest `GLIBC_x.y` the binary needs; an error above [`LAMBDA_GLIBC`].
pub fn check_glibc(binary: &Path) -> Result<(u32, u32)> {
    let out = std::process::Command::new("readelf")
        .arg("-V")
        .arg("-W")
        .arg(binary)
        .output()
        .map_err(|e| format!("readelf (binutils) is needed to check glibc versions: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "readelf -V {}: {}",
            binary.display(),
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    let highest = highest_glibc(&text)
        .ok_or_else(|| format!("{}: no GLIBC_ symbol versions found", binary.display()))?;
    if highest > LAMBDA_GLIBC {
        return Err(format!(
            "{} needs GLIBC_{}.{}, above the {}.{} of Lambda's provided.al2023: it would not \
             start there (build on an older glibc, or for x86_64-unknown-linux-musl)",
            binary.display(),
            highest.0,
            highest.1,
            LAMBDA_GLIBC.0,
            LAMBDA_GLIBC.1
        ));
    }
    Ok(highest)
}

/// The highest `GLIBC_major.minor[.patch]` named in `readelf -V`'s version-needs section.
pub fn highest_glibc(readelf: &str) -> Option<(u32, u32)> {
    readelf
        .split(|c: char| c.is_whitespace())
        .filter_map(|word| word.strip_prefix("GLIBC_"))
        .filter_map(|version| {
            let mut parts = version.split('.');
            let major = parts.next()?.parse().ok()?;
            let minor = parts.next()?.parse().ok()?;
            Some((major, minor))
        })
        .max()
}

fn write_zip(binary: &Path, zip: &Path) -> Result {
    // Mode 0755 in the entry's external attributes: Lambda runs `bootstrap` as it is unzipped.
    let script = "import sys, zipfile\n\
        info = zipfile.ZipInfo('bootstrap', date_time=(2020, 1, 1, 0, 0, 0))\n\
        info.external_attr = 0o100755 << 16\n\
        info.compress_type = zipfile.ZIP_DEFLATED\n\
        data = open(sys.argv[1], 'rb').read()\n\
        with zipfile.ZipFile(sys.argv[2], 'w') as z:\n    z.writestr(info, data, compresslevel=9)\n";
    let _ = std::fs::remove_file(zip);
    run(cmd(
        "python3",
        &[
            "-c",
            script,
            &binary.to_string_lossy(),
            &zip.to_string_lossy(),
        ],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const NEEDS: &str = "Version needs section '.gnu.version_r' contains 2 entries:
 Addr: 0x0000000000000ff0  Offset: 0x000ff0  Link: 7 (.dynstr)
  000000: Version: 1  File: libc.so.6  Cnt: 4
  0x0010:   Name: GLIBC_2.34  Flags: none  Version: 9
  0x0020:   Name: GLIBC_2.3.4  Flags: none  Version: 8
  0x0030:   Name: GLIBC_2.9  Flags: none  Version: 7
  0x0040:   Name: GLIBC_PRIVATE  Flags: none  Version: 6
";

    #[test]
    fn the_highest_version_is_compared_as_numbers() {
        assert_eq!(highest_glibc(NEEDS), Some((2, 34)));
        assert_eq!(
            highest_glibc(&NEEDS.replace("GLIBC_2.9 ", "GLIBC_2.38 ")),
            Some((2, 38))
        );
        assert!((2, 38) > LAMBDA_GLIBC && (2, 9) < LAMBDA_GLIBC);
        assert_eq!(highest_glibc("no versions"), None);
    }
}
