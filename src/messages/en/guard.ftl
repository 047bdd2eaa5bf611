## guard: how a finding is shown
guard-finding = { $finding } [{ $rule }]: “{ $matched }”
guard-in-rendered-page = { $finding } (found in the rendered page)
guard-menu-link = menu link “{ $label }” ({ $lang }): { $finding }
guard-menu-link-help = link only to the site's own pages (`@/…`) or to trusted hosts in `guard.link_allowlist`
guard-asset-unreadable = cannot read: { $reason }
guard-raw-html-removed = raw HTML removed from the page: { $what }
guard-raw-html-removed-help = Markdown may not carry scripts, styles or event handlers; list a tag in `guard.allow_html_tags` in site.yaml if the site really needs it

## guard: spam
guard-family = { $family }
guard-spam = { $family } spam “{ $spam }”: { $signals } (the page scores { $score }, the limit is { $limit })
guard-spam-more = and { $more } more spam phrases on this page (the page scores { $score })
guard-spam-help = remove the text; if your editors did not write it, the site or an editor's account may be compromised. A reviewed false alarm can be allowed with `guard.allow_words` in site.yaml
guard-signals-and = { $first }; { $rest }
guard-signal-none = no signal
guard-listed-word = “{ $word }” ({ $origin })
guard-signal-vocabulary = listed spam words { $words }
guard-signal-seo-title = { $parts } keyword parts joined by separators
guard-signal-placement = in { $place }
guard-place-title = the title
guard-place-summary = the summary
guard-place-front-matter = the front matter
guard-place-heading = a heading
guard-place-alt-text = alt text
guard-place-link-text = link text
guard-signal-repeated-as-name = repeated { $times } times where a name belongs
guard-signal-repeated = repeated { $times } times
guard-signal-disguise = disguised with { $how }
guard-disguise-invisible = invisible characters between the letters
guard-disguise-markup = markup between the letters
guard-disguise-spaced = characters spaced out with fillers
guard-disguise-encoded = HTML entities or percent-encoding
guard-disguise-combining = combining marks or decomposed letters
guard-disguise-traditional = traditional characters
guard-disguise-lookalike = full-width or look-alike letters
guard-disguise-pinyin = Chinese lure words written in pinyin
guard-signal-density-page = one of { $phrases } spam phrases on the page
guard-signal-lure-around = lure words around “{ $brand }”
guard-signal-lure-payout = what is sold together with its payout
guard-signal-brand = the brand-like “{ $brand }” stands fused with lure words
## guard: places
guard-foreign-office = “{ $office }” names an office of a place that is not this site's city or its districts
guard-foreign-office-en = “{ $office }” names an office of a place that is not this site's city
guard-foreign-place-help = check the place name: spam sometimes replaces the city's name. If the mention is right, add it to `guard.allow_words`

## guard: links
guard-dangerous-scheme = { $scheme } URL runs code or a document in the visitor's browser
guard-private-link = link to { $host }, an address that only works on the computer or network it was copied from (a preview, a test server)
guard-lookalike-host = link to { $host }, a look-alike of the trusted host { $trusted }
guard-external-link = link to { $host }, which is not in guard.link_allowlist
guard-link-gambling-host = { $finding }; the host is named with the gambling word “{ $word }”
guard-link-lure-text = { $finding }; its link text “{ $words }” is made of lure words
guard-lookalike-host-help = this host imitates a trusted one; remove the link
guard-private-link-help = link to the page with `@/…` (or its path on this site) instead of the preview's address; adding the host to the allowlist would publish a broken link
guard-external-link-help = link only to trusted hosts, or add the host to `guard.link_allowlist` in site.yaml

