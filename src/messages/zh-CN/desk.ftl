## civic desk：编辑台
about-desk = 打开编辑台：在浏览器里列出、编辑、预览、审核和发布网站内容
about-desk-add-user = 为编辑台添加（或更新）一个账号；密码从标准输入读入
arg-desk-port = 监听的端口；0 表示自动选一个空闲端口［默认：1112］
arg-desk-bind = 监听的地址；127.0.0.1 只供本机使用、无需登录；其他地址（如单位内网地址）必须登录［默认：127.0.0.1］
arg-desk-user-name = 账号名（审核人的账号名须与 data/reviewers.yaml 中的姓名一致）
arg-desk-user-roles = 角色，可重复：editor（编辑）、reviewer-1、reviewer-2、reviewer-3（一审、二审、三审）、publisher（发布）、admin（管理员）
desk-listening = 编辑台已打开：{ $address }（按 Ctrl-C 关闭；已保存的内容不会丢失）
desk-no-accounts = 编辑台监听在本机以外的地址时必须登录，但还没有任何账号
desk-password-prompt = 请输入这个账号的密码（至少 10 个字符），然后按回车：
desk-user-added = 已添加账号 { $name }
desk-role-unknown = 没有角色“{ $role }”；可用的角色：{ $roles }
desk-account-name-invalid = 账号名不能为空，也不能含控制字符
desk-password-too-short = 密码太短：至少需要 { $min } 个字符
desk-accounts-unreadable = 无法读取账号文件 { $path }：{ $why }
desk-accounts-unwritable = 无法写入账号文件：{ $why }
desk-failed = 编辑台出错：{ $why }
desk-title = 编辑台
desk-publish = 发布
desk-sign-in = 登录
desk-sign-out = 退出
desk-signed-in-as = 当前用户：{ $name }
desk-account-name = 账号名
desk-password = 密码
desk-wrong-password = 账号名或密码不对
desk-locked = 密码输错次数过多，这个账号已锁定，请 { $minutes } 分钟后再试
desk-csrf = 这个请求没有带上编辑台的表单令牌，已拒绝（可能来自其他网站）。请回到编辑台重新操作
desk-not-allowed = 你的账号没有“{ $role }”权限
desk-back = 返回内容列表
desk-busy = 编辑台正忙，请稍后再试
desk-not-built = 网站还没有成功构建，请先改正错误
desk-content = 内容
desk-content-count = 共 { $count } 篇中文页面
desk-column-section = 栏目
desk-column-page = 页面
desk-column-state = 状态
desk-column-file = 文件
desk-new-kind = 类型
desk-new-title = 标题
desk-new-create = 新建
desk-kind = { $kind ->
        [news] 新闻
        [role_model] 道德模范
        [handbook] 文明手册
        [psa] 公益广告
       *[page] 普通页面
    }
desk-state-draft = 草稿
desk-state-english = { $state ->
        [missing] 缺英文
        [outdated] 英文已过时
        [unreviewed] 英文未核对
       *[up-to-date] 英文已同步
    }
desk-state-awaiting = 待{ $level }
desk-bad-file = 不能打开 { $file }：{ $why }
desk-not-content = { $file } 不是 content/ 下的 Markdown 页面
desk-not-utf8 = { $file } 不是 UTF-8 编码的文本
desk-unwritable = 无法保存 { $file }：{ $why }
desk-saved = 已保存。预览已更新。
desk-conflict = 没有保存：你打开这个页面以后，别人（或另一个浏览器窗口）已经保存过它。下面是你刚才的文字，请复制下来，重新打开页面后再改
desk-save-blocks = 这个页面有 { $count } 个错误，改正之前不能发布
desk-fields = 字段
desk-body = 正文
desk-save = 保存
desk-other-fields = 其他字段（列表等，请用文本编辑器修改）
desk-original = 中文原文：
desk-edit-twin = 编辑英文版
desk-edit-original = 编辑中文原文
desk-no-twin = 这个页面还没有英文版
desk-preview = 预览
desk-preview-lang = { $lang ->
        [en] 英文版
       *[zh-CN] 中文版
    }
