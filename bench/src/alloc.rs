//! A counting allocator: the benchmark reports the peak heap a piece of work takes and how many
//! allocations it makes. Counts are process-wide (every thread), so work measured with it must
//! not run beside other allocating work (the loopback server allocates nothing once warm).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

impl Counting {
    fn grew(size: usize) {
        let now = CURRENT.fetch_add(size, Ordering::Relaxed) + size;
        PEAK.fetch_max(now, Ordering::Relaxed);
    }
}

// SAFETY: forwards to the system allocator unchanged; only counts.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: same contract as the caller's.
        let pointer = unsafe { System.alloc(layout) };
        if !pointer.is_null() {
            ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
            Self::grew(layout.size());
        }
        pointer
    }

    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(pointer, layout) }
    }

    /// A resize counts as one allocation of the new size (a `Vec` growing, a `String` pushed to).
    unsafe fn realloc(&self, pointer: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: same contract as the caller's.
        let moved = unsafe { System.realloc(pointer, layout, new_size) };
        if !moved.is_null() {
            ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
            CURRENT.fetch_sub(layout.size(), Ordering::Relaxed);
            Self::grew(new_size);
        }
        moved
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// What a piece of work took from the heap.
#[derive(Debug, Clone, Copy)]
pub struct Usage {
    /// The most heap it held at once, in bytes, above what was held when it started.
    pub peak: usize,
    /// Allocations and resizes it made.
    pub allocations: usize,
}

/// Runs `work` and returns its result and its heap usage.
pub fn measure<T>(work: impl FnOnce() -> T) -> (T, Usage) {
    let before = CURRENT.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let allocations = ALLOCATIONS.load(Ordering::Relaxed);
    let result = work();
    let usage = Usage {
        peak: PEAK.load(Ordering::Relaxed).saturating_sub(before),
        allocations: ALLOCATIONS.load(Ordering::Relaxed) - allocations,
    };
    (result, usage)
}
