# Civic 的中文提示。键按说话的模块分组；每个键都在 en/civic.ftl 中有同名、同变量的英文条目
# （由 src/messages/tests.rs 检查）。


## 终端：汇总与用法
problem-here = 在这里
problem-help-label = 提示：
cmd-error = 错误：{ $message }
cmd-help = 提示：{ $help }
cli-lang-unknown = `{ $code }` 不是 Civic 提示语言：请用 zh-CN 或 en
cli-build-failed = 构建失败：{ $files } 个文件中有 { $errors } 处错误。{ $output } 保持原样，未作改动。
cli-base-url-invalid = --base-url `{ $url }` { $why }
    提示：请填写网站实际发布的地址，例如 --base-url https://wenming.example.gov.cn
cli-date-invalid = --date `{ $date }` 不是日期，应写成 2026-11-25 这样
cli-epoch-invalid = SOURCE_DATE_EPOCH `{ $epoch }` 不是自 1970 年起的秒数
build-summary = 已生成 { $pages } 个页面：内容页 { $documents } 个（中文 { $zh }，英文 { $en }），栏目列表和首页 { $lists } 个，人物筛选页 { $filters } 个，标签页 { $tags } 个，打印页 { $prints } 个，跳转页 { $redirects } 个，搜索、网站地图和 404 页 { $other } 个；共 { $files } 个文件，用时 { $seconds } 秒 → { $output }

## civic check
check-guard-summary = 内容防护：已扫描 { $files } 个内容文件以及网站的模板和脚本；发现 { $errors } 处错误、{ $warnings } 处警告。
check-passed = 检查通过：没有发现问题。
check-found = 检查发现 { $errors } 处错误、{ $warnings } 处警告。
check-file-heading = { $file }（{ $errors } 处错误，{ $warnings } 处警告）

## civic serve
serve-not-built = 网站尚未生成。
serve-cannot-listen = 无法在 { $address } 上监听：{ $reason }
serve-port-in-use = 端口 { $port } 已经被另一个程序占用（也许是另一个正在运行的 civic serve 或 civic desk）
serve-port-denied = 没有权限使用端口 { $port }（1024 以下的端口通常要管理员权限）
serve-port-help = 请换一个端口，例如 --port { $next }；或者用 --port 0，让 Civic 自动选一个空闲端口
serve-address-unavailable = 这台电脑没有 { $ip } 这个地址
serve-address-help = 只在本机预览请用 --bind 127.0.0.1；要让局域网访问，请用这台电脑自己的地址，或 --bind 0.0.0.0
serve-listen-failed = 系统拒绝了（{ $reason }）
serve-listen-help = 请换一个端口（--port 0 让 Civic 自动选一个空闲端口），或换一个地址（--bind 127.0.0.1）
serve-with-help = { $message }
    { $help }
serve-cannot-create-output = 无法创建输出文件夹 { $output }
serve-cannot-watch = 无法监视网站文件夹的改动：{ $reason }
serve-cannot-start = 无法启动预览服务器：{ $reason }
serve-serving = 预览地址：{ $address }（按 Ctrl+C 停止）
serve-stopped = 预览服务器已停止：{ $reason }
serve-problems = { $files } 个文件中有 { $problems } 处问题；改好之前浏览器会一直显示它们。预览服务器仍在运行。
serve-rebuilt = 已重新生成（{ $how }）：写入 { $written } 个文件，删除 { $removed } 个，用时 { $milliseconds } 毫秒
serve-rebuilt-reload = 刷新
serve-rebuilt-edit = 编辑
serve-findings-title = civic check 发现 { $errors } 处错误、{ $warnings } 处警告（页面照常预览；改好后这里会自动更新）
serve-overlay-title = 网站有 { $problems } 处问题，改好后本页会自动刷新

## Civic 自身的故障，不是网站内容的问题
internal-error = Civic 内部错误（{ $what }）；请把出现问题的网站发给 Civic 维护者
