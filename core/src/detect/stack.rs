//! A list that keeps its first items in place and moves to the heap only when it grows past
//! them: the detectors' per-text lists (digit chunks of a number group, the words of a
//! sentence, a folded skeleton) are short, and allocating them was a measurable part of a
//! scan of an ordinary message.

/// Up to `N` items inline, then all of them in a `Vec`.
pub(super) struct StackVec<T: Copy, const N: usize> {
    inline: [T; N],
    len: usize,
    heap: Vec<T>,
}

impl<T: Copy, const N: usize> StackVec<T, N> {
    /// An empty list; `fill` only initialises the unused inline slots.
    pub(super) fn new(fill: T) -> Self {
        StackVec {
            inline: [fill; N],
            len: 0,
            heap: Vec::new(),
        }
    }

    /// The items, in order.
    #[inline]
    pub(super) fn as_slice(&self) -> &[T] {
        if self.heap.is_empty() {
            self.inline.get(..self.len).unwrap_or(&[])
        } else {
            &self.heap
        }
    }

    /// The last item, to change it.
    #[inline]
    pub(super) fn last_mut(&mut self) -> Option<&mut T> {
        if self.heap.is_empty() {
            let k = self.len.checked_sub(1)?;
            self.inline.get_mut(k)
        } else {
            self.heap.last_mut()
        }
    }

    /// Appends `item`.
    #[inline]
    pub(super) fn push(&mut self, item: T) {
        if self.heap.is_empty() {
            if let Some(slot) = self.inline.get_mut(self.len) {
                *slot = item;
                self.len += 1;
                return;
            }
            self.heap.reserve(2 * N);
            self.heap.extend_from_slice(&self.inline);
        }
        self.heap.push(item);
    }

    /// Whether there are no items.
    #[inline]
    pub(super) fn is_empty(&self) -> bool {
        self.len == 0 && self.heap.is_empty()
    }

    /// Removes every item (the heap's capacity is kept for the next time it is needed).
    #[inline]
    pub(super) fn clear(&mut self) {
        self.len = 0;
        self.heap.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grows_past_the_inline_items() {
        let mut v: StackVec<u32, 3> = StackVec::new(0);
        assert!(v.is_empty());
        for k in 0..10 {
            v.push(k);
            assert_eq!(v.as_slice(), (0..=k).collect::<Vec<_>>().as_slice());
        }
        if let Some(last) = v.last_mut() {
            *last = 99;
        }
        assert_eq!(v.as_slice().last(), Some(&99));
        v.clear();
        assert!(v.is_empty());
        v.push(7);
        assert_eq!(v.as_slice(), &[7]);
    }
}
