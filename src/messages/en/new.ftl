## new: civic new
new-kind-unknown = `{ $kind }` is not a kind of page; kinds are: { $kinds }
new-kind-unknown-guess = `{ $kind }` is not a kind of page; did you mean `{ $guess }`? kinds are: { $kinds }
new-no-section = no section of this site holds `{ $kind }` pages
new-no-section-help = create a folder under content/ with an _index.md that says `kind: { $kind }`
new-several-sections = several sections hold `{ $kind }` pages: { $sections }
new-several-sections-help = choose one with --section, e.g. --section news
new-section-outside = --section `{ $section }` leads outside content/ (to { $outside }); a new page must be inside the site
    help: name a section folder under content/, e.g. --section news
new-no-section-folder = there is no section folder content/{ $section }
new-no-section-folder-help = check the --section name
new-slug-invalid = --slug `{ $slug }` cannot be used: { $why }; use lowercase letters, digits and `-`
new-pinyin-note = note: the file name `{ $slug }` was proposed from the title's pinyin. Pinyin misreads some characters (重庆, 银行) — check it, and rename the file or pass --slug before publishing.
new-no-slug = cannot make a file name from this title
new-no-slug-help = pass one with --slug, e.g. --slug li-mei
new-exists = { $path } already exists; Civic does not overwrite pages
new-exists-help = choose another file name with --slug
new-cannot-create = cannot create { $path }: { $reason }
new-cannot-write = cannot write { $path }: { $reason }
new-no-chinese-page = there is no Chinese page { $path } to translate
new-no-chinese-page-help = an English twin sits beside its Chinese page; pass the Chinese file's name with --slug
new-zh-no-front-matter = the Chinese page has no front matter to translate
new-zh-front-matter-unreadable = the Chinese page's front matter cannot be read (line { $line }): { $problem }
new-chinese-page-problem = { $path }: { $problem }
new-chinese-page-problem-help = fix the Chinese page first (civic check shows how)
new-names-note = note: before publishing, leaders' and official names on this page are checked against the protected-name lists in { $dir }/ (each with its `as_of:` date; a list older than { $days } days is a warning), and ID, mobile and bank-card numbers, secret markings and the page's date are checked too: `civic check --inspection`, see docs/inspection.md.
new-names-missing = note: this site keeps no protected-name lists ({ $dir }/*.yaml), so leaders' and official names are not checked before publishing; docs/inspection.md says how to start them.
new-review-note = note: this site has `review:` on: the page is published only after { $levels } levels sign it (`civic review sign FILE --level N --name NAME`); editing it after a sign-off means signing again.
