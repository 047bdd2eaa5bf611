## content
## Reading a page file
content-unreadable = cannot read the file: { $reason }
content-file-too-large = the file is { $size_mb } MB, more than the limit of { $limit_mb } MB per page
content-file-too-large-help = split it into several pages; if a page really is this large, raise `limits: {"{"} file_size_mb: … {"}"}` in site.yaml
content-not-utf8 = the file is not UTF-8 text
content-not-utf8-help = save the file as UTF-8 (most editors: “Save with encoding” → UTF-8); GBK files are not supported
content-nul-byte = the file contains a NUL character (byte 0)
content-nul-byte-help = remove it: it is invisible in most editors and usually comes from copying out of a PDF or a binary file
content-no-front-matter = the file has no front matter
content-no-front-matter-help = start the file with a line `---`, then `title: …`, then another `---`
content-front-matter-unclosed = the front matter is never closed
content-front-matter-unclosed-help = add a line `---` after the last front-matter key
content-front-matter-too-large = the front matter is { $size_kb } KB, more than the limit of { $limit_kb } KB
content-front-matter-too-large-help = move long text into the page's body, below the closing `---`; if it really belongs in the front matter, raise `limits: {"{"} front_matter_kb: … {"}"}` in site.yaml
content-placeholder = this page still has the placeholder text “{ $placeholder }” that `civic new` wrote
content-placeholder-suspect = this line looks like placeholder text not yet written: “{ $text }”
content-placeholder-suspect-help = replace it with the real text before publishing; while the page is unfinished put `draft: true` in its front matter, so it is not published. If this is the text to publish, ignore this warning
content-placeholder-help = replace it with the real text; while the page is unfinished keep `draft: true` in its front matter, so it is not published

