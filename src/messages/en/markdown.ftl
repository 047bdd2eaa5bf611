## markdown
link-outside-content = `{ $dest }` points outside the content folder
link-missing-page = `{ $dest }` links to a page that does not exist
link-not-a-file = `{ $dest }` is not a file in content/; link to pages by their .md file, e.g. `../news/_index.md`
link-missing-file = `{ $dest }` links to a file that does not exist
link-broken = broken link: { $why }
link-broken-help = fix the path (relative to this file, or from the content folder as `@/section/page.md`), or remove the link
link-did-you-mean = did you mean `@/{ $target }`? Otherwise: { $otherwise }
markdown-unused-footnote = footnote `[^{ $name }]` is never referenced, so it is not published
markdown-unused-footnote-help = refer to it in the text with `[^{ $name }]`, or delete the note
markdown-raw-html-shown = a raw HTML tag that would hide the rest of the page (<title>, <script>, <style>, <textarea>, <xmp>, …) is shown as text
markdown-raw-html-shown-help = remove the tag, or write it as `code` if the page is about HTML
markdown-failed = the Markdown parser failed on this page
markdown-failed-help = simplify the page until it builds and report the text that fails to the Civic maintainers
markdown-long-code-line = a line of this code block is { $chars } characters long, more than the { $limit } that are highlighted; the block is shown as plain text
markdown-long-code-line-help = break the long line, or raise `limits: {"{"} highlight_line_chars: … {"}"}` in site.yaml
link-draft-page = `{ $dest }` links to a draft (`draft: true`), which is not published: publish it first, or link elsewhere
link-symlink-file = `{ $dest }` is a symbolic link under content/ (or lies in a linked folder); Civic does not follow links in content/, so it is not published: copy the file itself into content/ and delete the link
