//! The shape of `src/` (issue 14, "stages that only look down"): the top-level modules form a
//! graph without cycles, foundation modules at the bottom, then the guard and search, then the
//! stages config → content → markdown → site → render → output → pipeline. So do the files
//! inside each module.
//!
//! Module A depends on module B when a file under `src/A` names `crate::B` anywhere outside its
//! unit tests: in a `use` line (`use crate::{B, C::x}` names both), in an expression, or through
//! one of B's exported macros (`crate::text!` is `messages`). Comments and string literals do
//! not count. The test reads the source text rather than asking the compiler, so it stays a
//! plain, fast test; it understands the path forms this crate writes (`crate::`, `super::`,
//! `self::`, a child module's name) and fails loudly on a `crate::` path it cannot place.

// The tokenizer is its own file so this one reads as the rules it checks.
mod tokens;

use std::collections::{BTreeMap, BTreeSet, VecDeque};
use std::path::Path;
use tokens::{Token, child_modules, exported_macros, paths, tokenize, without_unit_tests};

/// The command layer: one file per `civic` command, owning its arguments, printing and exit
/// code. It calls every stage and nothing calls it.
const COMMAND_LAYER: &str = "cmd/";

#[test]
fn top_level_modules_form_no_cycle() {
    let src = Source::get();
    let graph = src.module_graph();
    if let Some(report) = cycles(&graph) {
        panic!(
            "the top-level modules of src/ depend on each other in a circle; a stage may only use \
             what is below it (move the shared piece down, or pass it in as plain data):\n{report}"
        );
    }
}

#[test]
fn files_within_a_module_form_no_cycle() {
    let src = Source::get();
    let graph = src.file_graph();
    if let Some(report) = cycles(&graph) {
        panic!("files of one module depend on each other in a circle:\n{report}");
    }
}

#[test]
fn only_the_command_layer_names_the_command_layer() {
    let src = Source::get();
    let mut wrong = BTreeSet::new();
    let below = src.files.iter().filter(|f| !is_command_layer(&f.rel));
    for file in below.filter(|f| f.code.is_some()) {
        for target in src.targets(file) {
            if is_command_layer(&target.file) {
                wrong.insert(format!("{} names {}", file.rel, target.file));
            }
        }
    }
    let wrong: Vec<String> = wrong.into_iter().collect();
    assert!(
        wrong.is_empty(),
        "the stages must not call up into the command layer:\n{}",
        wrong.join("\n")
    );
}

/// The README's table of modules is the layer order: a module uses only those in its own row or
/// above it. A new module goes into the table, in the row its dependencies put it.
#[test]
fn modules_only_use_the_rows_above_them_in_the_readme() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("README.md is readable");
    let rank = readme_layers(&readme);
    let src = Source::get();
    let graph = src.module_graph();
    let missing: Vec<&String> = graph.keys().filter(|m| !rank.contains_key(*m)).collect();
    assert!(
        missing.is_empty(),
        "modules missing from the README's table (\"How the code is organised\"): {missing:?}"
    );
    let mut wrong = Vec::new();
    for (from, edges) in &graph {
        for (to, files) in edges {
            if rank.get(to).is_some_and(|r| *r > rank[from]) {
                let files: Vec<&str> = files.iter().map(String::as_str).collect();
                wrong.push(format!(
                    "{from} uses {to}, a row below it ({})",
                    files.join(", ")
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "a module uses one the README's table places below it (move the shared piece down, or \
         the module's row):\n{}",
        wrong.join("\n")
    );
}

/// Each module named in the README's table of modules, with its row.
fn readme_layers(readme: &str) -> BTreeMap<String, usize> {
    let section = readme
        .split("## How the code is organised")
        .nth(1)
        .expect("the README has its section on the code");
    let mut rank = BTreeMap::new();
    let rows = section
        .lines()
        .take_while(|l| !l.starts_with("## "))
        .filter(|l| l.starts_with('|'))
        .skip(2);
    for (row, line) in rows.enumerate() {
        let Some(cell) = line.split('|').nth(2) else {
            continue;
        };
        for name in cell.split('`').skip(1).step_by(2) {
            rank.insert(name.to_string(), row);
        }
    }
    assert!(
        rank.len() > 10,
        "the README's table of modules was not found"
    );
    rank
}

/// Every direct dependency of the product is used by it (the job `cargo machete` does, offline).
#[test]
fn every_dependency_is_used() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).expect("Cargo.toml");
    let deps: Vec<String> = manifest
        .split("[dependencies]")
        .nth(1)
        .unwrap_or_default()
        .lines()
        .take_while(|l| !l.starts_with('['))
        .filter_map(|l| l.split_once('=').map(|(name, _)| name.trim().to_string()))
        .filter(|name| !name.is_empty() && !name.starts_with('#'))
        .collect();
    let mut sources = Vec::new();
    collect_rs(&root.join("src"), &mut sources);
    let text: String = sources
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    let unused: Vec<&String> = deps
        .iter()
        .filter(|d| !text.contains(&format!("{}::", d.replace('-', "_"))))
        .collect();
    assert!(
        unused.is_empty(),
        "Cargo.toml lists dependencies the product never names; remove them: {unused:?}"
    );
}

/// The command line's parser is the command layer's business: the library below it takes
/// plain values, so it can be called from a test, a bench or another front end.
#[test]
fn only_the_command_layer_uses_clap() {
    let src = Source::get();
    let users: Vec<&str> = src
        .files
        .iter()
        .filter(|f| !is_command_layer(&f.rel))
        .filter(|f| {
            f.code
                .as_ref()
                .is_some_and(|code| tokens::names(code, "clap"))
        })
        .map(|f| f.rel.as_str())
        .collect();
    assert!(users.is_empty(), "clap used outside src/cmd/: {users:?}");
}

/// Benchmark tooling lives in crates/civic-bench, not in the product.
#[test]
fn the_civic_binary_has_no_bench_commands() {
    for command in ["bench-corpus", "bench-edit"] {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_civic"))
            .args([command, "--help"])
            .env("LC_ALL", "C")
            .output()
            .expect("civic runs");
        assert_eq!(out.status.code(), Some(2), "`civic {command}` exists");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("there is no command"), "{err}");
    }
}

