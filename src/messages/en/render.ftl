## render
render-template-not-utf8 = the template is not UTF-8 text
render-template-syntax = a template cannot be read:
    { $reason }
render-template-syntax-help = fix the template syntax; the report above names the template and line
render-failed = rendering failed:
    { $reason }
render-failed-help = a template used a value that does not exist (for example a missing i18n string); fix the template or add the string
render-i18n-missing-file = the theme has no i18n/{ $lang }.yaml
render-i18n-missing-file-help = every theme needs i18n/zh-CN.yaml and i18n/en.yaml
render-i18n-unknown-key = site.yaml overrides `{ $key }`, which the theme does not use
render-i18n-unknown-key-help = check the spelling against the theme's i18n files
render-i18n-missing-key = the string `{ $key }` has no { $lang } text
render-i18n-missing-key-help = add `{ $key }: …` to this file
render-no-theme = the theme `{ $name }` is not in themes/
render-no-theme-help = put the theme in themes/<name>/, or remove `theme:` to use the default theme
image-unreadable = cannot read the image: { $reason }
image-not-an-image = this file is not a readable JPEG, PNG or WebP image
image-export-again = export the photo again as JPEG or PNG
image-undecodable = cannot decode the image: { $reason }
image-unresizable = cannot resize the image: { $reason }
image-unsafe-format = a .{ $ext } picture cannot be published: the build cannot remove its location data
image-unsafe-format-help = export the photo as JPEG (or PNG) and use that file instead
render-folder-outside = { $folder } is a symbolic link that leads outside the site's folder (to { $target }); Civic reads no theme or static files from there
render-folder-outside-help = copy the folder into the site instead of linking to it
image-library-said = { $reason }
image-too-many-pixels = the picture is { $width }×{ $height } pixels, more than the { $megapixels } megapixels Civic decodes; export it smaller (e.g. 4000 pixels wide) and replace the file
render-theme-outside-help = copy the theme into the site's themes/ folder instead of linking to it; a theme you trust that must stay outside the site is used only when named on the command line: civic build --theme-dir DIR (check and serve take it too)
render-theme-dir-missing = --theme-dir { $folder } is not a folder: name the theme's folder (the one holding templates/, static/ and i18n/), or leave --theme-dir out to use site.yaml's theme
