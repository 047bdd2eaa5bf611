## guard: how a finding is shown
guard-finding = { $finding } [{ $rule }]：“{ $matched }”
guard-in-rendered-page = { $finding }（在生成的页面中发现）
guard-menu-link = 菜单链接“{ $label }”（{ $lang }）：{ $finding }
guard-menu-link-help = 菜单只能链接到本站的页面（`@/…`）或 `guard.link_allowlist` 中列出的可信网站
guard-asset-unreadable = 无法读取这个文件：{ $reason }
guard-raw-html-removed = 页面中的这段 HTML 代码已被删除：{ $what }
guard-raw-html-removed-help = Markdown 页面里不能带脚本、样式或事件属性；如果网站确实需要某个标签，请在 site.yaml 的 `guard.allow_html_tags` 中列出

## guard: spam
guard-family = { $family ->
        [gambling] 赌博
        [lottery] 彩票
        [porn] 色情
        [app-lure] 诱导下载
        [brand] 博彩
        [app] 诱导下载
        [loan] 网贷
        [escort] 色情招嫖
        [click-farming] 刷单
        [investment-scam] 投资诈骗
        [surrogacy] 代孕
        [fake-documents] 假证假发票
       *[other] 垃圾
    }
guard-spam = 这段文字像{ $family ->
        [gambling] 赌博
        [lottery] 彩票
        [porn] 色情
        [app-lure] 诱导下载
        [brand] 博彩
        [app] 诱导下载
        [loan] 网贷
        [escort] 色情招嫖
        [click-farming] 刷单
        [investment-scam] 投资诈骗
        [surrogacy] 代孕
        [fake-documents] 假证假发票
       *[other] {""}
    }垃圾广告：“{ $spam }”（信号：{ $signals }；本页共 { $score } 分，达到 { $limit } 分的界限）
guard-spam-more = 本页另有 { $more } 处垃圾内容（本页得分 { $score }）
guard-spam-help = 请删除这段文字。如果不是本站编辑写的，网站或某位编辑的账号可能已被入侵。经核实确属误报的，可以在 site.yaml 的 `guard.allow_words` 中放行这个词
guard-signals-and = { $first }；{ $rest }
guard-signal-none = 无
guard-listed-word = “{ $word }”（{ $origin }）
guard-signal-vocabulary = 含有规则文件中列出的垃圾词{ $words }
guard-signal-seo-title = 用分隔符连起来的 { $parts } 段关键词
guard-signal-placement = 出现在{ $place }
guard-place-title = 标题
guard-place-summary = 摘要
guard-place-front-matter = 页面开头的信息区（front matter）
guard-place-heading = 小标题
guard-place-alt-text = 图片的替代文字
guard-place-link-text = 链接文字
guard-signal-repeated-as-name = 在本该写名称的位置重复出现 { $times } 次
guard-signal-repeated = 重复出现 { $times } 次
guard-signal-disguise = 做了伪装：{ $how }
guard-disguise-invisible = 字与字之间夹着看不见的字符
guard-disguise-markup = 字与字之间夹着网页标记
guard-disguise-spaced = 字与字之间用填充字符隔开
guard-disguise-encoded = 用 HTML 实体或百分号编码书写
guard-disguise-combining = 用组合符号或拆开的字母书写
guard-disguise-traditional = 改用繁体字
guard-disguise-lookalike = 改用全角字母或形似的字母
guard-disguise-pinyin = 用拼音书写中文诱导词
guard-signal-density-page = 本页共有 { $phrases } 处垃圾广告用语，这是其中之一
guard-signal-lure-around = “{ $brand }”前后都是诱导词
guard-signal-lure-payout = 把出售的东西和返利承诺写在一起
guard-signal-brand = 像品牌名的“{ $brand }”和诱导词连在一起
## guard: places
guard-foreign-office = “{ $office }”是别的地方的机构，不是本站所在城市或其下辖区县的
guard-foreign-office-en = “{ $office }”是别的地方的机构，不是本站所在城市的
guard-foreign-place-help = 请核对这个地名：垃圾广告有时会把本市的名称换掉。如果这里提到别的地方没有错，请把这个名称加到 site.yaml 的 `guard.allow_words`

