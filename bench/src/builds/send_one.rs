//! A program that sends one message, built cold: through the crate generated for Twilio's
//! largest API (`api_v2010`, the vendored `twilio_api_v2010.yaml`, with only that API's
//! feature) against the same program on bare reqwest + serde. The figures are the user CPU
//! time of the whole build, its wall time and its peak memory (the largest single process of
//! the build, in practice the rustc that compiles the generated crate), and their ratios.

use std::path::Path;
use std::time::Instant;

use super::{Build, Cold, cold_build};
use crate::Context;
use crate::stats::{Samples, against};

/// The API and its vendored description.
const API: &str = "api_v2010";
const SPEC: &str = "generator/tests/twilio-oai/twilio_api_v2010.yaml";

/// The targets (the issue's): the generated client may cost 1.25x the user CPU time of the
/// bare program's build and 2x its peak memory.
const CPU_TARGET: f64 = 1.25;
const MEMORY_TARGET: f64 = 2.0;

/// The sources of the two programs (`bench/send-one/`).
const TWILIO_API_MAIN: &str = include_str!("../../send-one/twilio-api.rs");
const REQWEST_MAIN: &str = include_str!("../../send-one/reqwest.rs");

pub fn figures(cx: &Context, work: &Path, rounds: usize) {
    let generated = work.join("twilio-api-v2010");
    let start = Instant::now();
    let lines = generate_crate(&cx.root, work, &generated);
    let took = start.elapsed();
    let size = std::fs::metadata(cx.root.join(SPEC)).map_or(0, |m| m.len());
    println!(
        "the crate generated for `{API}` ({SPEC}, {:.2} MB): {lines} lines of Rust, in {:.2} s",
        size as f64 / 1e6,
        took.as_secs_f64()
    );
    let ours = Build {
        label: format!("send-one-twilio-api (`{API}` only, rustls-ring)"),
        dir: work.join("send-one-twilio-api"),
        args: Vec::new(),
    };
    write_program(
        &cx.root,
        &ours.dir,
        &[
            format!(
                "twilio-api = {{ path = {:?}, default-features = false, features = [\"{API}\", \"rustls-ring\"] }}",
                generated.display().to_string()
            ),
            TOKIO.to_owned(),
        ],
        TWILIO_API_MAIN,
    );
    let bare = Build {
        label: "send-one-reqwest (reqwest + serde, rustls-ring)".to_owned(),
        dir: work.join("send-one-reqwest"),
        args: Vec::new(),
    };
    write_program(
        &cx.root,
        &bare.dir,
        &[
            // The runtime's reqwest and TLS crates, with `form` for the body it sends.
            "reqwest = { version = \"0.13\", default-features = false, features = [\"json\", \"form\", \"rustls-no-provider\"] }".to_owned(),
            "rustls = { version = \"0.23\", default-features = false, features = [\"ring\", \"std\", \"tls12\"] }".to_owned(),
            "rustls-platform-verifier = \"0.7\"".to_owned(),
            "serde = { version = \"1\", features = [\"derive\"] }".to_owned(),
            "serde_json = \"1\"".to_owned(),
            TOKIO.to_owned(),
        ],
        REQWEST_MAIN,
    );
    println!(
        "cold `cargo build` of a program that sends one message (dev profile, empty target folder, {rounds} round(s), interleaved; peak = largest process, 1 MB = 10^6 bytes):"
    );
    // Interleaved, so a change in the machine's load falls on both.
    let mut colds: [Vec<Cold>; 2] = [Vec::new(), Vec::new()];
    for _ in 0..rounds {
        colds[0].push(cold_build(&ours, work));
        colds[1].push(cold_build(&bare, work));
    }
    let [ours_colds, bare_colds] = &colds;
    let ours_figures = Figures::of(ours_colds);
    let bare_figures = Figures::of(bare_colds);
    println!(
        "  {:<LABEL$} {:>COLUMN$} {:>COLUMN$} {:>COLUMN$} {:>7}",
        "program", "user CPU", "wall", "peak memory", "crates"
    );
    for (build, figures) in [(&ours, &ours_figures), (&bare, &bare_figures)] {
        println!("  {:<LABEL$} {figures}", build.label);
    }
    let (Some(ours_usage), Some(bare_usage)) = (&ours_figures.usage, &bare_figures.usage) else {
        println!("  (user CPU and peak memory are measured on Unix only)\n");
        return;
    };
    let cpu = ours_usage.user.ratio(&bare_usage.user);
    let memory = ours_usage.peak_median() / bare_usage.peak_median();
    println!(
        "  twilio-api / reqwest: user CPU {cpu:.2}x ({}), peak memory {memory:.2}x ({}), wall {:.2}x",
        against(cpu, CPU_TARGET),
        against(memory, MEMORY_TARGET),
        ours_figures.wall.ratio(&bare_figures.wall),
    );
    println!();
}

/// The width of the program column.
const LABEL: usize = 52;

const TOKIO: &str = "tokio = { version = \"1\", features = [\"macros\", \"rt-multi-thread\"] }";

