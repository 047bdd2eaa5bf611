//! Search index benchmark: generates N synthetic civic pages (half Chinese, half their English
//! twins) from a civic vocabulary, builds both indexes and prints indexing time, index bytes
//! per page and the bytes typical queries fetch.
//!
//! ```text
//! cargo run --release --example search_bench -- 2000 20000 [--out DIR]
//! ```
//! With `--out DIR` the index of the last size is written to `DIR/search/…` (for timing the
//! JavaScript side: `node tests/search/bench.mjs DIR`).

use std::collections::BTreeMap;
use std::time::Instant;

use civic::search::query::run_on_files;
use civic::search::{Indexer, SearchDoc};

/// Small deterministic PRNG (xorshift64*).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    /// Zipf-like pick: small indexes much more often.
    fn zipf(&mut self, n: usize) -> usize {
        let u = (self.next() % 1_000_000) as f64 / 1_000_000.0;
        ((n as f64).powf(u) as usize).saturating_sub(1).min(n - 1)
    }
}

const ZH_WORDS: &str = "文明 志愿服务 志愿者 社区 居民 活动 开展 垃圾分类 道德模范 文明城市 创建 工作 群众 街道 \
服务 建设 发展 城市 环境 治理 宣传 教育 学习 精神 文化 传统 美德 家庭 学校 学生 老人 儿童 关爱 帮扶 困难 \
救助 医疗 健康 卫生 疫情防控 常态化 交通 出行 礼让 斑马线 公共 场所 秩序 安全 消防 应急 演练 培训 讲座 \
表彰 先进 典型 事迹 宣讲 榜样 力量 传承 弘扬 核心价值观 新时代 文明实践 中心 站点 阵地 平台 项目 品牌 \
党员 干部 机关 单位 企业 职工 农村 乡村 振兴 村民 农民 小区 物业 业主 楼道 绿化 美化 整治 清理 垃圾 \
分类 投放 回收 资源 节约 用水 用电 低碳 环保 绿色 生态 公园 广场 图书馆 博物馆 文化馆 演出 展览 比赛 \
体育 健身 运动会 全民 阅读 书香 诚信 守信 经营 商户 市场 消费者 权益 法治 普法 法律 援助 调解 矛盾 纠纷 \
和谐 邻里 互助 团结 友善 孝老爱亲 助人为乐 见义勇为 诚实守信 敬业奉献 光盘行动 公筷公勺 移风易俗 婚事新办 \
丧事简办 文明祭扫 网络 文明上网 未成年人 思想道德 家风家训 好人好事 身边好人 中国好人 最美家庭 巾帼 青年 \
少年 队员 老师 医生 护士 警察 快递员 外卖 骑手 环卫工人 网格员 社工 养老 托育 食堂 助餐 就业 创业 岗位 \
政务服务 办事 窗口 便民 热线 投诉 建议 满意度 测评 考核 督查 检查 整改 落实 推进 部署 会议 要求 提升 \
水平 质量 效率 成效 明显 显著 持续 深入 扎实 全面 积极 主动 广泛 参与 支持 配合 共同 营造 氛围 良好";
const ZH_FILLER: &str =
    "近日，在 的 了 和 与 及 为 对 将 把 被 由 从 向 在此基础上， 同时， 此外， 据悉， 目前，";
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢";
const GIVEN: &str = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红梅鹏辉建国志文斌宇浩凯俊峰云飞雪琳晨阳";
const DISTRICTS: &[&str] = &[
    "明湖区",
    "西城区",
    "南山区",
    "北塘区",
    "东湖街道",
    "青石镇",
    "河口乡",
    "新城区",
];
const CATEGORIES: &[&str] = &["助人为乐", "见义勇为", "诚实守信", "敬业奉献", "孝老爱亲"];
const EN_WORDS: &str = "civilization volunteer volunteers volunteering service services community residents \
activity activities garbage sorting role model models city cities construction work public street streets \
environment governance publicity education learning spirit culture cultural tradition virtue family families \
school students elderly children care help assistance medical health hygiene epidemic prevention traffic travel \
yield pedestrians crossing safety fire emergency drill training lecture award advanced example stories campaign \
heritage values era practice centre station platform project party members cadres enterprise workers rural \
village revitalization villagers farmers neighbourhood property owners greening cleaning waste recycling \
resources saving water electricity green ecology park square library museum performance exhibition competition \
sports fitness reading honesty integrity business market consumers rights law legal aid mediation dispute harmony \
neighbours mutual friendly filial bravery dedication clean plate chopsticks customs wedding funeral internet \
minors morality good deeds youth teacher doctor nurse police courier rider sanitation grid social worker canteen \
employment jobs window hotline complaint suggestion satisfaction inspection improvement quality efficiency results";
const EN_FILLER: &str =
    "the of and in to a for with on by at from as is was were has have this that";

fn words(s: &str) -> Vec<&str> {
    s.split_whitespace().collect()
}

struct Gen {
    rng: Rng,
    zh: Vec<&'static str>,
    zh_fill: Vec<&'static str>,
    en: Vec<&'static str>,
    en_fill: Vec<&'static str>,
    sur: Vec<char>,
    given: Vec<char>,
}

