//! One small sort for the whole crate. std's sorts bring quicksort, heapsort and small-sort
//! networks per element type — about 2 KB of wasm each, ≈ 9 KB gzip over the bundle. This heapsort
//! is O(n log n) without allocation and a few hundred bytes per type. It is not stable: every caller
//! sorts by a complete key (or equal elements are identical), so the order is still determined.

use std::cmp::Ordering;

pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let mut less = |a: &T, b: &T| cmp(a, b) == Ordering::Less;
    let n = v.len();
    for root in (0..n / 2).rev() {
        sift_down(v, root, n, &mut less);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift_down(v, 0, end, &mut less);
    }
}

pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

pub fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Moves `v[root]` down the max-heap `v[..end]` to its place.
fn sift_down<T>(v: &mut [T], mut root: usize, end: usize, less: &mut impl FnMut(&T, &T) -> bool) {
    loop {
        let mut child = 2 * root + 1;
        if child >= end {
            return;
        }
        if child + 1 < end && less(&v[child], &v[child + 1]) {
            child += 1;
        }
        if !less(&v[root], &v[child]) {
            return;
        }
        v.swap(root, child);
        root = child;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_std() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for len in [0usize, 1, 2, 3, 7, 64, 1000] {
            let mut v: Vec<u32> = (0..len)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    (seed % 50) as u32
                })
                .collect();
            let mut want = v.clone();
            want.sort();
            sort(&mut v);
            assert_eq!(v, want, "len {len}");
        }
        let mut words = vec![("b", 2), ("a", 9), ("b", 1)];
        sort_by_key(&mut words, |w| *w);
        assert_eq!(words, vec![("a", 9), ("b", 1), ("b", 2)]);
        sort_by(&mut words, |a, b| b.1.cmp(&a.1));
        assert_eq!(words, vec![("a", 9), ("b", 2), ("b", 1)]);
    }
}
