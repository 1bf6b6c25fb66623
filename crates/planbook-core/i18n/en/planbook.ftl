# planbook's messages in English. Every id here is in i18n/th/planbook.ftl too (a test checks).
# Arguments are shown as given; counts select `[one]`/`*[other]` variants.

## Findings: `path:line:col: error: …`

diag-error = error
diag-warning = warning

## Reading values

field-missing = missing required field `{ $name }`
field-empty = `{ $name }` is empty
money-invalid = `{ $value }` is not an amount of baht: { $problem }
money-decimals = `{ $value }` has more than 2 decimals: baht have at most 2 (satang)
money-negative = money cannot be negative here: `{ $value }`
number-invalid = `{ $value }` is not a number: { $problem }
number-negative = `{ $value }` cannot be negative
percent-not-percent-unit = `{ $value }` is a percentage, but the unit here is `{ $unit }`: write the number alone
month-invalid = `{ $value }` is not a month: write YYYY-MM, e.g. 2023-01 or 2566-01
month-outside-year = month { $value } is outside fiscal year { $year } ({ $range })
date-invalid = `{ $value }` is not a date: write YYYY-MM-DD, e.g. 2023-01-20 or 2566-01-20
date-outside-year = date { $value } is outside fiscal year { $year } ({ $range })
id-key-twice = duplicate key `{ $key }`: the id `{ $id }` is already given on line { $line } (spaces around an id do not count)
id-invalid = `{ $value }` is not a valid id: use lower-case a-z, digits 0-9 and `-`
text-control-character = this text holds the control character U+{ $code }, which no page can show: remove it
number-write-digits = write digits, e.g. 6300 or 1,234.50
number-groups = thousands separators must group 3 digits, e.g. 1,234,567
number-too-large = too large
number-too-many-digits = too many digits: at most 26 in all
number-too-large-or-precise = too large or too precise
number-over-cap = too large: figures are limited to 999,999,999,999,999
target-not-number = target `{ $value }` is not a number: { $problem }
site-language-invalid = `{ $value }` is not a language planbook speaks: write `th` or `en`

## YAML

yaml-empty-file = the file is empty: expected `key: value` lines
yaml-null-value = this value is empty (`~` or `null`): write a value, or leave the key out
yaml-expected-bool = expected `true` or `false` here
yaml-tagged-value = a tagged value (`!!…`) cannot be used here: write the value without its tag
yaml-unknown-anchor = this alias (`*name`) refers to no anchor (`&name`) written above it
yaml-too-deep = nested more than { $depth } levels deep
yaml-over-limits = the file exceeds planbook's safety limits for YAML ({ $detail })
yaml-expected-mapping = expected a mapping of `key: value` lines here
yaml-expected-single = expected a single value here, not a list or mapping
yaml-expected-list = expected a list (lines starting with `- `) here
yaml-expected-other = expected another kind of value here
yaml-duplicate-key = duplicate mapping key: { $key }
unknown-key-suggest = unknown key `{ $field }`; did you mean `{ $best }`?
unknown-key-none-allowed = unknown key `{ $field }`: no keys are allowed here
unknown-key-list = unknown key `{ $field }`; the keys allowed here are: { $keys }

## References inside a plan ($what: task, kpi, budget-item)

unknown-ref-suggest = unknown { $what ->
        [task] task
        [kpi] KPI
       *[budget-item] budget item
    } `{ $id }`; did you mean `{ $best }`?
unknown-ref-none = unknown { $what ->
        [task] task
        [kpi] KPI
       *[budget-item] budget item
    } `{ $id }`: the plan has none
unknown-ref-list = unknown { $what ->
        [task] task
        [kpi] KPI
       *[budget-item] budget item
    } `{ $id }`; the plan has: { $known }

## Command line: summaries

check-ok = ok: { $plans } { $plans ->
        [one] plan
       *[other] plans
    }, { $warnings } { $warnings ->
        [one] warning
       *[other] warnings
    }, { $alerts } { $alerts ->
        [one] alert
       *[other] alerts
    }
check-failed = { $errors } { $errors ->
        [one] error
       *[other] errors
    }, { $warnings } { $warnings ->
        [one] warning
       *[other] warnings
    }
build-content-errors = { $errors } { $errors ->
        [one] error
       *[other] errors
    } in the content; nothing was written