impl Gen {
    fn name(&mut self) -> String {
        let mut s = String::new();
        s.push(self.sur[self.rng.below(self.sur.len())]);
        for _ in 0..1 + self.rng.below(2) {
            s.push(self.given[self.rng.below(self.given.len())]);
        }
        s
    }
    fn zh_text(&mut self, chars: usize, name: &str) -> String {
        let mut s = String::new();
        while s.len() < chars * 3 {
            for _ in 0..4 + self.rng.below(8) {
                match self.rng.below(10) {
                    0..=5 => s.push_str(self.zh[self.rng.zipf(self.zh.len())]),
                    6..=7 => s.push_str(self.zh_fill[self.rng.below(self.zh_fill.len())]),
                    8 => s.push_str(DISTRICTS[self.rng.below(DISTRICTS.len())]),
                    _ if !name.is_empty() && self.rng.below(3) == 0 => s.push_str(name),
                    _ => {
                        // New words: random people, numbers.
                        let n = self.name();
                        s.push_str(&n);
                        s.push_str(&format!("{}年", 2000 + self.rng.below(27)));
                    }
                }
            }
            s.push_str(if self.rng.below(3) == 0 {
                "。\n"
            } else {
                "，"
            });
        }
        s
    }
    fn en_text(&mut self, words: usize, name: &str) -> String {
        let mut v: Vec<String> = Vec::new();
        while v.len() < words {
            match self.rng.below(10) {
                0..=5 => v.push(self.en[self.rng.zipf(self.en.len())].to_string()),
                6..=8 => v.push(self.en_fill[self.rng.below(self.en_fill.len())].to_string()),
                _ if !name.is_empty() => v.push(name.to_string()),
                _ => v.push(format!("{}", 2000 + self.rng.below(27))),
            }
        }
        v.join(" ") + "."
    }
}

fn generate(n: usize) -> (Vec<SearchDoc<'static>>, Vec<SearchDoc<'static>>) {
    let mut g = Gen {
        rng: Rng(0x9E37_79B9_7F4A_7C15 ^ n as u64),
        zh: words(ZH_WORDS),
        zh_fill: words(ZH_FILLER),
        en: words(EN_WORDS),
        en_fill: words(EN_FILLER),
        sur: SURNAMES.chars().collect(),
        given: GIVEN.chars().collect(),
    };
    let (mut zh, mut en) = (Vec::new(), Vec::new());
    for i in 0..n / 2 {
        let kind = i % 10; // 30% role models, 50% news, 10% handbook, 10% PSAs
        let (section, en_section, slug) = match kind {
            0..=2 => ("道德模范", "Role models", "role-models"),
            3..=7 => ("新闻动态", "News", "news"),
            8 => ("文明手册", "Handbook", "handbook"),
            _ => ("公益广告", "Public service ads", "ads"),
        };
        let name = if kind <= 2 { g.name() } else { String::new() };
        let district = DISTRICTS[g.rng.below(DISTRICTS.len())];
        let category = CATEGORIES[g.rng.below(CATEGORIES.len())];
        let chars = 300 + g.rng.below(1200);
        let title = format!("{}{}", name, g.zh_text(14, ""));
        let title: String = title
            .chars()
            .filter(|c| !"，。\n".contains(*c))
            .take(24)
            .collect();
        let headings = (0..g.rng.below(4)).map(|_| g.zh_text(8, "")).collect();
        let fields = if kind <= 2 {
            vec![name.clone(), district.to_string(), category.to_string()]
        } else {
            vec![g.zh[g.rng.zipf(g.zh.len())].to_string()]
        };
        let date = Some(format!("2026年{}月{}日", 1 + i % 12, 1 + i % 28));
        zh.push(SearchDoc {
            url: format!("/{slug}/p{i}/"),
            title,
            section: section.into(),
            date,
            headings,
            fields,
            body: g.zh_text(chars, &name).into(),
        });
        let en_name = if kind <= 2 {
            format!("Name{i}")
        } else {
            String::new()
        };
        en.push(SearchDoc {
            url: format!("/en/{slug}/p{i}/"),
            title: g.en_text(6, ""),
            section: en_section.into(),
            date: Some(format!("{} November 2026", 1 + i % 28)),
            headings: (0..g.rng.below(4)).map(|_| g.en_text(4, "")).collect(),
            fields: vec![en_name.clone(), "Minghu District".into()],
            body: g.en_text(chars / 2, &en_name).into(),
        });
    }
    (zh, en)
}

type Files = Vec<(String, Vec<u8>)>;

/// CPU seconds (user + system) used by this process so far (Linux; 0 elsewhere).
fn cpu_secs() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after = stat.rsplit(')').next().unwrap_or("");
    let f: Vec<f64> = after
        .split_whitespace()
        .map(|x| x.parse().unwrap_or(0.0))
        .collect();
    // Fields 14 and 15 of the file (utime, stime) are 12 and 13 after the command name.
    (f.get(11).copied().unwrap_or(0.0) + f.get(12).copied().unwrap_or(0.0)) / 100.0
}

