## markdown
link-outside-content = `{ $dest }` 指向了 content 文件夹以外的位置
link-missing-page = `{ $dest }` 链接到的页面不存在
link-not-a-file = `{ $dest }` 不是 content/ 里的文件；链接页面请写它的 .md 文件，例如 `../news/_index.md`
link-missing-file = `{ $dest }` 链接到的文件不存在
link-broken = 链接无效：{ $why }
link-broken-help = 请改正路径（相对于本文件，或从 content 文件夹写起，如 `@/section/page.md`），或者删除这个链接
link-did-you-mean = 您是不是想链接 `@/{ $target }`？否则：{ $otherwise }
