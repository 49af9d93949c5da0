//! Documents analysed on rayon's threads and handed back in the order given.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};

use super::document::{Analysed, Analyser};
use crate::{IngestError, Memo};

/// A memo lent to one document's work, given back when the work is done.
struct Lent<'a> {
    memo: Memo,
    pool: &'a Mutex<Vec<Memo>>,
}

impl<'a> Lent<'a> {
    fn from(pool: &'a Mutex<Vec<Memo>>) -> Lent<'a> {
        let memo = pool.lock().ok().and_then(|mut memos| memos.pop()).unwrap_or_default();
        Lent { memo, pool }
    }
}

impl Drop for Lent<'_> {
    fn drop(&mut self) {
        if let Ok(mut memos) = self.pool.lock() {
            memos.push(std::mem::take(&mut self.memo));
        }
    }
}

/// Analyses one document with a memo lent from the run's; a panic is the document's failure (and
/// the memo it may have left half-written is dropped).
fn analyse(analyser: &Analyser, memos: &Mutex<Vec<Memo>>, path: &Path, number: usize) -> Result<Analysed, IngestError> {
    let mut lent = Lent::from(memos);
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| analyser.analyse(path, number, &mut lent.memo))) {
        Ok(result) => result,
        Err(_) => {
            lent.memo = Memo::default();
            Err(IngestError::Unreadable { file: path.display().to_string(), problem: "the analysis failed".into() })
        }
    }
}

/// How many documents are being analysed, so that a run that ends early waits for them (each may
/// be copying its original into the evidence store).
#[derive(Default)]
struct InFlight {
    count: Mutex<usize>,
    ended: Condvar,
}

impl InFlight {
    fn start(&self) {
        if let Ok(mut count) = self.count.lock() {
            *count += 1;
        }
    }

    fn end(&self) {
        if let Ok(mut count) = self.count.lock() {
            *count -= 1;
            self.ended.notify_all();
        }
    }

    /// Waits until none is.
    fn wait(&self) {
        let Ok(mut count) = self.count.lock() else { return };
        while *count > 0 {
            match self.ended.wait(count) {
                Ok(c) => count = c,
                Err(_) => return,
            }
        }
    }
}

/// Documents analysed on rayon's threads, one more at a time than there are threads (memory
/// stays bounded whatever the corpus), handed back in the order given.
pub(super) struct InOrder {
    analyser: Arc<Analyser>,
    /// The memories of the name tables' answers, lent to each document's work and given back,
    /// so that they last the run (documents name the same places again and again).
    memos: Arc<Mutex<Vec<Memo>>>,
    in_flight: Arc<InFlight>,
    docs: Vec<PathBuf>,
    results: tokio::sync::mpsc::UnboundedReceiver<(usize, Result<Analysed, IngestError>)>,
    /// Cloned into each document's work. Kept, so the channel stays open while documents remain:
    /// every piece of work sends its result (a panic is caught and sent as the document's failure).
    sender: tokio::sync::mpsc::UnboundedSender<(usize, Result<Analysed, IngestError>)>,
    waiting: BTreeMap<usize, Result<Analysed, IngestError>>,
    submitted: usize,
    next: usize,
}

impl InOrder {
    /// Starts on `docs`, with one document more in flight than there are threads.
    pub(super) fn start(analyser: Arc<Analyser>, docs: &[PathBuf]) -> InOrder {
        let (sender, results) = tokio::sync::mpsc::unbounded_channel();
        let mut in_order = InOrder {
            analyser,
            memos: Arc::default(),
            in_flight: Arc::default(),
            docs: docs.to_vec(),
            results,
            sender,
            waiting: BTreeMap::new(),
            submitted: 0,
            next: 0,
        };
        for _ in 0..rayon::current_num_threads() + 1 {
            in_order.submit();
        }
        in_order
    }

    /// Hands the next document to rayon, if one is left.
    fn submit(&mut self) {
        let Some(path) = self.docs.get(self.submitted).cloned() else { return };
        let (i, analyser, memos, sender) =
            (self.submitted, self.analyser.clone(), self.memos.clone(), self.sender.clone());
        let in_flight = self.in_flight.clone();
        in_flight.start();
        rayon::spawn(move || {
            let result = analyse(&analyser, &memos, &path, i + 1);
            // A run that has ended no longer listens.
            let _ = sender.send((i, result));
            in_flight.end();
        });
        self.submitted += 1;
    }

    /// The next document's result, in the order given; `None` after the last.
    pub(super) async fn next(&mut self) -> Option<Result<Analysed, IngestError>> {
        if self.next >= self.docs.len() {
            return None;
        }
        while !self.waiting.contains_key(&self.next) {
            let (i, result) = self.results.recv().await?;
            self.waiting.insert(i, result);
            // One out, one in: the threads stay busy while a long document holds up the order.
            self.submit();
        }
        self.next += 1;
        self.waiting.remove(&(self.next - 1))
    }
}

impl Drop for InOrder {
    /// A run that ends early (an error of the store or the index) waits for the documents still
    /// being analysed, so that none is left half-copied into the evidence store.
    fn drop(&mut self) {
        self.in_flight.wait();
    }
}
