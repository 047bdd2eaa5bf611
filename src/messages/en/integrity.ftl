## integrity: civic verify
verify-timeout-invalid = `{ $value }` is not a number of seconds between 0 and 3600
verify-sample-needs-address = --sample applies to an address (http:// or https://)
verify-address-no-host = { $url } has no host
verify-not-an-address = { $url } is not an address: { $reason }
verify-needs-manifest = verifying { $url } needs --manifest
verify-needs-manifest-help = pass the civic-manifest.json of the deployed build, from a copy kept off the server: one read from the server proves nothing, since whoever changed the site could change it too

## integrity: the manifest and the folder
verify-cannot-read = cannot read { $path }: { $reason }
verify-no-manifest = no manifest at { $path }
verify-no-manifest-help = give the manifest of the build you deployed: `civic build` writes it to output/civic-manifest.json; keep a copy off the server and pass it with --manifest PATH
verify-not-a-folder = { $path } is not a folder
verify-not-a-folder-help = give the deployed folder (or a copy of it), or an http:// or https:// address
verify-bad-manifest = { $path } is not a Civic manifest: { $problem }
verify-bad-manifest-help = pass the civic-manifest.json that `civic build` wrote, unedited
verify-manifest-not-json = { $reason }
verify-manifest-algorithm = unsupported algorithm { $algorithm }
verify-special-file = { $what }, not a regular file: nothing the build writes; not read
verify-special-dangling-symlink = a symlink to nowhere
verify-special-fifo = a FIFO (named pipe)
verify-special-socket = a socket
verify-special-device = a device
verify-special-other = not a file

## integrity: the live site
verify-unreachable = cannot reach { $url }: { $reason }
verify-unreachable-help = check the address, the network and the proxy (HTTPS_PROXY, NO_PROXY); nothing was compared
verify-wrong-address = { $url } redirects to { $location }
verify-wrong-address-help = give the address the site is served at (the one its home page answers with 200)
verify-client-failed = cannot start the HTTP client: { $reason }
verify-client-failed-help = this is a bug in civic; please report it
verify-tls-failed = TLS handshake failed: { $reason }
verify-no-answer = no answer within { $seconds } s (raise --timeout if the server is only slow)
verify-cannot-connect = cannot connect: { $reason }
verify-request-failed = request failed: { $reason }
verify-after-tries = { $problem } ({ $tries } tries)
verify-extra-not-fetched = not fetched (too many extra pages)
verify-extra-skipped = { $pages ->
        [one] 1 extra page was
       *[other] { $pages } extra pages were
    } reported without being fetched

## integrity: what verify found
verify-kind-changed = changed
verify-kind-missing = missing
verify-kind-added = added
verify-kind-special = special
verify-kind-cloaked = cloaked
verify-kind-redirect = redirect
verify-kind-extra = extra
verify-kind-status = status
verify-kind-tls = tls
verify-kind-unreachable = unreachable
verify-finding-details = { $kind } { $place }: { $details }
verify-details-and = { $first }; { $rest }
verify-detail-user-agent = as { $user_agent }
verify-detail-referer = with Referer { $referer }
verify-detail-status = HTTP { $status }
verify-detail-location = → { $location }
verify-detail-got = got { $hash }…, { $size ->
        [one] 1 byte
       *[other] { $size } bytes
    }
verify-detail-got-built = got { $hash }…, { $size ->
        [one] 1 byte
       *[other] { $size } bytes
    } (built: { $built_hash }…, { $built_size ->
        [one] 1 byte
       *[other] { $built_size } bytes
    })
verify-detail-linked-from = linked from { $from }
verify-summary-unchanged = { $files } unchanged
verify-summary-kind = { $count } { $kind }
verify-summary-and = { $first }, { $rest }
verify-summary-checked = { $summary }; { $checked }
verify-checked = { $files ->
        [one] 1 file
       *[other] { $files } files
    } checked with { $requests ->
        [one] 1 request
       *[other] { $requests } requests
    }
verify-checked-sample = { $files ->
        [one] 1 file
       *[other] { $files } files
    } checked with { $requests ->
        [one] 1 request
       *[other] { $requests } requests
    } (sample seed { $seed })
verify-extra-unlisted = { $links ->
        [one] 1 more link to a page the build never wrote was
       *[other] { $links } more links to pages the build never wrote were
    } found and not listed (at most 1000 are)
verify-deadline-reached = the run stopped at its deadline of { $seconds } s with { $files } files not compared; raise --deadline to compare them all
