//! A deterministic generator of realistic bilingual benchmark sites.
//!
//! [`generate`] writes `site.yaml` and `content/…` in Civic's content schema (see
//! `docs/content-model.md`); [`generate_hugo`] writes the *same* documents (same titles, same Markdown
//! bodies) with Hugo front matter, for the Hugo comparison in `benches/run.sh`.
//!
//! A corpus of `docs` logical documents holds about 70% role-model profiles, 20% handbook chapters and 10%
//! PSAs and news, each written once in Chinese (`x.md`) and once in English (`x.en.md`). Chinese bodies have
//! 600–1,500 characters, English ones 400–900 words, built from a civic vocabulary with headings, lists,
//! quotes, links to other generated pages, and a code block in about 2% of the pages. Everything is derived
//! from `(docs, seed)` alone, so the same arguments always give byte-identical files.

use std::fmt::Write as _;
use std::fs;
use std::io;
use std::path::Path;

/// What a call to [`generate`] or [`generate_hugo`] wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CorpusStats {
    /// Logical documents (each written in both languages).
    pub docs: usize,
    pub role_models: usize,
    pub handbook: usize,
    pub psas: usize,
    pub news: usize,
    /// PSAs whose `start <= 2026-11-25 <= end` (or open-ended).
    pub psas_active: usize,
    /// Pages carrying a fenced code block (counted per logical document).
    pub code_blocks: usize,
    /// Files written (Markdown and configuration).
    pub files: usize,
    /// Bytes written.
    pub bytes: u64,
    /// Characters of Chinese Markdown bodies (all characters, markup included).
    pub zh_chars: u64,
    /// Whitespace-separated words of English Markdown bodies.
    pub en_words: u64,
    /// Content pages per language: documents + section indexes + home + about.
    pub pages_per_lang: usize,
}

/// The build date the corpus is designed around (PSAs active or expired relative to it).
pub const REFERENCE_DATE: &str = "2026-11-25";

/// Content sections: (directory, kind).
pub const SECTIONS: [(&str, &str); 4] = [
    ("role-models", "role_model"),
    ("handbook", "handbook"),
    ("ads", "psa"),
    ("news", "news"),
];

/// Writes a Civic site (`site.yaml`, `content/`) of `docs` logical documents under `root`.
pub fn generate(root: &Path, docs: usize, seed: u64) -> io::Result<CorpusStats> {
    write_corpus(root, docs, seed, Flavor::Civic)
}

/// Writes the same corpus as [`generate`] with Hugo front matter (`content/` only; `hugo.toml` and
/// `layouts/` come from `benches/hugo/`).
pub fn generate_hugo(root: &Path, docs: usize, seed: u64) -> io::Result<CorpusStats> {
    write_corpus(root, docs, seed, Flavor::Hugo)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Flavor {
    Civic,
    Hugo,
}

// ---------------------------------------------------------------------------------------------
// PRNG: splitmix64 (public domain algorithm by Sebastiano Vigna), enough for text generation.

struct Rng(u64);

impl Rng {
    fn for_doc(seed: u64, salt: u64, i: usize) -> Self {
        let mut r = Rng(seed ^ salt.wrapping_mul(0xA076_1D64_78BD_642F));
        r.0 =
            r.0.wrapping_add((i as u64).wrapping_mul(0xE703_7ED1_A0B4_28DB));
        r.next_u64();
        r
    }
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() >> 11) % n as u64) as usize
    }
    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary.

const SURNAMES: [(&str, &str); 20] = [
    ("李", "li"),
    ("王", "wang"),
    ("张", "zhang"),
    ("刘", "liu"),
    ("陈", "chen"),
    ("杨", "yang"),
    ("赵", "zhao"),
    ("黄", "huang"),
    ("周", "zhou"),
    ("吴", "wu"),
    ("徐", "xu"),
    ("孙", "sun"),
    ("胡", "hu"),
    ("朱", "zhu"),
    ("高", "gao"),
    ("林", "lin"),
    ("何", "he"),
    ("郭", "guo"),
    ("马", "ma"),
    ("罗", "luo"),
];

const GIVEN: [(&str, &str); 24] = [
    ("梅", "mei"),
    ("军", "jun"),
    ("芳", "fang"),
    ("伟", "wei"),
    ("静", "jing"),
    ("强", "qiang"),
    ("丽", "li"),
    ("磊", "lei"),
    ("敏", "min"),
    ("洋", "yang"),
    ("艳", "yan"),
    ("勇", "yong"),
    ("杰", "jie"),
    ("娟", "juan"),
    ("涛", "tao"),
    ("明", "ming"),
    ("超", "chao"),
    ("秀英", "xiuying"),
    ("建国", "jianguo"),
    ("桂兰", "guilan"),
    ("志强", "zhiqiang"),
    ("海燕", "haiyan"),
    ("玉兰", "yulan"),
    ("德华", "dehua"),
];

/// The five national role-model categories: (key, slug, English label).
pub const CATEGORIES: [(&str, &str, &str); 5] = [
    ("助人为乐", "helping-others", "Helping Others"),
    ("见义勇为", "bravery", "Bravery"),
    ("诚实守信", "honesty", "Honesty and Trustworthiness"),
    ("敬业奉献", "dedication", "Dedication"),
    ("孝老爱亲", "filial-piety", "Filial Piety"),
];

/// PSA themes: (key, slug, Chinese label, English label).
pub const PSA_THEMES: [(&str, &str, &str, &str); 6] = [
    (
        "核心价值观",
        "core-values",
        "社会主义核心价值观",
        "Core Socialist Values",
    ),
    ("文明交通", "civil-traffic", "文明交通", "Courteous Traffic"),
    ("垃圾分类", "waste-sorting", "垃圾分类", "Waste Sorting"),
    (
        "光盘行动",
        "clean-plate",
        "光盘行动",
        "Clean Plate Campaign",
    ),
    ("诚信建设", "integrity", "诚信建设", "Building Integrity"),
    ("志愿服务", "volunteering", "志愿服务", "Volunteering"),
];

const DISTRICTS: [(&str, &str); 6] = [
    ("湖滨区", "Hubin District"),
    ("东城区", "Dongcheng District"),
    ("西湾区", "Xiwan District"),
    ("北山区", "Beishan District"),
    ("南湖区", "Nanhu District"),
    ("高新区", "High-Tech Zone"),
];

