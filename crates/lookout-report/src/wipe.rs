//! A growing buffer that wipes what it outgrows. A `Vec` that grows copies its bytes to a larger
//! allocation and frees the old one as it is, so plaintext written into it piece by piece would
//! be left behind in freed memory; this buffer wipes each old allocation before letting it go,
//! and its last one when dropped.

use zeroize::Zeroizing;

/// A buffer of secret bytes: every allocation it has used is wiped.
#[derive(Default)]
pub struct WipingBuffer(Zeroizing<Vec<u8>>);

impl WipingBuffer {
    /// An empty buffer with room for `capacity` bytes.
    pub fn with_capacity(capacity: usize) -> WipingBuffer {
        WipingBuffer(Zeroizing::new(Vec::with_capacity(capacity)))
    }

    /// Appends bytes, moving to a larger allocation (and wiping the old) when needed.
    pub fn extend_from_slice(&mut self, bytes: &[u8]) {
        let needed = self.0.len() + bytes.len();
        if needed > self.0.capacity() {
            let mut larger = Zeroizing::new(Vec::with_capacity(needed.max(self.0.capacity() * 2).max(64)));
            larger.extend_from_slice(&self.0);
            self.0 = larger; // the old allocation is wiped as it drops
        }
        self.0.extend_from_slice(bytes);
    }

    /// Bytes held.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether it holds nothing.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The bytes, still wiped when dropped.
    pub fn into_inner(self) -> Zeroizing<Vec<u8>> {
        self.0
    }
}

impl std::io::Write for WipingBuffer {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl std::fmt::Debug for WipingBuffer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "WipingBuffer({} bytes)", self.0.len())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn it_grows_and_keeps_every_byte() {
        let mut b = super::WipingBuffer::with_capacity(2);
        for i in 0..1000u32 {
            std::io::Write::write_all(&mut b, &i.to_le_bytes()).unwrap();
        }
        let bytes = b.into_inner();
        assert_eq!(bytes.len(), 4000);
        assert_eq!(&bytes[4..8], &1u32.to_le_bytes());
    }
}
