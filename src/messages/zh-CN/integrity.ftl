## integrity: civic verify
verify-timeout-invalid = `{ $value }` 不是 0 到 3600 之间的秒数
verify-sample-needs-address = --sample 只能用于网址（http:// 或 https://）
verify-address-no-host = { $url } 里没有网站域名
verify-not-an-address = { $url } 不是网址：{ $reason }
verify-needs-manifest = 核对 { $url } 需要用 --manifest 指定清单文件
verify-needs-manifest-help = 请给出所部署那次构建的 civic-manifest.json，并且用保存在服务器以外的副本：从服务器上读到的清单证明不了什么，因为改动网站的人也能改动它

## integrity: the manifest and the folder
verify-cannot-read = 无法读取 { $path }：{ $reason }
verify-no-manifest = { $path } 处没有清单文件
verify-no-manifest-help = 请给出所部署那次构建的清单：`civic build` 会把它写到 output/civic-manifest.json；请在服务器以外保存一份副本，并用 --manifest 路径 指定它
verify-not-a-folder = { $path } 不是文件夹
verify-not-a-folder-help = 请给出部署的文件夹（或它的副本），或者以 http:// 或 https:// 开头的网址
verify-bad-manifest = { $path } 不是 Civic 的清单文件：{ $problem }
verify-bad-manifest-help = 请使用 `civic build` 生成的 civic-manifest.json，不要修改它
verify-manifest-not-json = 内容不是有效的 JSON（{ $reason }）
verify-manifest-algorithm = 不支持的校验算法 { $algorithm }
verify-special-file = { $what }，不是普通文件：构建不会生成这种东西；未读取
verify-special-dangling-symlink = 指向不存在位置的符号链接
verify-special-fifo = 命名管道（FIFO）
verify-special-socket = 套接字
verify-special-device = 设备文件
verify-special-other = 不是文件

## integrity: the live site
verify-unreachable = 无法访问 { $url }：{ $reason }
verify-unreachable-help = 请检查网址、网络和代理设置（HTTPS_PROXY、NO_PROXY）；这次没有核对任何文件
verify-wrong-address = { $url } 被重定向到 { $location }
verify-wrong-address-help = 请给出网站实际使用的地址（首页返回 200 的那个）
verify-client-failed = 无法启动 HTTP 客户端：{ $reason }
verify-client-failed-help = 这是 Civic 的程序错误，请报告给 Civic 的维护者
verify-tls-failed = TLS 握手失败（证书有误或已过期，或网站没有启用 HTTPS）：{ $reason }
verify-no-answer = { $seconds } 秒内没有响应（如果服务器只是慢，请调大 --timeout）
verify-cannot-connect = 无法连接：{ $reason }
verify-request-failed = 请求失败：{ $reason }
verify-after-tries = { $problem }（共尝试 { $tries } 次）
verify-extra-not-fetched = 未获取（额外页面太多）
verify-extra-skipped = 有 { $pages } 个额外页面只列出、没有获取

## integrity: what verify found
verify-kind-changed = 已改动
verify-kind-missing = 缺失
verify-kind-added = 多出
verify-kind-special = 特殊文件
verify-kind-cloaked = 区别对待
verify-kind-redirect = 重定向
verify-kind-extra = 额外页面
verify-kind-status = 状态异常
verify-kind-tls = TLS 错误
verify-kind-unreachable = 无法访问
verify-finding-details = { $kind } { $place }：{ $details }
verify-details-and = { $first }；{ $rest }
verify-detail-user-agent = 以 { $user_agent } 身份访问
verify-detail-referer = 带 Referer { $referer }
verify-detail-status = HTTP { $status }
verify-detail-location = → { $location }
verify-detail-got = 实际得到 { $hash }…，{ $size } 字节
verify-detail-got-built = 实际得到 { $hash }…，{ $size } 字节（构建时：{ $built_hash }…，{ $built_size } 字节）
verify-detail-linked-from = 链接来自 { $from }
verify-summary-unchanged = 未改动 { $files } 个
verify-summary-kind = { $kind } { $count } 个
verify-summary-and = { $first }，{ $rest }
verify-summary-checked = { $summary }；{ $checked }
verify-checked = 核对了 { $files } 个文件，发送 { $requests } 个请求
verify-checked-sample = 核对了 { $files } 个文件，发送 { $requests } 个请求（抽样种子 { $seed }）
verify-extra-unlisted = 另外还发现 { $links } 个指向构建未生成页面的链接，未逐一列出（最多列出 1000 个）
verify-deadline-reached = 运行到达 { $seconds } 秒的期限而停止，有 { $files } 个文件未比较；如需全部比较，请调大 --deadline