/// About forty tags; tags are language-neutral (written once, in the Chinese file).
pub const TAGS: [&str; 40] = [
    "志愿服务",
    "文明城市",
    "垃圾分类",
    "道德模范",
    "邻里互助",
    "诚信建设",
    "社区",
    "敬老",
    "助残",
    "环境保护",
    "文明交通",
    "见义勇为",
    "无偿献血",
    "全民阅读",
    "光盘行动",
    "移风易俗",
    "家风家训",
    "青年",
    "学雷锋",
    "新时代文明实践",
    "绿色出行",
    "文明旅游",
    "网络文明",
    "公益",
    "结对帮扶",
    "乡村振兴",
    "关爱儿童",
    "教育",
    "医疗",
    "应急救援",
    "平安建设",
    "法治",
    "节约",
    "健康",
    "体育",
    "文化",
    "非遗",
    "老旧小区",
    "物业服务",
    "消防安全",
];

const OCCUPATIONS: [(&str, &str); 12] = [
    ("社区网格员", "community grid worker"),
    ("退休教师", "retired teacher"),
    ("公交车司机", "bus driver"),
    ("环卫工人", "sanitation worker"),
    ("乡村医生", "village doctor"),
    ("快递员", "courier"),
    ("消防员", "firefighter"),
    ("个体商户", "shop owner"),
    ("护士", "nurse"),
    ("大学生志愿者", "student volunteer"),
    ("社区民警", "community police officer"),
    ("外卖骑手", "delivery rider"),
];

const DEEDS: [(&str, &str); 12] = [
    (
        "二十年如一日照顾孤寡老人",
        "caring for lonely elders for twenty years",
    ),
    ("勇救落水儿童", "rescuing a drowning child"),
    ("拾金不昧归还失主", "returning a lost wallet to its owner"),
    (
        "扎根社区服务居民",
        "serving residents at the heart of the community",
    ),
    ("悉心照料瘫痪婆婆", "nursing a paralysed mother-in-law"),
    ("坚守平凡岗位三十年", "thirty years at the same humble post"),
    (
        "带领邻里开展垃圾分类",
        "leading the neighbours in waste sorting",
    ),
    ("义务献血百余次", "donating blood more than a hundred times"),
    (
        "火场中疏散被困群众",
        "leading trapped residents out of a fire",
    ),
    (
        "免费为留守儿童辅导功课",
        "tutoring left-behind children for free",
    ),
    (
        "诚信经营小店十五年",
        "running an honest shop for fifteen years",
    ),
    ("组建社区应急救援队", "founding a community emergency team"),
];

/// Honors: (Chinese title, English title, level, issuer index).
const HONORS: [(&str, &str, &str, usize); 7] = [
    ("全国道德模范", "National Moral Model", "national", 0),
    ("中国好人", "Good Samaritan of China", "national", 0),
    ("省级道德模范", "Provincial Moral Model", "provincial", 1),
    ("五一劳动奖章", "May Day Labour Medal", "provincial", 1),
    ("明湖市道德模范", "Minghu Moral Model", "city", 2),
    ("明湖好人", "Minghu Good Samaritan", "city", 2),
    ("最美志愿者", "Most Admirable Volunteer", "district", 3),
];

const ISSUERS: [(&str, &str); 4] = [
    ("中央文明办", "Central Civilization Office"),
    ("省文明委", "Provincial Civilization Commission"),
    ("明湖市文明委", "Minghu Civilization Commission"),
    ("区文明办", "District Civilization Office"),
];

const QUOTES: [(&str, &str); 8] = [
    (
        "能帮一把是一把，这是我应该做的。",
        "If I can lend a hand, I should.",
    ),
    (
        "邻里之间，就该互相照应。",
        "Neighbours ought to look out for each other.",
    ),
    (
        "做人要讲诚信，答应的事就要做到。",
        "A promise made is a promise kept.",
    ),
    (
        "岗位再平凡，也要做到最好。",
        "However ordinary the job, do it as well as you can.",
    ),
    (
        "孝顺父母是最基本的本分。",
        "Caring for your parents is the least you owe them.",
    ),
    (
        "看到有人遇险，没想那么多就冲上去了。",
        "I saw someone in danger and simply ran to help.",
    ),
    (
        "城市是大家的，文明要靠每个人。",
        "The city belongs to all of us, and so does its civility.",
    ),
    (
        "只要大家需要，我就一直干下去。",
        "As long as people need me, I will carry on.",
    ),
];

const HANDBOOK_TOPICS: [(&str, &str); 16] = [
    ("文明出行", "Civilised Travel"),
    ("垃圾分类", "Waste Sorting"),
    ("公共场所礼仪", "Etiquette in Public Places"),
    ("网络文明", "Online Civility"),
    ("餐桌文明", "Table Manners"),
    ("邻里相处", "Getting Along with Neighbours"),
    ("文明旅游", "Responsible Tourism"),
    ("志愿服务", "Volunteering"),
    ("诚信经营", "Honest Business"),
    ("爱护环境", "Caring for the Environment"),
    ("文明养犬", "Responsible Dog Ownership"),
    ("移风易俗", "Reforming Customs"),
    ("节约资源", "Saving Resources"),
    ("尊老爱幼", "Respecting Elders, Caring for Children"),
    ("交通安全", "Road Safety"),
    ("健康生活", "Healthy Living"),
];

const CAMPAIGNS: [(&str, &str); 6] = [
    ("文明城市创建宣传月", "Civilised City Campaign Month"),
    ("垃圾分类进万家", "Waste Sorting in Every Home"),
    ("礼让斑马线", "Give Way at Zebra Crossings"),
    ("厉行节约 反对浪费", "Save Food, Stop Waste"),
    ("诚信明湖", "Honest Minghu"),
    ("我是志愿者", "I Am a Volunteer"),
];

const SPONSORS: [(&str, &str); 3] = [
    ("明湖市文明办", "Minghu Civilization Office"),
    ("明湖市城市管理局", "Minghu Urban Management Bureau"),
    ("明湖市交通运输局", "Minghu Transport Bureau"),
];

