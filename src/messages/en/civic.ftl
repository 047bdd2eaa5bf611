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
build-summary = Built { $pages } pages (zh-CN { $zh }, en { $en }), { $files } files in { $seconds } s → { $output }

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
serve-cannot-listen = error: cannot listen on { $address }: { $reason }
    help: another program may use that port; try --port 0 to pick a free one
serve-cannot-create-output = error: cannot create the output folder { $output }
serve-cannot-watch = error: cannot watch the site's folders for changes: { $reason }
serve-cannot-start = error: cannot start the server: { $reason }
serve-serving = Serving the site at { $address } (press Ctrl+C to stop)
serve-stopped = error: the server stopped: { $reason }
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
serve-overlay-title = The site has { $problems ->
        [one] 1 problem
       *[other] { $problems } problems
    }; this page reloads when they are fixed

## Faults of Civic itself, not of the site
internal-error = internal error in Civic ({ $what }); please report it to the Civic maintainers with the site that shows it