wrote = wrote { $path }
no-plan-suggest = no plan `{ $plan }`; did you mean `{ $best }`?
no-plan = no plan `{ $plan }`: give its folder under plans/, e.g. 2566/samut-prakan/debt-relief
copy-unreadable = cannot read the plan to copy, { $path }: { $reason }
not-a-month = `{ $value }` is not a month: write YYYY-MM, e.g. 2023-03 or 2566-03
not-a-port = `{ $value }` is not a port: a whole number from 0 to 65535, e.g. 1111
not-an-interface = `{ $value }` is not an IP address: e.g. 127.0.0.1 (this machine only) or 0.0.0.0 (every network)
not-a-year = `{ $value }` is not a fiscal year: write e.g. 2567

## Command line: --help (English: the same as the doc comments in src/cli.rs)

help = Operational plans and budget progress: from YAML to an intranet site, printable plans and email reports
help-check = Validate and compute only; print errors and warnings; exit 1 on errors
help-check--content = The content folder
help-check--as_of = Compute as of this month (YYYY-MM, C.E. or B.E.)
help-check--alerts = List the alerts of every plan (by default, of the plans under the current folder)
help-build = Validate, compute and write the site and data export
help-build--content = The content folder
help-build--output = Where to write the site (replaced whole, atomically)
help-build--as_of = Compute as of this month (YYYY-MM, C.E. or B.E.)
help-build--keep_going = Leave out the plans (and fiscal years, pages) with errors and publish the rest; exit 3 when anything was left out
help-build--pdf = Also print every plan's document to PDF beside it (needs Chromium, Chrome or Edge)
help-serve = Build, serve on 127.0.0.1, rebuild on every change and reload the browser
help-serve--content = The content folder (the `themes/` folder beside it is watched too)
help-serve--port = The port; when it is taken, the next ten are tried
help-serve--interface = The address to listen on (other machines can see the site unless it is loopback)
help-serve--open = Open the site in the browser
help-serve--poll = Scan for changes every half second (for network drives that send no events)
help-serve--as_of = Compute as of this month (YYYY-MM, C.E. or B.E.)
help-new = Start a plan or a month's entry from a filled-in form
help-new-plan = Write plans/<YEAR>/<OFFICE>/<ACTIVITY>/plan.yaml to fill in, or a copy of an earlier plan
help-new-plan--target = OFFICE/ACTIVITY, e.g. samut-prakan/debt-relief
help-new-plan--year = The fiscal year, B.E. (2567) or C.E. (2024)
help-new-plan--from = Copy this plan (e.g. 2566/samut-prakan/debt-relief): amounts kept, progress dropped
help-new-plan--content = The content folder
help-new-progress = Write a plan's progress entry for a month, every id listed
help-new-progress--plan = The plan, e.g. 2566/samut-prakan/debt-relief
help-new-progress--month = The month (YYYY-MM, C.E. or B.E.)
help-new-progress--xlsx = Write an Excel workbook to fill in instead (read back with `planbook import`)
help-new-progress--output = With --xlsx: the file to write; by default OFFICE-ACTIVITY-YYYY-MM.xlsx (B.E.) here
help-new-progress--content = The content folder
help-report = Write one self-contained HTML report of an office or a plan for a month, to attach to an email
help-report--target = YEAR/OFFICE (2566/samut-prakan) or YEAR/OFFICE/ACTIVITY (2566/samut-prakan/debt-relief)
help-report--month = The month (YYYY-MM, C.E. or B.E.); the latest month with an entry when left out
help-report--output = The file to write; by default รายงาน-OFFICE[-ACTIVITY]-YYYY-MM.html in the current folder
help-report--content = The content folder
help-import = Read a progress workbook (from `new progress --xlsx`) back into the month's entry
help-import--file = The filled-in workbook
help-import--force = Replace the month's entry if there is one (the lines that change are printed)
help-import--content = The content folder
help-register = Write an office's register of a month (ทะเบียนคุมการจัดสรร - เบิกจ่ายงบประมาณ) as an Excel workbook
help-register--target = YEAR/OFFICE, e.g. 2566/samut-prakan
help-register--month = The month (YYYY-MM, C.E. or B.E.); the latest month with an entry when left out
help-register--output = The file to write; by default ทะเบียนคุม-OFFICE-YYYY-MM.xlsx in the current folder
help-register--content = The content folder
help-pdf = Print plan documents to PDF with an installed Chromium, Chrome or Edge (or PLANBOOK_BROWSER)
help-pdf--plans = YEAR/OFFICE/ACTIVITY (2566/samut-prakan/debt-relief), or YEAR/OFFICE for all its plans
help-pdf--output = The folder to write the PDFs into (YEAR-OFFICE-ACTIVITY.pdf)
help-pdf--content = The content folder

