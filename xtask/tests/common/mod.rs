//! Helpers shared by the xtask test files.

#![allow(dead_code)] // Each test file uses some of these.

pub mod semver;