/// Generates the crate for `SPEC` alone into `out`, as `cargo xtask regen --specs DIR --out
/// out` does, reaching the workspace's runtime crate by its absolute path; returns its lines.
fn generate_crate(root: &Path, work: &Path, out: &Path) -> usize {
    let specs = work.join(format!("specs-{API}"));
    let _ = std::fs::remove_dir_all(&specs);
    std::fs::create_dir_all(&specs).unwrap();
    let spec = root.join(SPEC);
    std::fs::copy(&spec, specs.join(spec.file_name().unwrap())).unwrap();
    let runtime = generator::RuntimeDependency::Path(root.join("runtime").display().to_string());
    let label = specs
        .strip_prefix(root)
        .unwrap_or(&specs)
        .display()
        .to_string();
    let output = generator::generate_with(&specs, &label, runtime).unwrap();
    let _ = std::fs::remove_dir_all(out);
    let mut lines = 0;
    for (path, contents) in &output.files {
        let target = out.join(path);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        let contents = if path == "Cargo.toml" {
            // A workspace of its own, so `cargo llvm-lines` and the like run in it as well.
            format!("{contents}\n[workspace]\n")
        } else {
            contents.clone()
        };
        if path.ends_with(".rs") {
            lines += contents.lines().count();
        }
        std::fs::write(target, contents).unwrap();
    }
    std::fs::copy(root.join("Cargo.lock"), out.join("Cargo.lock")).unwrap();
    lines
}

/// Writes a binary crate named after its folder: its own workspace, the workspace's
/// `Cargo.lock` (the same dependency versions), `dependencies` and `main`.
fn write_program(root: &Path, dir: &Path, dependencies: &[String], main: &str) {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir.join("src")).unwrap();
    let name = dir.file_name().unwrap().to_string_lossy();
    let manifest = format!(
        "[package]\nname = \"{name}\"\nversion = \"0.1.0\"\nedition = \"2024\"\npublish = false\n\n\
         # A workspace of its own, so it builds where it is written.\n[workspace]\n\n\
         [dependencies]\n{}\n",
        dependencies.join("\n")
    );
    std::fs::write(dir.join("Cargo.toml"), manifest).unwrap();
    std::fs::write(dir.join("src/main.rs"), main).unwrap();
    std::fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock")).unwrap();
}

/// One program's cold builds: medians over the rounds.
struct Figures {
    wall: Samples,
    usage: Option<UsageSamples>,
    crates: usize,
}

/// User CPU times and peak memory (bytes) over the rounds.
struct UsageSamples {
    user: Samples,
    peaks: Vec<u64>,
}

impl UsageSamples {
    /// The median peak, in bytes (as a float, for ratios).
    fn peak_median(&self) -> f64 {
        self.peaks[self.peaks.len() / 2] as f64
    }
}

impl Figures {
    fn of(colds: &[Cold]) -> Self {
        let usage = colds
            .iter()
            .map(|cold| cold.usage)
            .collect::<Option<Vec<_>>>()
            .map(|usages| {
                let mut peaks: Vec<u64> = usages.iter().map(|u| u.peak).collect();
                peaks.sort_unstable();
                UsageSamples {
                    user: Samples::of(usages.iter().map(|u| u.user)),
                    peaks,
                }
            });
        Self {
            wall: Samples::of(colds.iter().map(|cold| cold.time)),
            usage,
            crates: colds.last().map_or(0, |cold| cold.crates),
        }
    }
}

impl std::fmt::Display for Figures {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (user, peak) = match &self.usage {
            Some(usage) => (
                spread(usage.user.sorted(), |d| d.as_secs_f64(), "s", 1),
                spread(&usage.peaks, |bytes| *bytes as f64 / 1e6, "MB", 0),
            ),
            None => ("-".to_owned(), "-".to_owned()),
        };
        let wall = spread(self.wall.sorted(), |d| d.as_secs_f64(), "s", 1);
        write!(
            f,
            "{user:>COLUMN$} {wall:>COLUMN$} {peak:>COLUMN$} {:>7}",
            self.crates
        )
    }
}

/// The width of a figure's column.
const COLUMN: usize = 24;

/// `median unit`, with `(min … max)` after it when there are several rounds.
fn spread<T>(sorted: &[T], value: impl Fn(&T) -> f64, unit: &str, decimals: usize) -> String {
    let number = |x: &T| format!("{:.decimals$}", value(x));
    match sorted {
        [] => "-".to_owned(),
        [only] => format!("{} {unit}", number(only)),
        [first, .., last] => format!(
            "{} {unit} ({} … {})",
            number(&sorted[sorted.len() / 2]),
            number(first),
            number(last)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::spread;

    #[test]
    fn one_round_prints_its_figure_and_several_their_median_and_range() {
        let megabytes = |bytes: &u64| *bytes as f64 / 1e6;
        assert_eq!(spread(&[1_400_000_u64], megabytes, "MB", 0), "1 MB");
        assert_eq!(
            spread(&[1.0_f64, 2.0, 9.0], |s| *s, "s", 1),
            "2.0 s (1.0 … 9.0)"
        );
        assert_eq!(spread::<f64>(&[], |s| *s, "s", 1), "-");
    }
}