## Plans, budgets, entries

budget-empty = the budget has no items
budget-type-unknown = unknown budget type `{ $value }`: use one of { $names }
budget-type-not-top = `type` is set on top-level budget nodes only; this node takes its parent's
budget-type-missing = no `type` (personnel, operating, investment, subsidy, other): counted as current expenditure
budget-amount-and-items = a budget node has either `amount` (a line) or `items` (a group), not both
budget-amount-missing = missing required field `amount` (or `items` for a group)
budget-total-on-line = `total` belongs on a node with `items`; a line carries `amount`
budget-items-empty = `items` is empty: a group needs at least one item
budget-total-differs = total { $total } differs from the sum of its items { $sum }
event-kind-unknown = unknown event kind `{ $value }`: use training, seminar or meeting
event-evaluated-early = evaluated on { $evaluated }, before the event ended on { $ended }
id-duplicate = duplicate id `{ $id }`: already used on line { $line } (ids are unique within a plan)
placeholder-left = `{ $placeholder }` is a placeholder left from `planbook new plan`: write the real text from the approved plan
allocation-zero = the plan's allocation is 0 baht: fill in the amounts of its budget lines
plan-year-differs = fiscal_year `{ $value }` differs from the plan's folder plans/{ $year }/
kpi-direction-unknown = unknown direction `{ $value }`: use at_least or at_most
schedule-sum-differs = the schedule plans { $planned } in all but the target is { $target }
month-twice = month { $month } is listed twice
revision-of-group = `{ $id }` is a group: revisions change budget lines (nodes with `amount`)
revision-below-zero = this revision would leave `{ $id }` at { $amount } baht: a line cannot go below zero
spending-plan-differs = the spending plan adds up to { $planned } but the allocation is { $allocation }
plan-folder-no-plan = the plan folder plans/{ $plan }/ has no plan.yaml
fiscal-year-no-file = fiscal year { $year } has no fiscal-years/{ $year }.yaml
entry-twice = a second entry for { $month }: one entry per plan per month
site-year-invalid = `{ $value }` is not a fiscal year: write it in B.E., e.g. 2566
site-due-day-invalid = report_due_day `{ $value }` is not a day of the month: write 1 to 31, e.g. 10 for the 10th of the following month
site-digits-invalid = thai_digits must be true, false or official, not `{ $value }`

## Files of the content folder

file-not-read = this file is not in a place planbook reads (site.yaml, fiscal-years/, plans/<year>/<office>/<activity>/, pages/): ignored
file-hidden = the name starts with `.`, so this is hidden and ignored, with everything in it; rename it to have it read
page-no-front-matter = a page starts with front matter: a `---` line, `title: …`, and another `---` line
page-front-matter-open = the front matter has no closing `---` line

## Command line: clap's own words (used in languages other than English)

help-usage = Usage:
help-heading-commands = Commands
help-heading-options = Options
help-heading-arguments = Arguments
help-default = [default: { $value }]
help-usage-options = [OPTIONS]
help-flag = Print help
help-version-flag = Print version

## Spending against the budget

# An empty part of a message (no breakdown, no hint).
nothing = { "" }
spend-line-over = `{ $id }` has { $spent } baht disbursed and committed by { $month }, above its { $allocation }
spend-flexible-room = { $what }; allowed because it is ถัวจ่าย (flexible) and its group has room{ $parts }
spend-flexible-no-room = { $what }; it is ถัวจ่าย (flexible) but its group has no room left{ $parts }
spend-over = { $what }{ $parts }
spend-breakdown = { " " }(disbursed { $disbursed } + committed { $committed }{ $stale })
spend-stale-commitment = ; the commitment was reported in { $month }: once paid, write `{ $id }: 0` under `committed:`
spend-group-over = group `{ $id }` has { $spent } baht disbursed and committed by { $month }, above its { $allocation }
spend-plan-over = the plan has { $spent } baht disbursed and committed by { $month }, above its allocation of { $allocation }
spend-above-received = { $disbursed } baht disbursed by { $month } but only { $received } received (รับโอน) so far