## guard: links
guard-dangerous-scheme = { $scheme } 链接会在访问者的浏览器里运行代码或打开文档
guard-private-link = 链接到 { $host }，这个地址只在复制它的那台电脑或内部网络上能打开（预览地址、测试服务器）
guard-lookalike-host = 链接到 { $host }，它在冒充可信网站 { $trusted }
guard-external-link = 链接到 { $host }，它不在可信网站名单 guard.link_allowlist 中
guard-link-gambling-host = { $finding }；网址里有赌博词“{ $word }”
guard-link-lure-text = { $finding }；链接文字“{ $words }”全是诱导词
guard-lookalike-host-help = 这个网址在冒充可信网站，请删除这个链接
guard-private-link-help = 请用 `@/…`（或该页面在本站上的路径）链接到页面，不要用预览地址；把这个地址加进可信名单只会发布一个打不开的链接
guard-external-link-help = 只链接到可信网站；如果确认这个网站可信，请把它加到 site.yaml 的 `guard.link_allowlist`

## guard: HTML, scripts and styles
guard-hidden-content = 用{ $reason }隐藏起来的 <{ $element }> 元素里有{ $holds }
guard-hidden-holds-links-and-text = 链接和文字
guard-hidden-holds-link = 链接
guard-hidden-holds-text = 文字
guard-hidden-by-attribute = hidden 属性
guard-hidden-by-style = 行内样式（{ $how }）
guard-hidden-by-class = 类名“{ $class }”
guard-hidden-by-stylesheet = 样式表中针对 #{ $id } 的规则
guard-hidden-content-help = 请删除这个隐藏的元素：垃圾广告常把链接和文字藏起来，躲过编辑的检查
guard-style-display-none = display:none
guard-style-visibility = visibility:{ $value }
guard-style-zero-opacity = 透明度为零
guard-style-tiny-font = 字号极小（{ $size }）
guard-style-transparent = 文字透明
guard-style-same-colour = 文字颜色和背景相同
guard-style-zero-size = 尺寸为零
guard-style-scaled = 缩小到看不见
guard-style-off-screen = 移到屏幕外（{ $property }）
guard-style-clipped = 裁剪到看不见
guard-embeds-page = <{ $element }> 元素会嵌入另一个网页或插件
guard-base-element = <base> 元素会改变页面上所有相对链接的去向
guard-meta-refresh = meta refresh 会把访问者自动转到别处
guard-style-element = 行内 <style> 会被内容安全策略（Content-Security-Policy）拦截；请把它移到样式表中
guard-script-element = 页面内容里有 <script> 元素
guard-script-not-theme = 脚本 { $src } 不是主题自带的脚本
guard-script-inline = 行内脚本（内容安全策略不允许）
guard-event-handler = <{ $element }> 上的事件属性 { $attribute }
guard-srcdoc = <{ $element }> 上的 srcdoc 属性会嵌入一个网页
guard-style-attribute = style 属性会被内容安全策略拦截；请改用 class
guard-script-help = 请删除：页面内容和模板覆盖文件都不能运行脚本，只允许主题自带的脚本文件
guard-inline-style-help = 请把样式移到主题的样式表中，这样严格的内容安全策略才能生效
guard-script-referrer = 读取 document.referrer（把从搜索引擎来的访问者转到别处）
guard-script-user-agent = 读取 navigator.userAgent（给搜索引擎爬虫看另一个页面）
guard-script-crawlers = 检测搜索引擎爬虫
guard-script-search-visitors = 检测从搜索引擎来的访问者
guard-script-eval = 运行用字符串拼出来的代码（eval）
guard-script-obfuscated = 代码经过混淆
guard-script-document-write = 用 document.write 往页面里写内容
guard-script-redirect = 把访问者转到其他网站
guard-script-hidden-by-obfuscation = { $finding }（藏在混淆过的代码里）

