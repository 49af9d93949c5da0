//! A file sent as a response body in chunks as it is read, so that a large file (a release's
//! export can be a gigabyte) never sits whole in memory, however many download it at once.

use std::pin::Pin;
use std::task::{Context, Poll};

use axum::body::Bytes;
use http_body::Frame;
use tokio::io::{AsyncRead, ReadBuf};

/// Bytes read per chunk.
const CHUNK: usize = 64 * 1024;

/// An open file as a response body.
pub(crate) struct FileBody {
    file: tokio::fs::File,
    buf: Vec<u8>,
    remaining: u64,
}

impl FileBody {
    /// The body of `file`, which holds `len` bytes.
    pub fn new(file: tokio::fs::File, len: u64) -> FileBody {
        FileBody { file, buf: vec![0; CHUNK], remaining: len }
    }
}

impl http_body::Body for FileBody {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Frame<Bytes>, Self::Error>>> {
        let this = &mut *self;
        if this.remaining == 0 {
            return Poll::Ready(None);
        }
        let mut buf = ReadBuf::new(&mut this.buf);
        match Pin::new(&mut this.file).poll_read(cx, &mut buf) {
            Poll::Pending => Poll::Pending,
            Poll::Ready(Err(e)) => Poll::Ready(Some(Err(e))),
            Poll::Ready(Ok(())) if buf.filled().is_empty() => Poll::Ready(Some(Err(std::io::Error::new(
                std::io::ErrorKind::UnexpectedEof,
                "the file is shorter than when it was opened",
            )))),
            Poll::Ready(Ok(())) => {
                let read = buf.filled();
                let n = read.len().min(usize::try_from(this.remaining).unwrap_or(usize::MAX));
                this.remaining -= n as u64;
                Poll::Ready(Some(Ok(Frame::data(Bytes::copy_from_slice(&read[..n])))))
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        self.remaining == 0
    }

    fn size_hint(&self) -> http_body::SizeHint {
        http_body::SizeHint::with_exact(self.remaining)
    }
}