## Reading the content folder's files

file-cannot-read = cannot read: { $reason }
file-special = this is { $what ->
        [symlink] a symlink
        [fifo] a named pipe (FIFO)
        [socket] a socket
        [device] a device
       *[other] a special file
    }, not a regular file: planbook reads regular files only, so it is skipped
file-not-regular = this is not a regular file: planbook reads regular files only
file-too-large = the file is { $size } bytes, more than the { $limit } MiB a content file may have
file-grew = the file has more than the { $limit } MiB a content file may have (it grew while it was read)
file-not-utf8 = the file is not UTF-8 text (save it as UTF-8; Excel: "CSV UTF-8", editors: "UTF-8")
file-twice = two files hold the { $what ->
        [site] site settings
       *[plan] plan
    }: this one and { $other }; keep one
# The system's own words in English; the other catalogs say them in their language,
# selecting on `kind`: permission-denied, not-found, already-exists, is-a-directory,
# not-a-directory, directory-not-empty, storage-full, quota-exceeded, read-only,
# file-too-large, invalid-filename, busy, crosses-devices, timed-out, interrupted,
# out-of-memory, address-in-use, address-not-available, connection, unexpected-eof,
# invalid-data, unsupported, other.
io-error = { $said }

## Folders, fiscal years, pages, settings

plan-in-two-folders = the plan { $plan } is also in { $others }: one plan, one folder; remove the other
fiscal-year-file-ce = the file name `{ $stem }` is a year C.E.: fiscal-year files are named in B.E.; rename it `{ $year }.yaml`
fiscal-year-twice = fiscal year { $year } is defined twice: here and in { $others }; keep one file
year-folder-ce = the year folder plans/{ $folder }/ is a year C.E.: year folders are B.E.; rename it plans/{ $year }/
year-folder-not-year = plans/{ $folder }/ is not a fiscal year: plan folders are plans/<year B.E.>/<office>/<activity>/
folder-name-invalid = the { $what ->
        [office] office
       *[activity] activity
    } folder name `{ $name }` must use lower-case a-z, digits 0-9 and `-`
folder-names-too-long = the office and activity folder names are too long: the longest file the build writes with them (the email report `รายงาน-<office>-<activity>-<month>.html` and its temporary) would have a name of { $bytes } bytes, above the { $limit } a file name may have; shorten them by { $excess } characters together
page-weight-invalid = weight `{ $value }` is not a whole number
page-name-invalid = page file name `{ $slug }.md` must use lower-case a-z, digits 0-9 and `-`
office-name-differs = office `{ $name }` differs from `{ $common }`, the name the other plans of plans/{ $year }/{ $office }/ use: one office folder is one office
code-invalid = `{ $code }` is not a budget code: { $problem }
code-too-long = longer than { $max } characters
code-bad-character = `{ $bad }` is not allowed (letters A–Z, digits 0–9, `-`, `.` and `/` only)
base-path-invalid = base_path `{ $value }` is not where a site is served: write a path from the server's root such as `/` or `/plans/`, or a whole address such as `https://intranet.example/plans/`
theme-name-invalid = theme `{ $name }` is not a folder name: write the name of a folder in themes/ beside the content folder, e.g. `theme: mine` for themes/mine/
theme-error = { $detail }
fiscal-year-differs = fiscal_year { $declared } differs from the file name's { $named }
fiscal-year-missing = missing required field `fiscal_year` (the file name is not a year either)
target-not-percentage = target `{ $value }` is not a percentage between 0 and 100
targets-not-cumulative = targets are cumulative: each should be at least the one before
targets-count = give 4 quarter-end or 12 month-end targets, not { $count }
link-leaves-site = the reference `{ $href }` leaves the site folder (on { $page }): nothing may leave it
link-broken = the link `{ $href }` leads to no file of the site (on { $page })

## Command line: what was written

built = built { $plans } { $plans ->
        [one] plan
       *[other] plans
    } into { $output }: { $pages } { $pages ->
        [one] page
       *[other] pages
    }, { $charts } { $charts ->
        [one] chart
       *[other] charts
    }, { $files } { $files ->
        [one] file
       *[other] files
    }, { $warnings } { $warnings ->
        [one] warning
       *[other] warnings
    } in { $seconds } s
