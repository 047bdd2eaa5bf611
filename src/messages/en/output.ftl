## output
output-interrupted = the build was interrupted
output-clash = two files of the build are both { $path }
output-clash-help = a page, alias or static file uses a path another one uses; rename one of them
output-reserved = a file of the build is { $path }, which the build writes itself
output-reserved-help = an alias or static file uses this name; rename or remove it
output-build-running = another civic build is writing { $output } right now
output-build-running-help = wait for it to finish (or stop it), then build again
output-outside = refusing to write outside the output: { $path }
output-cannot-write = cannot write { $path }: { $reason }
output-cannot-write-help = check that the output folder is writable and the disk is not full
output-unreadable = cannot read: { $reason }
output-interrupted-cleaned = Interrupted: the build stopped and its staging folder was removed; the output folder was left unchanged.
output-no-signal-watch = warning: cannot watch for Ctrl+C ({ $reason }); an interrupted build may leave a staging folder that the next build removes
place-no-site-folder = cannot find the site's folder { $root }: { $reason }
place-unresolvable = --output { $output }: { $reason }
place-refused = --output { $output }: { $what }; a build replaces its output folder whole, so this would delete the site's files
    help: choose a folder of its own, e.g. --output output
place-is-site = is the site's folder itself
place-contains-site = contains the site's folder
place-is-source = is the site's { $name }
place-inside-source = lies inside the site's { $name }
place-contains-source = contains the site's { $name }
place-is-file = --output { $output } is a file, not a folder; the build would replace it
    help: choose a folder, e.g. --output output
place-foreign-folder = --output { $output } is a folder Civic did not create, and a build replaces its output folder whole: its files would be deleted
    help: choose a new or empty folder; Civic replaces only a folder it built (one holding .civic-output)
output-served-twice = another civic serve is already serving { $output } at { $address }
output-served-twice-help = open that address in the browser, or stop the other preview (Ctrl+C in its window) first
output-being-served = civic serve is previewing { $output } at { $address }; a build now would replace the folder it serves
output-being-served-help = stop the preview first (Ctrl+C in its window), or build into another folder, e.g. --output dist
place-system-folder = is a folder of the system (the root, a top-level folder or the home folder)
place-force-foreign = --output { $output } holds files Civic did not write (it has no { $stamp }): --force replaces only a folder Civic built, never anything else
    help: choose a new or empty folder, e.g. --output output
path-absolute = the path is absolute; give it relative to the site's folder
path-climbs = the path climbs out of the site's folder with `..`
path-outside = the path leads outside the site's folder (to { $target }), through a symlink or `..`
path-not-a-file = it is not a regular file (a folder, device or pipe is never read)
path-too-large = it is larger than { $limit_mb } MB, the most Civic reads from such a file
path-unreadable = cannot read it: { $reason }
problems-more-in-file = … and { $more } more problems in { $file } (not shown; fix the ones above first)
