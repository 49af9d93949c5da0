//! Documents analysed on every core by workers that live for the whole run (their allocator
//! caches stay warm), results handed back in the order the documents were given, with at most a
//! few documents in flight (memory stays bounded whatever the corpus).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::{mpsc, Arc, Mutex};
use std::thread::JoinHandle;

/// What a worker does with one document.
pub type Job<T> = Arc<dyn Fn(&std::path::Path) -> anyhow::Result<T> + Send + Sync>;

/// The workers, and the documents not handed back yet.
pub struct Workers<T> {
    jobs: Option<mpsc::Sender<(usize, PathBuf)>>,
    results: tokio::sync::mpsc::UnboundedReceiver<(usize, anyhow::Result<T>)>,
    handles: Vec<JoinHandle<()>>,
    docs: Vec<PathBuf>,
    submitted: usize,
    next: usize,
    waiting: BTreeMap<usize, anyhow::Result<T>>,
    in_flight: usize,
}

impl<T: Send + 'static> Workers<T> {
    /// Starts `threads` workers on `docs`, with up to two documents per worker in flight.
    pub fn start(threads: usize, docs: Vec<PathBuf>, job: Job<T>) -> Workers<T> {
        let (jobs, queue) = mpsc::channel::<(usize, PathBuf)>();
        let queue = Arc::new(Mutex::new(queue));
        let (done, results) = tokio::sync::mpsc::unbounded_channel();
        let handles = (0..threads)
            .map(|_| {
                let (queue, done, job) = (queue.clone(), done.clone(), job.clone());
                std::thread::spawn(move || loop {
                    let next = queue.lock().map(|q| q.recv());
                    let Ok(Ok((i, path))) = next else { return };
                    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| job(&path)))
                        .unwrap_or_else(|_| Err(anyhow::anyhow!("{}: the analysis failed", path.display())));
                    if done.send((i, result)).is_err() {
                        return;
                    }
                })
            })
            .collect();
        let mut workers = Workers {
            jobs: Some(jobs),
            results,
            handles,
            docs,
            submitted: 0,
            next: 0,
            waiting: BTreeMap::new(),
            in_flight: threads.max(1) + 1,
        };
        while workers.submitted < workers.docs.len().min(workers.in_flight) {
            workers.submit();
        }
        workers
    }

    fn submit(&mut self) {
        if let Some(jobs) = &self.jobs {
            let _ = jobs.send((self.submitted, self.docs[self.submitted].clone()));
        }
        self.submitted += 1;
    }

    /// The next document in the order given, with its result; `None` after the last.
    pub async fn next(&mut self) -> Option<(PathBuf, anyhow::Result<T>)> {
        if self.next >= self.docs.len() {
            return None;
        }
        while !self.waiting.contains_key(&self.next) {
            let (i, result) = self.results.recv().await?;
            self.waiting.insert(i, result);
            if self.submitted < self.docs.len() {
                self.submit();
            }
        }
        let result = self.waiting.remove(&self.next)?;
        self.next += 1;
        Some((self.docs[self.next - 1].clone(), result))
    }
}

impl<T> Drop for Workers<T> {
    fn drop(&mut self) {
        // Closing the queue ends the workers once their document is done.
        self.jobs = None;
        self.results.close();
        for h in self.handles.drain(..) {
            let _ = h.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn results_come_back_in_order_and_failures_in_their_place() {
        let docs: Vec<PathBuf> = (0..20).map(|i| PathBuf::from(format!("{i}"))).collect();
        let job: Job<usize> = Arc::new(|p| {
            let n: usize = p.to_string_lossy().parse()?;
            std::thread::sleep(std::time::Duration::from_millis((20 - n as u64) % 7));
            match n {
                5 => anyhow::bail!("five is unreadable"),
                9 => panic!("nine panics"),
                _ => Ok(n * 10),
            }
        });
        let mut workers = Workers::start(3, docs, job);
        let mut seen = Vec::new();
        while let Some((path, result)) = workers.next().await {
            seen.push((path.to_string_lossy().into_owned(), result.map_err(|e| e.to_string())));
        }
        assert_eq!(seen.len(), 20);
        assert_eq!(seen[4], ("4".to_string(), Ok(40)));
        assert_eq!(seen[5].1, Err("five is unreadable".to_string()));
        assert!(seen[9].1.as_ref().unwrap_err().contains("the analysis failed"));
        assert_eq!(seen[19], ("19".to_string(), Ok(190)));
    }
}