desk-phone-frame = 按手机屏幕宽度预览
desk-review = 三审三校
desk-review-signed = { $level }：{ $name } 于 { $date } 签发
desk-review-awaiting = { $level }：待签
desk-sign = 以{ $level }签发
desk-bad-level = 审核级别不对
desk-no-targets = site.yaml 里还没有发布目标（publish:），请管理员填写
desk-publish-explain = 发布会先构建整个网站并检查；有错误、检查否决项或未签发的页面时不会发布
desk-publish-target = 发布到
desk-publish-now = 构建、检查并发布
desk-search = 搜索标题或文件名
desk-search-go = 筛选
desk-all-sections = 全部栏目
desk-duplicate = 复制一份
desk-delete = 删除（移到回收站）
desk-deleted = 已删除：文件移到了网站文件夹的 .civic/trash/ 里，移回原处即可恢复
desk-copy-title = { $title }（副本）
desk-site-errors = 网站现在有 { $count } 个错误：改正之前，预览停在上一次成功的样子，也不能发布
desk-twin-title = 英文标题
desk-twin-create = 新建英文版（要翻译的字段会标出来）
desk-draft-after-save = 这项改动（页面地址、草稿标记、别名或照片文件，或尚未生成的新页面）保存后才会显示在预览里
desk-toolbar = 正文格式
desk-toolbar-button = { $action ->
        [bold] 加粗
        [link] 链接
        [list] 列表
        [heading] 标题
        [image] 图片
       *[page] 链接到本站页面
    }
desk-picker-title = 链接到本站页面
desk-picker-find = 按标题或文件名查找页面
desk-picker-pages = 页面
desk-picker-insert = 插入链接
desk-picker-cancel = 取消
desk-publish-confirm-title = 这次发布会删除线上网站的文件
desk-publish-confirm-explain = 新的构建里已经没有线上现有的 { $count } 个文件（页面被删除、改名或改成了草稿）。请核对下面的清单，确认这些文件应当下线后再发布
desk-publish-more = ……另有 { $count } 个
desk-publish-confirm = 发布并删除 { $count } 个文件
desk-publish-cancel = 不发布
desk-upload = 照片和附件
desk-upload-pick = 选择文件，或把文件拖到这里（照片：JPG、PNG、WebP；附件：PDF、DOCX、XLSX）
desk-upload-alt-zh = 中文替代文字（照片里是谁、在做什么）
desk-upload-alt-en = 英文替代文字
desk-upload-go = 上传
desk-upload-on-chinese = 照片和附件请在中文页面上添加，英文版会自动沿用
desk-upload-type = 不能上传 .{ $ext } 文件：编辑台接受 JPG、PNG、WebP 照片和 PDF、DOCX、XLSX 附件
desk-upload-alt-needed = 照片需要填写中文和英文两种替代文字（照片里是谁、在做什么），供看不到图片的读者使用
desk-upload-too-large = 文件太大：最多 { $limit_mb } MB
desk-upload-bad-image = { $name } 无法作为图片读取（{ $why }）；请重新导出为 JPG 或 PNG
desk-upload-figure = 已保存为 { $name }（已去掉拍摄位置和相机信息），并设为本页的{ $field ->
        [poster] 海报
       *[photo] 照片
    }（中英文替代文字都已填写）。预览里可以看到
desk-upload-in-body = 已保存为 { $name }（已去掉拍摄位置和相机信息），并插入正文光标处；英文版请写：{ $english }
desk-upload-attached = 已保存为 { $name }，并在正文光标处加了链接；发布前的检查会查看其中是否有个人信息
desk-upload-not-what-named = { $name } 的内容不是 .{ $ext } 文件（文件开头不对）；请用生成它的软件重新保存
