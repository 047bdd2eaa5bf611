## guard
guard-finding = { $finding } [{ $rule }]：“{ $matched }”
guard-in-rendered-page = { $finding }（在生成的页面中发现）
guard-menu-link = 菜单链接“{ $label }”（{ $lang }）：{ $finding }