wrote-counted = wrote { $path } ({ $size }, { $count } { $what ->
        [rows] { $count ->
            [one] row
           *[other] rows
        }
       *[plans] { $count ->
            [one] plan
           *[other] plans
        }
    }, { $month })
wrote-month = wrote { $path } ({ $month })
printed-documents = printed { $count } { $count ->
        [one] document
       *[other] documents
    } in { $seconds } s
import-replaced-same = replaced the entry; nothing changed
import-replaced-changed = replaced the entry; changed:
note = note
left-out-office = ── office { $office }: { $count } { $count ->
        [one] plan
       *[other] plans
    } left out ──
left-out-line = left out { $plans } { $plans ->
        [one] plan
       *[other] plans
    } and { $files } settings { $files ->
        [one] file
       *[other] files
    } with { $errors } { $errors ->
        [one] error
       *[other] errors
    }; see { $page }
alerts-of-plan = { $plan } ({ $office }, as of { $month }): { $count } { $count ->
        [one] alert
       *[other] alerts
    }
help-subcommand-help = Print this message or the help of the given subcommand(s)

## Command line: errors of build, check, report, register

no-content-folder = { $path }: no such content folder
cannot-write = cannot write { $what }
cannot-make-workbook = cannot make the workbook: { $reason }
template-error = template { $template }: { $detail }
font-subset-error = cannot subset the Sarabun face of weight { $weight }: { $detail }
admin-file-unreadable = cannot read { $path }: { $reason }
report-target-invalid = `{ $value }` is not a report target: write YEAR/OFFICE (2566/samut-prakan) or YEAR/OFFICE/ACTIVITY (2566/samut-prakan/debt-relief)
register-target-invalid = `{ $value }` is not YEAR/OFFICE (e.g. 2566/samut-prakan)
no-office = no office `{ $office }`: no plan in that folder
no-office-in-year = no office `{ $office }` in fiscal year { $year }
no-plan-plain = no plan `{ $plan }`
year-has-no-plans = { $what }; fiscal year { $year } has no plans
with-suggestion = { $what }; did you mean `{ $best }`?
month-outside-target-year = { $month } is outside fiscal year { $year } of `{ $target }`: choose a month from { $first } to { $last }
month-outside-office-year = { $month } is outside fiscal year { $year }: choose a month from { $first } to { $last }
report-no-entry = `{ $target }` has no entry for { $month }: the report shows that month as not reported (ยังไม่รายงาน){ $latest }
report-latest-entry = ; its latest entry is { $month }
link-external-short = external reference in { $page }: { $href } (nothing may leave the site folder)
link-broken-short = broken link in { $page }: { $href }

## new, import, serve and pdf: errors and what they say as they go

content-has-errors = the content has errors; fix them first
scaffold-exists = { $path } exists already: planbook new never overwrites
import-exists = { $path } exists already: add --force to replace it
cannot-write-because = cannot write { $path }: { $reason }
new-plan-target-invalid = `{ $value }` is not OFFICE/ACTIVITY with lower-case a-z, digits and `-`, e.g. samut-prakan/debt-relief
from-without-year = `{ $value }` does not start with a fiscal year
import-unreadable = { $path }: not a readable workbook: { $reason }
import-cell-problems = { $count } { $count ->
        [one] problem
       *[other] problems
    } in the workbook; nothing was written
import-month-cell = { $place }: `{ $value }` is not a month (YYYY-MM); the month cell was changed
import-number-too-large = { $value } is not a number planbook can hold
import-not-a-number = not a number ({ $value })
import-unknown-id = { $place }: unknown { $what } `{ $id }` (the id column must stay as written)
serve-cannot-make-folder = cannot create a private output folder
serve-cannot-listen = cannot listen on { $interface } (ports { $first } to { $last })
serve-cannot-read-address = cannot read the listening address
serve-cannot-start = cannot start the server
serve-cannot-remove = cannot remove { $path }
serve-cannot-watch = cannot watch for changes: { $reason }
serve-building-into = building into { $path } (private to this server, removed on exit)
serve-port-taken = port { $wanted } is taken; using { $port }
serve-serving = serving { $url }
serve-public = listening on { $address }: other machines on the network can see the site
serve-watching = watching { $folders } (Ctrl-C to stop)
serve-folder-and = { $first } and { $second }
serve-stopped = stopped; removed { $path }
serve-polling = cannot watch for change events ({ $reason }); scanning for changes instead, as with --poll (on Linux, raising fs.inotify.max_user_watches avoids this)
serve-stopping = stopping (again to stop without waiting for a build under way)
serve-no-ctrl-c = cannot catch Ctrl-C ({ $reason }); the private output folder may stay behind
serve-built = built in { $ms } ms: { $pages } { $pages ->
        [one] page
       *[other] pages
    }, { $files } { $files ->
        [one] file
       *[other] files
    }
