//! Accuracy of the checker on generated reports, per layout — a black-box instrument: it calls only
//! `nianbao::check` and reads `findings` and `report`.
//!
//! ```sh
//! cargo run --release --example accuracy                       # 8 layouts × 100 seeds × (1 clean + 3 faults)
//! cargo run --release --example accuracy -- --layout md,pdf --fault t3-total --seeds 40
//! cargo run --release --example accuracy -- --seed 17 --dump /tmp/acc   # one seed, every input and its findings
//! cargo run --release --example accuracy -- --markdown              # also a Markdown table for the README
//! ```
//!
//! Measures, per layout:
//! - caught/planted: a faulty report is caught when it has a finding of one of the fault's rule ids
//!   (rules.md §4) that its clean twin (the same report before the fault) does not have with the same
//!   message — a finding that was there anyway does not count.
//! - false errors: error-severity findings on clean reports (twins included), with their rule ids.
//! - silent passes: reports whose T3 was read below 90 % of its cells without a `TBL-UNREAD` finding,
//!   plus faulty reports with no finding at all.
//! - T3 read / T3 right: share of the T3 cells found (by row and column) / found with the right value.
//! - year, format: the report's year and format as recognised.

#[path = "../tests/support/gen/mod.rs"]
mod gen;

use gen::model::Val;
use gen::{Case, Fault, Layout};
use nianbao::Options;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

struct Args {
    layouts: Vec<Layout>,
    faults: Vec<Fault>,
    seeds: Vec<u64>,
    per_seed: usize,
    dump: Option<PathBuf>,
    markdown: bool,
    /// Internal: check the cases of one layout from index `from` on and print one JSON line each.
    worker: Option<(Layout, usize)>,
    raw: Vec<String>,
}

fn usage() -> ! {
    eprintln!(
        "usage: accuracy [--layout L[,L…]] [--fault F[,F…]] [--seed N | --seeds COUNT [--start N]] [--per-seed K] [--dump DIR] [--markdown]\n\
         layouts: {}\nfaults: {}",
        Layout::ALL.iter().map(|l| l.name()).collect::<Vec<_>>().join(" "),
        Fault::ALL.iter().map(|f| f.id()).collect::<Vec<_>>().join(" ")
    );
    std::process::exit(2)
}

fn parse_args() -> Args {
    let mut a = Args {
        layouts: Layout::ALL.to_vec(),
        faults: Fault::ALL.to_vec(),
        seeds: vec![],
        per_seed: 3,
        dump: None,
        markdown: false,
        worker: None,
        raw: vec![],
    };
    a.raw = std::env::args().skip(1).collect();
    let (mut count, mut start, mut single) = (100u64, 0u64, None);
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let mut val = || it.next().unwrap_or_else(|| usage());
        match arg.as_str() {
            "--layout" => {
                a.layouts = val().split(',').map(|s| Layout::parse(s).unwrap_or_else(|| usage())).collect();
            }
            "--fault" => a.faults = val().split(',').map(|s| Fault::parse(s).unwrap_or_else(|| usage())).collect(),
            "--seed" => single = Some(val().parse().unwrap_or_else(|_| usage())),
            "--seeds" => count = val().parse().unwrap_or_else(|_| usage()),
            "--start" => start = val().parse().unwrap_or_else(|_| usage()),
            "--per-seed" => a.per_seed = val().parse().unwrap_or_else(|_| usage()),
            "--dump" => a.dump = Some(PathBuf::from(val())),
            "--markdown" => a.markdown = true,
            "--worker" => {
                let l = Layout::parse(&val()).unwrap_or_else(|| usage());
                let from = val().parse().unwrap_or_else(|_| usage());
                a.worker = Some((l, from));
                continue;
            }
            _ => usage(),
        }
    }
    a.seeds = match single {
        Some(s) => vec![s],
        None => (start..start + count).collect(),
    };
    a.per_seed = a.per_seed.min(a.faults.len()).max(1);
    a
}

#[derive(Default)]
struct Stats {
    reports: usize,
    clean: usize,
    planted: usize,
    caught: usize,
    /// Caught by a rule the twin also raised (with another message).
    caught_changed: usize,
    false_errors: usize,
    clean_with_errors: usize,
    false_ids: BTreeMap<String, (usize, String)>,
    panics: usize,
    panic_examples: Vec<String>,
    silent: usize,
    silent_examples: Vec<String>,
    t3_expected: usize,
    t3_read: usize,
    t3_right: usize,
    year_ok: usize,
    year_n: usize,
    fmt_ok: usize,
    fmt_n: usize,
    /// fault → (planted, caught, first missed example)
    faults: BTreeMap<&'static str, (usize, usize, Option<String>)>,
    year_examples: Vec<String>,
    fmt_examples: Vec<String>,
}

