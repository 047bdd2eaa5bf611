## markdown
link-outside-content = `{ $dest }` 指向了 content 文件夹以外的位置
link-missing-page = `{ $dest }` 链接到的页面不存在
link-not-a-file = `{ $dest }` 不是 content/ 里的文件；链接页面请写它的 .md 文件，例如 `../news/_index.md`
link-missing-file = `{ $dest }` 链接到的文件不存在
link-broken = 链接无效：{ $why }
link-broken-help = 请改正路径（相对于本文件，或从 content 文件夹写起，如 `@/section/page.md`），或者删除这个链接
link-did-you-mean = 您是不是想链接 `@/{ $target }`？否则：{ $otherwise }
markdown-unused-footnote = 脚注 `[^{ $name }]` 没有被正文引用，因此不会发布
markdown-unused-footnote-help = 在正文里用 `[^{ $name }]` 引用它，或者删除这条脚注
markdown-raw-html-shown = 一个会遮住页面其余部分的 HTML 标签（<title>、<script>、<style>、<textarea>、<xmp> 等）被原样显示为文字
markdown-raw-html-shown-help = 删除这个标签；如果页面本身是在讲 HTML，就把它写成 `代码` 形式
markdown-failed = Markdown 解析程序处理这个页面时出错
markdown-failed-help = 请逐步简化页面直到能够构建，并把出错的文字发给 Civic 维护者
markdown-long-code-line = 这个代码块里有一行长达 { $chars } 个字符，超过了语法高亮的上限 { $limit }；整个代码块将以纯文本显示
markdown-long-code-line-help = 把这一行拆短，或在 site.yaml 里调高 `limits: {"{"} highlight_line_chars: … {"}"}`
link-draft-page = `{ $dest }` 链接到的是草稿（`draft: true`），草稿不会发布：请先发布它，或改链到别处
link-symlink-file = `{ $dest }` 是 content/ 里的符号链接（或位于被链接的文件夹里）；Civic 不跟随 content/ 里的链接，所以不会发布它：请把文件本身复制到 content/ 里，并删掉这个链接