const NEWS_EVENTS: [(&str, &str); 10] = [
    (
        "举办垃圾分类宣传活动",
        "holds a waste-sorting awareness day",
    ),
    (
        "开展学雷锋志愿服务",
        "organises Lei Feng volunteer services",
    ),
    ("评选表彰身边好人", "honours its Good Samaritans"),
    ("启动文明交通劝导行动", "launches a courteous-traffic drive"),
    ("新建新时代文明实践站", "opens a new civic practice station"),
    (
        "组织关爱空巢老人活动",
        "visits elderly residents living alone",
    ),
    ("举行全民阅读分享会", "hosts a community reading festival"),
    ("推进老旧小区改造", "pushes ahead with estate renovation"),
    ("开展消防安全演练", "runs a fire-safety drill"),
    ("召开文明城市创建推进会", "reviews its civilised-city work"),
];

const NEWS_SOURCES: [(&str, &str); 3] = [
    ("明湖日报", "Minghu Daily"),
    ("明湖广播电视台", "Minghu Radio and Television"),
    ("明湖文明网", "Minghu Civility Portal"),
];

// Chinese sentence parts.
const ZH_SUBJECTS: [&str; 16] = [
    "社区志愿者",
    "街道干部",
    "广大市民",
    "党员先锋队",
    "青年学生",
    "退休教师",
    "快递小哥",
    "网格员",
    "环卫工人",
    "医护人员",
    "出租车司机",
    "志愿服务队",
    "居委会工作人员",
    "物业公司",
    "辖区商户",
    "热心居民",
];
const ZH_OPENERS: [&str; 10] = [
    "近年来，",
    "多年来，",
    "与此同时，",
    "在此基础上，",
    "此外，",
    "今年以来，",
    "每逢节假日，",
    "在文明城市创建中，",
    "疫情期间，",
    "",
];
const ZH_VERBS: [&str; 12] = [
    "积极参与",
    "持续推进",
    "深入开展",
    "主动承担",
    "广泛宣传",
    "认真落实",
    "热心组织",
    "坚持开展",
    "大力支持",
    "自发组织",
    "全力配合",
    "不断完善",
];
const ZH_OBJECTS: [&str; 18] = [
    "垃圾分类工作",
    "文明城市创建",
    "志愿服务活动",
    "邻里互助行动",
    "诚信建设",
    "道德模范评选",
    "移风易俗宣传",
    "文明交通劝导",
    "关爱空巢老人行动",
    "无偿献血活动",
    "光盘行动",
    "全民阅读活动",
    "生态环境保护",
    "新时代文明实践",
    "老旧小区改造",
    "消防安全宣传",
    "结对帮扶工作",
    "家风家训传承",
];
const ZH_TAILS: [&str; 12] = [
    "受到群众广泛好评",
    "营造了良好的社会氛围",
    "展现了新时代市民的精神风貌",
    "让城市更有温度",
    "为文明城市建设贡献了力量",
    "切实解决了居民的急难愁盼",
    "邻里关系更加和睦",
    "社区面貌焕然一新",
    "带动身边越来越多的人加入进来",
    "形成了人人参与、人人共享的良好局面",
    "群众的获得感和幸福感不断增强",
    "成为全市学习的榜样",
];
const ZH_HEADINGS: [&str; 12] = [
    "基本情况",
    "主要事迹",
    "工作做法",
    "社会反响",
    "经验启示",
    "下一步打算",
    "群众评价",
    "相关政策",
    "具体要求",
    "温馨提示",
    "活动安排",
    "背景资料",
];
const ZH_LIST_ITEMS: [&str; 12] = [
    "主动为老人让座，礼让行人",
    "垃圾按类投放，不乱扔乱倒",
    "公共场所不大声喧哗",
    "文明用语，待人热情有礼",
    "爱护公共设施，保护绿地",
    "遵守交通规则，不闯红灯",
    "节约用水用电，践行绿色生活",
    "关心邻里，遇到困难互相帮助",
    "文明上网，不信谣不传谣",
    "就餐适量点菜，剩菜打包",
    "文明养犬，出门牵绳",
    "积极参加志愿服务活动",
];

// English sentence parts.
const EN_OPENERS: [&str; 10] = [
    "Over the past few years, ",
    "In recent months, ",
    "At the same time, ",
    "Building on this work, ",
    "In addition, ",
    "Since the start of the year, ",
    "During the holidays, ",
    "As part of the civilised city campaign, ",
    "Every weekend, ",
    "",
];
const EN_SUBJECTS: [&str; 14] = [
    "volunteers from the neighbourhood committee",
    "local residents",
    "retired teachers",
    "community grid workers",
    "young party members",
    "students from Minghu University",
    "sanitation workers",
    "doctors and nurses from the district hospital",
    "taxi drivers",
    "the community volunteer team",
    "shop owners along the high street",
    "property management staff",
    "neighbours of all ages",
    "staff of the civilization office",
];
const EN_VERBS: [&str; 12] = [
    "organised",
    "took part in",
    "promoted",
    "supported",
    "launched",
    "expanded",
    "helped to run",
    "kept up",
    "volunteered for",
    "championed",
    "improved",
    "coordinated",
];
const EN_OBJECTS: [&str; 16] = [
    "a waste-sorting campaign in every residential compound",
    "free health checks for elderly residents",
    "the civilised city initiative",
    "a neighbourhood reading corner",
    "road-safety patrols near primary schools",
    "weekly visits to older people living alone",
    "a blood donation drive",
    "the clean plate campaign in local restaurants",
    "integrity pledges among small businesses",
    "a repair café for household appliances",
    "tree planting along the lakeside",
    "fire-safety training for families",
    "after-school tutoring for left-behind children",
    "the renovation of old residential estates",
    "a mutual-aid network for neighbours",
    "courses on online safety for seniors",
];
const EN_TAILS: [&str; 12] = [
    "which residents welcomed warmly",
    "making the whole district feel more like home",
    "and the results have been widely praised",
    "setting an example for the rest of the city",
    "and more people join every month",
    "bringing neighbours closer together",
    "so that public spaces stay clean and safe",
    "showing what ordinary people can achieve together",
    "and the atmosphere in the community has changed visibly",
    "which has become a model for other neighbourhoods",
    "helping families solve everyday problems",
    "and the effort continues to grow",
];
const EN_HEADINGS: [&str; 12] = [
    "Background",
    "What was done",
    "How it works",
    "Public response",
    "Lessons learned",
    "Next steps",
    "What residents say",
    "Related policies",
    "Requirements",
    "Practical tips",
    "Schedule",
    "Further reading",
];
const EN_LIST_ITEMS: [&str; 12] = [
    "Offer your seat to older passengers and give way to pedestrians",
    "Sort household waste and use the right bins",
    "Keep your voice down in public places",
    "Be polite and helpful to visitors",
    "Look after public facilities and green spaces",
    "Obey traffic lights and cross at zebra crossings",
    "Save water and electricity at home",
    "Check on your neighbours and help when you can",
    "Think before you share anything online",
    "Order only what you can eat and take leftovers home",
    "Keep dogs on a lead in public",
    "Join a volunteer activity in your community",
];