impl Stats {
    fn add(&mut self, o: &Stats) {
        self.reports += o.reports;
        self.clean += o.clean;
        self.planted += o.planted;
        self.caught += o.caught;
        self.caught_changed += o.caught_changed;
        self.false_errors += o.false_errors;
        self.clean_with_errors += o.clean_with_errors;
        self.panics += o.panics;
        for (k, (n, ex)) in &o.false_ids {
            let e = self.false_ids.entry(k.clone()).or_insert((0, ex.clone()));
            e.0 += n;
        }
        self.silent += o.silent;
        self.t3_expected += o.t3_expected;
        self.t3_read += o.t3_read;
        self.t3_right += o.t3_right;
        self.year_ok += o.year_ok;
        self.year_n += o.year_n;
        self.fmt_ok += o.fmt_ok;
        self.fmt_n += o.fmt_n;
        for (k, (p, c, ex)) in &o.faults {
            let e = self.faults.entry(k).or_insert((0, 0, None));
            e.0 += p;
            e.1 += c;
            if e.2.is_none() {
                e.2 = ex.clone();
            }
        }
    }
}

fn pc(a: usize, b: usize) -> String {
    if b == 0 {
        "—".into()
    } else {
        format!("{:.1} %", a as f64 * 100.0 / b as f64)
    }
}

/// What the checker said about one input, as the worker sends it.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct Outcome {
    findings: Vec<Found>,
    year: Option<i32>,
    format: String,
    /// T3 cells: (row, col, value).
    t3: Vec<(String, String, Option<f64>)>,
    /// The checker panicked (the message), so nothing else is known.
    panic: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
struct Found {
    rule: String,
    severity: String,
    message: String,
    span: (usize, usize),
}

fn outcome(text: &str) -> Outcome {
    let c = nianbao::check(text, &Options::default());
    Outcome {
        findings: c
            .findings
            .iter()
            .map(|f| Found {
                rule: f.rule.to_string(),
                severity: f.severity.as_str().to_string(),
                message: f.message.clone(),
                span: (f.span.start, f.span.end),
            })
            .collect(),
        year: c.report.year,
        format: c.report.format.as_str().to_string(),
        t3: c
            .report
            .cells
            .iter()
            .filter(|x| x.table == "T3")
            .map(|x| (x.row.to_string(), x.col.to_string(), x.value))
            .collect(),
        panic: None,
    }
}

/// Findings as (rule, message): what a twin already had.
fn keys(c: &Outcome) -> HashSet<(String, String)> {
    c.findings.iter().map(|f| (f.rule.clone(), f.message.clone())).collect()
}

fn col_key(c: usize) -> String {
    format!("C{}", c + 1)
}

/// T3 cells written, read (by row and column) and read right, with the first misreads.
fn t3_read(case: &Case, o: &Outcome) -> (usize, usize, usize, Vec<String>) {
    let mut got: HashMap<(String, String), Option<f64>> = HashMap::new();
    for (r, c, v) in &o.t3 {
        got.entry((r.clone(), c.clone())).or_insert(*v);
    }
    let truth = case.t3_cells();
    let (mut read, mut right) = (0, 0);
    let mut wrong = vec![];
    for (k, c, v) in &truth {
        let key = (k.to_string(), col_key(*c));
        if let Some(value) = got.get(&key) {
            read += 1;
            let ok = match v {
                Val::Num(n) => *value == Some(*n as f64),
                Val::Blank => value.is_none() || *value == Some(0.0),
                Val::Raw(_) => value.is_none(),
            };
            if ok {
                right += 1;
            } else if wrong.len() < 12 {
                wrong.push(format!("{}/{} = {:?}, written {:?}", key.0, key.1, value, v));
            }
        }
    }
    (truth.len(), read, right, wrong)
}

fn slice(text: &str, span: (usize, usize)) -> String {
    let (a, b) = span;
    let s = text.get(a.min(text.len())..b.min(text.len())).unwrap_or("?");
    let s: String = s.chars().take(60).collect();
    s.replace('\n', "⏎")
}

