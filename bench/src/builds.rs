//! Cold builds: what a user waits for the first time they compile the crate, with one API's
//! feature, with none (the client runtime alone) and with all, beside progenitor's output for
//! the same API. Each build starts from an empty target folder (dependencies from cargo's local
//! registry cache, the workspace's `Cargo.lock`), in the dev profile, as `cargo build` does.
//! `BENCH_BUILD_ROUNDS` (default 1) repeats each build; they take about a minute each.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::Context;
use crate::stats::Samples;

/// One crate to build cold, with the cargo arguments that select its features.
struct Build {
    label: String,
    dir: PathBuf,
    args: Vec<String>,
}

/// The time of a cold build and the number of crates (packages) it compiled.
struct Cold {
    time: Duration,
    crates: usize,
}

pub fn figures(cx: &Context) {
    let rounds: usize = std::env::var("BENCH_BUILD_ROUNDS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    let work = cx.root.join("target/bench-builds");
    let ours = work.join("twilio-api");
    copy_generated_crate(&cx.root, &ours);
    let api = "assistants_v1";
    let only = |features: &str| {
        vec![
            "--no-default-features".to_owned(),
            "--features".to_owned(),
            features.to_owned(),
        ]
    };
    #[allow(unused_mut)] // Only the `progenitor` feature adds to it.
    let mut builds = vec![
        Build {
            label: "twilio-api, no API (the client runtime alone)".to_owned(),
            dir: ours.clone(),
            args: only("rustls-ring"),
        },
        Build {
            label: format!("twilio-api, `{api}` only"),
            dir: ours.clone(),
            args: only(&format!("rustls-ring,{api}")),
        },
        Build {
            label: "twilio-api, default features (every API)".to_owned(),
            dir: ours.clone(),
            args: Vec::new(),
        },
    ];
    #[cfg(feature = "progenitor")]
    {
        let dir = work.join("progenitor-assistants_v1");
        let spec = cx.root.join(format!("specs/{api}.yaml"));
        match crate::progenitor::write_crate(&spec, &dir) {
            Ok(()) => builds.push(Build {
                label: format!("progenitor's output for `{api}` (rustls, no provider)"),
                dir,
                args: Vec::new(),
            }),
            Err(error) => {
                println!("  (progenitor's crate for {api} could not be written: {error})")
            }
        }
    }
    println!(
        "cold `cargo build` (dev profile, empty target folder, {rounds} round(s); crates = packages compiled):"
    );
    let mut results: Vec<(String, Samples, usize)> = Vec::new();
    for build in &builds {
        let colds: Vec<Cold> = (0..rounds).map(|_| cold_build(build, &work)).collect();
        let crates = colds.last().map_or(0, |c| c.crates);
        let samples = Samples::of(colds.iter().map(|c| c.time));
        println!("  {:<55} {samples}   {crates} crates", build.label);
        results.push((build.label.clone(), samples, crates));
    }
    if let [runtime, one, all, rest @ ..] = results.as_slice() {
        println!(
            "  one API / the runtime alone = {:.2}x (target within 1.2x), +{} crates; every API / one = {:.2}x",
            one.1.ratio(&runtime.1),
            one.2.saturating_sub(runtime.2),
            all.1.ratio(&one.1)
        );
        if let Some(progenitor) = rest.first() {
            println!(
                "  progenitor's output / ours, same API = {:.2}x ({} vs {} crates)",
                progenitor.1.ratio(&one.1),
                progenitor.2,
                one.2
            );
        }
    }
    println!();
}

/// `generated/` as a crate of its own (manifest, sources, README; not its tests), pinned to the
/// workspace's dependency versions, with the workspace's runtime crate.
fn copy_generated_crate(root: &Path, to: &Path) {
    let _ = std::fs::remove_dir_all(to);
    let from = root.join("generated");
    copy_dir(&from.join("src"), &to.join("src"));
    std::fs::copy(from.join("README.md"), to.join("README.md")).unwrap();
    // The runtime crate stays where it is: the copy names it by its absolute path.
    let manifest = std::fs::read_to_string(from.join("Cargo.toml"))
        .unwrap()
        .replace(
            "path = \"../runtime\"",
            &format!("path = {:?}", root.join("runtime").display().to_string()),
        );
    std::fs::write(to.join("Cargo.toml"), format!("{manifest}\n[workspace]\n")).unwrap();
    std::fs::copy(root.join("Cargo.lock"), to.join("Cargo.lock")).unwrap();
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Builds `build` from an empty target folder and counts the packages cargo compiled.
fn cold_build(build: &Build, work: &Path) -> Cold {
    let target = work.join("target-cold");
    let _ = std::fs::remove_dir_all(&target);
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let start = Instant::now();
    let output = Command::new(cargo)
        .current_dir(&build.dir)
        .env("CARGO_TARGET_DIR", &target)
        .args(["build", "--message-format", "json"])
        .args(&build.args)
        .output()
        .unwrap();
    let time = start.elapsed();
    assert!(
        output.status.success(),
        "{}: cargo build failed:\n{}",
        build.label,
        String::from_utf8_lossy(&output.stderr)
    );
    let packages: BTreeSet<String> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|message| message["reason"] == "compiler-artifact")
        .filter_map(|message| message["package_id"].as_str().map(str::to_owned))
        .collect();
    Cold {
        time,
        crates: packages.len(),
    }
}
