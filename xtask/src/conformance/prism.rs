//! The processes of a run: one `prism mock` per spec file (started together, killed together)
//! and the runner program, whose `PASS`/`FAIL` lines are read into a [`Summary`].

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::{BufRead as _, BufReader, Read as _};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use super::plan::{Mode, Summary};

/// How long one batch of Prism servers may take to start listening.
const STARTUP_LIMIT: Duration = Duration::from_secs(120);

/// `.ci/node_modules/.bin/prism`, or `PRISM_BIN`.
pub(super) fn prism_bin(root: &Path) -> Result<PathBuf, String> {
    let path = std::env::var_os("PRISM_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join(".ci/node_modules/.bin/prism"));
    if path.exists() {
        Ok(path)
    } else {
        Err(format!(
            "Stoplight Prism not found at {}: install it with `npm ci --prefix .ci` (the version \
             pinned in .ci/package-lock.json), or point PRISM_BIN at a `prism` executable",
            path.display()
        ))
    }
}

/// The copies of the spec files Prism serves, and the folder they are copies of.
pub(super) struct Served<'a> {
    pub(super) dir: &'a Path,
    pub(super) original: &'a Path,
}

impl Served<'_> {
    fn describe(&self, file: &str) -> String {
        format!(
            "{} (served from {})",
            self.original.join(file).display(),
            self.dir.join(file).display()
        )
    }
}

/// A running `prism mock` for one spec file.
struct Mock {
    module: String,
    file: String,
    port: u16,
    log: PathBuf,
    child: Child,
}

/// The Prism servers of one mode; every one is killed when this is dropped, whatever the exit
/// path (an error, a panic, or the normal end of the mode).
pub(super) struct Mocks(Vec<Mock>);

impl Drop for Mocks {
    fn drop(&mut self) {
        for mock in &mut self.0 {
            let _ = mock.child.kill();
            let _ = mock.child.wait();
        }
    }
}

impl Mocks {
    /// How many servers run.
    pub(super) fn len(&self) -> usize {
        self.0.len()
    }

    /// Starts one Prism per spec file, all at once, and waits until each accepts connections.
    pub(super) fn start(
        prism: &Path,
        served: &Served<'_>,
        files: &BTreeSet<(String, String)>,
        mode: Mode,
        logs: &Path,
    ) -> Result<Mocks, String> {
        let ports = free_ports(files.len())?;
        let mut mocks = Mocks(Vec::new());
        for ((module, file), port) in files.iter().zip(ports) {
            let log = logs.join(format!("{module}-{}.log", mode.label()));
            let log_file = fs::File::create(&log).map_err(|e| format!("{}: {e}", log.display()))?;
            let log_err = log_file
                .try_clone()
                .map_err(|e| format!("{}: {e}", log.display()))?;
            let mut command = Command::new(prism);
            command.args(["mock", "--host", "127.0.0.1", "--port", &port.to_string()]);
            if mode == Mode::Dynamic {
                command.arg("-d");
            }
            let child = command
                .arg(served.dir.join(file))
                .stdin(Stdio::null())
                .stdout(log_file)
                .stderr(log_err)
                .spawn()
                .map_err(|e| format!("cannot start {}: {e}", prism.display()))?;
            mocks.0.push(Mock {
                module: module.clone(),
                file: file.clone(),
                port,
                log,
                child,
            });
        }
        let deadline = Instant::now() + STARTUP_LIMIT;
        let mut waiting: Vec<usize> = (0..mocks.0.len()).collect();
        while !waiting.is_empty() {
            let mut still = Vec::new();
            for index in waiting {
                let mock = &mut mocks.0[index];
                if let Ok(Some(status)) = mock.child.try_wait() {
                    return Err(format!(
                        "Prism exited ({status}) instead of serving {} ({} mode); its log is {}:\n{}",
                        served.describe(&mock.file),
                        mode.label(),
                        mock.log.display(),
                        log_tail(&mock.log, 20)
                    ));
                }
                let address = SocketAddr::from(([127, 0, 0, 1], mock.port));
                if TcpStream::connect_timeout(&address, Duration::from_millis(200)).is_err() {
                    still.push(index);
                }
            }
            waiting = still;
            if waiting.is_empty() {
                break;
            }
            if Instant::now() > deadline {
                let mock = &mocks.0[waiting[0]];
                return Err(format!(
                    "Prism did not listen on port {} within {} s for {} ({} mode); its log is {}:\n{}",
                    mock.port,
                    STARTUP_LIMIT.as_secs(),
                    served.describe(&mock.file),
                    mode.label(),
                    mock.log.display(),
                    log_tail(&mock.log, 20)
                ));
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        Ok(mocks)
    }
}

/// `count` distinct free loopback ports (held together while chosen, so none repeats).
fn free_ports(count: usize) -> Result<Vec<u16>, String> {
    let listeners = (0..count)
        .map(|_| TcpListener::bind("127.0.0.1:0"))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("cannot find a free port: {e}"))?;
    listeners
        .iter()
        .map(|l| l.local_addr().map(|a| a.port()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| format!("cannot find a free port: {e}"))
}

fn log_tail(path: &Path, lines: usize) -> String {
    let text = fs::read_to_string(path).unwrap_or_default();
    let all: Vec<&str> = text.lines().collect();
    all[all.len().saturating_sub(lines)..].join("\n")
}

/// Runs the runner against `mocks`, printing its failures; every label it does not report
/// counts as failed.
pub(super) fn run_runner(
    runner: &Path,
    mocks: &Mocks,
    mode: Mode,
    labels: &[String],
) -> Result<Summary, String> {
    let mut command = Command::new(runner);
    for mock in &mocks.0 {
        command
            .arg("--base")
            .arg(format!("{}=http://127.0.0.1:{}", mock.module, mock.port));
    }
    let mut child = command
        .args(mode.runner_args())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", runner.display()))?;
    let stdout = child.stdout.take();
    let mut stderr = child.stderr.take();
    // Read stderr on its own thread so a chatty runner cannot block on a full pipe.
    let stderr_reader = std::thread::spawn(move || {
        let mut text = String::new();
        if let Some(stderr) = stderr.as_mut() {
            let _ = stderr.read_to_string(&mut text);
        }
        text
    });
    let mut reported: BTreeMap<String, Option<String>> = BTreeMap::new();
    if let Some(stdout) = stdout {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if let Some(label) = line.strip_prefix("PASS ") {
                reported.insert(label.to_owned(), None);
            } else if let Some(rest) = line.strip_prefix("FAIL ") {
                let (label, error) = rest.split_once(": ").unwrap_or((rest, ""));
                println!("FAIL [{}] {label}: {error}", mode.label());
                reported.insert(label.to_owned(), Some(error.to_owned()));
            } else {
                eprintln!("{line}");
            }
        }
    }
    let status = child
        .wait()
        .map_err(|e| format!("runner {}: {e}", runner.display()))?;
    let stderr = stderr_reader.join().unwrap_or_default();
    let mut summary = Summary::default();
    for label in labels {
        match reported.get(label) {
            Some(None) => summary.passed += 1,
            Some(Some(_)) => summary.failed += 1,
            None => {
                summary.failed += 1;
                let last = stderr.lines().last().unwrap_or("").trim();
                println!(
                    "FAIL [{}] {label}: not reported by the runner ({status}){}",
                    mode.label(),
                    if last.is_empty() {
                        String::new()
                    } else {
                        format!(": {last}")
                    }
                );
            }
        }
    }
    if !stderr.trim().is_empty() {
        eprint!("{stderr}");
    }
    Ok(summary)
}