fn dump(
    dir: &Path,
    case: &Case,
    twin: Option<&Case>,
    o: &Outcome,
    caught: Option<bool>,
    wrong: &[String],
    read: (usize, usize),
) {
    let name = case.name();
    let _ = std::fs::write(dir.join(&name), &case.text);
    let mut s = format!(
        "file: {name}\nlayout: {}\nseed: {}\nbody: {}\nyear: {} (recognised {:?})\nformat: {} (recognised {})\n",
        case.layout.name(),
        case.seed,
        case.model.body.name,
        case.year(),
        o.year,
        case.format().map_or("—", |f| f.as_str()),
        o.format
    );
    if let (Some(f), Some(p)) = (case.fault, &case.planted) {
        s += &format!(
            "fault: {} — {}\ncaught by: {}\ncaught: {}\nclean twin: {}\n",
            f.id(),
            p.note,
            p.catch.join(" "),
            if caught == Some(true) { "yes" } else { "NO" },
            twin.map_or("—".to_string(), |t| t.name())
        );
    }
    if let Some(p) = &o.panic {
        s += &format!("PANIC: {p}\n");
    }
    s += &format!("T3 cells: {} written, {} read\n", read.0, read.1);
    for w in wrong {
        s += &format!("  misread {w}\n");
    }
    s += &format!("findings ({}):\n", o.findings.len());
    for f in &o.findings {
        s += &format!("  {} {} {} ⟦{}⟧\n", f.severity, f.rule, f.message, slice(&case.text, f.span));
    }
    let _ = std::fs::write(dir.join(format!("{name}.findings.txt")), s);
}

/// The reports of one layout: per seed the clean report, then `per_seed` faults in rotation, each
/// with its clean twin (shared with the clean report when the fault needed nothing special).
/// Returns each case with the index of its twin. Deterministic: the worker rebuilds the same list.
fn cases_for(args: &Args, layout: Layout) -> Vec<(Case, Option<usize>)> {
    let mut out: Vec<(Case, Option<usize>)> = vec![];
    let mut seen: HashMap<u64, usize> = HashMap::new();
    let mut push = |out: &mut Vec<(Case, Option<usize>)>, c: Case, twin: Option<usize>| -> usize {
        let h = fxhash(&c.text);
        if twin.is_none() {
            if let Some(&i) = seen.get(&h) {
                return i;
            }
        }
        seen.insert(h, out.len());
        out.push((c, twin));
        out.len() - 1
    };
    for &seed in &args.seeds {
        push(&mut out, gen::clean(seed, layout), None);
        for j in 0..args.per_seed {
            let f = args.faults[((seed as usize) * args.per_seed + j) % args.faults.len()];
            let (twin, bad) = gen::pair(seed, f, layout);
            let ti = push(&mut out, twin, None);
            push(&mut out, bad, Some(ti));
        }
    }
    out
}

/// Worker: check cases from `from` on, one JSON line each (a panic aborts the process; the parent
/// records it and starts a new worker after that case).
fn worker(args: &Args, layout: Layout, from: usize) {
    let cases = cases_for(args, layout);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for (c, _) in cases.iter().skip(from) {
        let o = outcome(&c.text);
        let _ = writeln!(out, "{}", serde_json::to_string(&o).unwrap_or_default());
        let _ = out.flush();
    }
}

/// Checks every case in worker processes, restarting after a crash.
fn run_checks(args: &Args, layout: Layout, n: usize) -> Vec<Outcome> {
    let exe = std::env::current_exe().expect("current_exe");
    let mut results: Vec<Outcome> = Vec::with_capacity(n);
    while results.len() < n {
        let from = results.len();
        let mut child = Command::new(&exe)
            .args(&args.raw)
            .args(["--worker", layout.name(), &from.to_string()])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start a worker");
        let stdout = child.stdout.take().expect("stdout");
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            match serde_json::from_str::<Outcome>(&line) {
                Ok(o) => results.push(o),
                Err(_) => break,
            }
        }
        let mut err = String::new();
        if let Some(mut e) = child.stderr.take() {
            let _ = std::io::Read::read_to_string(&mut e, &mut err);
        }
        let _ = child.wait();
        if results.len() < n {
            let msg = err
                .lines()
                .skip_while(|l| !l.contains("panicked"))
                .take(2)
                .collect::<Vec<_>>()
                .join(" ")
                .chars()
                .take(300)
                .collect::<String>();
            results.push(Outcome {
                panic: Some(if msg.is_empty() { "worker died".into() } else { msg }),
                ..Outcome::default()
            });
        }
    }
    results
}

