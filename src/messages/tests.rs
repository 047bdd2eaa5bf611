use super::*;
use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use std::collections::{BTreeMap, BTreeSet};

/// Message key → the variables its pattern uses, for one language.
fn entries(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for (l, name, text) in CATALOGUE_SOURCES {
        if *l != lang {
            continue;
        }
        let resource = fluent_syntax::parser::parse(*text)
            .unwrap_or_else(|(_, errors)| panic!("{name} does not parse: {errors:?}"));
        for entry in resource.body {
            if let Entry::Message(m) = entry {
                let mut vars = BTreeSet::new();
                if let Some(p) = &m.value {
                    pattern_vars(p, &mut vars);
                }
                let key = m.id.name.to_string();
                assert!(
                    out.insert(key.clone(), vars).is_none(),
                    "{name}: `{key}` twice"
                );
            }
        }
    }
    out
}

fn pattern_vars(p: &Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &p.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(e: &Expression<&str>, vars: &mut BTreeSet<String>) {
    match e {
        Expression::Inline(i) => inline_vars(i, vars),
        Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
    }
}

fn inline_vars(i: &InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match i {
        InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        _ => {}
    }
}

/// Every call of the `text!` macro in `src/`: its key and the variable names it passes.
fn calls_in_source() -> Vec<(String, String, BTreeSet<String>)> {
    let call = regex::Regex::new(r#"text!\(\s*"([a-z0-9-]+)""#).expect("valid regex");
    let name = regex::Regex::new(r"(?:^|,)\s*([a-z_][a-z0-9_]*)\s*=[^=]").expect("valid regex");
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")) {
        let entry = entry.expect("src is readable");
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let code = std::fs::read_to_string(entry.path()).expect("source is UTF-8");
        for c in call.captures_iter(&code) {
            let rest = &code[c.get(0).map_or(0, |m| m.end())..];
            let vars = name
                .captures_iter(&top_level(rest))
                .map(|v| v[1].to_string())
                .collect();
            out.push((entry.path().display().to_string(), c[1].to_string(), vars));
        }
    }
    out
}

/// The arguments of a macro call up to its closing parenthesis, with everything nested inside
/// brackets or string literals blanked out, so only the call's own `name = …` pairs remain.
fn top_level(rest: &str) -> String {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut out = String::new();
    for c in rest.chars() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => break,
            ')' | ']' | '}' => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

#[test]
fn both_languages_have_every_message_with_the_same_variables() {
    let zh = entries(Lang::Zh);
    let en = entries(Lang::En);
    let zh_keys: BTreeSet<_> = zh.keys().collect();
    let en_keys: BTreeSet<_> = en.keys().collect();
    assert_eq!(
        zh_keys.symmetric_difference(&en_keys).collect::<Vec<_>>(),
        Vec::<&&String>::new(),
        "keys in one language only"
    );
    for (key, vars) in &zh {
        assert_eq!(Some(vars), en.get(key), "`{key}` uses different variables");
    }
}

#[test]
fn every_message_the_code_names_exists_with_the_variables_it_passes() {
    let en = entries(Lang::En);
    let calls = calls_in_source();
    assert!(calls.len() > 20, "the scan found the text! calls");
    for (file, key, vars) in &calls {
        let Some(wanted) = en.get(key) else {
            panic!("{file}: `{key}` is not in the catalogue");
        };
        assert_eq!(
            wanted, vars,
            "{file}: `{key}` is called with other variables"
        );
    }
    let used: BTreeSet<&String> = calls.iter().map(|(_, k, _)| k).collect();
    let unused: Vec<_> = en.keys().filter(|k| !used.contains(k)).collect();
    assert!(unused.is_empty(), "catalogue keys no code uses: {unused:?}");
}

#[test]
fn a_message_reads_in_either_language_with_nested_messages_in_the_same_one() {
    let t = crate::text!(
        "cli-build-failed",
        errors = 2usize,
        files = 1usize,
        output = "output"
    );
    assert!(
        t.in_lang(Lang::En)
            .starts_with("Build failed: 2 errors in 1 file.")
    );
    assert!(
        t.in_lang(Lang::Zh).starts_with("构建失败"),
        "{}",
        t.in_lang(Lang::Zh)
    );
}

#[test]
fn the_reader_language_follows_flag_then_locale_then_site() {
    let env = |pairs: &'static [(&'static str, &'static str)]| {
        move |k: &str| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    };
    assert_eq!(
        reader_lang(Some(Lang::En), env(&[("LANG", "zh_CN.UTF-8")]), Lang::Zh),
        Lang::En
    );
    assert_eq!(
        reader_lang(None, env(&[("LANG", "zh_CN.UTF-8")]), Lang::En),
        Lang::Zh
    );
    assert_eq!(
        reader_lang(
            None,
            env(&[("LC_ALL", "en_US.UTF-8"), ("LANG", "zh_CN.UTF-8")]),
            Lang::Zh
        ),
        Lang::En
    );
    assert_eq!(
        reader_lang(None, env(&[("LANG", "C.UTF-8")]), Lang::Zh),
        Lang::En
    );
    assert_eq!(
        reader_lang(None, env(&[("LANG", "de_DE.UTF-8")]), Lang::Zh),
        Lang::Zh
    );
    assert_eq!(reader_lang(None, env(&[]), Lang::Zh), Lang::Zh);
}

#[test]
fn every_catalogue_file_on_disk_is_compiled_in() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/messages");
    for lang in ["en", "zh-CN"] {
        for entry in std::fs::read_dir(format!("{dir}/{lang}")).expect("catalogue folder") {
            let name = format!(
                "{lang}/{}",
                entry.expect("entry").file_name().to_string_lossy()
            );
            assert!(
                CATALOGUE_SOURCES.iter().any(|(_, n, _)| *n == name),
                "{name} is not in CATALOGUE_SOURCES"
            );
        }
    }
}