// ---------------------------------------------------------------------------------------------
// The document model shared by both flavors.

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    RoleModel,
    Handbook,
    Psa,
    News,
}

impl Kind {
    fn dir(self) -> &'static str {
        match self {
            Kind::RoleModel => "role-models",
            Kind::Handbook => "handbook",
            Kind::Psa => "ads",
            Kind::News => "news",
        }
    }
}

/// What other documents need to know about a document to link to it.
struct Meta {
    kind: Kind,
    slug: String,
    title_zh: String,
    title_en: String,
}

struct Counts {
    role_models: usize,
    handbook: usize,
    psas: usize,
    news: usize,
}

fn counts(docs: usize) -> Counts {
    let role_models = (docs * 7 + 5) / 10;
    let handbook = ((docs * 2 + 5) / 10).min(docs - role_models);
    let rest = docs - role_models - handbook;
    let psas = rest / 2;
    Counts {
        role_models,
        handbook,
        psas,
        news: rest - psas,
    }
}

fn kind_of(c: &Counts, i: usize) -> (Kind, usize) {
    if i < c.role_models {
        (Kind::RoleModel, i)
    } else if i < c.role_models + c.handbook {
        (Kind::Handbook, i - c.role_models)
    } else if i < c.role_models + c.handbook + c.psas {
        (Kind::Psa, i - c.role_models - c.handbook)
    } else {
        (Kind::News, i - c.role_models - c.handbook - c.psas)
    }
}

const SALT_META: u64 = 1;
const SALT_BODY: u64 = 2;

fn meta(seed: u64, c: &Counts, i: usize) -> Meta {
    let (kind, k) = kind_of(c, i);
    let mut r = Rng::for_doc(seed, SALT_META, i);
    match kind {
        Kind::RoleModel => {
            let (sz, sp) = r.pick(&SURNAMES);
            let (gz, gp) = r.pick(&GIVEN);
            let (dz, de) = r.pick(&DEEDS);
            Meta {
                kind,
                slug: format!("{sp}-{gp}-{:05}", k + 1),
                title_zh: format!("{sz}{gz}：{dz}"),
                title_en: format!("{}: {de}", en_name(sp, gp)),
            }
        }
        Kind::Handbook => {
            let (tz, te) = HANDBOOK_TOPICS[k % HANDBOOK_TOPICS.len()];
            Meta {
                kind,
                slug: format!("chapter-{:04}", k + 1),
                title_zh: format!("第{}章 {tz}", k + 1),
                title_en: format!("Chapter {}: {te}", k + 1),
            }
        }
        Kind::Psa => {
            let (cz, ce) = r.pick(&CAMPAIGNS);
            Meta {
                kind,
                slug: format!("psa-{:04}", k + 1),
                title_zh: format!("公益广告：{cz}（{}）", k + 1),
                title_en: format!("Public service ad: {ce} ({})", k + 1),
            }
        }
        Kind::News => {
            let (dz, de) = r.pick(&DISTRICTS);
            let (ez, ee) = r.pick(&NEWS_EVENTS);
            Meta {
                kind,
                slug: format!("news-{:05}", k + 1),
                title_zh: format!("{dz}{ez}"),
                title_en: format!("{de} {ee}"),
            }
        }
    }
}

fn en_name(surname: &str, given: &str) -> String {
    format!("{} {}", capitalize(surname), capitalize(given))
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_ascii_uppercase().to_string() + c.as_str(),
        None => String::new(),
    }
}

/// A YAML double-quoted scalar.
fn q(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            _ => out.push(ch),
        }
    }
    out.push('"');
    out
}

fn date(year: usize, month: usize, day: usize) -> String {
    format!("{year:04}-{month:02}-{day:02}")
}

/// A random date in `year`, not later than 2026-11-24.
fn random_date(r: &mut Rng, year: usize) -> String {
    let month = if year == 2026 {
        r.range(1, 11)
    } else {
        r.range(1, 12)
    };
    let day = if year == 2026 && month == 11 {
        r.range(1, 24)
    } else {
        r.range(1, 28)
    };
    date(year, month, day)
}

/// Language-neutral and per-language front-matter fields of one document, and its bodies.
struct Doc {
    /// `key: value` lines written in both languages' files, Chinese values.
    zh_fields: Vec<(String, String)>,
    en_fields: Vec<(String, String)>,
    /// Language-neutral fields (written once in Civic's Chinese file; in both files for Hugo).
    neutral: Vec<(String, String)>,
    /// Hugo-only language-neutral fields (e.g. `categories`).
    hugo_neutral: Vec<(String, String)>,
    zh_body: String,
    en_body: String,
    has_code: bool,
    psa_active: bool,
}

fn yaml_list(items: &[&str]) -> String {
    let mut s = String::from("[");
    for (i, it) in items.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(&q(it));
    }
    s.push(']');
    s
}

fn pick_tags(r: &mut Rng) -> Vec<&'static str> {
    let n = r.range(1, 4);
    let mut tags: Vec<&'static str> = Vec::with_capacity(n);
    while tags.len() < n {
        let t = r.pick(&TAGS);
        if !tags.contains(&t) {
            tags.push(t);
        }
    }
    tags
}