fn main() {
    let args = parse_args();
    if let Some((layout, from)) = args.worker {
        worker(&args, layout, from);
        return;
    }
    if let Some(d) = &args.dump {
        std::fs::create_dir_all(d).expect("create the dump directory");
    }
    let t0 = Instant::now();
    let mut per_layout: Vec<(Layout, Stats)> = vec![];
    for &layout in &args.layouts {
        let mut st = Stats::default();
        let cases = cases_for(&args, layout);
        let results = run_checks(&args, layout, cases.len());
        for (i, (case, twin)) in cases.iter().enumerate() {
            let o = &results[i];
            st.reports += 1;
            if let Some(p) = &o.panic {
                st.panics += 1;
                if st.panic_examples.len() < 3 {
                    st.panic_examples.push(format!("{} ({p})", case.name()));
                }
            }
            let (expected, read, right, wrong) = t3_read(case, o);
            st.t3_expected += expected;
            st.t3_read += read;
            st.t3_right += right;
            let unread = o.findings.iter().any(|f| f.rule == "TBL-UNREAD");
            let mut silent = o.panic.is_none() && expected > 0 && (read as f64) < 0.9 * expected as f64 && !unread;
            st.year_n += 1;
            if o.year == Some(case.year()) {
                st.year_ok += 1;
            } else if st.year_examples.len() < 3 {
                st.year_examples.push(format!("{} ({:?} for {})", case.name(), o.year, case.year()));
            }
            if let Some(f) = case.format() {
                st.fmt_n += 1;
                if o.format == f.as_str() {
                    st.fmt_ok += 1;
                } else if st.fmt_examples.len() < 3 {
                    st.fmt_examples.push(format!("{} ({} for {})", case.name(), o.format, f.as_str()));
                }
            }
            let mut caught = None;
            match (case.fault, twin) {
                (Some(f), Some(ti)) => {
                    st.planted += 1;
                    let before = keys(&results[*ti]);
                    let hit = o.findings.iter().any(|x| {
                        case.catch().contains(&x.rule.as_str())
                            && !before.contains(&(x.rule.clone(), x.message.clone()))
                    });
                    caught = Some(hit);
                    if hit && results[*ti].findings.iter().any(|x| case.catch().contains(&x.rule.as_str())) {
                        st.caught_changed += 1;
                    }
                    let e = st.faults.entry(f.id()).or_insert((0, 0, None));
                    e.0 += 1;
                    if hit {
                        st.caught += 1;
                        e.1 += 1;
                    } else if e.2.is_none() {
                        e.2 = Some(case.name());
                    }
                    if o.panic.is_none() && o.findings.is_empty() {
                        silent = true;
                    }
                }
                _ => {
                    st.clean += 1;
                    let errors: Vec<_> = o.findings.iter().filter(|f| f.severity == "error").collect();
                    if !errors.is_empty() {
                        st.clean_with_errors += 1;
                    }
                    for e in errors {
                        st.false_errors += 1;
                        st.false_ids.entry(e.rule.clone()).or_insert((0, case.name())).0 += 1;
                    }
                }
            }
            if silent {
                st.silent += 1;
                if st.silent_examples.len() < 3 {
                    st.silent_examples.push(case.name());
                }
            }
            if let Some(d) = &args.dump {
                dump(d, case, twin.map(|t| &cases[t].0), o, caught, &wrong, (expected, read));
            }
        }
        per_layout.push((layout, st));
    }
    let elapsed = t0.elapsed();
    report(&args, &per_layout);
    eprintln!("\n{:.1} s", elapsed.as_secs_f64());
}

fn fxhash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn false_list(st: &Stats, n: usize) -> String {
    let mut v: Vec<_> = st.false_ids.iter().collect();
    v.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
    v.iter().take(n).map(|(k, (c, _))| format!("{k} {c}")).collect::<Vec<_>>().join(", ")
}

