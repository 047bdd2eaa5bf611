fn main() {
    let body = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let input = civic::markdown::Input { body: &body, body_line: 1, dir: "news", lang: civic::lang::Lang::Zh, allowed_html_tags: &[], options: Default::default() };
    let r = civic::markdown::render(&input, &Default::default(), &Default::default());
    println!("{}", r.html);
    for w in r.warnings.iter().chain(&r.problems) { println!("{:?} {}", w.line, w.message); }
}