## The content/ folder
content-no-folder = there is no content/ folder
content-no-folder-help = create content/_index.md, or pass --root with the site's folder
content-unreadable-entry = cannot read: { $reason }
content-bad-file-name = a file name is not valid UTF-8, or contains a backslash `\`
content-bad-file-name-help = rename the file using letters, digits and `-`; folders are made with `/`, not `\`
content-symlink-inside = this is a symbolic link; Civic does not follow links, so it was skipped
content-symlink-outside = this symbolic link points outside content/ (or nowhere); it was skipped
content-symlink-help = copy the file or folder into content/ instead of linking to it
content-unknown-language = `.{ $suffix }.md` is not a language of this site
content-unknown-language-help = English twins end in `.en.md`; Chinese pages have no language suffix
content-misplaced-index = index.md at the top of content/ is ambiguous
content-misplaced-index-help = the home page is content/_index.md
content-no-home = the home page content/_index.md is missing
content-no-home-help = create it with at least `title:` in its front matter

## Sections
content-section-kind-missing = this section does not say what kind of pages it holds
content-section-kind-missing-help = add `kind: …` to the front matter; kinds are: { $kinds }
content-section-kind-unknown = `{ $name }` is not a kind of section
content-kinds = kinds are: { $kinds }
content-kinds-guess = did you mean `{ $guess }`? kinds are: { $kinds }
content-paginate-zero = paginate must be at least 1
content-paginate-zero-help = write e.g. `paginate: 10`

## Front matter of pages
content-required-empty = required key `{ $key }` is missing or empty
content-required-missing = required key `{ $key }` is missing
content-add-key-help = add a line `{ $key }: …` to the front matter
content-date-invalid = `{ $value }` is not a date
content-date-help = write dates as `2026-11-20` or `2026-11-20T09:30:00+08:00`
content-key-wrong-kind = `{ $key }` is not a key of `{ $kind }` pages
content-key-other-kind = `{ $key }` is not a key of `{ $kind }` pages (it belongs to `{ $owner }` pages)
content-key-wrong-kind-help = remove it, or move it under `extra:`
content-tag-unusable = tag `{ $tag }` has no letter or digit, so it cannot have a page of its own
content-tag-help = write the tag as a word (志愿服务, volunteering) or delete it from `tags:`
content-slug-unusable = `{ $slug }` cannot be used in a URL: { $why }
content-slug-help = use lowercase letters a–z, digits and `-`, e.g. `slug: li-mei`
content-slug-from-file-help = rename the file to a pinyin or English name such as `li-mei.md`, or add `slug: li-mei`; Civic does not guess pinyin for you
content-slug-empty = it is empty
content-slug-not-ascii = it contains Chinese or other non-ASCII characters
content-slug-bad-char = it contains `{ $char }`
content-slug-bad-hyphen = it starts or ends with `-`, or has `--`
content-slug-too-long = it is { $length } characters long, more than the { $max } a URL segment may have
content-weight-help = chapters are ordered by weight: add `weight: 1` for the first chapter
content-news-date-help = news items need a date: add `date: 2026-11-20`
content-alt-missing = `{ $file_key }` has no description: `{ $alt_key }` is missing
content-alt-missing-help = add `{ $alt_key }: …` describing the picture for readers who cannot see it
content-category-unknown = `{ $category }` is not one of the site's role-model categories
content-category-help = use one of: { $categories } (a new category is added under `role_model_categories:` in site.yaml)
content-category-guess-help = did you mean `{ $guess }`? use one of: { $categories } (a new category is added under `role_model_categories:` in site.yaml)
content-category-missing-help = add e.g. `category: 助人为乐` (the categories are listed in site.yaml)
content-year-missing-help = add the year of recognition, e.g. `year: 2025`
content-theme-unknown = `{ $theme }` is not one of the site's PSA themes
content-theme-none-help = site.yaml lists no PSA themes: add them under `psa_themes:`, or remove `theme:`
content-theme-help = use one of: { $themes } (a new theme is added under `psa_themes:` in site.yaml)
content-theme-guess-help = did you mean `{ $guess }`? use one of: { $themes } (a new theme is added under `psa_themes:` in site.yaml)
content-start-missing-help = add the first day of the campaign, e.g. `start: 2026-11-01`
content-ends-before-start = the campaign ends ({ $end }) before it starts ({ $start })
content-ends-before-start-help = check the `start` and `end` dates

## yaml: front matter and site.yaml as YAML
yaml-write-like-this = write the line like this:  { $line }
yaml-tab = this line has a tab character; YAML lines are indented with spaces only
yaml-full-width-colon = `{ $key }` is followed by a full-width colon `：`; YAML needs the ASCII colon `:` and a space
yaml-colon-in-value = the text of `{ $key }` contains a colon `:`, which YAML reads as a new key
yaml-too-deep = lists and mappings here are nested more than { $max_depth } levels deep
yaml-too-deep-help = write the values with less nesting; if a page really needs more, raise `limits: {"{"} nesting_depth: … {"}"}` in site.yaml
yaml-alias-bomb = the YAML expands to far more values than it is long (anchors `&name` reused through aliases `*name`)
yaml-alias-bomb-help = write the values out instead of using `&` anchors and `*` aliases
yaml-number-help = this key takes a whole number, e.g. `year: 2025`
yaml-number-unsigned-help = this key takes a whole number, 0 or more, e.g. `year: 2025`
yaml-key-number-help = `{ $key }` takes a whole number, e.g. `{ $key }: 14`
yaml-key-number-unsigned-help = `{ $key }` takes a whole number, 0 or more, e.g. `{ $key }: 14`
yaml-unknown-key = unknown key `{ $key }`
yaml-unknown-key-guess-help = did you mean `{ $guess }`? Put your own data under `extra:` instead of a new key.
yaml-unknown-key-help = allowed keys here: { $keys }. Put your own data under `extra:`.
yaml-duplicate-key = the key `{ $key }` appears twice
yaml-duplicate-key-help = keep one of the two lines
yaml-expected-list = the value here should be a list
yaml-expected-list-help = this key takes a list, e.g. `tags: [志愿服务, 社区]`
yaml-expected-number = the value here should be a whole number
yaml-expected-text = the value here should be text
yaml-expected-text-help = put quotes around the text if it contains `:`, `[` or `{"{"}`, e.g. `title: "[通知] 志愿服务"`
yaml-expected-bool = the value here should be `true` or `false`
yaml-expected-bool-help = this key takes `true` or `false`
yaml-expected-mapping = the value here should be `key: value` pairs
yaml-expected-mapping-help = this key takes `key: value` pairs, one per line, indented under it
yaml-syntax = YAML syntax: { $detail }
yaml-syntax-help = check this line and the one before: indentation, colons and quotes

## civic check: findings about pages
check-link-no-such-address = the link `{ $link }` goes to an address this site does not have
check-link-no-such-address-help = link to pages by their Markdown file (e.g. `@/news/_index.md` or `../role-models/li-mei.md`), so Civic checks and updates the address
check-anchor-missing = the link `{ $link }` goes to the heading `#{ $fragment }`, which that page does not have
check-anchor-guess-help = did you mean `#{ $anchor }`? an anchor is a heading's text: `## 文明交通` is `#文明交通`
check-anchor-no-headings-help = that page has no headings; an anchor is a heading's text: `## 文明交通` is `#文明交通`
check-anchor-headings-help = its headings are { $headings }; an anchor is a heading's text: `## 文明交通` is `#文明交通`
check-missing-alt = this image has no description (alt text) for readers who cannot see it
check-missing-alt-help = write what the image shows between the brackets, e.g. `![志愿者在湖滨公园清扫落叶](photo.jpg)`
check-section-empty = this section has no pages, so readers find an empty list
check-section-empty-help = add a page with `civic new { $kind } "…"`, or mark the section `draft: true` until it has content
check-section-stale = nothing new in this news section for { $age } days (the newest item is from { $newest }; the limit is { $limit } days)
check-section-stale-help = publish a news item, or set `stale_after_days:` in this _index.md (or in site.yaml) if the section is updated less often
content-twin-missing-field = the English page has no `{ $key }`, which its Chinese page { $zh } has: the English page will not show it
content-twin-missing-field-help = add `{ $key }:` to this file's front matter, in English
content-folder-symlink = content/ is a symbolic link; Civic does not follow links, so nothing would be published from it
content-folder-symlink-help = move the folder itself into the site as content/ instead of linking to it
