## render
render-template-not-utf8 = 模板不是 UTF-8 文本
render-template-syntax = 有模板无法读取：
    { $reason }
render-template-syntax-help = 请修正模板语法；上面的报告写明了是哪个模板、哪一行
render-failed = 页面生成失败：
    { $reason }
render-failed-help = 模板用到了一个不存在的值（例如缺少某条界面文字）；请修正模板或补上这条文字
render-i18n-missing-file = 主题缺少 i18n/{ $lang }.yaml
render-i18n-missing-file-help = 每个主题都需要 i18n/zh-CN.yaml 和 i18n/en.yaml
render-i18n-unknown-key = site.yaml 覆盖了 `{ $key }`，但主题并没有用到这条文字
render-i18n-unknown-key-help = 请对照主题的 i18n 文件检查拼写
render-i18n-missing-key = 界面文字 `{ $key }` 缺少 { $lang } 版本
render-i18n-missing-key-help = 在这个文件里加一行 `{ $key }: …`
render-no-theme = themes/ 里没有名为 `{ $name }` 的主题
render-no-theme-help = 把主题放进 themes/<主题名>/，或删掉 `theme:` 这一行以使用默认主题
image-unreadable = 无法读取这张图片：{ $reason }
image-not-an-image = 这个文件不是可读取的 JPEG、PNG 或 WebP 图片
image-export-again = 请把照片重新导出为 JPEG 或 PNG
image-undecodable = 无法解码这张图片：{ $reason }
image-unresizable = 无法缩放这张图片：{ $reason }
image-unsafe-format = .{ $ext } 格式的图片不能发布：构建程序无法去除其中的位置信息
image-unsafe-format-help = 请把照片导出为 JPEG（或 PNG），改用导出的文件
render-folder-outside = { $folder } 是指向网站文件夹之外（{ $target }）的符号链接；Civic 不从那里读取主题或静态文件
render-folder-outside-help = 请把该文件夹复制到网站里，而不是链接过去
image-library-said = { $reason }
image-too-many-pixels = 图片为 { $width }×{ $height } 像素，超过 Civic 可解码的 { $megapixels } 百万像素；请导出较小的图片（例如宽 4000 像素）并替换该文件
render-theme-outside-help = 请把主题复制到网站的 themes/ 文件夹里，而不是链接过去；确需放在网站之外的可信主题，只能在命令行上指定：civic build --theme-dir 文件夹（check 和 serve 也可以这样用）
render-theme-dir-missing = --theme-dir { $folder } 不是文件夹：请写主题所在的文件夹（里面有 templates/、static/ 和 i18n/），或者去掉 --theme-dir，使用 site.yaml 指定的主题
