## markdown
link-outside-content = `{ $dest }` points outside the content folder
link-missing-page = `{ $dest }` links to a page that does not exist
link-not-a-file = `{ $dest }` is not a file in content/; link to pages by their .md file, e.g. `../news/_index.md`
link-missing-file = `{ $dest }` links to a file that does not exist
link-broken = broken link: { $why }
link-broken-help = fix the path (relative to this file, or from the content folder as `@/section/page.md`), or remove the link
link-did-you-mean = did you mean `@/{ $target }`? Otherwise: { $otherwise }
