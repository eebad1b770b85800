//! Work spread over the machine's cores, its results handed back in input order: a province's
//! sheet is judged, and a directory of plans parsed, on every core, and yet the output is byte
//! for byte what one thread would write, and memory stays bounded (each worker runs at most one
//! piece ahead of the one being handed back).

/// How many threads a run of `pieces` pieces of work uses: every core up to eight, never more
/// than there are pieces, and `QYX_JOBS` when it is set (`QYX_JOBS=1`: everything on the
/// calling thread, as a benchmark of one core or a test of the order wants).
pub(crate) fn workers(pieces: usize) -> usize {
    let cores = std::env::var("QYX_JOBS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
        .unwrap_or_else(|| {
            std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
        });
    cores.clamp(1, 8).min(pieces.max(1))
}

/// Runs `work` on the pieces `0..pieces` on `workers` threads and hands each result to `each`
/// in piece order; `each` returns false to stop (the workers then stop after their current
/// piece). Worker `w` does the pieces `w`, `w + workers`, …, each waiting until its last one is
/// taken. The workers speak the calling thread's language (messages are per thread).
pub(crate) fn in_order<T: Send>(
    pieces: usize,
    workers: usize,
    work: &(dyn Fn(usize) -> T + Sync),
    each: &mut dyn FnMut(T) -> bool,
) {
    if workers <= 1 || pieces <= 1 {
        for i in 0..pieces {
            if !each(work(i)) {
                return;
            }
        }
        return;
    }
    let lang = crate::i18n::current();
    std::thread::scope(|scope| {
        let mut inbox = Vec::with_capacity(workers);
        for w in 0..workers {
            let (tx, rx) = std::sync::mpsc::sync_channel::<T>(1);
            inbox.push(rx);
            scope.spawn(move || {
                crate::i18n::set(lang);
                for i in (w..pieces).step_by(workers) {
                    if tx.send(work(i)).is_err() {
                        return;
                    }
                }
            });
        }
        for i in 0..pieces {
            let go_on = match inbox[i % workers].recv() {
                Ok(t) => each(t),
                // A worker that stopped (it cannot, short of a panic): the piece is done here.
                Err(_) => each(work(i)),
            };
            if !go_on {
                // Dropping the receivers ends every worker at its next send.
                break;
            }
        }
        drop(inbox);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_order_whatever_the_threads() {
        for workers in 1..=4 {
            let mut got = Vec::new();
            in_order(37, workers, &|i| i * i, &mut |v| {
                got.push(v);
                true
            });
            assert_eq!(got, (0..37).map(|i| i * i).collect::<Vec<_>>(), "{workers}");
        }
    }

    #[test]
    fn stopping_early_takes_no_more_pieces() {
        let mut got = Vec::new();
        in_order(1000, 3, &|i| i, &mut |v| {
            got.push(v);
            v < 9
        });
        assert_eq!(got, (0..10).collect::<Vec<_>>());
    }

    #[test]
    fn workers_speak_the_callers_language() {
        let was = crate::i18n::current();
        crate::i18n::set(crate::cli::Lang::Zh);
        let mut langs = Vec::new();
        in_order(4, 2, &|_| crate::i18n::current(), &mut |l| {
            langs.push(l);
            true
        });
        crate::i18n::set(was);
        assert!(
            langs.iter().all(|&l| l == crate::cli::Lang::Zh),
            "{langs:?}"
        );
    }
}