## guard: raw HTML the sanitizer removes
guard-removed-times = { $what }（共 { $count } 处）
guard-removed-element = <{ $element }> 元素及其内容
guard-removed-element-keeping-text = <{ $element }> 元素（其中的文字保留）
guard-removed-attribute = <{ $element }> 上的 { $attribute } 属性
guard-removed-url = <{ $element }> 的 { $attribute } 中的 { $scheme }: 链接
guard-removed-hiding-class = <{ $element }> 上用来隐藏内容的类名“{ $classes }”

## guard: files published as they are
guard-script-in-content = content/ 中的脚本会作为网站自己的代码发布，内容安全策略会让它运行
guard-script-in-content-help = 请删除；网站确实需要的脚本请放到 static/js/，那里会按主题代码检查
guard-refused-file = 这类文件一律不发布：网站服务器可能会运行它或对它作特殊处理
guard-refused-file-help = 请删除；文件请以 PDF 发布，网页请用 Markdown 写

## guard: its configuration and rule files
guard-config-error = guard 配置有误：{ $problem }
guard-rule-file-error = { $file }:{ $line }：{ $problem }
guard-rule-file-unreadable = 无法读取规则文件 { $path }：{ $reason }
guard-allowlist-not-a-host = guard.link_allowlist 中的 `{ $entry }` 不是网站域名（应写成 `www.gov.cn` 或 `*.minghu.gov.cn` 这样）
guard-allow-tag-never = guard.allow_html_tags：<{ $tag }> 永远不能在页面内容中放行（它能运行代码或把数据发到别处）；请改用模板覆盖
guard-allow-tag-invalid = guard.allow_html_tags：`{ $tag }` 不是标签名
guard-lexicon-expected-class = 格式应为 `class: word word …`
guard-lexicon-unknown-class = 未知的类别 `{ $class }`
guard-lexicon-no-word = `{ $item }` 里没有词
guard-lexicon-invalid = 诱导词表有误：{ $reason }
guard-rules-do-not-compile = 垃圾词规则无法一起编译：{ $reason }
guard-rule-expected-define = 格式应为 `define NAME = pattern`
guard-rule-has-spaces = `{ $pattern }`：规则匹配的是去掉空格后的文字，请去掉其中的空格
guard-rule-matches-empty = `{ $pattern }` 会匹配空文字
guard-rule-invalid-pattern = 无效的规则 `{ $pattern }`：{ $reason }
guard-rule-unknown-definition = 未定义的名称 `{"{"}{ $name }{"}"}`
guard-config-help = 请修改 site.yaml 的 `guard:` 部分，或它所指定的规则文件
guard-signal-weighted = { $says }（+{ $weight }）
guard-signal-strong-word = 含有{ $family }垃圾广告专用词“{ $word }”
guard-signal-weak-word = 含有{ $family }垃圾广告常用词“{ $word }”
guard-signal-weak-words-together = 多个{ $family }垃圾广告常用词同时出现（“{ $words }”）
guard-signal-offer-amount = 带金额的返利承诺“{ $offer }”
guard-signal-chat-handle = 聊天账号“{ $handle }”
guard-signal-chat-recruit = 聊天账号“{ $handle }”旁边写着招揽、招募或收益用语“{ $word }”
guard-signal-solicitation = 这一段以卖家口吻招揽读者：称呼“你”、让人联系、许诺钱款或“不问”“放心”（“{ $phrase }”）
guard-signal-partial-solicitation = 这一段称呼读者并让人联系，像是在招揽（“{ $phrase }”）
guard-signal-brand-domain = 以文字写出、字母夹数字的网址“{ $domain }”
guard-extra-rules-refused = 不读取 guard.extra_rules “{ $path }”：{ $problem }
guard-extra-rules-not-text = guard.extra_rules “{ $path }” 不是 UTF-8 文本文件，所以不是规则文件（不显示其内容）
guard-config-text = site.yaml 的 { $field }：{ $finding }