serve-rebuilt = rebuilt in { $ms } ms: { $pages } { $pages ->
        [one] page
       *[other] pages
    } ({ $what })
serve-watch-problem = watching: { $problem }
serve-panicked = the build stopped on a bug in planbook (a panic, printed above); the last good site is still served
serve-no-browser = cannot open a browser ({ $program }: { $reason })
serve-request-failed = answering a request failed (a bug); the server goes on
pdf-cannot-print = the browser could not print { $document }: { $reason }
pdf-cannot-tag = the PDF of { $document } could not be tagged: { $reason }
pdf-no-fiscal-year = no fiscal-years/{ $year }.yaml for { $plan }
pdf-browser-not-a-file = { $variable }={ $path } is not a file: point it at Chromium, Chrome or Edge
pdf-no-browser = printing to PDF needs Chromium, Google Chrome or Microsoft Edge, and none was found: install one (Debian/Ubuntu: `apt-get install chromium`; Windows and macOS: Chrome or Edge) or set { $variable } to its program
import-row = row
serve-and-more = { $first } and { $more } more

## The output folder a build refuses

guard-refused = refusing to write to { $output }{ $resolved }: { $why }; choose another --output
guard-that-is = { " " }(that is { $path })
guard-is = it is the { $what } { $path }
guard-inside = it is inside the { $what } { $path }
guard-holds = it holds the { $what } { $path }, which the build would replace
guard-root = the output folder is replaced whole, and this is /
guard-not-a-folder = it exists and is not a folder
guard-part-not-a-folder = { $path } exists and is not a folder
guard-name-too-long = its name is too long: the staging folder built beside it would have a name of { $bytes } bytes, above the { $limit }
guard-symlink = it is a symlink, which the build would replace; give the folder it points to
output-path-outside = not a path inside the output
output-not-a-file-name = not a file name
guard-content-folder = content folder
guard-themes-folder = themes folder

## The command line's refusals (clap's own words, which English runs print as clap says them)

cli-unknown-argument = unexpected argument '{ $arg }' found
cli-invalid-subcommand = unrecognized subcommand '{ $name }'
cli-value-required = a value is required for '{ $arg }' but none was supplied
cli-invalid-value = invalid value '{ $value }' for '{ $arg }'
cli-possible-values = possible values: { $values }
cli-value-validation = invalid value '{ $value }' for '{ $arg }': { $reason }
cli-no-equals = equal sign is needed when assigning values to '{ $arg }'
cli-too-many-values = unexpected value '{ $value }' for '{ $arg }' found; no more were expected
cli-wrong-number-of-values = '{ $arg }' requires { $expected } values, but { $actual } were provided
cli-conflict = the argument '{ $arg }' cannot be used with '{ $prior }'
cli-conflict-many = the argument '{ $arg }' cannot be used with one or more of the other specified arguments
cli-missing-required = the following required arguments were not provided: { $args }
cli-missing-subcommand = '{ $name }' requires a subcommand but one was not provided
cli-invalid-utf8 = invalid UTF-8 was detected in one or more arguments
cli-other = { $said }
cli-did-you-mean = tip: a similar { $what ->
        [subcommand] subcommand
        [value] value
       *[argument] argument
    } exists: { $names }
cli-tip = tip: { $tip }
cli-advice-value = to pass '{ $value }' as a value, use '{ $usage }'
cli-advice-no-dashes = subcommand '{ $name }' exists; to use it, remove the '--' before it
cli-advice-exists = '{ $usage }' exists
cli-more = For more information, try '{ $help }'.