fn build_doc(seed: u64, c: &Counts, metas: &[Meta], i: usize) -> Doc {
    let m = &metas[i];
    let (_, k) = kind_of(c, i);
    let mut r = Rng::for_doc(seed, SALT_BODY, i);
    let mut zh = Vec::new();
    let mut en = Vec::new();
    let mut neutral = Vec::new();
    let mut hugo_neutral = Vec::new();
    let mut psa_active = false;
    let f = |k: &str, v: String| (k.to_string(), v);

    zh.push(f("title", q(&m.title_zh)));
    en.push(f("title", q(&m.title_en)));

    match m.kind {
        Kind::RoleModel => {
            let (name_zh, rest) = m.title_zh.split_once('：').unwrap_or((&m.title_zh, ""));
            let name_en = m.title_en.split(':').next().unwrap_or("");
            let year = r.range(2018, 2026);
            let (cat, _, _) = r.pick(&CATEGORIES);
            let (dz, de) = r.pick(&DISTRICTS);
            let (oz, oe) = r.pick(&OCCUPATIONS);
            let (qz, qe) = r.pick(&QUOTES);
            zh.push(f(
                "summary",
                q(&format!("{dz}{oz}{name_zh}，{rest}，事迹感人。")),
            ));
            en.push(f(
                "summary",
                q(&format!(
                    "{name_en}, a {oe} from {de}, honoured for {}.",
                    &m.title_en[name_en.len() + 2..]
                )),
            ));
            zh.push(f("name", q(name_zh)));
            en.push(f("name", q(name_en)));
            let n_honors = r.range(1, 3);
            let mut hz = String::new();
            let mut he = String::new();
            let mut used = Vec::new();
            for _ in 0..n_honors {
                let h = r.below(HONORS.len());
                if used.contains(&h) {
                    continue;
                }
                used.push(h);
                let (tz, te, level, iss) = HONORS[h];
                let hy = r.range(2018.max(year - 3), year);
                let (iz, ie) = ISSUERS[iss];
                let _ = write!(
                    hz,
                    "\n  - {{ title: {}, level: {level}, year: {hy}, issuer: {} }}",
                    q(tz),
                    q(iz)
                );
                let _ = write!(
                    he,
                    "\n  - {{ title: {}, level: {level}, year: {hy}, issuer: {} }}",
                    q(te),
                    q(ie)
                );
            }
            zh.push(f("honors", hz));
            en.push(f("honors", he));
            zh.push(f("district", q(dz)));
            en.push(f("district", q(de)));
            zh.push(f("occupation", q(oz)));
            en.push(f("occupation", q(&capitalize(oe))));
            zh.push(f("quote", q(qz)));
            en.push(f("quote", q(qe)));
            if k % 50 == 0 {
                zh.push(f("featured", "true".into()));
                en.push(f("featured", "true".into()));
            }
            neutral.push(f("category", q(cat)));
            hugo_neutral.push(f("categories", yaml_list(&[cat])));
            neutral.push(f("year", year.to_string()));
            hugo_neutral.push(f("years", format!("[\"{year}\"]")));
            neutral.push(f("date", random_date(&mut r, year)));
            neutral.push(f("tags", yaml_list(&pick_tags(&mut r))));
        }
        Kind::Handbook => {
            let (tz, te) = HANDBOOK_TOPICS[k % HANDBOOK_TOPICS.len()];
            zh.push(f(
                "summary",
                q(&format!("市民文明手册第{}章，介绍{tz}的基本要求。", k + 1)),
            ));
            en.push(f(
                "summary",
                q(&format!(
                    "Chapter {} of the citizens' handbook: the basics of {}.",
                    k + 1,
                    te.to_lowercase()
                )),
            ));
            zh.push(f("short_title", q(tz)));
            en.push(f("short_title", q(te)));
            neutral.push(f("weight", (k + 1).to_string()));
            neutral.push(f("tags", yaml_list(&pick_tags(&mut r))));
        }
        Kind::Psa => {
            let (theme, _, _, _) = r.pick(&PSA_THEMES);
            let (cz, ce) = r.pick(&CAMPAIGNS);
            let (sz, se) = r.pick(&SPONSORS);
            zh.push(f(
                "summary",
                q(&format!("{cz}主题公益广告，倡导市民共建文明城市。")),
            ));
            en.push(f(
                "summary",
                q(&format!(
                    "A public service ad for the {ce} campaign, inviting everyone to help build a civil city."
                )),
            ));
            zh.push(f("campaign", q(cz)));
            en.push(f("campaign", q(ce)));
            zh.push(f("sponsor", q(sz)));
            en.push(f("sponsor", q(se)));
            neutral.push(f("theme", q(theme)));
            // A third active and ending later, a third open-ended (active), a third expired.
            let (start, end) = match k % 3 {
                0 => (
                    date(2026, r.range(1, 10), r.range(1, 28)),
                    Some(date(2026 + r.below(2), 12, r.range(1, 31))),
                ),
                1 => (date(2026, r.range(1, 11), r.range(1, 20)), None),
                _ => {
                    let y = r.range(2018, 2025);
                    (
                        date(y, r.range(1, 6), r.range(1, 28)),
                        Some(date(y, r.range(7, 12), r.range(1, 28))),
                    )
                }
            };
            psa_active = k % 3 != 2;
            hugo_neutral.push(f("date", start.clone()));
            neutral.push(f("start", start));
            if let Some(e) = end {
                neutral.push(f("end", e));
            }
            neutral.push(f("tags", yaml_list(&pick_tags(&mut r))));
        }
        Kind::News => {
            let (sz, se) = r.pick(&NEWS_SOURCES);
            zh.push(f("summary", q(&format!("{}。", m.title_zh))));
            en.push(f("summary", q(&format!("{}.", m.title_en))));
            zh.push(f("source", q(sz)));
            en.push(f("source", q(se)));
            let year = r.range(2018, 2026);
            neutral.push(f("date", random_date(&mut r, year)));
            neutral.push(f("tags", yaml_list(&pick_tags(&mut r))));
        }
    }

    let has_code = r.chance(2);
    let links = pick_links(&mut r, metas, i);
    let zh_target = r.range(600, 1500);
    let en_target = r.range(400, 900);
    let zh_body = zh_body(&mut r, metas, &links, zh_target, has_code);
    let en_body = en_body(&mut r, metas, &links, en_target, has_code);
    Doc {
        zh_fields: zh,
        en_fields: en,
        neutral,
        hugo_neutral,
        zh_body,
        en_body,
        has_code,
        psa_active,
    }
}

fn pick_links(r: &mut Rng, metas: &[Meta], me: usize) -> Vec<usize> {
    let n = r.range(1, 3);
    let mut out = Vec::with_capacity(n);
    if metas.len() < 2 {
        return out;
    }
    while out.len() < n {
        let j = r.below(metas.len());
        if j != me && !out.contains(&j) {
            out.push(j);
        }
    }
    out
}

fn link_path(m: &Meta) -> String {
    format!("../{}/{}.md", m.kind.dir(), m.slug)
}

