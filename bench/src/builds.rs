//! Cold builds: what a user waits for the first time they compile the crate, with one API's
//! feature, with none (the client runtime alone) and with all, beside progenitor's output for
//! the same API; then a program that sends one message through the crate generated for
//! Twilio's `api_v2010` against the same program on bare reqwest (`send_one`). Each build
//! starts from an empty target folder (dependencies from cargo's local registry cache, the
//! workspace's `Cargo.lock`), in the dev profile, as `cargo build` does.
//! `BENCH_BUILD_ROUNDS` (default 1) repeats each build; they take one to two minutes each.

mod send_one;

use std::collections::BTreeSet;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use crate::Context;
use crate::stats::Samples;

/// One crate to build cold, with the cargo arguments that select its features.
struct Build {
    label: String,
    dir: PathBuf,
    args: Vec<String>,
}

/// The time of a cold build, the number of crates (packages) it compiled and what the build's
/// processes used.
struct Cold {
    time: Duration,
    crates: usize,
    usage: Option<Usage>,
}

/// What a process and its descendants used, from `wait4`: user CPU time summed over all of
/// them, and the peak resident memory of the largest single one, in bytes.
#[derive(Debug, Clone, Copy)]
struct Usage {
    user: Duration,
    peak: u64,
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
    send_one::figures(cx, &work, rounds);
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
    // Files rather than pipes: the build is waited for with `wait4`, not read to the end.
    let stdout_path = work.join("cold-build.stdout");
    let stderr_path = work.join("cold-build.stderr");
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let start = Instant::now();
    let child = Command::new(cargo)
        .current_dir(&build.dir)
        .env("CARGO_TARGET_DIR", &target)
        .args(["build", "--message-format", "json"])
        .args(&build.args)
        .stdin(Stdio::null())
        .stdout(File::create(&stdout_path).unwrap())
        .stderr(File::create(&stderr_path).unwrap())
        .spawn()
        .unwrap();
    let (status, usage) = wait_with_usage(child);
    let time = start.elapsed();
    assert!(
        status.success(),
        "{}: cargo build failed:\n{}",
        build.label,
        std::fs::read_to_string(&stderr_path).unwrap_or_default()
    );
    let packages: BTreeSet<String> = std::fs::read_to_string(&stdout_path)
        .unwrap()
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter(|message| message["reason"] == "compiler-artifact")
        .filter_map(|message| message["package_id"].as_str().map(str::to_owned))
        .collect();
    Cold {
        time,
        crates: packages.len(),
        usage,
    }
}

/// Waits for `child` with `wait4`, which also returns what it and the descendants it waited
/// for used (cargo waits for every rustc, build script and linker of the build). The
/// process-wide `getrusage(RUSAGE_CHILDREN)` would sum over every build this process ran and
/// keep the largest peak of all of them.
#[cfg(unix)]
#[allow(unsafe_code)]
fn wait_with_usage(child: std::process::Child) -> (ExitStatus, Option<Usage>) {
    use std::os::unix::process::ExitStatusExt as _;
    let pid = libc::pid_t::try_from(child.id()).unwrap();
    let mut status: libc::c_int = 0;
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    loop {
        // SAFETY: `status` and `usage` are valid for writes of their types; `pid` is a child of
        // this process that nothing else waits for (std waits only when asked to).
        let waited = unsafe { libc::wait4(pid, &mut status, 0, usage.as_mut_ptr()) };
        if waited == pid {
            break;
        }
        let error = std::io::Error::last_os_error();
        assert!(
            error.kind() == std::io::ErrorKind::Interrupted,
            "wait4: {error}"
        );
    }
    // SAFETY: wait4 returned the child's pid, so it filled in `usage`; zeroed is valid anyway.
    let usage = unsafe { usage.assume_init() };
    let user = Duration::from_secs(u64::try_from(usage.ru_utime.tv_sec).unwrap_or(0))
        + Duration::from_micros(u64::try_from(usage.ru_utime.tv_usec).unwrap_or(0));
    // Kilobytes on Linux and the BSDs, bytes on macOS.
    let unit = if cfg!(target_os = "macos") { 1 } else { 1024 };
    let peak = u64::try_from(usage.ru_maxrss).unwrap_or(0) * unit;
    (ExitStatus::from_raw(status), Some(Usage { user, peak }))
}

#[cfg(not(unix))]
fn wait_with_usage(mut child: std::process::Child) -> (ExitStatus, Option<Usage>) {
    (child.wait().unwrap(), None)
}
