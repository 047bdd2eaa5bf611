## civic desk: the editor's desk
about-desk = Open the editor's desk: list, edit, preview, review and publish the site's content in a browser
about-desk-add-user = Add (or update) an account for the desk; the password is read from standard input
arg-desk-port = Port to listen on; 0 picks a free one [default: 1112]
arg-desk-bind = Address to listen on; 127.0.0.1 is for this computer only, without sign-in; any other address (the office network's) requires sign-in [default: 127.0.0.1]
arg-desk-user-name = The account's name (a reviewer's must be their name in data/reviewers.yaml)
arg-desk-user-roles = A role, repeatable: editor, reviewer-1, reviewer-2, reviewer-3, publisher, admin
desk-listening = The desk is open at { $address } (Ctrl-C closes it; what was saved stays saved)
desk-no-accounts = on an address beyond this computer the desk requires sign-in, but there are no accounts yet
desk-password-prompt = Type the account's password (at least 10 characters), then Enter:
desk-user-added = Account { $name } added
desk-role-unknown = there is no role "{ $role }"; the roles are: { $roles }
desk-account-name-invalid = an account name cannot be empty or hold control characters
desk-password-too-short = the password is too short: it needs at least { $min } characters
desk-accounts-unreadable = the accounts file { $path } cannot be read: { $why }
desk-accounts-unwritable = the accounts file cannot be written: { $why }
desk-failed = the desk failed: { $why }
desk-title = Editor's desk
desk-publish = Publish
desk-sign-in = Sign in
desk-sign-out = Sign out
desk-signed-in-as = Signed in as { $name }
desk-account-name = Account name
desk-password = Password
desk-wrong-password = wrong account name or password
desk-locked = too many wrong passwords: this account is locked; try again in { $minutes } minutes
desk-csrf = refused: this request does not carry the desk's form token (it may come from another site). Go back to the desk and try again
desk-not-allowed = your account may not act as "{ $role }"
desk-back = Back to the content list
desk-busy = the desk is busy; try again in a moment
desk-not-built = the site has not built yet; fix its errors first
desk-content = Content
desk-content-count = { $count } Chinese pages
desk-column-section = Section
desk-column-page = Page
desk-column-state = State
desk-column-file = File
desk-new-kind = Kind
desk-new-title = Title
desk-new-create = Create
desk-kind = { $kind ->
        [news] News
        [role_model] Role model
        [handbook] Handbook chapter
        [psa] Public-service ad
       *[page] Page
    }
desk-state-draft = draft
desk-state-english = { $state ->
        [missing] English missing
        [outdated] English outdated
        [unreviewed] English not reviewed
       *[up-to-date] English up to date
    }
desk-state-awaiting = awaiting { $level }
desk-bad-file = { $file } cannot be opened: { $why }
desk-not-content = { $file } is not a Markdown page under content/
desk-not-utf8 = { $file } is not UTF-8 text
desk-unwritable = { $file } cannot be saved: { $why }
desk-saved = Saved. The preview is up to date.
desk-conflict = Not saved: since you opened this page, someone (or another browser window) saved it. Your text is below: copy it, open the page again and redo your change
desk-save-blocks = this page has { $count } errors; it cannot be published until they are fixed
desk-fields = Fields
desk-body = Body
desk-save = Save
desk-other-fields = Other fields (lists and such; change them in a text editor)
desk-original = Chinese original:
desk-edit-twin = Edit the English twin
desk-edit-original = Edit the Chinese original
desk-no-twin = this page has no English twin yet
desk-preview = Preview
desk-preview-lang = { $lang ->
        [en] English
       *[zh-CN] Chinese
    }
desk-phone-frame = Preview at a phone's width
desk-review = Three-level review (三审三校)
desk-review-signed = { $level }: signed by { $name } on { $date }
desk-review-awaiting = { $level }: awaiting
desk-sign = Sign as { $level }
desk-bad-level = no such review level
desk-no-targets = site.yaml has no publish targets (publish:) yet; an administrator fills them in
desk-publish-explain = Publishing first builds and checks the whole site; it does not publish when there are errors, inspection veto items or unsigned pages
desk-publish-target = Publish to
desk-publish-now = Build, check and publish
desk-search = Search titles or file names
desk-search-go = Filter
desk-all-sections = All sections
desk-duplicate = Duplicate
desk-delete = Delete (to the trash)
desk-deleted = Deleted: the files moved to the site's .civic/trash/; move them back to restore
desk-copy-title = { $title }（副本）
desk-site-errors = The site has { $count } errors: until they are fixed the preview stays as it last built and nothing can be published
desk-twin-title = English title
desk-twin-create = Create the English twin (the fields to translate are marked)
desk-draft-after-save = This change (the page's address, draft flag, aliases or photo file, or a page not built yet) shows in the preview once it is saved
desk-toolbar = Body formatting
desk-toolbar-button = { $action ->
        [bold] Bold
        [link] Link
        [list] List
        [heading] Heading
        [image] Image
       *[page] Link to a page of the site
    }
desk-picker-title = Link to a page of the site
desk-picker-find = Find a page by its title or file
desk-picker-pages = Pages
desk-picker-insert = Insert the link
desk-picker-cancel = Cancel
desk-publish-confirm-title = Publishing would delete files from the live site
desk-publish-confirm-explain = The new build no longer has { $count } files that are online now (pages deleted, renamed or turned into drafts). Check the list; publish only if these files should go
desk-publish-more = … and { $count } more
desk-publish-confirm = Publish and delete { $count } files
desk-publish-cancel = Do not publish
desk-upload = Photos and attachments
desk-upload-pick = Pick a file, or drag it here (JPG, PNG or WebP photos; PDF, DOCX or XLSX attachments)
desk-upload-alt-zh = Chinese alternative text (who is in the photo, doing what)
desk-upload-alt-en = English alternative text
desk-upload-go = Upload
desk-upload-on-chinese = photos and attachments are added on the Chinese page; the English twin takes them from there
desk-upload-type = a .{ $ext } file cannot be uploaded: the desk takes JPG, PNG and WebP photos and PDF, DOCX and XLSX attachments
desk-upload-alt-needed = a photo needs its alternative text in Chinese and in English (who is in it, doing what), for readers who cannot see it
desk-upload-too-large = the file is too large: at most { $limit_mb } MB
desk-upload-bad-image = { $name } cannot be read as a picture ({ $why }); export it again as JPG or PNG
desk-upload-figure = Stored as { $name } without location or camera data, and set as this page's { $field ->
        [poster] poster
       *[photo] photo
    } (with both alternative texts). The preview shows it
desk-upload-in-body = Stored as { $name } without location or camera data and put into the body where you were typing; in the English twin write: { $english }
desk-upload-attached = Stored as { $name } and linked in the body where you were typing; the inspection checks it for personal data before publishing
desk-upload-not-what-named = { $name } is not a .{ $ext } file inside (its first bytes say otherwise); save it again from the program that made it
