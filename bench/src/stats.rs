//! Repeated timings and how they are printed: every figure is a median with its min and max.

use std::fmt;
use std::time::{Duration, Instant};

/// The times of several runs of one piece of work, sorted.
#[derive(Debug, Clone)]
pub struct Samples(Vec<Duration>);

impl Samples {
    /// Runs `f` `rounds` times (at least once) and keeps each run's time.
    pub fn time(rounds: usize, mut f: impl FnMut()) -> Self {
        Self::of((0..rounds.max(1)).map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        }))
    }

    /// Samples from times measured elsewhere (at least one).
    pub fn of(times: impl IntoIterator<Item = Duration>) -> Self {
        let mut times: Vec<Duration> = times.into_iter().collect();
        assert!(!times.is_empty(), "a figure needs at least one run");
        times.sort();
        Self(times)
    }

    /// Every time, smallest first.
    pub fn sorted(&self) -> &[Duration] {
        &self.0
    }

    pub fn median(&self) -> Duration {
        self.0[self.0.len() / 2]
    }

    pub fn min(&self) -> Duration {
        self.0[0]
    }

    pub fn max(&self) -> Duration {
        self.0[self.0.len() - 1]
    }

    /// Every time divided by `n`: per request, per item.
    pub fn per(&self, n: usize) -> Self {
        let n = u32::try_from(n.max(1)).unwrap_or(u32::MAX);
        Self(self.0.iter().map(|d| *d / n).collect())
    }

    /// The ratio of the medians, `self / other`.
    pub fn ratio(&self, other: &Self) -> f64 {
        self.median().as_secs_f64() / other.median().as_secs_f64()
    }
}

/// `ratio` against the most it may be: `target ≤ 1.05: met` or `… missed by 3.1%`.
pub fn against(ratio: f64, target: f64) -> String {
    if ratio <= target {
        format!("target ≤ {target}: met")
    } else {
        format!(
            "target ≤ {target}: missed by {:.1}%",
            (ratio / target - 1.0) * 100.0
        )
    }
}

/// Prints `median (min … max)` in the unit that suits the median.
impl fmt::Display for Samples {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = |d: Duration| {
            let s = d.as_secs_f64();
            if self.median() >= Duration::from_secs(1) {
                format!("{s:.2} s")
            } else if self.median() >= Duration::from_millis(1) {
                format!("{:.2} ms", s * 1e3)
            } else {
                format!("{:.1} us", s * 1e6)
            }
        };
        write!(
            f,
            "{} ({} … {})",
            unit(self.median()),
            unit(self.min()),
            unit(self.max())
        )
    }
}
