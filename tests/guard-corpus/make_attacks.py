#!/usr/bin/env python3
"""Writes the attack samples (kept in git; rerun only to regenerate). Invisible characters
are written as escapes here so this script stays readable."""
import base64, os

D = os.path.join(os.path.dirname(__file__), "attacks")
os.makedirs(D, exist_ok=True)
ZW, BIDI = "\u200b", "\u202e"

def fm(title, body, extra=""):
    return f"---\ntitle: {title}\ndate: 2026-11-20\n{extra}---\n\n{body}\n"

ref_payload = base64.b64encode(b"if(document.referrer.indexOf('baidu')>-1){top.location.href='https://xpj8455.top/'}").decode()

A = {
# --- spam vocabulary, each disguise alone (Markdown source) ---
"a01-plain-gambling.md": ("spam", fm("澳门博彩官方网站", "最新博彩资讯，天天更新。")),
"a02-fullwidth.md": ("spam", fm("体育新闻", "ｂｅｔ３６５ 全球领先的体育投注平台。")),
"a03-zero-width.md": ("spam", fm("社区新闻", f"本周推荐：博{ZW}彩{ZW}平台，百{ZW}家{ZW}乐。")),
"a04-entities.md": ("spam", fm("通知", "&#21338;&#24425;&#32593;&#31449;，欢迎光临。")),
"a05-percent.md": ("spam", fm("通知", "详情搜索 %E5%8D%9A%E5%BD%A9 即可。")),
"a06-spaced.md": ("spam", fm("活动", "新用户 注 册 即 送 8 8 元！")),
"a07-punctuation-between.md": ("spam", fm("活动", "真人 百.家.乐，荷*官*发*牌。")),
"a08-traditional.md": ("spam", fm("旅游", "澳門賭場線上娛樂城，24小時營業。")),
"a09-comma-between.md": ("spam", fm("资讯", "时，时，彩，稳，赚，计划。")),
"a10-brand-digits.md": ("spam", fm("链接", "新葡京8455官网，备用网址 xpj8455 。")),
"a11-brand-latin.md": ("spam", fm("推荐", "威尼斯人app下载，vns888 欢迎您。")),
"a12-city-replaced.md": ("spam foreign-place", fm("澳门新葡京市人民政府", "澳门新葡京市人民政府门户网站欢迎您。")),
"a13-porn.md": ("spam", fm("视频", "国产自拍，av在线观看，激情视频每日更新。")),
"a14-app-lure.md": ("spam", fm("福利", "下载APP注册即送彩金，提现秒到。")),
"a15-lottery.md": ("spam", fm("开奖", "北京赛车PK10计划，一码中特，精准一肖。")),
"a16-english.md": ("spam", fm("News", "Best online casino in Asia: free spins and a sign-up bonus for every player.")),
"a17-homoglyph-bidi.md": ("spam", fm("News", f"Play at our саsinо{BIDI} online today, baccarat nightly.")),
"a18-front-matter-only.md": ("spam", fm("体育", "全民健身，健康生活。", "summary: 皇冠体育官网\ntags: [体育, 开元棋牌]\n")),
"a19-combining-marks.md": ("spam", fm("News", "Try c\u0301asino\u0308 bonus codes.")),
"a20-all-disguises.md": ("spam", fm("公告", f"澳&#38376;{ZW}新 葡&#20140; ｂｅｔ３６５ 註冊即送，博%E5%BD%A9。")),
# --- hidden content (raw HTML in Markdown) ---
"a21-display-none.md": ("hidden-content spam external-link", fm("新闻", '正文内容。\n\n<div style="display:none"><a href="https://xpj8455.top/">澳门博彩</a></div>')),
"a22-offscreen.md": ("hidden-content external-link", fm("新闻", '正文。\n\n<p style="position:absolute;left:-9999px"><a href="https://spam.example.top/">link</a></p>')),
"a23-zero-size.md": ("hidden-content", fm("新闻", '正文。\n\n<div style="width:0;height:0;overflow:hidden">cheap pills, best prices</div>')),
"a24-opacity.md": ("hidden-content", fm("新闻", '正文。<span style="opacity:0">hidden keywords here</span>')),
"a25-tiny-font.md": ("hidden-content", fm("新闻", '正文。<span style="font-size:1px">hidden keywords here</span>')),
"a26-same-colour.md": ("hidden-content", fm("新闻", '正文。<span style="color:#fff;background-color:#ffffff">white on white</span>')),
"a27-hidden-class.md": ("hidden-content external-link", fm("新闻", '正文。\n\n<div class="hidden"><a href="//spam.example.top/">x</a></div>')),
"a28-visibility.md": ("hidden-content", fm("新闻", '正文。<div style="visibility:hidden">secret text</div>')),
"a29-text-indent.md": ("hidden-content external-link", fm("新闻", '<a style="display:block;text-indent:-9999px" href="https://evil.example.cc/">jump</a>')),
"a30-entity-css.md": ("hidden-content", fm("新闻", '<div style="dis&#112;lay&#58;none">hidden words</div>')),
# --- scripts, frames, handlers, redirects (Markdown source) ---
"a31-script.md": ("script external-link", fm("新闻", '正文。\n\n<script src="https://evil.example.top/x.js"></script>')),
"a32-iframe.md": ("script external-link", fm("新闻", '<iframe src="https://evil.example.top/" width="0" height="0"></iframe>')),
"a33-event-handler.md": ("script", fm("新闻", '<img src="x.jpg" alt="x" onerror="location=\'https://evil.example.top\'">')),
"a34-javascript-url.md": ("script", fm("新闻", "[点击领取](javascript:location.href='//evil.example.top')")),
"a35-meta-refresh.md": ("script external-link", fm("新闻", '<meta http-equiv="refresh" content="0;url=https://xpj.example.top/">')),
"a36-referrer.md": ("script cloaking", fm("新闻", "<script>if(document.referrer.match(/baidu|sogou/)){location.href='https://xpj.example.top'}</script>")),
"a37-obfuscated.md": ("script cloaking", fm("新闻", f"<script>eval(atob('{ref_payload}'))</script>")),
"a38-user-agent.md": ("script cloaking", fm("新闻", "<script>var ua=navigator.userAgent;if(/Baiduspider/i.test(ua)){document.title='x'}</script>")),
# --- links ---
"a39-lookalike.md": ("lookalike-host", fm("新闻", "[明湖文明网](https://wenming.minghu.exarnple.cn/)")),
"a40-lookalike-idn.md": ("lookalike-host", fm("新闻", "[中国政府网](https://www.g\u043ev.cn/)")),
"a41-lookalike-prefix.md": ("lookalike-host", fm("新闻", "政策原文：https://www.gov.cn.zhengce.example.top/2026/")),
"a42-external.md": ("external-link", fm("新闻", "更多见 [这里](https://unknown.example.net/page)。")),
"a43-protocol-relative.md": ("external-link spam", fm("新闻", "[官方网站](//xpj8455.example.com/)")),
# --- foreign place (warning) ---
"a44-foreign-place.md": ("foreign-place", fm("江宁区文明办关于开展文明城市创建工作的通知", "关于开展文明城市创建工作的通知。")),
"a45-foreign-place-en.md": ("foreign-place", fm("Riverton Municipal People's Government announces the campaign", "The campaign starts next week.")),
"a46-combined-source.md": ("spam hidden-content script external-link", fm(f"明湖文明网", f'<div class="d-none"><a href="https://xpj8455.top/">新{ZW}葡{ZW}京</a> 注 册 送 8 8 元</div>\n\n<script>location.replace("https://xpj8455.top")</script>')),
# --- rendered HTML (page bodies) ---
"h01-inline-tags-split.html": ("spam", "<p>今日推荐：博<span></span>彩，<b>百家</b>乐。</p>\n"),
"h02-hidden-class.html": ("hidden-content external-link", '<p>正文</p>\n<div class="d-none"><a href="https://xpj8455.top/">link</a></div>\n'),
"h03-sr-only-link.html": ("hidden-content spam", '<p>正文<span class="sr-only"><a href="https://xpj.example.top/">澳门葡京</a></span></p>\n'),
"h04-alt-text.html": ("spam", '<p><img src="/a.jpg" alt="澳门新葡京 注册送88元"></p>\n'),
"h05-entity-href.html": ("script", '<p><a href="&#106;avascript:alert(1)">x</a></p>\n'),
"h06-lookalike.html": ("lookalike-host", '<p><a href="https://beian-miit.gov.cn/">备案</a></p>\n'),
"h07-hidden-attribute.html": ("hidden-content", '<p>正文</p><div hidden>hidden spam words</div>\n'),
# --- template overrides ---
"t01-inline-script.tpl.html": ("script cloaking", "<footer>{{ site.title }}</footer>\n<script>var r=document.referrer;if(r.indexOf('baidu')>0){top.location='https://xpj.example.top'}</script>\n"),
"t02-foreign-script.tpl.html": ("script external-link", '<head>\n<script src="https://cdn.evil.example.top/a.js"></script>\n</head>\n'),
"t03-hidden-footer-links.tpl.html": ("hidden-content inline-style external-link", '<footer>\n<div style="position:absolute;top:-999px">{% for i in [1] %}<a href="https://xpj8455.top/">友情链接</a>{% endfor %}</div>\n</footer>\n'),
"t04-meta-keywords.tpl.html": ("spam", '<head><meta name="keywords" content="澳门博彩,百家乐官网,{{ page.title }}"></head>\n'),
"t05-style-block.tpl.html": ("hidden-content inline-style", '<style>.seo-box{display:none}</style>\n<div class="seo-box"><a href="/x/">澳门</a> text</div>\n'),
"t06-meta-refresh.tpl.html": ("script", '<head><meta http-equiv="Refresh" content="3; URL=\'https://xpj.example.top/\'"></head>\n'),
"t07-tera-split.tpl.html": ("spam", '<h1>{{ page.title }}</h1><p>博{{ "" }}彩 {# x #}官网</p>\n'),
"t08-onload.tpl.html": ("script", '<body onload="go()">{% block content %}{% endblock %}</body>\n'),
"t09-combined.tpl.html": ("script cloaking hidden-content spam", '<div class="hidden"><a href="https://xpj.example.top/">博&#24425;</a></div>\n<script src="/js/elder.js"></script>\n<script>var u=navigator["user"+"Agent"];if(/spider/.test(u)){}</script>\n'),
# --- theme script files ---
"s01-referrer.js": ("cloaking", "// expect line is the first line\n(function(){var r=document.referrer;if(/baidu|sogou|so\\.com/.test(r)){window.location.href='https://xpj.example.top/';}})();\n"),
"s02-hex-obfuscated.js": ("cloaking script", "var k='\\x64\\x6f\\x63\\x75\\x6d\\x65\\x6e\\x74\\x2e\\x72\\x65\\x66\\x65\\x72\\x72\\x65\\x72';eval(k);\n"),
}

for name, (expect, body) in A.items():
    if name.endswith(".js"):
        header = f"// expect: {expect}\n"
    else:
        header = f"<!-- expect: {expect} -->\n"
    if name.endswith(".md"):
        # the expectation comment goes after the front matter so the page still parses
        parts = body.split("---\n", 2)
        text = f"---\n{parts[1]}---\n{header}{parts[2]}"
    else:
        text = header + body
    with open(os.path.join(D, name), "w", encoding="utf-8") as f:
        f.write(text)
print(len(A), "attack samples")
