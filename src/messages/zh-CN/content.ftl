## content
## 读取页面文件
content-unreadable = 无法读取这个文件：{ $reason }
content-file-too-large = 这个文件有 { $size_mb } MB，超过了每个页面 { $limit_mb } MB 的上限
content-file-too-large-help = 请把它拆成几个页面；如果这个页面确实需要这么大，请在 site.yaml 里调高 `limits: {"{"} file_size_mb: … {"}"}`
content-not-utf8 = 这个文件不是 UTF-8 编码的文本
content-not-utf8-help = 请把文件另存为 UTF-8 编码（大多数编辑器：“另存为”→ 编码选 UTF-8）；不支持 GBK 编码的文件
content-nul-byte = 这个文件里有一个 NUL 字符（字节 0）
content-nul-byte-help = 请删除它：它在大多数编辑器里看不见，通常是从 PDF 或二进制文件里复制文字时带进来的
content-no-front-matter = 这个文件没有 front matter（开头的信息区）
content-no-front-matter-help = 文件第一行请写 `---`，接着写 `title: …`，然后再写一行 `---`
content-front-matter-unclosed = front matter 没有结束行
content-front-matter-unclosed-help = 请在最后一项 front matter 之后加一行 `---`
content-front-matter-too-large = front matter 有 { $size_kb } KB，超过了 { $limit_kb } KB 的上限
content-front-matter-too-large-help = 请把长段文字移到正文里（结束的 `---` 下面）；如果确实要放在 front matter 里，请在 site.yaml 里调高 `limits: {"{"} front_matter_kb: … {"}"}`
content-placeholder = 这个页面还留着 `civic new` 写入的占位文字“{ $placeholder }”
content-placeholder-suspect = 这一行像是还没写完的占位文字：“{ $text }”
content-placeholder-suspect-help = 请换成正式内容再发布；页面还没写完时，请在 front matter 里写上 `draft: true`，这样它不会被发布。如果这正是要发布的原文，可以不理会这条警告
content-placeholder-help = 请把它换成正式内容；页面还没写完时，请在 front matter 里保留 `draft: true`，这样它不会被发布

