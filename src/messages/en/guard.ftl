## guard
guard-finding = { $finding } [{ $rule }]: “{ $matched }”
guard-in-rendered-page = { $finding } (found in the rendered page)
guard-menu-link = menu link “{ $label }” ({ $lang }): { $finding }
