## translations: civic translations
translations-column-page = page
translations-column-twin = twin
translations-column-status = translation
translations-column-zh-chars = zh chars
translations-column-en-words = en words
translations-twin-yes = yes
translations-twin-no = no
translations-status-missing = missing
translations-status-up-to-date = up to date
translations-status-outdated = OUTDATED
translations-status-unreviewed = unreviewed
translations-summary = { $pages ->
        [one] 1 page
       *[other] { $pages } pages
    }: { $up_to_date } up to date, { $outdated } outdated, { $unreviewed } unreviewed, { $missing } without translation
translations-not-in-content = { $file } is not inside the site's content/ folder (it is { $outside }); only the site's pages can be marked
translations-not-markdown = { $file } is not a Markdown page (.md)
translations-twin-outside = { $twin } leads outside the site's content/ folder (to { $outside })
translations-no-source = { $file }: there is no Chinese source { $source }
translations-no-twin = { $file }: there is no English twin { $twin }; create it first (civic new … --lang en)
translations-cannot-read = cannot read { $path }: { $reason }
translations-cannot-write = cannot write { $path }: { $reason }
translations-cannot-keep = cannot keep the marked text in { $path }: { $reason }
translations-no-front-matter = { $twin }: the file has no front matter (--- … ---) to record the review in
translations-marked = { $twin }: marked as up to date with { $source } (source_hash: { $hash })
translations-never-marked = { $twin } has never been marked, so there is nothing to compare with; translate the whole Chinese page { $source }, then run `civic translations mark { $twin }`
translations-nothing-changed = { $twin }: nothing changed in { $source } since the translation was marked.
translations-not-kept = the Chinese text that { $twin } was marked against (source_hash { $hash }) was not kept in { $folder }: it was marked before Civic kept it, or on another computer; compare the English page with the whole Chinese page { $source } this once, then run `civic translations mark { $twin }`
translations-diff-heading = What changed in { $source } since { $twin } was marked:
    (- taken out, + put in; line numbers are the Chinese file's now)
translations-diff-at-line = @ line { $line }
translations-diff-footer = When the English text says the same, run: civic translations mark { $twin }

## civic check: findings about translations
check-page-untranslated = this page has no English translation
check-page-untranslated-help = add { $twin }; until then the English language switch goes to the nearest translated section
check-translation-outdated = the Chinese source { $source } changed after this translation was last reviewed
check-translation-unreviewed = this translation has not been marked as reviewed against { $source }
check-translation-review-help = see what changed in the Chinese page with `civic translations diff { $twin }`, update the English text, then run `civic translations mark { $twin }`
check-section-untranslated = this section has no English index page
check-section-untranslated-help = add { $twin } with at least `title:`
translations-baselines-kept = kept the Chinese text of { $count } up-to-date twins: `civic translations diff` now shows what changes in them
translations-baseline-left = { $twin } is not up to date with { $source } (or was never marked), so no baseline was kept: review it, then run `civic translations mark { $twin }`