/// A dependency graph: node → node it depends on → the files that make the edge.
type Graph = BTreeMap<String, BTreeMap<String, BTreeSet<String>>>;

fn is_command_layer(rel: &str) -> bool {
    rel.starts_with(COMMAND_LAYER)
}

/// One `.rs` file under `src/`.
struct File {
    /// Path below `src/`, with `/`: `guard/html.rs`.
    rel: String,
    /// Its module: `["guard", "html"]` (`mod.rs` is its folder's module).
    module: Vec<String>,
    /// Tokens of its code without unit tests, comments and literals.
    code: Option<Vec<Token>>,
}

/// Where a path of a file leads: the file holding the item, and the top-level module.
struct Target {
    file: String,
    top: String,
}

struct Source {
    files: Vec<File>,
    /// Module path → file.
    by_module: BTreeMap<Vec<String>, String>,
    /// Exported macro (`text`) → the top-level module that defines it.
    macros: BTreeMap<String, String>,
}

impl Source {
    /// Read once for all the tests of this file.
    fn get() -> &'static Source {
        static SOURCE: std::sync::OnceLock<Source> = std::sync::OnceLock::new();
        SOURCE.get_or_init(Source::read)
    }

    fn read() -> Source {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut paths = Vec::new();
        collect_rs(&root, &mut paths);
        let mut files = Vec::new();
        let mut macros = BTreeMap::new();
        for path in paths {
            let rel = path
                .strip_prefix(&root)
                .expect("under src/")
                .to_string_lossy()
                .replace('\\', "/");
            // The crate root and the binary declare modules; unit tests may use anything.
            if rel == "lib.rs" || rel == "main.rs" || rel.ends_with("/tests.rs") {
                continue;
            }
            let mut module: Vec<String> = rel
                .trim_end_matches(".rs")
                .split('/')
                .map(str::to_string)
                .collect();
            if module.last().is_some_and(|m| m == "mod") {
                module.pop();
            }
            let text = std::fs::read_to_string(&path).expect("readable source");
            let tokens = without_unit_tests(tokenize(&text));
            for name in exported_macros(&tokens) {
                macros.insert(name, module[0].clone());
            }
            let code = Some(tokens);
            files.push(File { rel, module, code });
        }
        let by_module = files
            .iter()
            .map(|f| (f.module.clone(), f.rel.clone()))
            .collect();
        Source {
            files,
            by_module,
            macros,
        }
    }

    /// Edges between top-level modules.
    fn module_graph(&self) -> Graph {
        let mut graph = Graph::new();
        for file in self.files.iter().filter(|f| f.code.is_some()) {
            let from = &file.module[0];
            let edges = graph.entry(from.clone()).or_default();
            for target in self.targets(file) {
                if &target.top != from {
                    edges
                        .entry(target.top)
                        .or_default()
                        .insert(file.rel.clone());
                }
            }
        }
        graph
    }

    /// Edges between files of the same top-level module. A file and the files of its own
    /// submodules are one unit as Rust lays them out (a `mod.rs` declares its files and they
    /// read the types it keeps), so only edges between files that do not contain each other
    /// count: `search/index.rs` ↔ `search/batch.rs` would be a knot.
    fn file_graph(&self) -> Graph {
        let module_of: BTreeMap<&str, &[String]> = self
            .files
            .iter()
            .map(|f| (f.rel.as_str(), f.module.as_slice()))
            .collect();
        let mut graph = Graph::new();
        for file in self.files.iter().filter(|f| f.code.is_some()) {
            let edges = graph.entry(file.rel.clone()).or_default();
            for target in self.targets(file) {
                let to = module_of[target.file.as_str()];
                let nested = to.starts_with(&file.module) || file.module.starts_with(to);
                if to[0] == file.module[0] && !nested {
                    edges
                        .entry(target.file)
                        .or_default()
                        .insert(file.rel.clone());
                }
            }
        }
        graph
    }

    /// Every place in the crate that `file` names.
    fn targets(&self, file: &File) -> Vec<Target> {
        let tokens = file.code.as_deref().unwrap_or_default();
        let children = child_modules(tokens);
        let mut targets = Vec::new();
        for path in paths(tokens) {
            let absolute = match path[0].as_str() {
                "crate" => path[1..].to_vec(),
                "self" | "super" => {
                    let mut base = file.module.clone();
                    let mut rest = path.as_slice();
                    while let Some((first, tail)) = rest.split_first() {
                        match first.as_str() {
                            "self" => {}
                            "super" => {
                                base.pop();
                            }
                            _ => break,
                        }
                        rest = tail;
                    }
                    base.extend(rest.iter().cloned());
                    base
                }
                // `html::analyze` in a file that declares `mod html;`.
                child if children.contains(child) => {
                    let mut base = file.module.clone();
                    base.extend(path.iter().cloned());
                    base
                }
                _ => continue,
            };
            let Some(top) = absolute.first() else {
                continue;
            };
            if let Some(found) = (1..=absolute.len())
                .rev()
                .find_map(|n| self.by_module.get(&absolute[..n]))
            {
                targets.push(Target {
                    file: found.clone(),
                    top: top.clone(),
                });
            } else if let Some(module) = self.macros.get(top) {
                let file = self.by_module[&vec![module.clone()]].clone();
                targets.push(Target {
                    file,
                    top: module.clone(),
                });
            } else {
                panic!(
                    "{}: cannot tell which module `{}` is in; teach tests/integration/architecture.rs",
                    file.rel,
                    path.join("::")
                );
            }
        }
        targets
    }
}