const CODE_TEXT: &str = "```text\n明湖市文明办 志愿服务热线\n服务时间：周一至周五 9:00-17:00\n地址：湖滨区文明路 1 号\n```\n";
const CODE_RUST: &str = "```rust\n/// Counts volunteer hours per district.\nfn total_hours(records: &[(String, u32)]) -> u32 {\n    records.iter().map(|(_, h)| h).sum()\n}\n```\n";

fn zh_sentence(r: &mut Rng, out: &mut String) {
    out.push_str(r.pick(&ZH_OPENERS));
    out.push_str(r.pick(&ZH_SUBJECTS));
    out.push_str(r.pick(&ZH_VERBS));
    out.push_str(r.pick(&ZH_OBJECTS));
    out.push('，');
    out.push_str(r.pick(&ZH_TAILS));
    out.push('。');
}

fn zh_paragraph(r: &mut Rng, out: &mut String) -> usize {
    let before = out.len();
    for _ in 0..r.range(2, 4) {
        zh_sentence(r, out);
    }
    out.push_str("\n\n");
    out[before..].chars().count()
}

fn zh_body(r: &mut Rng, metas: &[Meta], links: &[usize], target: usize, code: bool) -> String {
    let mut out = String::with_capacity(target * 4);
    let mut chars = zh_paragraph(r, &mut out);
    let mut headings: Vec<usize> = Vec::new();
    let mut section = 0;
    while chars < target {
        // A new heading every few paragraphs; no heading repeats within a page.
        if section % 2 == 0 && headings.len() < ZH_HEADINGS.len() {
            let mut h = r.below(ZH_HEADINGS.len());
            while headings.contains(&h) {
                h = (h + 1) % ZH_HEADINGS.len();
            }
            headings.push(h);
            let before = out.len();
            let _ = write!(out, "## {}\n\n", ZH_HEADINGS[h]);
            chars += out[before..].chars().count();
        }
        let before = out.len();
        match r.below(6) {
            0 => {
                let (start, step) = (r.below(ZH_LIST_ITEMS.len()), r.pick(&[1usize, 5, 7]));
                for n in 0..r.range(3, 5) {
                    let item = ZH_LIST_ITEMS[(start + n * step) % ZH_LIST_ITEMS.len()];
                    let _ = writeln!(out, "- {item}");
                }
                out.push('\n');
            }
            1 => {
                let (qz, _) = r.pick(&QUOTES);
                let _ = write!(out, "> {qz}\n\n");
            }
            _ => {
                zh_paragraph(r, &mut out);
            }
        }
        chars += out[before..].chars().count();
        section += 1;
    }
    if !links.is_empty() {
        out.push_str("延伸阅读：");
        for (n, &j) in links.iter().enumerate() {
            if n > 0 {
                out.push('、');
            }
            let _ = write!(out, "[{}]({})", metas[j].title_zh, link_path(&metas[j]));
        }
        out.push_str("。\n");
    }
    if code {
        out.push('\n');
        out.push_str(if r.chance(50) { CODE_TEXT } else { CODE_RUST });
    }
    out
}

fn en_sentence(r: &mut Rng, out: &mut String) -> usize {
    let opener = r.pick(&EN_OPENERS);
    let subject = r.pick(&EN_SUBJECTS);
    let before = out.len();
    if opener.is_empty() {
        out.push_str(&capitalize(subject));
    } else {
        out.push_str(opener);
        out.push_str(subject);
    }
    out.push(' ');
    out.push_str(r.pick(&EN_VERBS));
    out.push(' ');
    out.push_str(r.pick(&EN_OBJECTS));
    out.push_str(", ");
    out.push_str(r.pick(&EN_TAILS));
    out.push_str(". ");
    out[before..].split_whitespace().count()
}

fn en_paragraph(r: &mut Rng, out: &mut String) -> usize {
    let mut words = 0;
    for _ in 0..r.range(2, 4) {
        words += en_sentence(r, out);
    }
    out.pop();
    out.push_str("\n\n");
    words
}