fn report(args: &Args, rows: &[(Layout, Stats)]) {
    let mut total = Stats::default();
    for (_, s) in rows {
        total.add(s);
    }
    println!(
        "年报体检 accuracy: {} layout(s) × {} seed(s) ({}…{}), 1 clean + {} fault(s) per seed, each fault with its clean twin\n",
        rows.len(),
        args.seeds.len(),
        args.seeds.first().copied().unwrap_or(0),
        args.seeds.last().copied().unwrap_or(0),
        args.per_seed
    );
    println!(
        "{:<8} {:>7} {:>6} {:>20} {:>24} {:>7} {:>7} {:>8} {:>8} {:>8} {:>8}",
        "layout",
        "reports",
        "clean",
        "caught/planted",
        "false errors (reports)",
        "silent",
        "panics",
        "T3 read",
        "T3 right",
        "year",
        "format"
    );
    let line = |name: &str, s: &Stats| {
        println!(
            "{:<8} {:>7} {:>6} {:>20} {:>24} {:>7} {:>7} {:>8} {:>8} {:>8} {:>8}",
            name,
            s.reports,
            s.clean,
            format!("{}/{} ({})", s.caught, s.planted, pc(s.caught, s.planted)),
            format!("{} ({})", s.false_errors, s.clean_with_errors),
            s.silent,
            s.panics,
            pc(s.t3_read, s.t3_expected),
            pc(s.t3_right, s.t3_expected),
            pc(s.year_ok, s.year_n),
            pc(s.fmt_ok, s.fmt_n)
        )
    };
    for (l, s) in rows {
        line(l.name(), s);
    }
    line("all", &total);

    for (l, s) in rows {
        println!("\n== {} ==", l.name());
        if !s.false_ids.is_empty() {
            let mut v: Vec<_> = s.false_ids.iter().collect();
            v.sort_by_key(|x| std::cmp::Reverse(x.1 .0));
            println!("  false errors on clean reports:");
            for (k, (n, ex)) in v {
                println!("    {k:<24} {n:>4}   e.g. {ex}");
            }
        }
        let mut misses: Vec<_> = s.faults.iter().filter(|(_, (p, c, _))| c < p).collect();
        misses.sort_by(|a, b| (b.1 .0 - b.1 .1).cmp(&(a.1 .0 - a.1 .1)).then(a.0.cmp(b.0)));
        if !misses.is_empty() {
            println!("  missed faults (missed/planted):");
            for (k, (p, c, ex)) in misses {
                println!("    {k:<16} {:>3}/{:<3}  e.g. {}", p - c, p, ex.as_deref().unwrap_or("—"));
            }
        }
        if s.caught_changed > 0 {
            println!(
                "  {} of the {} caught were caught by a rule the clean twin also raised (with another message)",
                s.caught_changed, s.caught
            );
        }
        if !s.panic_examples.is_empty() {
            println!("  panics: {} (e.g. {})", s.panics, s.panic_examples.join("; "));
        }
        if !s.silent_examples.is_empty() {
            println!("  silent passes: {} (e.g. {})", s.silent, s.silent_examples.join(", "));
        }
        if !s.year_examples.is_empty() {
            println!("  year wrong: e.g. {}", s.year_examples.join(", "));
        }
        if !s.fmt_examples.is_empty() {
            println!("  format wrong: e.g. {}", s.fmt_examples.join(", "));
        }
    }

    // Fault × layout.
    println!("\ncaught per fault (caught/planted):");
    print!("{:<16}", "fault");
    for (l, _) in rows {
        print!(" {:>8}", l.name());
    }
    println!(" {:>9}", "all");
    for f in &args.faults {
        let k = f.id();
        print!("{k:<16}");
        for (_, s) in rows {
            let (p, c, _) = s.faults.get(k).cloned().unwrap_or((0, 0, None));
            print!(" {:>8}", format!("{c}/{p}"));
        }
        let (p, c, _) = total.faults.get(k).cloned().unwrap_or((0, 0, None));
        println!(" {:>9}", format!("{c}/{p}"));
    }

    if args.markdown {
        println!("\n| layout | reports | caught / planted | false errors on clean reports | silent passes | panics | T3 cells read / right | year right | format right |");
        println!("|---|---:|---:|---|---:|---:|---:|---:|---:|");
        let md = |name: &str, s: &Stats| {
            let fe = if s.false_errors == 0 {
                "0".to_string()
            } else {
                format!("{} in {} of {} ({})", s.false_errors, s.clean_with_errors, s.clean, false_list(s, 3))
            };
            println!(
                "| {name} | {} | {}/{} ({}) | {fe} | {} | {} | {} / {} | {} | {} |",
                s.reports,
                s.caught,
                s.planted,
                pc(s.caught, s.planted),
                s.silent,
                s.panics,
                pc(s.t3_read, s.t3_expected),
                pc(s.t3_right, s.t3_expected),
                pc(s.year_ok, s.year_n),
                pc(s.fmt_ok, s.fmt_n)
            );
        };
        for (l, s) in rows {
            md(l.name(), s);
        }
        md("**all**", &total);
    }
}
