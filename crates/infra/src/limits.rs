//! Bounds on memory-hungry work (password hashing, photo decoding): a semaphore sized from the
//! memory this machine has, so that a burst of requests queues briefly and is then refused with
//! `RATE_LIMITED` instead of exhausting memory.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{OwnedSemaphorePermit, Semaphore};

use crate::error::{AppError, AppResult, ErrorCode};

/// Memory available to new work, from `/proc/meminfo` (4 GiB where it cannot be read).
pub fn available_memory() -> u64 {
    std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            m.lines()
                .find(|l| l.starts_with("MemAvailable:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<u64>().ok())
        })
        .map(|kb| kb * 1024)
        .unwrap_or(4 << 30)
}

/// At most `share` of the available memory, `each` bytes per task, within `min..=max`.
#[derive(Clone)]
pub struct WorkLimit {
    permits: Arc<Semaphore>,
    wait: Duration,
}

impl WorkLimit {
    pub fn from_memory(each: u64, share: f64, min: usize, max: usize) -> WorkLimit {
        let n = ((available_memory() as f64 * share) / each as f64) as usize;
        WorkLimit::new(n.clamp(min, max), Duration::from_secs(5))
    }

    pub fn new(size: usize, wait: Duration) -> WorkLimit {
        WorkLimit {
            permits: Arc::new(Semaphore::new(size)),
            wait,
        }
    }

    /// A permit, waiting a little for one; `RATE_LIMITED` when none frees up in time.
    pub async fn acquire(&self) -> AppResult<OwnedSemaphorePermit> {
        match tokio::time::timeout(self.wait, self.permits.clone().acquire_owned()).await {
            Ok(Ok(p)) => Ok(p),
            _ => Err(AppError::new(
                ErrorCode::RateLimited,
                "服务器繁忙，请稍后再试",
                "The server is busy; please try again shortly",
            )),
        }
    }
}
