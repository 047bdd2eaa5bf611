//! The word lists the corpus is written from: names, honours, places, campaigns and the parts
//! Chinese and English sentences are assembled from.

pub(super) const SURNAMES: [(&str, &str); 20] = [
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

pub(super) const GIVEN: [(&str, &str); 24] = [
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

pub(super) const DISTRICTS: [(&str, &str); 6] = [
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

pub(super) const OCCUPATIONS: [(&str, &str); 12] = [
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

pub(super) const DEEDS: [(&str, &str); 12] = [
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
pub(super) const HONORS: [(&str, &str, &str, usize); 7] = [
    ("全国道德模范", "National Moral Model", "national", 0),
    ("中国好人", "Good Samaritan of China", "national", 0),
    ("省级道德模范", "Provincial Moral Model", "provincial", 1),
    ("五一劳动奖章", "May Day Labour Medal", "provincial", 1),
    ("明湖市道德模范", "Minghu Moral Model", "city", 2),
    ("明湖好人", "Minghu Good Samaritan", "city", 2),
    ("最美志愿者", "Most Admirable Volunteer", "district", 3),
];

pub(super) const ISSUERS: [(&str, &str); 4] = [
    ("中央文明办", "Central Civilization Office"),
    ("省文明委", "Provincial Civilization Commission"),
    ("明湖市文明委", "Minghu Civilization Commission"),
    ("区文明办", "District Civilization Office"),
];

pub(super) const QUOTES: [(&str, &str); 8] = [
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

pub(super) const HANDBOOK_TOPICS: [(&str, &str); 16] = [
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

pub(super) const CAMPAIGNS: [(&str, &str); 6] = [
    ("文明城市创建宣传月", "Civilised City Campaign Month"),
    ("垃圾分类进万家", "Waste Sorting in Every Home"),
    ("礼让斑马线", "Give Way at Zebra Crossings"),
    ("厉行节约 反对浪费", "Save Food, Stop Waste"),
    ("诚信明湖", "Honest Minghu"),
    ("我是志愿者", "I Am a Volunteer"),
];

pub(super) const SPONSORS: [(&str, &str); 3] = [
    ("明湖市文明办", "Minghu Civilization Office"),
    ("明湖市城市管理局", "Minghu Urban Management Bureau"),
    ("明湖市交通运输局", "Minghu Transport Bureau"),
];

pub(super) const NEWS_EVENTS: [(&str, &str); 10] = [
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

pub(super) const NEWS_SOURCES: [(&str, &str); 3] = [
    ("明湖日报", "Minghu Daily"),
    ("明湖广播电视台", "Minghu Radio and Television"),
    ("明湖文明网", "Minghu Civility Portal"),
];

// Chinese sentence parts.
pub(super) const ZH_SUBJECTS: [&str; 16] = [
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
pub(super) const ZH_OPENERS: [&str; 10] = [
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
pub(super) const ZH_VERBS: [&str; 12] = [
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
pub(super) const ZH_OBJECTS: [&str; 18] = [
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
pub(super) const ZH_TAILS: [&str; 12] = [
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
pub(super) const ZH_HEADINGS: [&str; 12] = [
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
pub(super) const ZH_LIST_ITEMS: [&str; 12] = [
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
pub(super) const EN_OPENERS: [&str; 10] = [
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
pub(super) const EN_SUBJECTS: [&str; 14] = [
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
pub(super) const EN_VERBS: [&str; 12] = [
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
pub(super) const EN_OBJECTS: [&str; 16] = [
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
pub(super) const EN_TAILS: [&str; 12] = [
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
pub(super) const EN_HEADINGS: [&str; 12] = [
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
pub(super) const EN_LIST_ITEMS: [&str; 12] = [
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