fn kb(b: usize) -> String {
    format!("{:.1} KB", b as f64 / 1024.0)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut sizes: Vec<usize> = Vec::new();
    let mut out_dir: Option<String> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--out" {
            out_dir = it.next().cloned();
        } else if let Ok(n) = a.parse() {
            sizes.push(n);
        }
    }
    if sizes.is_empty() {
        sizes = vec![2000, 20000];
    }
    let t = Instant::now();
    let words = ["明湖区".into(), "东湖街道".into(), "北塘区".into()];
    let ix = Indexer::for_texts(&words, []);
    println!(
        "Indexer::new (jieba dictionary): {:.0} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    println!("threads: {}", rayon::current_num_threads());

    for (si, &n) in sizes.iter().enumerate() {
        let (zh, en) = generate(n);
        let text_bytes: usize = zh
            .iter()
            .chain(&en)
            .map(|d| d.body.text(usize::MAX).len() + d.title.len())
            .sum();
        let (t, c) = (Instant::now(), cpu_secs());
        let zf = ix.build("zh-CN", &zh);
        let (tz, cz) = (t.elapsed(), cpu_secs() - c);
        let (t, c) = (Instant::now(), cpu_secs());
        let ef = ix.build("en", &en);
        let (te, ce) = (t.elapsed(), cpu_secs() - c);
        println!(
            "\n== {n} pages ({} zh + {} en, {:.1} MB of text) ==",
            zh.len(),
            en.len(),
            text_bytes as f64 / 1e6
        );
        let zh_mb = zh
            .iter()
            .map(|d| d.body.text(usize::MAX).len() + d.title.len())
            .sum::<usize>() as f64
            / 1e6;
        let en_mb = en
            .iter()
            .map(|d| d.body.text(usize::MAX).len() + d.title.len())
            .sum::<usize>() as f64
            / 1e6;
        for (lang, files, dt, cpu, docs, mb) in [
            ("zh-CN", &zf, tz, cz, zh.len(), zh_mb),
            ("en", &ef, te, ce, en.len(), en_mb),
        ] {
            let mut by_kind: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
            for (p, b) in files.iter() {
                let kind = p.split('/').nth(2).unwrap_or("");
                let kind = if kind.ends_with(".json") {
                    "meta"
                } else {
                    kind
                };
                let e = by_kind.entry(kind).or_default();
                e.0 += 1;
                e.1 += b.len();
            }
            let total: usize = files.iter().map(|f| f.1.len()).sum();
            println!(
                "{lang}: indexed in {:.0} ms wall, {:.1} s CPU ({:.0} pages/s, {:.1} MB/CPU-s); \
                 {} files, {} total, {} per page",
                dt.as_secs_f64() * 1e3,
                cpu,
                docs as f64 / dt.as_secs_f64(),
                mb / cpu.max(0.01),
                files.len(),
                kb(total),
                kb(total / docs.max(1))
            );
            for (k, (c, b)) in by_kind {
                let name = match k {
                    "v" => "vocabulary buckets",
                    "p" => "postings packs",
                    "d" => "document records",
                    _ => "meta",
                };
                println!(
                    "    {name:<19} {c:>6} files {:>12}  (avg {})",
                    kb(b),
                    kb(b / c.max(1))
                );
            }
        }
        let name = zh
            .iter()
            .find_map(|d| d.fields.first().filter(|f| f.chars().count() >= 2).cloned());
        let mut queries: Vec<(&str, &Files, String)> = vec![
            ("zh", &zf, "志愿服务".into()),
            ("zh", &zf, "文明".into()),
            ("zh", &zf, "垃圾分类".into()),
            ("zh", &zf, "道德模范".into()),
            ("zh", &zf, "疫情防控常态化".into()),
            ("zh", &zf, "明湖区志愿者开展垃圾分类宣传活动".into()),
            ("en", &ef, "volunteer".into()),
            ("en", &ef, "garbage sorting".into()),
            ("en", &ef, "Name30".into()),
        ];
        if let Some(nm) = name {
            queries.insert(5, ("zh", &zf, nm));
        }
        println!(
            "  query                                  hits  files    fetched (meta+vocab / postings / records)"
        );
        for (lang, files, q) in &queries {
            let r = run_on_files(files, q);
            let part = |pre: &str| {
                r.fetched
                    .iter()
                    .filter(|f| f.0.starts_with(pre))
                    .map(|f| f.1)
                    .sum::<usize>()
            };
            println!(
                "  {lang} {:<34} {:>5} {:>6} {:>10}  ({} / {} / {})",
                q,
                r.hits.len(),
                r.fetched.len(),
                kb(r.bytes()),
                kb(part("meta") + part("v/")),
                kb(part("p/")),
                kb(part("d/"))
            );
        }
        if si + 1 == sizes.len()
            && let Some(dir) = &out_dir
        {
            for (p, b) in zf.iter().chain(&ef) {
                let path = std::path::Path::new(dir).join(p);
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(path, b).unwrap();
            }
            println!("wrote the {n}-page index to {dir}/search/");
        }
    }
}
