//! Errors of the generator: every problem names the spec file and where in it (line and/or JSON
//! pointer), so a maintainer can go straight to the spot.

use std::fmt;
use std::path::PathBuf;

/// One problem found in the specs (or while reading them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The spec file, as a path under the specs folder the generator was given.
    pub file: PathBuf,
    /// The line (1-based) the problem is on, when it could be found.
    pub line: Option<usize>,
    /// The JSON pointer of the offending node (`/paths/~1v1~1Sessions/get`), when known.
    pub pointer: Option<String>,
    /// What is wrong, in words.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": {}", self.message)?;
        if let Some(pointer) = &self.pointer {
            write!(
                f,
                " (at {})",
                if pointer.is_empty() { "/" } else { pointer }
            )?;
        }
        Ok(())
    }
}

/// Everything that stopped a generation run. Always holds at least one problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// The problems found, in file order.
    pub problems: Vec<Problem>,
}

impl Error {
    pub(crate) fn one(problem: Problem) -> Self {
        Error {
            problems: vec![problem],
        }
    }
}

impl From<Problem> for Error {
    fn from(problem: Problem) -> Self {
        Error::one(problem)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, problem) in self.problems.iter().enumerate() {
            if index > 0 {
                writeln!(f)?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}