fn en_body(r: &mut Rng, metas: &[Meta], links: &[usize], target: usize, code: bool) -> String {
    let mut out = String::with_capacity(target * 8);
    let mut words = en_paragraph(r, &mut out);
    let mut headings: Vec<usize> = Vec::new();
    let mut section = 0;
    while words < target {
        if section % 2 == 0 && headings.len() < EN_HEADINGS.len() {
            let mut h = r.below(EN_HEADINGS.len());
            while headings.contains(&h) {
                h = (h + 1) % EN_HEADINGS.len();
            }
            headings.push(h);
            let _ = write!(out, "## {}\n\n", EN_HEADINGS[h]);
            words += 1 + EN_HEADINGS[h].split_whitespace().count();
        }
        match r.below(6) {
            0 => {
                let (start, step) = (r.below(EN_LIST_ITEMS.len()), r.pick(&[1usize, 5, 7]));
                for n in 0..r.range(3, 5) {
                    let item = EN_LIST_ITEMS[(start + n * step) % EN_LIST_ITEMS.len()];
                    let _ = writeln!(out, "- {item}");
                    words += 1 + item.split_whitespace().count();
                }
                out.push('\n');
            }
            1 => {
                let (_, qe) = r.pick(&QUOTES);
                let _ = write!(out, "> {qe}\n\n");
                words += 1 + qe.split_whitespace().count();
            }
            _ => words += en_paragraph(r, &mut out),
        }
        section += 1;
    }
    if !links.is_empty() {
        out.push_str("See also: ");
        for (n, &j) in links.iter().enumerate() {
            if n > 0 {
                out.push_str(", ");
            }
            let _ = write!(out, "[{}]({})", metas[j].title_en, link_path(&metas[j]));
        }
        out.push_str(".\n");
    }
    if code {
        out.push('\n');
        out.push_str(if r.chance(50) { CODE_TEXT } else { CODE_RUST });
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Serialisation.

fn front_matter(out: &mut String, fields: &[&[(String, String)]]) {
    out.push_str("---\n");
    for group in fields {
        for (k, v) in group.iter() {
            out.push_str(k);
            out.push(':');
            if !v.starts_with('\n') {
                out.push(' ');
            }
            out.push_str(v);
            out.push('\n');
        }
    }
    out.push_str("---\n\n");
}

/// Hugo puts custom keys under `params:`; these keys are Hugo's own.
const HUGO_TOP: [&str; 7] = [
    "title",
    "date",
    "weight",
    "tags",
    "categories",
    "summary",
    "slug",
];

fn hugo_front_matter(out: &mut String, fields: &[&[(String, String)]]) {
    out.push_str("---\n");
    let mut params = String::new();
    for group in fields {
        for (k, v) in group.iter() {
            let target = if HUGO_TOP.contains(&k.as_str()) {
                &mut *out
            } else {
                params.push_str("  ");
                &mut params
            };
            target.push_str(k);
            target.push(':');
            if v.starts_with('\n') {
                // Nested list: indent one level more under params.
                target.push_str(&v.replace("\n  ", "\n    "));
            } else {
                target.push(' ');
                target.push_str(v);
            }
            target.push('\n');
        }
    }
    if !params.is_empty() {
        out.push_str("params:\n");
        out.push_str(&params);
    }
    out.push_str("---\n\n");
}

struct Writer {
    files: usize,
    bytes: u64,
}

impl Writer {
    fn write(&mut self, path: &Path, text: &str) -> io::Result<()> {
        fs::write(path, text)?;
        self.files += 1;
        self.bytes += text.len() as u64;
        Ok(())
    }
}

fn site_yaml() -> String {
    let mut s = String::with_capacity(4096);
    s.push_str(
        "# Generated by `civic` corpus generator (benchmark site).\n\
         base_url: https://wenming.minghu.example.cn\n\
         languages: [zh-CN, en]\n\
         title: { zh-CN: 明湖文明网, en: Minghu Civility Portal }\n\
         description: { zh-CN: 明湖市精神文明建设门户网站, en: News and guidance on civic life in Minghu City }\n\
         city:\n  name: { zh-CN: 明湖市, en: Minghu City }\n  districts: [",
    );
    for (i, (d, _)) in DISTRICTS.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(d);
    }
    s.push_str("]\nrole_model_categories:\n");
    for (key, slug, en) in CATEGORIES {
        let _ = writeln!(
            s,
            "  - {{ key: {key}, slug: {slug}, label: {{ zh-CN: {key}, en: {en} }} }}"
        );
    }
    s.push_str("psa_themes:\n");
    for (key, slug, zh, en) in PSA_THEMES {
        let _ = writeln!(
            s,
            "  - {{ key: {key}, slug: {slug}, label: {{ zh-CN: {zh}, en: {en} }} }}"
        );
    }
    s.push_str(
        "menus:\n  zh-CN:\n\
         \x20   - { label: 首页, link: \"@/_index.md\" }\n\
         \x20   - { label: 道德模范, link: \"@/role-models/_index.md\" }\n\
         \x20   - { label: 市民文明手册, link: \"@/handbook/_index.md\" }\n\
         \x20   - { label: 公益广告, link: \"@/ads/_index.md\" }\n\
         \x20   - { label: 新闻动态, link: \"@/news/_index.md\" }\n\
         \x20   - { label: 关于本站, link: \"@/about.md\" }\n\
         \x20 en:\n\
         \x20   - { label: Home, link: \"@/_index.md\" }\n\
         \x20   - { label: Role Models, link: \"@/role-models/_index.md\" }\n\
         \x20   - { label: Handbook, link: \"@/handbook/_index.md\" }\n\
         \x20   - { label: Public Service Ads, link: \"@/ads/_index.md\" }\n\
         \x20   - { label: News, link: \"@/news/_index.md\" }\n\
         \x20   - { label: About, link: \"@/about.md\" }\n\
         footer:\n\
         \x20 sponsor: { zh-CN: 中共明湖市委宣传部 明湖市文明办, en: Publicity Department of the Minghu Municipal Committee; Minghu Civilization Office }\n\
         \x20 contact: { zh-CN: \"电话：0000-00000000\", en: \"Tel: 0000-00000000\" }\n\
         \x20 address: { zh-CN: 明湖市湖滨区文明路1号, en: \"1 Wenming Road, Hubin District, Minghu\" }\n\
         \x20 icp: 明ICP备20260001号-1\n\
         \x20 police: 明公网安备 00000000000000号\n\
         \x20 police_code: \"00000000000000\"\n\
         \x20 site_id: \"0000000001\"\n\
         gov_meta:\n\
         \x20 site_name: 明湖文明网\n\
         \x20 site_domain: wenming.minghu.example.cn\n\
         \x20 site_id_code: \"0000000001\"\n\
         stale_after_days: 14\n",
    );
    s
}

/// A section index written by the generator.
#[derive(Clone, Copy)]
struct SectionInfo {
    dir: &'static str,
    kind: &'static str,
    title_zh: &'static str,
    title_en: &'static str,
    summary_zh: &'static str,
    summary_en: &'static str,
    weight: u32,
    paginate: u32,
}

const SECTION_INFO: [SectionInfo; 4] = [
    SectionInfo {
        dir: "role-models",
        kind: "role_model",
        title_zh: "道德模范",
        title_en: "Role Models",
        summary_zh: "明湖市各级道德模范和身边好人的感人事迹。",
        summary_en: "Moral models and Good Samaritans of Minghu City.",
        weight: 1,
        paginate: 20,
    },
    SectionInfo {
        dir: "handbook",
        kind: "handbook",
        title_zh: "市民文明手册",
        title_en: "Citizens' Handbook",
        summary_zh: "做文明市民的基本要求和实用建议。",
        summary_en: "The basics of civic life in Minghu, chapter by chapter.",
        weight: 2,
        paginate: 50,
    },
    SectionInfo {
        dir: "ads",
        kind: "psa",
        title_zh: "公益广告",
        title_en: "Public Service Ads",
        summary_zh: "正在展示和往期的公益广告。",
        summary_en: "Current and past public service ads.",
        weight: 3,
        paginate: 10,
    },
    SectionInfo {
        dir: "news",
        kind: "news",
        title_zh: "新闻动态",
        title_en: "News",
        summary_zh: "明湖市精神文明建设最新动态。",
        summary_en: "The latest on civic life in Minghu City.",
        weight: 4,
        paginate: 10,
    },
];

fn write_corpus(root: &Path, docs: usize, seed: u64, flavor: Flavor) -> io::Result<CorpusStats> {
    let c = counts(docs);
    let content = root.join("content");
    for (dir, _) in SECTIONS {
        fs::create_dir_all(content.join(dir))?;
    }
    let mut w = Writer { files: 0, bytes: 0 };
    let mut stats = CorpusStats {
        docs,
        role_models: c.role_models,
        handbook: c.handbook,
        psas: c.psas,
        news: c.news,
        pages_per_lang: docs + SECTIONS.len() + 2,
        ..CorpusStats::default()
    };

    if flavor == Flavor::Civic {
        w.write(&root.join("site.yaml"), &site_yaml())?;
    }

    // Home and about.
    let home_zh = "---\ntitle: \"明湖文明网\"\nsummary: \"明湖市精神文明建设门户网站。\"\n---\n\n欢迎访问明湖文明网。这里发布道德模范事迹、市民文明手册、公益广告和新闻动态。\n";
    let home_en = "---\ntitle: \"Minghu Civility Portal\"\nsummary: \"News and guidance on civic life in Minghu City.\"\n---\n\nWelcome to the Minghu Civility Portal: role models, the citizens' handbook, public service ads and news.\n";
    w.write(&content.join("_index.md"), home_zh)?;
    w.write(&content.join("_index.en.md"), home_en)?;
    let about_zh = "---\ntitle: \"关于本站\"\nsummary: \"明湖文明网由明湖市文明办主办。\"\n---\n\n明湖文明网由中共明湖市委宣传部、明湖市文明办主办，发布全市精神文明建设信息。\n\n## 联系我们\n\n地址：明湖市湖滨区文明路1号。\n";
    let about_en = "---\ntitle: \"About this site\"\nsummary: \"The Minghu Civility Portal is run by the Minghu Civilization Office.\"\n---\n\nThe Minghu Civility Portal is run by the Publicity Department and the Minghu Civilization Office.\n\n## Contact us\n\nAddress: 1 Wenming Road, Hubin District, Minghu.\n";
    w.write(&content.join("about.md"), about_zh)?;
    w.write(&content.join("about.en.md"), about_en)?;

    for info in &SECTION_INFO {
        let SectionInfo {
            dir,
            kind,
            title_zh: tz,
            title_en: te,
            summary_zh: sz,
            summary_en: se,
            weight,
            paginate,
        } = *info;
        // Hugo: the handbook also renders one printable page of all chapters (as Civic does).
        let outputs = if dir == "handbook" {
            "outputs: [html, rss, print]\n"
        } else {
            ""
        };
        let (zh, en) = match flavor {
            Flavor::Civic => (
                format!(
                    "---\nkind: {kind}\ntitle: {}\nsummary: {}\nkeywords: [{tz}, 明湖]\nweight: {weight}\npaginate: {paginate}\n---\n\n{sz}\n",
                    q(tz),
                    q(sz)
                ),
                // `paginate` is not inherited by an English twin: state it in both languages.
                format!(
                    "---\ntitle: {}\nsummary: {}\nkeywords: [{}, Minghu]\npaginate: {paginate}\n---\n\n{se}\n",
                    q(te),
                    q(se),
                    q(te)
                ),
            ),
            Flavor::Hugo => (
                format!(
                    "---\ntitle: {}\nsummary: {}\nweight: {weight}\n{outputs}params:\n  kind: {kind}\n  paginate: {paginate}\n  keywords: [{tz}, 明湖]\n---\n\n{sz}\n",
                    q(tz),
                    q(sz)
                ),
                format!(
                    "---\ntitle: {}\nsummary: {}\nweight: {weight}\n{outputs}params:\n  kind: {kind}\n  paginate: {paginate}\n  keywords: [{}, Minghu]\n---\n\n{se}\n",
                    q(te),
                    q(se),
                    q(te)
                ),
            ),
        };
        let d = content.join(dir);
        w.write(&d.join("_index.md"), &zh)?;
        w.write(&d.join("_index.en.md"), &en)?;
    }

    let metas: Vec<Meta> = (0..docs).map(|i| meta(seed, &c, i)).collect();
    let mut buf = String::with_capacity(16 * 1024);
    for i in 0..docs {
        let doc = build_doc(seed, &c, &metas, i);
        let m = &metas[i];
        let dir = content.join(m.kind.dir());
        stats.zh_chars += doc.zh_body.chars().count() as u64;
        stats.en_words += doc.en_body.split_whitespace().count() as u64;
        stats.code_blocks += doc.has_code as usize;
        stats.psas_active += doc.psa_active as usize;

        buf.clear();
        match flavor {
            Flavor::Civic => front_matter(&mut buf, &[&doc.zh_fields, &doc.neutral]),
            Flavor::Hugo => {
                hugo_front_matter(&mut buf, &[&doc.zh_fields, &doc.neutral, &doc.hugo_neutral])
            }
        }
        buf.push_str(&doc.zh_body);
        w.write(&dir.join(format!("{}.md", m.slug)), &buf)?;

        buf.clear();
        match flavor {
            Flavor::Civic => front_matter(&mut buf, &[&doc.en_fields]),
            Flavor::Hugo => {
                hugo_front_matter(&mut buf, &[&doc.en_fields, &doc.neutral, &doc.hugo_neutral])
            }
        }
        buf.push_str(&doc.en_body);
        w.write(&dir.join(format!("{}.en.md", m.slug)), &buf)?;
    }
    stats.files = w.files;
    stats.bytes = w.bytes;
    Ok(stats)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_add_up() {
        for n in [0, 1, 2, 3, 10, 30, 1000, 10_000] {
            let c = counts(n);
            assert_eq!(c.role_models + c.handbook + c.psas + c.news, n);
        }
        let c = counts(1000);
        assert_eq!(
            (c.role_models, c.handbook, c.psas, c.news),
            (700, 200, 50, 50)
        );
    }

    #[test]
    fn bodies_have_the_requested_length() {
        let c = counts(200);
        let metas: Vec<Meta> = (0..200).map(|i| meta(7, &c, i)).collect();
        for i in 0..200 {
            let d = build_doc(7, &c, &metas, i);
            let zh = d.zh_body.chars().count();
            let en = d.en_body.split_whitespace().count();
            assert!((600..=1800).contains(&zh), "zh {zh}");
            assert!((400..=1000).contains(&en), "en {en}");
        }
    }

    #[test]
    fn slugs_are_unique() {
        let c = counts(5000);
        let mut slugs: Vec<String> = (0..5000).map(|i| meta(1, &c, i).slug).collect();
        slugs.sort();
        slugs.dedup();
        assert_eq!(slugs.len(), 5000);
    }
}