fn collect_rs(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("readable folder")
        .map(|e| e.expect("readable entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect_rs(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every cycle of `graph`, one per knot (strongly connected part), each shown as the shortest
/// circle through its first node with the files that make each step; `None` when there is none.
fn cycles(graph: &Graph) -> Option<String> {
    let mut report = String::new();
    for knot in strongly_connected(graph)
        .into_iter()
        .filter(|k| k.len() > 1)
    {
        let start = &knot[0];
        let circle = shortest_circle(graph, &knot, start);
        report.push_str(&format!("  {}\n", circle.join(" -> ")));
        for step in circle.windows(2) {
            let files: Vec<&str> = graph[&step[0]][&step[1]]
                .iter()
                .map(String::as_str)
                .collect();
            report.push_str(&format!(
                "      {} -> {}: {}\n",
                step[0],
                step[1],
                files.join(", ")
            ));
        }
        report.push_str(&format!("    (all of: {})\n", knot.join(", ")));
    }
    (!report.is_empty()).then_some(report)
}

/// Tarjan's strongly connected components, each sorted.
fn strongly_connected(graph: &Graph) -> Vec<Vec<String>> {
    struct State<'g> {
        graph: &'g Graph,
        index: BTreeMap<&'g str, usize>,
        low: BTreeMap<&'g str, usize>,
        stack: Vec<&'g str>,
        on_stack: BTreeSet<&'g str>,
        found: Vec<Vec<String>>,
    }
    fn visit<'g>(s: &mut State<'g>, v: &'g str) {
        let n = s.index.len();
        s.index.insert(v, n);
        s.low.insert(v, n);
        s.stack.push(v);
        s.on_stack.insert(v);
        let graph = s.graph;
        for w in graph.get(v).into_iter().flat_map(BTreeMap::keys) {
            if !s.index.contains_key(w.as_str()) {
                visit(s, w);
                let low = s.low[v].min(s.low[w.as_str()]);
                s.low.insert(v, low);
            } else if s.on_stack.contains(w.as_str()) {
                let low = s.low[v].min(s.index[w.as_str()]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut knot = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                knot.push(w.to_string());
                if w == v {
                    break;
                }
            }
            knot.sort();
            s.found.push(knot);
        }
    }
    let mut state = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for v in graph.keys() {
        if !state.index.contains_key(v.as_str()) {
            visit(&mut state, v);
        }
    }
    state.found
}

/// The shortest path from `start` back to itself inside `knot` (breadth first).
fn shortest_circle(graph: &Graph, knot: &[String], start: &String) -> Vec<String> {
    let mut came_from: BTreeMap<&String, &String> = BTreeMap::new();
    let mut queue = VecDeque::from([start]);
    while let Some(v) = queue.pop_front() {
        for w in graph.get(v).into_iter().flat_map(BTreeMap::keys) {
            if !knot.contains(w) || came_from.contains_key(w) {
                continue;
            }
            came_from.insert(w, v);
            if w == start {
                let mut circle = vec![start.clone()];
                let mut at = came_from[start];
                while at != start {
                    circle.push(at.clone());
                    at = came_from[at];
                }
                circle.push(start.clone());
                circle.reverse();
                return circle;
            }
            queue.push_back(w);
        }
    }
    knot.to_vec()
}
