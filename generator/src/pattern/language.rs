//! Pattern languages: a compiled pattern with its length bounds as an automaton, so two
//! versions of an ID type can be compared.

use std::collections::{BTreeSet, VecDeque};

use super::{CharClass, Matcher, PatternCheck, Piece};

/// The strings an ID type accepts: its pattern and its `minLength`/`maxLength`, as one
/// language, so two versions can be compared (`cargo xtask diff` calls a narrower one a
/// breaking change).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Language {
    nfa: Nfa,
    /// Fewest characters (`minLength`).
    min: usize,
    /// Most characters (`maxLength`).
    max: Option<usize>,
}

impl Language {
    /// The language of a compiled pattern with optional length bounds (in characters). `None`
    /// for a pattern left unchecked: what it accepts is not known here.
    pub fn new(
        check: &PatternCheck,
        min_length: Option<usize>,
        max_length: Option<usize>,
    ) -> Option<Self> {
        let matcher = check.matcher()?;
        Some(Language {
            nfa: Nfa::of(matcher),
            min: min_length.unwrap_or(0),
            max: max_length,
        })
    }

    /// Whether every string this language accepts, `other` accepts too. `false` also when the
    /// comparison is too large to finish (a change is then reported as breaking).
    pub fn is_subset_of(&self, other: &Language) -> bool {
        const STATE_LIMIT: usize = 100_000;
        let atoms = atoms(&[&self.nfa, &other.nfa]);
        // Lengths matter up to the largest bound; past it, all lengths behave alike.
        let cap = [Some(self.min), self.max, Some(other.min), other.max]
            .into_iter()
            .flatten()
            .max()
            .unwrap_or(0)
            + 1;
        let accepts = |language: &Language, set: &[usize], len: usize| {
            set.contains(&language.nfa.accept)
                && len >= language.min
                && language.max.is_none_or(|max| len <= max)
        };
        let start = (
            self.nfa.closure(vec![self.nfa.start]),
            other.nfa.closure(vec![other.nfa.start]),
            0usize,
        );
        let mut seen = BTreeSet::from([start.clone()]);
        let mut queue = VecDeque::from([start]);
        while let Some((mine, theirs, len)) = queue.pop_front() {
            if accepts(self, &mine, len) && !accepts(other, &theirs, len) {
                return false;
            }
            if self.max.is_some_and(|max| len >= max) {
                continue;
            }
            for &atom in &atoms {
                let next_mine = self.nfa.step(&mine, atom);
                if next_mine.is_empty() {
                    continue;
                }
                let next = (next_mine, other.nfa.step(&theirs, atom), (len + 1).min(cap));
                if seen.insert(next.clone()) {
                    if seen.len() > STATE_LIMIT {
                        return false;
                    }
                    queue.push_back(next);
                }
            }
        }
        true
    }
}

/// A nondeterministic automaton over characters, for comparing patterns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Nfa {
    /// Character transitions from each state.
    edges: Vec<Vec<(CharClass, usize)>>,
    /// Empty transitions from each state.
    empty: Vec<Vec<usize>>,
    pub(super) start: usize,
    pub(super) accept: usize,
}

impl Nfa {
    pub(super) fn of(matcher: &Matcher) -> Nfa {
        let any = CharClass {
            ranges: vec![('\0', char::MAX)],
        };
        let mut nfa = Nfa {
            edges: Vec::new(),
            empty: Vec::new(),
            start: 0,
            accept: 0,
        };
        let start = nfa.state();
        if !matcher.anchored_start {
            nfa.edges[start].push((any.clone(), start));
        }
        let end = nfa.sequence(start, &matcher.pieces);
        let accept = nfa.state();
        nfa.empty[end].push(accept);
        if !matcher.anchored_end {
            nfa.edges[accept].push((any, accept));
        }
        nfa.start = start;
        nfa.accept = accept;
        nfa
    }

    fn state(&mut self) -> usize {
        self.edges.push(Vec::new());
        self.empty.push(Vec::new());
        self.edges.len() - 1
    }

    fn sequence(&mut self, from: usize, pieces: &[Piece]) -> usize {
        pieces.iter().fold(from, |at, piece| self.piece(at, piece))
    }

    fn text(&mut self, from: usize, text: &str) -> usize {
        text.chars().fold(from, |at, c| {
            let next = self.state();
            self.edges[at].push((
                CharClass {
                    ranges: vec![(c, c)],
                },
                next,
            ));
            next
        })
    }

    fn piece(&mut self, from: usize, piece: &Piece) -> usize {
        match piece {
            Piece::Literal(text) => self.text(from, text),
            Piece::OneOf(texts) => {
                let join = self.state();
                for text in texts {
                    let end = self.text(from, text);
                    self.empty[end].push(join);
                }
                join
            }
            Piece::Class { class, min, max } => self.repeat(from, *min, *max, &mut |nfa, at| {
                let next = nfa.state();
                nfa.edges[at].push((class.clone(), next));
                next
            }),
            Piece::Group { pieces, min, max } => {
                self.repeat(from, *min, *max, &mut |nfa, at| nfa.sequence(at, pieces))
            }
        }
    }

    fn repeat(
        &mut self,
        from: usize,
        min: usize,
        max: Option<usize>,
        body: &mut dyn FnMut(&mut Nfa, usize) -> usize,
    ) -> usize {
        let mut at = from;
        for _ in 0..min {
            at = body(self, at);
        }
        match max {
            None => {
                let again = self.state();
                self.empty[at].push(again);
                let end = body(self, again);
                self.empty[end].push(again);
                again
            }
            Some(max) => {
                let end = self.state();
                self.empty[at].push(end);
                for _ in min..max {
                    at = body(self, at);
                    self.empty[at].push(end);
                }
                end
            }
        }
    }

    /// The states reachable from `states` by empty transitions, sorted.
    pub(super) fn closure(&self, mut states: Vec<usize>) -> Vec<usize> {
        let mut seen: BTreeSet<usize> = states.iter().copied().collect();
        while let Some(state) = states.pop() {
            for &next in &self.empty[state] {
                if seen.insert(next) {
                    states.push(next);
                }
            }
        }
        seen.into_iter().collect()
    }

    pub(super) fn step(&self, states: &[usize], c: char) -> Vec<usize> {
        let next: Vec<usize> = states
            .iter()
            .flat_map(|&s| &self.edges[s])
            .filter(|(class, _)| class.contains(c))
            .map(|&(_, to)| to)
            .collect();
        self.closure(next)
    }
}

/// One character standing for each run of characters that every class of `nfas` treats alike.
fn atoms(nfas: &[&Nfa]) -> Vec<char> {
    let mut cuts = BTreeSet::from([0u32]);
    for nfa in nfas {
        for (class, _) in nfa.edges.iter().flatten() {
            for &(lo, hi) in &class.ranges {
                cuts.insert(lo as u32);
                cuts.insert(hi as u32 + 1);
            }
        }
    }
    cuts.into_iter()
        .filter_map(|cut| {
            // A run starting inside the surrogates continues at the first character after them.
            char::from_u32(cut).or_else(|| (cut < 0xE000).then_some('\u{E000}'))
        })
        .collect::<BTreeSet<char>>()
        .into_iter()
        .collect()
}
