## output
output-interrupted = 构建被中断了
output-clash = 构建中有两个文件都是 { $path }
output-clash-help = 某个页面、别名（alias）或静态文件用了另一个已被占用的路径；请给其中一个改名
output-reserved = 构建中有个文件是 { $path }，而这个文件由构建程序自己生成
output-reserved-help = 有别名（alias）或静态文件用了这个名字；请改名或删除它
output-build-running = 另一个 civic 构建正在写入 { $output }
output-build-running-help = 请等它完成（或停止它）后再构建
output-outside = 拒绝写到输出文件夹以外：{ $path }
output-cannot-write = 无法写入 { $path }：{ $reason }
output-cannot-write-help = 请检查输出文件夹是否可写、磁盘是否已满
output-unreadable = 无法读取：{ $reason }
output-interrupted-cleaned = 已中断：构建已停止，临时文件夹已删除；输出文件夹保持原样。
output-no-signal-watch = 警告：无法监听 Ctrl+C（{ $reason }）；构建若被中断，可能留下临时文件夹，下次构建时会自动删除
place-no-site-folder = 找不到网站文件夹 { $root }：{ $reason }
place-unresolvable = --output { $output }：{ $reason }
place-refused = --output { $output }：{ $what }；构建会整体替换输出文件夹，这样会删掉网站的源文件
    提示：请另选一个专用文件夹，例如 --output output
place-is-site = 就是网站文件夹本身
place-contains-site = 包含了网站文件夹
place-is-source = 就是网站的 { $name }
place-inside-source = 位于网站的 { $name } 之内
place-contains-source = 包含了网站的 { $name }
place-is-file = --output { $output } 是一个文件，不是文件夹；构建会把它替换掉
    提示：请选择一个文件夹，例如 --output output
place-foreign-folder = --output { $output } 是一个不是由 Civic 创建的文件夹，而构建会整体替换输出文件夹：其中的文件会被删除
    提示：请选择一个新的或空的文件夹；Civic 只替换它自己构建的文件夹（其中有 .civic-output）
output-served-twice = 另一个 civic serve 已经在 { $address } 预览 { $output }
output-served-twice-help = 直接在浏览器里打开这个地址，或先停止另一个预览（在它的窗口里按 Ctrl+C）
output-being-served = civic serve 正在 { $address } 预览 { $output }；现在构建会替换它正在使用的文件夹
output-being-served-help = 请先停止预览（在它的窗口里按 Ctrl+C），或构建到另一个文件夹，例如 --output dist
place-system-folder = 是系统文件夹（根目录、顶层文件夹或用户主目录）
place-force-foreign = --output { $output } 里有不是 Civic 写入的文件（其中没有 { $stamp }）：--force 只会替换 Civic 构建的文件夹，其他文件夹一律不替换
    提示：请选择一个新的或空的文件夹，例如 --output output
path-absolute = 这是绝对路径；请写相对于网站文件夹的路径
path-climbs = 这个路径用 `..` 跳出了网站文件夹
path-outside = 这个路径（经由符号链接或 `..`）指向网站文件夹之外（{ $target }）
path-not-a-file = 它不是普通文件（文件夹、设备或管道一律不读）
path-too-large = 它超过了 { $limit_mb } MB，这是 Civic 读取此类文件的上限
path-unreadable = 无法读取：{ $reason }
problems-more-in-file = ……{ $file } 中还有 { $more } 个问题未显示（请先修改上面列出的问题）