## guard: HTML, scripts and styles
guard-hidden-content = <{ $element }> hidden by { $reason } contains { $holds }
guard-hidden-holds-links-and-text = links and text
guard-hidden-holds-link = a link
guard-hidden-holds-text = text
guard-hidden-by-attribute = the hidden attribute
guard-hidden-by-style = inline style ({ $how })
guard-hidden-by-class = class "{ $class }"
guard-hidden-by-stylesheet = a stylesheet rule for #{ $id }
guard-hidden-content-help = remove the hidden element: hidden links and text are how spam is slipped past editors
guard-style-display-none = display:none
guard-style-visibility = visibility:{ $value }
guard-style-zero-opacity = zero opacity
guard-style-tiny-font = tiny font ({ $size })
guard-style-transparent = transparent text
guard-style-same-colour = text colour equals background
guard-style-zero-size = zero size
guard-style-scaled = scaled to nothing
guard-style-off-screen = off-screen ({ $property })
guard-style-clipped = clipped to nothing
guard-embeds-page = <{ $element }> element embeds another page or plugin
guard-base-element = <base> element redirects every relative link
guard-meta-refresh = meta refresh redirects the visitor
guard-style-element = inline <style> is blocked by the Content-Security-Policy; move it to a stylesheet
guard-script-element = <script> element in page content
guard-script-not-theme = script { $src } is not one of the theme's scripts
guard-script-inline = inline script (not allowed by the Content-Security-Policy)
guard-event-handler = event-handler attribute { $attribute } on <{ $element }>
guard-srcdoc = srcdoc attribute on <{ $element }> embeds a page
guard-style-attribute = style attribute is blocked by the Content-Security-Policy; use a class
guard-script-help = remove it: page content and template overrides may not run scripts; only the theme's own script files are allowed
guard-inline-style-help = move the style into the theme's stylesheet so the strict Content-Security-Policy holds
guard-script-referrer = reads document.referrer (sends search-engine visitors elsewhere)
guard-script-user-agent = reads navigator.userAgent (shows crawlers a different page)
guard-script-crawlers = looks for search-engine crawlers
guard-script-search-visitors = checks for visitors from search engines
guard-script-eval = runs code built from strings (eval)
guard-script-obfuscated = obfuscated code
guard-script-document-write = writes markup with document.write
guard-script-redirect = redirects the visitor to another site
guard-script-hidden-by-obfuscation = { $finding } (hidden by obfuscation)

## guard: raw HTML the sanitizer removes
guard-removed-times = { $what } (×{ $count })
guard-removed-element = <{ $element }> element and its content
guard-removed-element-keeping-text = <{ $element }> element (its text is kept)
guard-removed-attribute = { $attribute } attribute on <{ $element }>
guard-removed-url = { $scheme }: URL in { $attribute } on <{ $element }>
guard-removed-hiding-class = hiding class "{ $classes }" on <{ $element }>

## guard: files published as they are
guard-script-in-content = a script in content/ is published as the site's own code, which the Content-Security-Policy lets run
guard-script-in-content-help = remove it; a script the site really needs goes in static/js/, where it is checked as theme code
guard-refused-file = this kind of file is never published: a web server may run it or treat it specially
guard-refused-file-help = remove it; publish documents as PDF and pages as Markdown

## guard: its configuration and rule files
guard-config-error = guard configuration: { $problem }
guard-rule-file-error = { $file }:{ $line }: { $problem }
guard-rule-file-unreadable = cannot read rule file { $path }: { $reason }
guard-allowlist-not-a-host = `{ $entry }` in guard.link_allowlist is not a host name (write e.g. `www.gov.cn` or `*.minghu.gov.cn`)
guard-allow-tag-never = guard.allow_html_tags: <{ $tag }> can never be allowed in page content (it can run code or send data elsewhere); use a template override instead
guard-allow-tag-invalid = guard.allow_html_tags: `{ $tag }` is not a tag name
guard-lexicon-expected-class = expected `class: word word …`
guard-lexicon-unknown-class = unknown class `{ $class }`
guard-lexicon-no-word = `{ $item }` has no word
guard-lexicon-invalid = lure lexicon: { $reason }
guard-rules-do-not-compile = spam rules do not compile together: { $reason }
guard-rule-expected-define = expected `define NAME = pattern`
guard-rule-has-spaces = `{ $pattern }`: patterns are matched against text with spaces removed; write it without spaces
guard-rule-matches-empty = `{ $pattern }` matches empty text
guard-rule-invalid-pattern = invalid pattern `{ $pattern }`: { $reason }
guard-rule-unknown-definition = unknown definition `{"{"}{ $name }{"}"}`
guard-config-help = fix the `guard:` section of site.yaml or the rule file it names
guard-signal-weighted = { $says } (+{ $weight })
guard-signal-strong-word = the { $family } spam word “{ $word }”
guard-signal-weak-word = the word “{ $word }”, common in { $family } spam
guard-signal-weak-words-together = words common in { $family } spam standing together (“{ $words }”)
guard-signal-offer-amount = an offer with an amount (“{ $offer }”)
guard-signal-chat-handle = a chat handle (“{ $handle }”)
guard-signal-chat-recruit = a chat handle (“{ $handle }”) beside spam, recruiting or income words (“{ $word }”)
guard-signal-solicitation = a paragraph that speaks to the reader, asks to be contacted and promises money or no questions asked, as a seller does (“{ $phrase }”)
guard-signal-partial-solicitation = a paragraph that speaks to the reader and asks to be contacted, as an offer does (“{ $phrase }”)
guard-signal-brand-domain = a bare domain mixing letters and digits (“{ $domain }”)
guard-extra-rules-refused = guard.extra_rules “{ $path }” is not read: { $problem }
guard-extra-rules-not-text = guard.extra_rules “{ $path }” is not a UTF-8 text file, so it is not a rule file (its content is not shown)
guard-config-text = site.yaml { $field }: { $finding }
