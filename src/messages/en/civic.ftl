# Civic's messages in English. Keys are grouped by the part of Civic that speaks; every key here
# exists in zh-CN/civic.ftl with the same variables (checked by src/messages/tests.rs).


## The terminal: summaries and usage
problem-here = here
problem-help-label = { "help: " }
cmd-error = error: { $message }
cmd-help = help: { $help }
cli-lang-unknown = `{ $code }` is not a language of Civic's messages: use zh-CN or en
cli-build-failed = Build failed: { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    } in { $files ->
        [one] 1 file
       *[other] { $files } files
    }. { $output } was left unchanged.
cli-base-url-invalid = --base-url `{ $url }` { $why }
    help: pass the address the site is published at, e.g. --base-url https://wenming.example.gov.cn
cli-date-invalid = --date `{ $date }` is not a date like 2026-11-25
cli-epoch-invalid = SOURCE_DATE_EPOCH `{ $epoch }` is not a number of seconds since 1970
build-summary = Built { $pages } pages: { $documents } content pages (zh-CN { $zh }, en { $en }), { $lists } section lists and home pages, { $filters } gallery filter pages, { $tags } tag pages, { $prints } print pages, { $redirects } redirect pages, { $other } search, site map and 404 pages; { $files } files in { $seconds } s → { $output }

## civic check
check-guard-summary = Guard: scanned { $files ->
        [one] 1 content file
       *[other] { $files } content files
    } and the site's templates and scripts; { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    } and { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }.
check-passed = Check passed: no problems found.
check-found = Check found { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    } and { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }.
check-file-heading = { $file } ({ $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    })

## civic serve
serve-not-built = The site has not been built yet.
serve-cannot-listen = cannot listen on { $address }: { $reason }
serve-port-in-use = port { $port } is already used by another program (perhaps another civic serve or civic desk that is running)
serve-port-denied = no permission to use port { $port } (ports below 1024 usually need administrator rights)
serve-port-help = use another port, for example --port { $next }; or --port 0 to let Civic pick a free one
serve-address-unavailable = this computer has no address { $ip }
serve-address-help = to preview on this computer only use --bind 127.0.0.1; to open it to the office network use this computer's own address, or --bind 0.0.0.0
serve-listen-failed = the system refused ({ $reason })
serve-listen-help = use another port (--port 0 lets Civic pick a free one) or another address (--bind 127.0.0.1)
serve-with-help = { $message }
    { $help }
serve-cannot-create-output = cannot create the output folder { $output }
serve-cannot-watch = cannot watch the site's folders for changes: { $reason }
serve-cannot-start = cannot start the server: { $reason }
serve-serving = Serving the site at { $address } (press Ctrl+C to stop)
serve-stopped = the server stopped: { $reason }
serve-problems = { $problems ->
        [one] 1 problem
       *[other] { $problems } problems
    } in { $files ->
        [one] 1 file
       *[other] { $files } files
    }; the browser shows them until they are fixed. The server keeps running.
serve-rebuilt = Rebuilt ({ $how }): { $written } file(s) written, { $removed } removed in { $milliseconds } ms
serve-rebuilt-reload = reload
serve-rebuilt-edit = edit
serve-findings-title = civic check finds { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    } and { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    } (the preview goes on; this updates when they are fixed)
serve-overlay-title = The site has { $problems ->
        [one] 1 problem
       *[other] { $problems } problems
    }; this page reloads when they are fixed

## Faults of Civic itself, not of the site
internal-error = internal error in Civic ({ $what }); please report it to the Civic maintainers with the site that shows it
