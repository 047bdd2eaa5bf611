## translations：civic translations
translations-column-page = 页面
translations-column-twin = 英文版
translations-column-status = 翻译状态
translations-column-zh-chars = 中文字数
translations-column-en-words = 英文词数
translations-twin-yes = 有
translations-twin-no = 无
translations-status-missing = 缺少译文
translations-status-up-to-date = 已是最新
translations-status-outdated = 已过时
translations-status-unreviewed = 未审核
translations-summary = 共 { $pages } 个页面：{ $up_to_date } 个已是最新，{ $outdated } 个已过时，{ $unreviewed } 个未审核，{ $missing } 个没有译文
translations-not-in-content = { $file } 不在网站的 content/ 文件夹里（它实际在 { $outside }）；只能标记本网站的页面
translations-not-markdown = { $file } 不是 Markdown 页面（.md）
translations-twin-outside = { $twin } 指向网站 content/ 文件夹以外的地方（{ $outside }）
translations-no-source = { $file }：没有对应的中文原文 { $source }
translations-no-twin = { $file }：没有对应的英文页面 { $twin }；请先创建它（civic new … --lang en）
translations-cannot-read = 无法读取 { $path }：{ $reason }
translations-cannot-write = 无法写入 { $path }：{ $reason }
translations-cannot-keep = 无法把标记时的原文保存到 { $path }：{ $reason }
translations-no-front-matter = { $twin }：这个文件没有 front matter（--- … ---），无法记录审核结果
translations-marked = { $twin }：已标记为与 { $source } 一致（source_hash: { $hash }）
translations-never-marked = { $twin } 从未标记过，没有可以比较的旧版本；请对照整篇中文页面 { $source } 翻译，然后运行 `civic translations mark { $twin }`
translations-nothing-changed = { $twin }：自译文标记以来，{ $source } 没有任何改动。
translations-not-kept = { $twin } 标记时所对照的中文原文（source_hash { $hash }）没有保存在 { $folder } 里：可能是在 Civic 开始保存原文之前标记的，或者是在另一台电脑上标记的；这一次请把英文页面与整篇中文页面 { $source } 对照一遍，然后运行 `civic translations mark { $twin }`
translations-diff-heading = 自 { $twin } 标记以来，{ $source } 的改动如下：
    （- 表示删去，+ 表示新增；行号是中文文件现在的行号）
translations-diff-at-line = @ 第 { $line } 行
translations-diff-footer = 英文内容改好、与中文一致后，请运行：civic translations mark { $twin }

## civic check：关于翻译的检查结果
check-page-untranslated = 这个页面还没有英文翻译
check-page-untranslated-help = 请添加 { $twin }；在此之前，英文版的语言切换会跳到最近一个已翻译的栏目
check-translation-outdated = 这篇译文上次审核之后，中文原文 { $source } 有了改动
check-translation-unreviewed = 这篇译文还没有标记为已对照 { $source } 审核过
check-translation-review-help = 请用 `civic translations diff { $twin }` 查看中文页面改了什么，更新英文内容，然后运行 `civic translations mark { $twin }`
check-section-untranslated = 这个栏目还没有英文索引页
check-section-untranslated-help = 请添加 { $twin }，至少写上 `title:`
translations-baselines-kept = 已为 { $count } 个已是最新的英文版保存中文原文：之后可用 `civic translations diff` 查看改动
translations-baseline-left = { $twin } 与 { $source } 不同步（或从未标记），未保存原文：请先核对译文，再运行 `civic translations mark { $twin }`
