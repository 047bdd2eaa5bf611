## new：civic new
new-kind-unknown = `{ $kind }` 不是页面类型；可用的类型有：{ $kinds }
new-kind-unknown-guess = `{ $kind }` 不是页面类型；您是不是想写 `{ $guess }`？可用的类型有：{ $kinds }
new-no-section = 本网站没有存放 `{ $kind }` 类页面的栏目
new-no-section-help = 请在 content/ 下新建一个文件夹，在里面放一个写有 `kind: { $kind }` 的 _index.md
new-several-sections = 有好几个栏目都存放 `{ $kind }` 类页面：{ $sections }
new-several-sections-help = 请用 --section 选一个，例如 --section news
new-section-outside = --section `{ $section }` 指向 content/ 以外的地方（{ $outside }）；新页面必须放在网站里面
    提示：请写 content/ 下某个栏目文件夹的名字，例如 --section news
new-no-section-folder = 没有栏目文件夹 content/{ $section }
new-no-section-folder-help = 请检查 --section 后面写的名字
new-slug-invalid = --slug `{ $slug }` 不能用：{ $why }；请只用小写字母、数字和 `-`
new-pinyin-note = 注意：文件名 `{ $slug }` 是根据标题的拼音生成的。拼音可能读错多音字（如 重庆、银行），请在发布前检查；如有错误，请给文件改名，或用 --slug 指定。
new-no-slug = 无法根据这个标题生成文件名
new-no-slug-help = 请用 --slug 指定一个，例如 --slug li-mei
new-exists = { $path } 已经存在；Civic 不会覆盖已有的页面
new-exists-help = 请用 --slug 换一个文件名
new-cannot-create = 无法创建 { $path }：{ $reason }
new-cannot-write = 无法写入 { $path }：{ $reason }
new-no-chinese-page = 没有可供翻译的中文页面 { $path }
new-no-chinese-page-help = 英文页面和它的中文页面放在一起；请用 --slug 写出中文页面的文件名
new-zh-no-front-matter = 中文页面没有可供翻译的 front matter
new-zh-front-matter-unreadable = 中文页面的 front matter 读不出来（第 { $line } 行）：{ $problem }
new-chinese-page-problem = { $path }：{ $problem }
new-chinese-page-problem-help = 请先修正中文页面（运行 civic check 可以看到怎么改）
new-names-note = 注意：发布前，本页出现的领导姓名和规范名称会对照 { $dir }/ 里的名单检查（每份名单有 `as_of:` 核对日期，超过 { $days } 天未核对会提醒），身份证号、手机号、银行卡号、密级标志和页面日期也会检查：运行 `civic check --inspection`，详见 docs/inspection.md。
new-names-missing = 注意：本站没有规范名称名单（{ $dir }/*.yaml），发布前不会检查领导姓名和规范名称；建立名单的办法见 docs/inspection.md。
new-review-note = 注意：本站开启了三审三校（`review:`）：本页要经 { $levels } 级签审后才能发布（`civic review sign 文件 --level 级别 --name 姓名`）；签审后再修改，需要重新签审。