## content/ 文件夹
content-no-folder = 没有找到 content/ 文件夹
content-no-folder-help = 请新建 content/_index.md，或用 --root 指定网站所在的文件夹
content-unreadable-entry = 无法读取：{ $reason }
content-bad-file-name = 有一个文件名不是有效的 UTF-8，或者含有反斜杠 `\`
content-bad-file-name-help = 请只用字母、数字和 `-` 重新命名这个文件；文件夹用 `/` 分隔，不要用 `\`
content-symlink-inside = 这是一个符号链接（快捷方式）；Civic 不跟随链接，所以已跳过它
content-symlink-outside = 这个符号链接指向 content/ 以外的地方（或者指向的文件不存在），已跳过
content-symlink-help = 请把文件或文件夹直接复制到 content/ 里，不要用链接
content-unknown-language = `.{ $suffix }.md` 不是本网站的语言
content-unknown-language-help = 英文页面的文件名以 `.en.md` 结尾；中文页面不加语言后缀
content-misplaced-index = 放在 content/ 最上层的 index.md 含义不明确
content-misplaced-index-help = 首页的文件是 content/_index.md
content-no-home = 缺少首页文件 content/_index.md
content-no-home-help = 请新建这个文件，front matter 里至少写上 `title:`

## 栏目
content-section-kind-missing = 这个栏目没有说明它放的是哪类页面
content-section-kind-missing-help = 请在 front matter 里加一行 `kind: …`；可用的类型有：{ $kinds }
content-section-kind-unknown = `{ $name }` 不是栏目类型
content-kinds = 可用的类型有：{ $kinds }
content-kinds-guess = 您是不是想写 `{ $guess }`？可用的类型有：{ $kinds }
content-paginate-zero = paginate 至少要是 1
content-paginate-zero-help = 例如写成 `paginate: 10`

## 页面的 front matter
content-required-empty = 必填项 `{ $key }` 缺失或为空
content-required-missing = 缺少必填项 `{ $key }`
content-add-key-help = 在 front matter 里加一行 `{ $key }: …`
content-date-invalid = `{ $value }` 不是有效的日期
content-date-help = 日期请写成 `2026-11-20` 或 `2026-11-20T09:30:00+08:00`
content-key-wrong-kind = `{ $key }` 不是 `{ $kind }` 类页面可用的项
content-key-other-kind = `{ $key }` 不是 `{ $kind }` 类页面可用的项（它属于 `{ $owner }` 类页面）
content-key-wrong-kind-help = 请删除这一行，或把它移到 `extra:` 下面
content-tag-unusable = 标签 `{ $tag }` 里没有文字或数字，无法生成标签页
content-tag-help = 把标签写成词语（如 志愿服务），或从 `tags:` 里删掉它
content-slug-unusable = `{ $slug }` 不能用在网址里：{ $why }
content-slug-help = 请只用小写字母 a–z、数字和 `-`，例如 `slug: li-mei`
content-slug-from-file-help = 请把文件改名为拼音或英文名，例如 `li-mei.md`，或者加一行 `slug: li-mei`；Civic 不会替您猜拼音
content-slug-empty = 它是空的
content-slug-not-ascii = 它含有汉字或其他非 ASCII 字符
content-slug-bad-char = 它含有 `{ $char }`
content-slug-bad-hyphen = 它以 `-` 开头或结尾，或者含有 `--`
content-slug-too-long = 它有 { $length } 个字符，超过了网址一段最多 { $max } 个字符的限制
content-weight-help = 章节按 weight 排序：第一章请加 `weight: 1`
content-news-date-help = 新闻必须有日期：请加一行 `date: 2026-11-20`
content-alt-missing = `{ $file_key }` 没有文字说明：缺少 `{ $alt_key }`
content-alt-missing-help = 请加一行 `{ $alt_key }: …`，为看不见图片的读者描述图片内容
content-category-unknown = `{ $category }` 不是本网站的道德模范类别
content-category-help = 请从这些类别中选一个：{ $categories }（新的类别要在 site.yaml 的 `role_model_categories:` 下添加）
content-category-guess-help = 您是不是想写 `{ $guess }`？请从这些类别中选一个：{ $categories }（新的类别要在 site.yaml 的 `role_model_categories:` 下添加）
content-category-missing-help = 例如加一行 `category: 助人为乐`（类别列在 site.yaml 里）
content-year-missing-help = 请加上获评年份，例如 `year: 2025`
content-theme-unknown = `{ $theme }` 不是本网站的公益广告主题
content-theme-none-help = site.yaml 里没有列出公益广告主题：请在 `psa_themes:` 下添加，或删除 `theme:` 这一行
content-theme-help = 请从这些主题中选一个：{ $themes }（新的主题要在 site.yaml 的 `psa_themes:` 下添加）
content-theme-guess-help = 您是不是想写 `{ $guess }`？请从这些主题中选一个：{ $themes }（新的主题要在 site.yaml 的 `psa_themes:` 下添加）
content-start-missing-help = 请加上活动的第一天，例如 `start: 2026-11-01`
content-ends-before-start = 活动的结束日期（{ $end }）早于开始日期（{ $start }）
content-ends-before-start-help = 请检查 `start` 和 `end` 两个日期

## yaml：front matter 和 site.yaml 的 YAML 格式
yaml-write-like-this = 这一行请写成：  { $line }
yaml-tab = 这一行里有制表符（Tab）；YAML 只能用空格缩进
yaml-full-width-colon = `{ $key }` 后面是中文冒号 `：`；YAML 需要英文冒号 `:` 加一个空格
yaml-colon-in-value = `{ $key }` 的文字里有冒号 `:`，YAML 会把它当成一个新的项
yaml-too-deep = 这里的列表和映射嵌套超过了 { $max_depth } 层
yaml-too-deep-help = 请减少嵌套层数；如果页面确实需要更多层，请在 site.yaml 里调高 `limits: {"{"} nesting_depth: … {"}"}`
yaml-alias-bomb = 这段 YAML 展开后的内容远远多于它本身的长度（锚点 `&name` 通过别名 `*name` 被反复引用）
yaml-alias-bomb-help = 请把值直接写出来，不要使用 `&` 锚点和 `*` 别名
yaml-number-help = 这一项要填整数，例如 `year: 2025`
yaml-number-unsigned-help = 这一项要填 0 或更大的整数，例如 `year: 2025`
yaml-key-number-help = `{ $key }` 要填整数，例如 `{ $key }: 14`
yaml-key-number-unsigned-help = `{ $key }` 要填 0 或更大的整数，例如 `{ $key }: 14`
yaml-unknown-key = 未知的项 `{ $key }`
yaml-unknown-key-guess-help = 您是不是想写 `{ $guess }`？自己的数据请放在 `extra:` 下面，不要新增项。
yaml-unknown-key-help = 这里可用的项有：{ $keys }。自己的数据请放在 `extra:` 下面。
yaml-duplicate-key = `{ $key }` 这一项出现了两次
yaml-duplicate-key-help = 请只保留其中一行
yaml-expected-list = 这里的值应该是一个列表
yaml-expected-list-help = 这一项要填列表，例如 `tags: [志愿服务, 社区]`
yaml-expected-number = 这里的值应该是整数
yaml-expected-text = 这里的值应该是文字
yaml-expected-text-help = 文字里有 `:`、`[` 或 `{"{"}` 时，请用英文引号把它括起来，例如 `title: "[通知] 志愿服务"`
yaml-expected-bool = 这里的值应该是 `true` 或 `false`
yaml-expected-bool-help = 这一项只能填 `true` 或 `false`
yaml-expected-mapping = 这里的值应该是 `键: 值` 形式的若干行
yaml-expected-mapping-help = 这一项要填 `键: 值` 形式的内容，每行一对，缩进写在它下面
yaml-syntax = YAML 格式错误：{ $detail }
yaml-syntax-help = 请检查这一行和上一行的缩进、冒号和引号

## civic check：关于页面的检查结果
check-link-no-such-address = 链接 `{ $link }` 指向的地址在本网站上不存在
check-link-no-such-address-help = 链接到页面时请写它的 Markdown 文件（例如 `@/news/_index.md` 或 `../role-models/li-mei.md`），这样 Civic 会检查并自动更新地址
check-anchor-missing = 链接 `{ $link }` 指向标题 `#{ $fragment }`，但那个页面没有这个标题
check-anchor-guess-help = 您是不是想写 `#{ $anchor }`？锚点就是标题的文字：`## 文明交通` 对应 `#文明交通`
check-anchor-no-headings-help = 那个页面没有任何标题；锚点就是标题的文字：`## 文明交通` 对应 `#文明交通`
check-anchor-headings-help = 那个页面的标题有 { $headings }；锚点就是标题的文字：`## 文明交通` 对应 `#文明交通`
check-missing-alt = 这张图片没有文字说明（alt 文本），看不见图片的读者无法知道它的内容
check-missing-alt-help = 请在方括号里写出图片上是什么，例如 `![志愿者在湖滨公园清扫落叶](photo.jpg)`
check-section-empty = 这个栏目里还没有页面，读者只会看到一个空列表
check-section-empty-help = 请用 `civic new { $kind } "…"` 添加页面；栏目有内容之前，也可以给它标上 `draft: true`
check-section-stale = 这个新闻栏目已经 { $age } 天没有新内容了（最新一条是 { $newest } 发布的，上限是 { $limit } 天）
check-section-stale-help = 请发布一条新闻；如果这个栏目本来就更新得少，请在这个 _index.md（或 site.yaml）里设置 `stale_after_days:`
content-twin-missing-field = 英文版没有中文版 { $zh } 里的 `{ $key }`：英文页面不会显示这一项
content-twin-missing-field-help = 请在这个文件的 front matter 里加上 `{ $key }:`，写英文内容
content-folder-symlink = content/ 是符号链接；Civic 不跟随链接，因此不会从中发布任何内容
content-folder-symlink-help = 请把该文件夹本身移到网站里作为 content/，不要用链接
