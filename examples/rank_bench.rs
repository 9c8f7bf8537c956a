//! Ranks N nominations scored by M members on 7 criteria (defaults: 10,000 × 15 × 7) with the
//! same function the application uses, and prints the time. Run with
//! `cargo run --release --example rank_bench -- [N] [M]`; measure memory with `/usr/bin/time -v`.

use std::time::Instant;

use thidua::council::{rank, Nominee, RankingOptions, Score};
use thidua::model::{Criteria, Criterion, MemberId, NominationId, NomineeKind};

fn main() {
    let mut args = std::env::args().skip(1).map(|a| a.parse::<usize>().unwrap_or(0));
    let n = args.next().filter(|&x| x > 0).unwrap_or(10_000);
    let m = args.next().filter(|&x| x > 0).unwrap_or(15);
    let max = [40, 30, 30, 20, 20, 30, 30];
    let criterion = |i: usize| Criterion {
        number: i as u32 + 1,
        label: (i + 1).to_string(),
        text: String::new(),
        max_half_points: max[i],
        indicators: vec![],
    };
    let criteria =
        Criteria { collective: (0..7).map(criterion).collect(), individual: (0..7).map(criterion).collect() };
    let nominees: Vec<Nominee> = (0..n)
        .map(|i| Nominee {
            id: NominationId(i as i64 + 1),
            name: format!("Đơn vị {i}"),
            kind: if i % 2 == 0 { NomineeKind::Collective } else { NomineeKind::Individual },
        })
        .collect();
    let members: Vec<MemberId> = (1..=m as i64).map(MemberId).collect();
    // A deterministic spread of scores (a linear congruential sequence), so ties occur too.
    let mut seed: u64 = 42;
    let mut scores = Vec::with_capacity(n * m * 7);
    for nominee in &nominees {
        for member in &members {
            for (k, mx) in max.iter().enumerate() {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                scores.push(Score {
                    member: *member,
                    nomination: nominee.id,
                    criterion: k as u32 + 1,
                    half_points: ((seed >> 33) % (*mx as u64 + 1)) as i64,
                });
            }
        }
    }
    let runs = 5;
    let mut best = f64::MAX;
    let mut ranked = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        ranked =
            rank(&nominees, &criteria, &members, &scores, RankingOptions { drop_extremes: true, ..Default::default() });
        best = best.min(t.elapsed().as_secs_f64() * 1000.0);
    }
    let tied = ranked.iter().filter(|r| r.tied).count();
    println!(
        "ranked {n} nominations × {m} members × 7 criteria ({} scores): best of {runs} runs {best:.1} ms; {tied} share a rank; top average {}",
        scores.len(),
        ranked.first().and_then(|r| r.average).map(|a| a.text()).unwrap_or_default()
    );
}
