## How each item's points came about (one line per item)

explain-ratio-percent = { $code }: { $percent }% × { $max } = { $points }/{ $max }
explain-ratio-fraction = { $code }: { $a }/{ $b } × { $max } = { $points }/{ $max }
explain-ratio-target = { $reached ->
    [yes] { $code }: { NUMBER($percent, maximumFractionDigits: 2) }% ≥ { $target }% (full marks) → { $points }/{ $max }
   *[no] { $code }: { NUMBER($percent, maximumFractionDigits: 2) }% ÷ { $target }% × { $max } = { $points }/{ $max }
  }
explain-ratio-no-cases = { $code }: no cases arose in the period, which counts as full → { $points }/{ $max }
explain-ratio-below-floor = { $code }: { NUMBER($percent, maximumFractionDigits: 2) }% is below the minimum of { $floor }% → { $points }/{ $max }
explain-ratio-threshold = { $reached ->
    [yes] { $code }: { NUMBER($percent, maximumFractionDigits: 2) }% ≥ { $target }% (full marks) → { $points }/{ $max }
   *[no] { $code }: { NUMBER($percent, maximumFractionDigits: 2) }% × { $max } = { $points }/{ $max } (below { $target }%)
  }
explain-per-report = { $code }: { $onTime } report(s) on time, { $late } late, { $missing } not sent → { $points }/{ $max }
rule-all-or-nothing = 100%: { $max } points; anything less: 0 points.
rule-ratio-threshold = From { $target }%: { $max } points; below that: the share reached × { $max } points.
rule-ratio-floor = Below { $floor }%: 0 points.
rule-empty-full = If no case arose in the period (write 0/0 or “none”): { $max } points.
rule-per-report = Each report sent on time: { $onTime } points; late: { $late } points; not sent: 0 ({ $reports } reports, at most { $max } points). Write reports on time over reports sent, e.g. 3/4, or “3 on time, 1 late”.
rule-parts-share = Points = topics done ÷ all topics × { $max } points. The topics:
rule-option-plain = { $n }. { $label }
explain-index-value = { $code }: { $value } × { $max } = { $points }/{ $max }
explain-yes-no = { $answer ->
    [yes] { $code }: yes → { $points }/{ $max }
   *[no] { $code }: no → { $points }/{ $max }
  }
explain-tier = { $code }: { $value }{ $unit } → tier from { $atLeast }{ $unit }: { $points }/{ $max }
explain-tier-none = { $code }: { $value }{ $unit } is below the lowest tier → { $points }/{ $max }
explain-options = { $count ->
    [0] { $code }: nothing achieved → { $points }/{ $max }
   *[other] { $code }: { $labels } → { $points }/{ $max }
  }
explain-per-item = { $capped ->
    [yes] { $code }: { $count } × { $each } exceeds the maximum → { $points }/{ $max }
   *[no] { $code }: { $count } × { $each } = { $points }/{ $max }
  }
explain-normalised = { $code }: { $value } ÷ { $best } (best in the group) × { $max } = { $points }/{ $max }
explain-assigned = { $code }: points assigned directly → { $points }/{ $max }
explain-missing = { $code }: no figure yet → 0/{ $max }
explain-not-applicable = { $code }: not applicable to this unit, left out of its maximum
explain-not-scored = { $code }: collected for information, not scored
explain-invalid = { $code }: the figure cannot be scored ({ $reason ->
    [unknown_option] the option is not in the rule
    [out_of_range] above the maximum
    [not_applicable_refused] this item cannot be marked not applicable
   *[other] wrong kind of figure
  }) → 0/{ $max }
explain-effect-bonus = Bonus — { $line }
explain-effect-penalty = Penalty — { $line }

## Scoring rules in words

rule-ratio = Points = share achieved × { $max }.
rule-ratio-target = { $target }% or more: { $max } points; below that: share ÷ { $target }% × { $max }.
rule-index-value = Points = index value (0 to 1) × { $max }.
rule-yes-no = Yes: { $yes } points; no: 0 points.
rule-tiers = Scored by tiers (at most { $max } points):
rule-tier = • from { $atLeast }{ $unit }: { $points } points
rule-levels = One level applies (at most { $max } points):
rule-parts = Each part achieved adds its points (at most { $max } points):
rule-option = { $n }. { $label }: { $points } points
rule-per-item = { $effect ->
    [penalty] { $each } points deducted
   *[other] { $each } points
  } per { $unit ->
    [none] item
   *[other] { $unit }
  }, at most { $cap } points.
rule-normalise = Points = the unit's figure ÷ the best figure in the group × { $max }.
rule-not-scored = Collected for information, not scored.
rule-assigned = Points assigned directly by the review team, at most { $max }.
rule-not-public = The detailed scoring rule has not been published.
rule-effect = { $effect ->
    [bonus] This is a bonus, added on top of the scale.
   *[penalty] This is a penalty, subtracted from the total.
  }
rule-not-applicable = A unit without this duty may ask for it to be treated as not applicable (with evidence); it then leaves the unit's maximum.
rule-not-applicable-auto = Automatically not applicable (left out of the maximum) for { $tag ->
    [khong_co_tthc] units without administrative procedures
   *[other] units tagged "{ $tag }"
  }.
rule-inferred = Note: this rule was inferred from the item's wording, not checked against the original decision.

## Kinds of figures

input-kind = { $kind ->
    [percent] a percentage (e.g. 85% or 85.5%), or a fraction a/b
    [fraction] a fraction a/b (e.g. 394/508), or a percentage
    [count] a whole number (e.g. 12 or 1,234)
    [yes_no] yes or no
    [choice] one of the listed options
    [choices] one or more of the listed items, by number or name (e.g. 1, 2, 6)
    [reports] reports on time over reports sent (e.g. 3/4), or “3 on time, 1 late”
    [money] an amount of money (e.g. 1,250,000,000 or 1.25 billion)
    [points] points (e.g. 8.5)
   *[index_value] an index value between 0 and 1 (e.g. 0.5934)
  }

## Problems reading a figure

parse-empty = No figure given. Please enter a value for the item.
parse-not-a-number = The figure is not in a form this item takes. It needs { $expected ->
    [percent] a percentage (e.g. 85% or 85.5%), or a fraction a/b
    [fraction] a fraction a/b (e.g. 394/508), or a percentage
    [count] a whole number (e.g. 12 or 1,234)
    [yes_no] yes or no
    [choice] one of the listed options
    [money] an amount of money (e.g. 1,250,000,000 or 1.25 billion)
    [points] points (e.g. 8.5)
   *[index_value] an index value between 0 and 1 (e.g. 0.5934)
  }.
parse-negative = Figures cannot be negative.
parse-too-long = The number is too long; please check it.
parse-ambiguous-number = “{ $text }” could mean { $first } or { $second }. Please type it again with a comma for decimals (1,5) and no dot in numbers under a thousand.
parse-ambiguous-percent = Is { $value } meant as { $value }% or { $percent }%? Please add the % sign, e.g. { $percent }%.
parse-not-integer = This item needs a whole number; { $value } has a fraction.
parse-out-of-range = { $value } is outside the allowed range ({ $min } to { $max }).
parse-zero-denominator = The denominator (b in a/b) must be greater than 0.
parse-numerator-exceeds = The numerator ({ $a }) cannot be greater than the denominator ({ $b }).
parse-expected-yes-no = This item needs a “yes” or “no”.
parse-unknown-choice = That option was not recognised. Please choose one of: { $options }.
parse-ambiguous-choice = The answer matches several options. Please give the number: { $options }.
parse-single-choice = This item takes a single option: { $options }.
parse-not-applicable-refused = This item cannot be marked not applicable; please enter a figure.
parse-no-input = This item has no input rule yet (only the structure of this set is public).

## Checking ruleset files

ruleset-issue-yaml_syntax = YAML syntax error: { $detail }
ruleset-issue-schema = { $detail }
ruleset-issue-unknown_rule_type = Unknown scoring rule type “{ $type }”; known types: { $known }.
ruleset-issue-duplicate_code = Code { $code } is used twice (first at { $first }).
ruleset-issue-duplicate_id = Ruleset id { $id } is already used in { $other }.
ruleset-issue-rule_unreviewed = Item { $code }: the import { $check ->
    [uncertain] was not sure of its rule
   *[other] did not recognise its rule
  }; review the rule, then remove ruleCheck (or keep status: draft).
ruleset-issue-code_prefix = Code { $code } sits under { $parent } but does not start with “{ $parent }.”.
ruleset-issue-max_mismatch = The maxima under item { $code } add up to { $sum }, but item { $code } declares { $declared }.
ruleset-issue-total_mismatch = The main indices add up to { $sum }, but the declared total is { $declared }.
ruleset-issue-missing_in_full = { $code } lacks “{ $field }”, which a full ruleset needs.
ruleset-issue-rule_input_mismatch = { $code }: rule { $rule } cannot read input { $input }.
ruleset-issue-rule_invalid = { $code }: { $detail }
ruleset-issue-precision = { $code }: { $value } has more decimals than the rounding rule keeps ({ $digits }).
ruleset-issue-band_gap = Classification gap: no class covers { $from } to { $to } (next to { $band }).
ruleset-issue-band_order = Classes overlap or are out of order ({ $band }).
ruleset-issue-declared_count = Declared { $declared } ({ $field }) but the tree has { $found }.

## Admin command line (dti)

unit-kind = { $kind ->
    [department] departments
    [central_agency] central agencies in the province
    [district] district people's committees
    [commune] commune and ward people's committees
    [province] provinces and centrally run cities
   *[ministry] ministries and ministry-level agencies
  }
cli-decision-number = { $number } of { $date }
cli-decision-number-only = no. { $number }
cli-decision-signer = signed by { $signer }
cli-decision-issuer = issued by { $issuer }
cli-band = { $name } { $below ->
    [none] from { $from }
   *[other] from { $from } to below { $below }
  }
cli-deadline = { $kind ->
    [submission] Submission deadline
    [leader_approval] Leader approval deadline
    [review] Review deadline
    [appeal] Appeal deadline
    [publication] Publication deadline
   *[ruleset_update] Ruleset update deadline
  }: { $date }{ $note ->
    [none] {""}
   *[other] . { $note }
  }
cli-data-window = Figures cover { $from } to { $to } (N is the evaluation year)

cli-validate-ok = Checked { $files } file(s), { $rulesets } ruleset(s): no problems found.
cli-validate-failed = Found { $count } problem(s) in { $files } file(s):
cli-period-draft-ruleset = Ruleset { $id } is still a draft (status: draft): the rules the import read from the appendix have not been reviewed, so no period can use it yet. Run dti rulesets validate to see the items to review.
cli-validate-draft = Ruleset { $id } is a draft (status: draft) and cannot be used for a period yet: { $count } item(s) need their rule reviewed: { $codes }. Once reviewed, run dti rulesets accept <file> [codes…].
cli-validate-no-synonyms = Note: { $id } has { $count } indicators without synonyms (the words officers use for them), so questions in everyday words find them less well: { $codes }.
cli-ruleset-not-found = No ruleset “{ $id }”. Available: { $known }.
cli-item-not-found = Ruleset { $id } has no item “{ $code }”.
cli-structure-only = Ruleset “{ $id }” has only its structure (main indices and totals); the public text does not give the detailed scoring rules, so it cannot score.
cli-heading-ruleset = { $title }
cli-decision = Decision: { $decision }
cli-decision-none = Decision: no public decision number identified
cli-province = Province: { $province }
cli-unit-kinds = Applies to: { $kinds }
cli-total = Total points: { $total }
cli-total-unknown = Total points: not published
cli-completeness = { $completeness ->
    [full] Completeness: full (can score)
   *[structure] Completeness: structure only (cannot score yet)
  }
cli-historical = Note: a historical set, for districts before 01/07/2025 (two-tier local government has no districts); kept only for earlier cycles.
cli-draft = Note: a draft (status: draft): the scoring rules imported from the appendix are not yet reviewed, so no period can use it.
cli-illustrative = Note: an illustrative set built from real indicator names, not a published decision.
cli-counts = { $indices } main indices, { $subs } sub-indicators, { $leaves } scored items.
cli-declared = Per the decision: { $indices ->
    [unknown] { "" }
   *[other] { $indices } main indices
  }{ $subs ->
    [unknown] { "" }
   *[other] , { $subs } sub-indicators
  }
cli-bands = Classes: { $bands }
cli-max-unknown = not published
cli-item-name = { $code }. { $name }
cli-item-max = Maximum points: { $max }
cli-item-measures = What it measures: { $text }
cli-item-how = How to count: { $text }
cli-item-evidence = Evidence: { $text }
cli-item-evidence-required = (evidence is required)
cli-item-input = Figure to enter: { input-kind }
cli-item-rule = Scoring:
cli-item-keywords = Keywords: { $text }
cli-item-note = Note: { $text }
cli-item-children = { $count } parts:
cli-item-declared-children = The decision names { $count } sub-indicators, not published in detail.
cli-score-header-rank = Rank
cli-score-header-unit = Unit
cli-score-header-points = Points
cli-score-header-max = Scale
cli-score-header-value = Value
cli-score-header-class = Class
cli-score-header-missing = Missing
cli-score-title = { $title }: { $units } units
cli-csv-problems = The figures file has { $count } bad row(s); nothing was scored:
cli-csv-row = Row { $row }, { $unit }, item { $item }: { $problem }
cli-csv-unknown-item = no such item in { $id }
cli-csv-columns = The CSV needs columns unit, item, value (missing: { $missing }).
cli-csv-duplicate = this item already has a figure on row { $first }
cli-import-written = Wrote { $file } with { $items } items: { $recognised } rules read for certain, { $uncertain } uncertain, { $unrecognised } not recognised.{ $report ->
    [none] {""}
   *[other] {" "}Item-by-item review (the original beside what was understood): { $report }.
  }{ $draft ->
    [yes] {" "}The ruleset is a draft (status: draft): review the items above (correct their rules in the file where needed), then run dti rulesets accept { $file }.
   *[no] {""}
  }
    For: { $unitKind } ({ $read ->
    [option] from --unit-kind
    [title] read from the appendix title
   *[default] the default; if wrong, run again with --unit-kind commune or central_agency
  }); { $decision ->
    [none] no decision number found above the table
   *[other] appendix to decision { $decision }
  }.
    To use it: 1) copy the file into the rulesets folder (RULESETS_DIR, rulesets/ by default) and run dti rulesets validate; 2) look it over with dti rulesets show { $id }; 3) assign it to a group of units with dti groups set, then open a period with dti period open --ruleset { $id }.
cli-import-title = Ruleset imported from { $file }
cli-import-note = Imported from the appendix { $file }; codes as printed in the decision; the scoring rules were read by machine and must be reviewed before use.
cli-import-no-header = No table header found in the first { $rows } rows: at least three of TT/STT, Chỉ số (Nội dung, Tiêu chí), Điểm tối đa (Điểm chuẩn, Thang điểm), Cách chấm (Phương pháp tính điểm, Hướng dẫn chấm điểm) are needed.
cli-import-column = { $column ->
    [max] max points
    [code] number
    [name] item
   *[other] { $column }
  }
cli-import-invalid = { $file } was written but is not valid ({ $count } problems):
cli-import-review-line = • { $code } (row { $line }) — { $status ->
    [uncertain] uncertain
   *[other] not recognised
  }: “{ $original }” → { $understood }
cli-import-unused = Columns not used: { $columns }.
cli-import-total-mismatch = the total row says { $printed } points but the main indices (rows { $rows }) add up to { $sum }
cli-import-index-mismatch = { $code } says { $printed } points but its items (rows { $rows }) add up to { $sum }
cli-import-no-max = item { $code } has no maximum points
cli-import-orphan = no parent item { $parent } in the rows above
cli-import-duplicate = code { $code } is also used on row { $first }
cli-import-no-items = the table has no items below its header
cli-import-status = { $status ->
    [recognised] read
    [uncertain] uncertain
   *[other] not recognised
  }
cli-import-report-sheet = Rule review
cli-import-report-code = Code
cli-import-report-name = Item
cli-import-report-max = Max points
cli-import-report-row = Row
cli-import-report-original = Rule (appendix wording)
cli-import-report-understood = Understood as
cli-import-report-status = Certainty
cli-import-at-row = Row { $row }: { $problem }
cli-import-bad-code = “{ $value }” is not an item code (e.g. 4, 4.14, II, B.1)
cli-import-empty = the file has no data rows
cli-accept-done = Accepted { $count } rule(s) ({ $codes }) in { $file }. { $left ->
    [0] Nothing is left to review: the set is now status: reviewed and can be used for a period.
   *[other] { $left } item(s) still need review; run dti rulesets validate { $file } to see them.
  }
cli-accept-unknown = No item waiting for review has the code { $codes }. Waiting: { $pending }.
cli-backup-postgres = This command is for embedded mode (SQLite). On PostgreSQL, back up with pg_dump and restore with pg_restore (README, Deployment); evidence files are backed up with the storage in use.
cli-backup-no-database = No database file at { $file }.
cli-backup-not-empty = { $dir } already holds files; choose an empty folder for the backup.
cli-backup-done = Backed up to { $dir }: the database and { $files } other file(s) ({ $mb } MB in all), with manifest.json giving each file's SHA-256.
cli-backup-evidence-in-database = The evidence files are kept in the database (EVIDENCE_STORAGE=database), so they are in this backup with it; the evidence folder was not copied.
cli-restore-no-manifest = { $dir } has no manifest.json of a backup.
cli-restore-bad = The backup is not intact ({ $count } file(s) missing or altered: { $files }); nothing was restored.
cli-restore-running = DTI Bot is running on this database; stop the service before restoring.
cli-restore-done = Restored from { $dir } (backed up at { $created }) into { $file }.{ $kept ->
    [none] {""}
   *[other] {" "}The database that was there is kept at { $kept }.
  }
cli-restore-evidence-in-database = This backup keeps the evidence files in the database, but EVIDENCE_STORAGE is disk: please set EVIDENCE_STORAGE=database so that the service reads them.
cli-restore-evidence-in-folder = This backup keeps the evidence files in a folder (copied back into { $dir }), but EVIDENCE_STORAGE is database: please run "npx dti evidence copy-to-database" to put them into the database.
cli-import-problems = The appendix table has { $count } bad row(s); no file was written:
cli-import-row = Row { $row }, column { $column }: { $problem }
cli-import-missing-column = missing column “{ $column }”
cli-import-bad-number = “{ $value }” is not a number of points

## Units, people and periods (command line)

cli-yes = yes
cli-no = no
unit-kind-short = { $kind ->
    [department] Department
    [central_agency] Central agency
    [district] District
   *[commune] Commune/ward
  }
role-name = { $role ->
    [officer] data officer
    [leader] unit leader
    [reviewer] reviewer
   *[admin] provincial admin
  }
deadline-kind = { $kind ->
    [submission] Submission deadline
    [leader_approval] Leader approval deadline
    [review] Review deadline
    [appeal] Appeal deadline
   *[publication] Publication deadline
  }
period-status = { $status ->
    [open] collecting figures
    [review] under review
    [published] published
   *[closed] closed
  }
cli-province-unknown = No province with code “{ $code }”. Known codes: { $known }.
cli-province-choose = Please choose a province with --province (known: { $known }).
cli-unit-unknown = No unit with code “{ $code }”.
cli-import-columns = The file lacks { $count } required column(s); nothing was imported:
cli-units-bad-code = unit code “{ $value }” is not valid (letters, digits, dots and dashes only)
cli-units-duplicate = code { $value } repeats row { $first }
cli-units-empty-name = the unit name is missing
cli-units-bad-kind = unknown unit kind “{ $value }” (department, central agency, district, commune/ward)
cli-units-bad-active = unknown value “{ $value }”; please write “yes” or “no”
cli-units-self-parent = a unit cannot be its own parent
cli-units-unknown-parent = no parent unit “{ $value }” in the file or the directory
cli-units-problems = The unit list has { $count } problem(s); nothing was imported:
cli-units-imported = Updated the unit directory of { $province }: { $created } new, { $updated } updated.
cli-units-title = Units of { $province } ({ $count })
cli-units-header-code = Code
cli-units-header-name = Name
cli-units-header-kind = Kind
cli-units-header-parent = Parent
cli-units-header-group = Ranking group
cli-units-header-active = Active
cli-people-empty-name = the name is missing
cli-people-bad-role = unknown role “{ $value }” (officer, leader, reviewer, admin)
cli-people-needs-unit = this role needs a unit code
cli-people-unknown-unit = no unit “{ $value }” in the directory
cli-people-bad-phone = phone number “{ $value }” is not valid
cli-people-bad-email = e-mail address “{ $value }” is not valid
cli-people-problems = The staff list has { $count } problem(s); nothing was imported:
cli-people-imported = Imported { $people } people with { $roles } roles for { $province }.
cli-group-set = Group { $group } is scored with ruleset { $ruleset }.
cli-group-line = { $group } ({ $name }): ruleset { $ruleset }, { $count } active units
cli-period-bad-year = “{ $value }” is not a valid evaluation year.
cli-period-bad-deadline = Deadline “{ $value }” is not valid; write kind=dd/mm/yyyy with kind one of: { $kinds }.
cli-period-deadline-order = The deadlines are out of order: { $later } ({ $laterDate }) cannot come before { $earlier } ({ $earlierDate }). The order is: submission → leader approval → review → appeal → publication. No period was opened.
cli-period-exists = This period already exists (period { $id }).
cli-period-opened = Opened period { $id }: { $ruleset }, year { $year }.
cli-period-header-id = Period
cli-period-header-ruleset = Ruleset
cli-period-header-year = Year
cli-period-header-status = Status
cli-period-header-deadlines = Deadlines
cli-period-unknown = No period “{ $id }”.
cli-period-bad-status = Status “{ $value }” is not valid; choose one of: { $known }.
cli-period-status-set = Period { $id } is now { period-status }.
cli-reopen-bad-until = “{ $value }” is not a valid future date; write dd/mm/yyyy.
cli-reopen-needs-reason = Please give a reason for reopening.
cli-reopened = Reopened figure entry for { $unit } until the end of { $until }.
cli-invite-bad-role = Role “{ $value }” is not valid; choose one of: { $known }.
cli-invite-needs-unit = An invite for this role needs --unit (a unit code).
cli-invite-bad-limits = The number of uses (1–500) or days of validity (1–365) is not valid.
cli-invite-created = Invite code { $code }: { $role }, { $unit }; { $uses } use(s), valid until the end of { $expires }.
cli-invite-link = Telegram link: { $link }
cli-invite-no-link = Send this to the person to message the bot: /start { $code } (set TELEGRAM_BOT_USERNAME for a direct link).
cli-period-score-unknown_period = No period “{ $id }”.
cli-period-score-unknown_ruleset = Ruleset { $ruleset } of this period was not found.
cli-period-score-structure_only = Ruleset { $ruleset } has only its structure, so it cannot score.
cli-export-decision-written = Drafted the decision publishing the results in { $file }, with the results as its appendix; fill in its number, date and the proposal, check it, and submit it for signature.
cli-export-results-written = Exported results to { $file }: { $groups } group(s), { $units } unit(s).
cli-export-figures-written = Exported the figures template to { $file } ({ $rows } rows).
cli-import-label = imported from { $file }
cli-figures-problems = The figures file has { $count } problem(s); nothing was recorded:
cli-figures-locked = The submission deadline of { $unit } has passed; nothing was recorded (an admin may reopen the unit, or use --force).
cli-figures-period_closed = The period no longer collects figures ({ $unit }); nothing was recorded.
cli-figures-imported = Recorded { $count } new figure(s); { $unchanged } row(s) unchanged.
cli-demo-exists = The demo data is already there.
cli-demo-created = Created the demo data of { $province }: units, people, period(s) { $periods } and figures. Invite codes:

## Excel files

xlsx-annex = ANNEX
xlsx-no = No.
xlsx-bonus = Bonus points
xlsx-penalty = Penalty points
xlsx-cap = at most { $cap }
xlsx-total = Total
xlsx-not-submitted = Not submitted
xlsx-page = Page
xlsx-review-title = Items corrected in review, { $year } period — { $ruleset }
xlsx-self-compare = Self-assessed total (for comparison)
xlsx-title = Digital transformation evaluation and ranking, { $year }
xlsx-as-of = Figures as of { $date }
xlsx-rank = Rank
xlsx-unit-code = Unit code
xlsx-unit-name = Unit
xlsx-self = Self-assessed points
xlsx-reviewed = Reviewed points
xlsx-max = Applicable maximum
xlsx-value = Share achieved
xlsx-class = Class
xlsx-missing = Items without figures
xlsx-review-sheet = Review
xlsx-review-unit-code = Unit code
xlsx-review-unit-name = Unit
xlsx-review-item = Item
xlsx-review-item-name = Item name
xlsx-review-figure = Figure submitted
xlsx-review-self = Self-assessed points
xlsx-review-reviewed = Reviewed points
xlsx-review-reason = Reason for the change
xlsx-review-by = Reviewer
xlsx-review-date = Date
xlsx-review-none = No item has been changed in review.
xlsx-merged = merged from { $from }
xlsx-figures-unit = Unit code
xlsx-figures-unitName = Unit name
xlsx-figures-item = Item code
xlsx-figures-itemName = Item name
xlsx-figures-max = Maximum points
xlsx-figures-hint = How to enter
xlsx-figures-value = Value
xlsx-figures-evidence = Evidence (number – date: summary)
xlsx-figures-note = Note

## Chat: account, help, language

bot-help-title = You can use these commands:
bot-help-start = /start <invite code> — link your account to a unit and role with the department's invite code
bot-help-ask = /chiso <question> — ask about an indicator, e.g. /chiso paperless meetings
bot-help-language = /ngonngu — change language (Tiếng Việt / English)
bot-help-submit = /nop — submit figures, one indicator per line, e.g. { $figure }
bot-help-edit = /sua — correct a submitted figure (before the deadline), written as for /nop
bot-help-withdraw = /huy <indicator code> — withdraw a submitted figure (before the deadline)
bot-help-score = /diem — the unit's provisional total, class and rank
bot-help-missing = /thieu — indicators without figures
bot-help-target = /muctieu — what to improve to reach the next class
bot-help-ranking = /xephang — the group's ranking
bot-help-deadlines = /hanchot — deadlines
bot-help-approve = /duyet — a leader approves the unit's submitted figures
bot-help-unit = /donvi — choose the unit you are working for
bot-help-whoami = /toi — your account
bot-help-free-text = You can also just write, e.g. “what is indicator { $code }”, “{ $figure }”, “what is our score” or “what is still missing”.
bot-help-free-text-reader = You can also just write, e.g. “what is indicator { $code }”, “what is our score” or “what is still missing”.
bot-help-free-text-guest = You can also just ask about an indicator, e.g. “what is indicator { $code }” or “how is { $name } scored”.
bot-start-guest = Welcome. This is the digital transformation (DTI) assistant of the Department of Science and Technology.
bot-start-how = To submit figures and see your unit's score, please enter the invite code from the department: /start <code>. You can ask about indicators without a code.
bot-start-back = Welcome back, { $name }.
bot-start-welcome = Welcome, { $name }: your account is now linked.
bot-start-bound = Role: { role-name } — { $unit }.
bot-invite-unknown = That invite code is not valid. Please check the code from the department (10 characters, not case-sensitive).
bot-invite-expired = That invite code has expired. Please ask the Department of Science and Technology for a new one.
bot-invite-used_up = That invite code has been used up. Please ask the department for a new one.
bot-invite-revoked = That invite code was revoked. Please ask the department for a new one.
bot-not-bound = Your account is not linked to a unit yet.
bot-whoami-name = { $name }
bot-whoami-role = • { role-name }: { $unit }
bot-whoami-active = Working for: { $unit }
bot-whoami-language = Language: { $language ->
    [en] English
   *[vi] Tiếng Việt
  }
bot-language-choose = Xin vui lòng chọn ngôn ngữ / Please choose a language:
bot-language-set = Switched to English.
bot-unit-unknown = No unit “{ $code }” among yours.
bot-unit-set = Now working for: { $unit }.
bot-unit-none = You hold no role in any unit.
bot-unit-only = You work for { $unit } (your account's only unit); there is no unit to choose.
bot-unit-choose = Please choose a unit:
bot-unit-choose-typed = Please type /donvi <unit code>, e.g. /donvi S19. Units:
bot-no-unit-role = Your account is not linked to any unit, so there is no unit score, rank or figures to show. You can still ask about indicators; type /huongdan to see what you can do.
bot-unit-choose-first = Please choose a unit first with /donvi.
bot-not-your-unit = You hold no role in { $unit }.
bot-unknown-command = The command /{ $command } is not available. These are the commands you can use:
bot-slow-down = You are sending a little fast; please wait a few seconds.
bot-error = Sorry, something went wrong while handling your request. Figures already submitted are not affected; please try again in a few minutes.
bot-storage-unavailable = Sorry, the system cannot record anything right now, so your last message was not handled. Everything recorded before is kept; please send it again in a few minutes.

## Chat: indicator questions

bot-item-title = { $code }. { $name }
bot-item-ruleset = Part of: { $title }
bot-item-max = Maximum points: { $max }
bot-item-max-unknown = Maximum points: not published
bot-item-measures = What it measures: { $text }
bot-item-how = How to count: { $text }
bot-item-input = Figure to enter: { input-kind }
bot-item-rule = Scoring:
bot-item-example = Example: entering “{ $input }”
bot-item-children = { $count } criteria:
bot-item-child = { $code }. { $name } ({ $max ->
    [none] points not published
   *[other] { $max } points
  })
bot-item-evidence = Evidence: { $text }
bot-item-evidence-required = Evidence (required): { $text }
bot-item-due = Submission deadline: { $date } ({ $days ->
    [0] today
   *[other] { $days } days left
  })
bot-ruleset-title = { $title }
bot-ruleset-decision = Decision: { $number }
bot-ruleset-no-decision = Decision: no public decision number identified
bot-ruleset-total = Total points: { $total }
bot-ruleset-counts = { $indices } main indices{ $subs ->
    [none] {""}
   *[other] , { $subs } sub-indicators
  }{ $items ->
    [0] {""}
   *[other] , { $items } scored items
  }:
bot-ruleset-structure = The public text gives the structure only, not the detailed scoring.
bot-ruleset-illustrative = This is an illustrative set, not a published decision.
bot-ask-how = You can ask by code (e.g. “what is indicator { $code }”) or by name (e.g. “how is { $name } scored”).
bot-ask-choice-set = { $code }. { $name } — { $province }, { $kind ->
    [department] departments
    [central_agency] central agencies
    [district] districts
    [commune] communes
   *[other] province
  }
bot-ask-choose-one = Is this the indicator you mean?
bot-ask-choose = A few indicators are close to your question. Which one do you mean?
bot-ask-no-code = Your unit's set ({ $title }) has no indicator { $code }.
bot-ask-no-code-anywhere = No indicator set has an indicator { $code }.
bot-ask-back = Do you want your unit's points, or how indicator { $code }. { $name } is scored?
bot-ask-back-score = Our unit's points
bot-ask-back-deadlines = Our deadlines
bot-ask-back-target = Our target
bot-ask-back-missing = What is missing
bot-ask-back-ranking = Our ranking
bot-greeting = Hello { $name ->
    [none] there
   *[other] { $name }
}. DTI Bot is ready to help with the digital-transformation evaluation.
bot-greeting-how = You can ask about an indicator (e.g. “what is indicator { $code }”), submit a figure (e.g. “{ $figure }”), see your score with /diem, or type /huongdan for everything.
bot-greeting-how-reader = You can ask about an indicator (e.g. “what is indicator { $code }”), see your unit's score and rank with /diem, or type /huongdan for everything.
bot-greeting-how-guest = You can ask about an indicator (e.g. “what is indicator { $code }” or “how is { $name } scored”), or type /huongdan for everything.
bot-thanks = You are welcome. Write any time you need something.
bot-unsupported = Sorry, DTI Bot cannot do this yet.
bot-unsupported-how = Please contact the Department of Science and Technology (digital transformation office) directly. Type /huongdan to see what DTI Bot can do.
bot-ack = All right. Write any time you need something.
bot-ask-none = No indicator matches the question.

## Chat: submitting, correcting, withdrawing

bot-need-officer = Only data officers of { $unit } can submit, correct or withdraw its figures.
bot-need-leader = Only leaders of { $unit } can approve its figures.
bot-need-officer-no-unit = Your account is not a data officer of any unit yet, so it cannot submit, correct or withdraw figures. Please ask the department for an officer invitation code.
bot-need-leader-no-unit = Your account is not a leader of any unit yet, so it cannot approve figures.
bot-no-period = { $unit } has no open evaluation period.
bot-period-not-open = The { $year } period is { period-status } and takes no new figures.
bot-locked-approval = The approval deadline ({ $date }) has passed and the figures of { $unit } are locked; if needed, please ask the Department of Science and Technology to reopen them.
bot-locked = The submission deadline ({ $date }) has passed and the figures of { $unit } are locked; to add more, please ask the Department of Science and Technology to reopen them.
bot-submit-how = How to submit: one indicator per line, as “code = value”.
bot-submit-example = For example:{"\u000A"}{ $figure }{"\u000A"}{ $figure2 }
bot-submit-how-edit = To correct a figure, send its line again with the new value (or use /sua); to withdraw one, type /huy { $code }. Every change is previewed and saved only when you tap "Confirm".
bot-submit-none = No line could be read; nothing was recorded.
bot-submit-line-form = Line { $n } (“{ $line }”) is not of the form “code = value”.
bot-submit-line-unknown = Line { $n }: { $code } is not in your unit's indicator set.
bot-submit-line-parent = Line { $n }: { $code } consists of criteria { $children }; please enter each criterion.
bot-submit-line-twice = Line { $n }: { $code } appears on an earlier line.
bot-submit-line-bad = Line { $n } ({ $code } = “{ $value }”):
bot-submit-preview = Please confirm { $count } figure(s) of { $unit }, { $year } period:
bot-submit-entry = • { $code } = { $value }
bot-submit-preview-joined = Please confirm { $count } figures of { $unit }, evaluation year { $year } (including { $earlier } you sent earlier and had not confirmed):
bot-preview-withdraw = • { $code }. { $name }: withdraw the figure
bot-preview-before = ↳ before: { $value } — { $points ->
    [none] not scored
   *[other] { $points } points
}
bot-preview-evidence-kept = ↳ evidence with it: { $refs } — kept for the new figure (tap “Confirm, drop the old evidence” if it no longer applies)
bot-preview-evidence-needed = ↳ this indicator needs evidence: send a photo or a PDF captioned “{ $code }” after confirming
bot-preview-reviewed = ↳ reviewed ({ $by }): { $points ->
    [none] figure { $value }
   *[other] { $points } points
}{ $note ->
    [none] {""}
   *[other] , reason: { $note }
}. Sending it again sets the review aside: the indicator goes back to the review queue and the reviewer is told.
bot-button-confirm-detach = ✅ Confirm, drop the old evidence
bot-pending-superseded = This preview was joined into a newer one that also holds these figures. Please tap Confirm on the latest message.
bot-saved-review-reopened = { $count } reviewed indicators were sent again; the reviewer has been told to look again.
notify-review-resubmitted = { $unit } sent indicator { $code } again (by { $by }) after your review; your earlier review no longer applies.
notify-review-resubmitted-how = Look again: /thamdinh { $unit } { $code }
bot-button-review-queue = Review queue
bot-submit-problems = { $count ->
    [one] This line cannot be read and will not be recorded:
   *[other] These lines cannot be read and will not be recorded:
  }
bot-submit-total = Provisional total: { $before } → { $after }/{ $max } ({ $deltaDir ->
    [up] +{ $delta }
    [down] −{ $delta }
   *[none] no change
  }), rank { $rank }/{ $size } in the group.
bot-submit-due = Deadline: { $date } ({ $days ->
    [0] today
   *[other] { $days } days left
  }).
bot-button-confirm = ✅ Confirm
bot-button-cancel = ✖ Cancel
bot-button-approve = ✅ Approve
bot-withdraw-how = Please give the code to withdraw, e.g. /huy { $code }
bot-withdraw-nothing = { $code } has no figure to withdraw.
bot-withdraw-preview = Withdraw { $code } (“{ $value }”) of { $unit }?
bot-saved = Recorded { $count } figure(s) of { $unit }. The full history is kept.
bot-withdrawn = Withdrawn for { $unit }; the history is kept.
bot-saved-total = Provisional total: { $total }/{ $max }, rank { $rank }/{ $size }{ $className ->
    [none] {""}
   *[other] , class { $className }
  }.
bot-pending-gone = This request was already handled or has expired (after 30 minutes). If needed, please do it again.
bot-pending-not-yours = This button belongs to someone else's request; you cannot use it.
bot-publish-cancelled = Cancelled; nothing was published.
bot-broadcast-cancelled = Cancelled; the announcement was not sent.
bot-cancelled = Cancelled; nothing was recorded.

## Chat: scores, rankings, deadlines

bot-cannot-score = “{ $ruleset }” has only its structure, so no score can be computed.
bot-button-missing = Missing
bot-button-target = Target
bot-button-ranking = Ranking
bot-item-score = { $code }. { $name } — { $unit }: { $points }/{ $max } points (provisional), from the figure "{ $value }".
bot-item-score-missing = { $code }. { $name } — { $unit } has no figure yet, so no points (up to { $max }).
bot-item-score-na = { $code }. { $name } — { $unit } declared it not applicable; it leaves the unit's maximum.
bot-item-score-parent = { $code }. { $name } is a group of items; its points are in /diem.
bot-item-score-how = How it is scored
bot-official-title = { $unit } — official result for { $year }
bot-official-published = Published by the department on { $date }; the period is over and scores and ranks no longer change.
bot-official-total = Official total: { $total }/{ $max } ({ $percent }%){ $className ->
    [none] {""}
   *[other] , class { $className }
  }
bot-official-change = Since the result published on { $date }: { $placesDir ->
    [up] up { $places } place(s)
    [down] down { $places } place(s)
   *[none] same rank
  }, { $pointsDir ->
    [up] +{ $points } points
    [down] −{ $points } points
   *[none] same points
  }
bot-official-ranking-title = Official ranking of { $group }, { $year } ({ $size } units):
bot-official-target = The { $year } result was published on { $date }{ $className ->
    [none] {""}
   *[other] {" "}(class { $className })
  }; this period's scores no longer change.
bot-official-target-next = To prepare for the next period, the items with the most points not yet earned:
bot-deadlines-published = The { $year } period's official result was published on { $date }; { $unit } has no deadlines left in it.
bot-item-score-official = { $code }. { $name } — { $unit }: { $points }/{ $max } points (official, as published), from the figure "{ $value }".
bot-score-title = { $unit } — { $year } period
bot-score-total = Provisional total: { $total }/{ $max } ({ $percent }%){ $className ->
    [none] {""}
   *[other] , class { $className }
  }
bot-score-reviewed = After review: { $total } points{ $className ->
    [none] {""}
   *[other] , class { $className }
  }
bot-score-rank = Rank { $rank }/{ $size } in the group { $group }
bot-score-change = Since { $date }: { $placesDir ->
    [up] up { $places } place(s)
    [down] down { $places } place(s)
   *[none] same rank
  }, { $pointsDir ->
    [up] +{ $points } points
    [down] −{ $points } points
   *[none] same points
  }
bot-score-indices = Points by main index:
bot-score-index = { $code }. { $name }: { $points }/{ $max }
bot-score-adjustments = Bonus: +{ $bonus }; penalty: −{ $penalty }
bot-score-missing = { $count } indicator(s) have no figure yet (see /thieu).
bot-score-complete = Every indicator has a figure.
bot-missing-published = The { $year } result was published on { $date }; this period takes no more figures. See the result with /diem.
bot-missing-requested-title = A reviewer asked for more evidence on { $count } item(s):
bot-missing-requested-item = • { $code } { $name } — due { $date }{ $note ->
    [none] {""}
   *[other] : { $note }
  }
bot-missing-none = { $unit } has figures for every indicator.
bot-missing-title = { $unit } has { $count } indicator(s) without figures ({ $points } points):
bot-missing-item = • { $code } { $name } — { $max } points
bot-missing-invalid = Figures to enter again: { $codes }
bot-missing-how = Submit by writing “code = value”, e.g. { $figure }.
bot-target-no-classes = This indicator set has no classes.
bot-target-no-classes-gains = Provisional total now: { $total }/{ $max }. The items with the most points still to earn:
bot-target-reached = The unit is in class { $className }, at or above { $asked } already.
bot-target-top = The unit is in the top class ({ $className }).
bot-target-title = To reach { $className } (from { $from } points), the unit needs { $needed } more points. The fewest indicators to improve:
bot-target-unreachable = Even full marks on every remaining indicator fall short; these bring the unit closest.
bot-target-item = • { $code } { $name }: { $points }/{ $max } → +{ $gain } points{ $missing ->
    [yes] {" "}(no figure yet)
   *[no] {""}
  }
bot-ranking-title = Ranking of { $group }, { $year } ({ $size } units):
bot-ranking-own = { $unit } ranks { $rank }/{ $size } with { $total } points.
bot-ranking-leaders-only = The full ranking is for unit leaders.
bot-ranking-row = { $rank }. { $unit } — { $total }/{ $max }{ $className ->
    [none] {""}
   *[other] {" "}({ $className })
  }
bot-ranking-row-own = { $rank }. { $unit } — { $total }/{ $max }{ $className ->
    [none] {""}
   *[other] {" "}({ $className })
  } ◀
bot-deadlines-title = Deadlines of { $unit }, { $year } period:
bot-deadline = • { deadline-kind }: { $date } ({ $days ->
    [0] today
   *[other] { $days } days left
  })
bot-deadline-passed = • { deadline-kind }: { $date } (passed)
bot-deadline-reopened = • The unit is reopened for more figures until the end of { $date }
bot-deadlines-none = No deadlines yet.
bot-approve-nothing = { $unit } has no figures waiting for approval.
bot-approve-preview = Approve { $count } figure(s) of { $unit }?
bot-approve-item = • { $code } { $name }: { $value } — { $points }/{ $max } points ({ $by })
bot-approve-more = … and { $count } more (all approved together).
bot-approve-total = The unit's provisional total now: { $total }/{ $max }.
bot-approve-lacking = { $count } figure(s) lack required evidence and cannot be approved yet:
bot-approve-lacking-how = The data officer needs to send evidence for these items (a photo or PDF captioned with the code); then type /duyet to approve them.
bot-approve-none-ready = None of { $unit }'s figures can be approved yet.
bot-approved = Approved { $count } figure(s) of { $unit }.
bot-approve-changed = { $count } figure(s) changed after you looked ({ $codes }) and were not approved; please send /duyet to review them again.

## Command line errors, invites

cli-file-missing = File “{ $file }” not found.
cli-file-denied = No permission to read “{ $file }”.
cli-file-unreadable = The file cannot be read; please check it is a valid .xlsx or .csv ({ $detail }).
cli-conflict = The data was changed elsewhere at the same moment; please run the command again.
cli-failed = Could not be done: { $detail }
cli-unexpected = Unexpected error: { $detail }
cli-invite-header-id = No.
cli-invite-header-role = Role
cli-invite-header-unit = Unit
cli-invite-header-uses = Used
cli-invite-header-expires = Expires
cli-invite-header-state = State
cli-invite-state = { $state ->
    [active] active
    [revoked] revoked
    [expired] expired
   *[used_up] used up
  }
cli-invite-not-found = No active invite number “{ $id }”.
cli-invite-revoked = Revoked invite number { $id }.

## Telegram command menu (at most 256 characters)

cmd-start = Start; link your account with an invite code
cmd-diem = The unit's score, class and rank
cmd-nop = Submit figures (one per line: code = value)
cmd-thieu = Indicators without figures
cmd-muctieu = What it takes to reach the next class
cmd-xephang = The group's ranking
cmd-hanchot = Deadlines
cmd-duyet = Leader approves the figures
cmd-huy = Withdraw a submitted figure
cmd-chiso = Ask about an indicator
cmd-donvi = Choose the unit you work for
cmd-toi = Your account
cmd-huongdan = Help
cmd-ngonngu = Change language

## Local demo in the terminal (no Telegram needed)

console-banner = === DTI Bot — LOCAL DEMO ===  A demonstration on made-up figures for a slice of TP. Hồ Chí Minh as it stands since 1/7/2025 (wards, communes and the special zone; departments on an illustrative set); the replies are exactly those Telegram shows.
console-how-to-configure = To run on Telegram: set TELEGRAM_BOT_TOKEN (from @BotFather) in .env and restart (see the README, Configuration). Type /doivaitro to switch role, /thoat to quit; several lines pasted at once are sent as one message.
console-choose = Choose a role to try (type its number):
console-guest = Someone without an invite code (questions about indicators only)
console-push = New message from DTI Bot to you ({ $to }):
console-push-other = DTI Bot message to { $to } (not the role you are using):
console-push-buttons-later = (These buttons work once you switch to that role with /doivaitro.)
console-file-saved = file saved at { $path }
console-kept-buttons = Buttons of messages sent to this role:
console-ready = Ready. Write as you would in Telegram; /huongdan shows what this role can do, with examples from the unit's own indicator set.
console-choose-again = Please type a number from 0 to { $max }.

## Reminders and progress reports

notify-remind-submission = Dear colleague: { $unit } still has { $count } indicator(s) without figures for the { $year } digital-transformation evaluation ({ $points } points). Deadline: { $date } ({ $days ->
    [0] today
   *[other] { $days } day(s) left
  }).
notify-missing-item = • { $code } { $name } — { $max } points
notify-missing-more = … and { $count } more (see /thieu).
notify-remind-how = You can submit right here, e.g. { $figure }. Pause reminders: /hoanlai 2 ngay; hand reminders to a colleague: /uyquyen.
notify-button-deadlines = Deadlines
notify-remind-approval = Dear colleague: { $unit } has { $count } figure(s) of the { $year } evaluation waiting for a leader's approval. Approval deadline: { $date }.
notify-remind-approval-how = Please send /duyet to review and approve them.
notify-late-leader = Dear colleague: the submission deadline ({ $date }) has passed and { $unit } still has { $count } indicator(s) without figures:
notify-late-department = Submissions for the { $year } evaluation (deadline { $date }): { $late }/{ $all } units have not submitted everything.
notify-late-kind = • { unit-kind-short }: { $late }/{ $all } units incomplete
notify-late-unit = • { $unit }: { $count } indicator(s) missing
notify-missing-more-units = … and { $count } more units.

## Announcements, publication, pausing reminders

bot-need-admin = This is for administrators of the Department of Science and Technology.
bot-delivery-off = Message delivery is not enabled on this server, so nothing can be sent to others yet.
bot-help-snooze = /hoanlai — pause reminders, e.g. /hoanlai 2 ngay; /hoanlai huy to resume
bot-help-delegate = /uyquyen — hand your reminders to a colleague of the unit for a while
bot-help-broadcast = /thongbao <text> — send the department's announcement to units; /thongbao alone lists the ones sent
bot-help-publish = /congbo — publish the results; each unit receives its own
cmd-hoanlai = Pause reminders
cmd-uyquyen = Hand reminders to a colleague
cmd-thongbao = Announce to units (department)
cmd-congbo = Publish results (department)

bot-snooze-set = Reminders paused until { $time } on { $date }. You still receive the department's announcements and results. Send /hoanlai huy to resume.
bot-snooze-status = Your reminders are paused until { $time } on { $date }.
bot-snooze-none = You receive reminders as usual.
bot-snooze-ended = Reminders are back on.
bot-snooze-how = Usage: /hoanlai 2 ngay, /hoanlai 4 gio, /hoanlai den 30/11/2026, or /hoanlai huy.
bot-snooze-bad = "{ $value }" is not a time I can read.
bot-snooze-too-long = Reminders can be paused for 30 days at most; for a longer absence, please hand them to a colleague with /uyquyen.

bot-delegate-choose = Who should receive the reminders of { $unit }? Tap a name to hand them over until the submission deadline ({ $date }):
bot-delegate-how = Or send: /uyquyen <number> <from> <to>, e.g. /uyquyen 1 24/11/2026 30/11/2026. Send /uyquyen huy to take them back.
bot-delegate-set = Your reminders go to { $name } from { $start } to { $end }.
bot-delegate-ended = Hand-over ended; you receive reminders again.
bot-delegate-none = You have not handed your reminders to anyone.
bot-delegate-nobody = No other colleague of { $unit } uses DTI Bot yet.
bot-delegate-unknown = There is no colleague with that number.
bot-delegate-bad-range = The end date must come after the start date.
bot-date-format = "{ $value }" is not a date; please write it as dd/mm/yyyy, for example 30/11/2026.
bot-date-impossible = There is no day "{ $value }" in the calendar; please check the day and the month.
bot-snooze-past = { $date } has already passed; please choose a day from today on.
bot-delegate-role = Reminders can only be handed over between officers and leaders of the same unit; your role receives no reminders, so there is nothing to hand over.
bot-delegate-past = The start date { $date } has passed; please choose from today on.
bot-delegate-too-long = A hand-over can last until { $date } at most, the period's last deadline; there are no reminders after it.
notify-delegated = { $from } handed you the reminders of { $unit } from { $start } to { $end }.

bot-broadcast-how = To send an announcement, type /thongbao followed by the text (several lines are fine). To send to some units only, start with a line "Gửi: S01, S02".
bot-broadcast-recent = Recent announcements:
bot-broadcast-recent-item = • No. { $id } ({ $date }), { $people } recipients: { $preview }
bot-broadcast-report-button = Report no. { $id }
bot-broadcast-empty = The announcement has no text.
bot-broadcast-too-long = The announcement is { $length } characters long, more than { $max }; please shorten it or send several.
bot-broadcast-audience = Who should receive it?
bot-broadcast-to-all = All units
bot-broadcast-to-kind = All { unit-kind }
bot-broadcast-to-district = The communes of a district…
bot-broadcast-which-district = Which district?
bot-broadcast-no-districts = The unit directory has no districts (there are none since 1/7/2025). Please choose by kind of unit, or list unit codes on the first line: "Gửi: …".
bot-broadcast-preview = The announcement will go to { $people } people in { $units } units{ $leadersOnly ->
    [yes] {" "}(leaders only)
   *[no] {""}
  }.
bot-broadcast-channel = • on { $channel ->
    [telegram] Telegram
    [zalo] Zalo
   *[other] { $channel }
  }: { $count }
bot-broadcast-unknown-units = No unit has the code(s): { $codes }.
bot-broadcast-silent-units = { $count } unit(s) have nobody on DTI Bot yet: { $units }{ $more ->
    [0] {""}
   *[other] {" "}and { $more } more
  }.
bot-broadcast-nobody = None of the recipients is on DTI Bot yet.
bot-broadcast-quote = Text:
bot-button-send = ✅ Send
bot-broadcast-leaders-only = Leaders only
bot-broadcast-with-officers = Officers too
bot-broadcast-change-audience = Change recipients
bot-broadcast-queued = Announcement no. { $id } is queued for { $people } people. You will receive a report when it has gone out.
bot-broadcast-thanks = Thank you for confirming that you received announcement no. { $id }.
bot-broadcast-thanked-before = You had already confirmed announcement no. { $id }.
bot-broadcast-not-yours = Announcement no. { $id } was not sent to you, so there is nothing to confirm.
bot-broadcast-unknown = There is no announcement no. { $id }.
bot-broadcast-nudged = Reminded { $count } people who have not confirmed.
bot-broadcast-nudged-none = Nobody more to remind today ({ $waiting } not confirmed, already reminded today, or everyone confirmed).
notify-broadcast-title = Announcement of the Department of Science and Technology (no. { $id })
notify-broadcast-nudge = Reminder: please confirm that you received announcement no. { $id } of the Department of Science and Technology
notify-button-received = ✅ Received
notify-broadcast-progress = Sending announcement no. { $id }: { $done }/{ $total } ({ $percent }%).
notify-broadcast-report = Delivery report of announcement no. { $id } ({ $date }), { $total } recipients:
notify-broadcast-report-sent = • Delivered: { $sent }/{ $total }
notify-broadcast-report-pending = • Still to send: { $count }
notify-broadcast-report-failed = • Could not be delivered: { $count }{ $unreachable ->
    [0] {""}
   *[other] {" "}({ $unreachable } blocked or left DTI Bot)
  }
notify-broadcast-report-uncertain = • Unknown whether it arrived (the connection broke while sending): { $count }
notify-broadcast-report-acked = • Confirmed "Received": { $acked }/{ $sent }
notify-button-refresh = 🔄 Refresh
notify-button-nudge = 🔔 Remind those who have not confirmed

bot-publish-nothing = There is no period to publish.
bot-publish-choose = Which period should be published?
bot-publish-preview = Publish the { $year } digital-transformation results ({ $ruleset }): { $units } units in { $groups } ranking groups?
bot-publish-early-preview = Publish EARLY the { $year } digital transformation results ({ $ruleset }): { $units } units in { $groups } ranking groups, before these deadlines:
bot-publish-early-deadline = • { deadline-kind }: { $date } ({ $days } days left)
bot-publish-unreviewed = Note: { $count } figures have not been reviewed; they will be published as the units gave them.
bot-button-publish-early = Publish early
bot-publish-now-early = Not published: a deadline of the period was moved later, so publishing now is early. Please type /congbo again to see it and choose "Publish early" if you still want to.
bot-publish-again = This period was published before; this publication replaces it, and each unit hears what changed since.
bot-publish-incomplete = Note: { $count } unit(s) still have missing figures; missing items count as 0 points.
bot-publish-what = After publication the period takes no new figures; each unit receives its own result; the department receives the summary, the ranking chart and the Excel file.
bot-button-publish = ✅ Publish
bot-published = The { $year } results are published. { $queued } messages are on their way to the units and the department.
notify-result-title = { $year } digital-transformation result of { $unit }
notify-result-total = Total: { $total }/{ $max } ({ $percent }%){ $className ->
    [none] {""}
   *[other] , class { $className }
  }.
notify-result-rank = Rank { $rank }/{ $size } in the group { $group }.
notify-result-change = Since the publication of { $date }: { $placesDir ->
    [up] up { $places } place(s)
    [down] down { $places } place(s)
   *[none] same rank
  }, { $pointsDir ->
    [up] +{ $points } points
    [down] −{ $points } points
   *[none] same points
  }{ $items ->
    [none] .
   *[other] { $pointsUp ->
        [yes] , mostly thanks to { $items }.
       *[no] , mostly because of { $items }.
      }
  }
notify-result-gap = This period is closed. To aim for { $className } next period ({ $needed } points above this year's result), work first on: { $items }.
notify-result-gap-far = This period is closed. { $className } is { $needed } points above this year's result; the items with most room next period: { $items }.
notify-button-score = Score details
notify-published-title = The { $year } results are published ({ $ruleset }): { $units } units, { $groups } groups; { $recipients } individual results are on their way.
notify-published-group = • { $group } ({ $size } units): first { $leader } ({ $total } points){ $classes ->
    [none] .
   *[other] ; { $classes }
  }
notify-published-chart = Digital-transformation ranking { $year }
notify-published-sheet = Detailed results (Excel)
chart-not-submitted = Sent no figures, not ranked ({ $count }): { $names }
chart-subtitle = { $year } period · { $ruleset } · figures as of { $date } · source: DTI Bot
chart-card-title = { $unit } — digital transformation { $year }
chart-card-subtitle = { $official ->
    [yes] Official result
   *[no] Provisional score
  }: { $total }/{ $max }{ $className ->
    [none] {""}
   *[other] , class { $className }
  }, ranked { $rank }/{ $size } in { $group } · as of { $date }
chart-card-unit = The unit's points (out of the maximum)
chart-card-average = Group average
bot-scorecard-caption = { $unit }: points by main index, against the group's average.
bot-button-scorecard = Chart
bot-help-scorecard = /bieudo — a chart of points by main index against the group's average
chart-points = Points
chart-gap = … { $count } more units (see the Excel file)
chart-title = Digital-transformation results { $year } — { $province }
notify-digest = Over the past week (since { $date }), { $unit } { $placesDir ->
    [up] rose { $places } place(s)
    [down] fell { $places } place(s)
   *[none] kept its rank
  } (rank { $rankBefore } → { $rank }/{ $size }), provisional total { $totalBefore } → { $total }.

## Delivery queue and working calendar (command line)

outbox-status = { $status ->
    [pending] waiting
    [inflight] sending
    [sent] sent
    [failed] failed
    [uncertain] uncertain
    [rerouted] sent on another channel
    [dropped] not sent (no longer needed)
   *[cancelled] cancelled
  }
outbox-kind = { $kind ->
    [reminder] reminder
    [escalation] late notice
    [broadcast] announcement
    [publication] published result
    [digest] weekly digest
    [progress] progress
    [report] delivery report
   *[notice] other
  }
cli-queue-header-status = Status
cli-queue-header-count = Messages
cli-queue-header-kind = Kind
cli-queue-header-id = No.
cli-queue-header-recipient = Recipient
cli-queue-header-when = When
cli-queue-header-reason = Reason
cli-queue-header-queue = Queue
cli-queue-header-waiting = Waiting
cli-queue-header-active = Active
cli-queue-header-oldest = Oldest waiting
cli-queue-dropped = Messages not sent because, when their time came, they were no longer true or needed:
outbox-drop-reason = { $reason ->
    [period_not_open] the period was closed or published
    [deadline_passed] the deadline had passed
    [nothing_owed] the unit had sent everything
    [not_responsible] the recipient no longer answers for it
    [snoozed] the recipient paused reminders
   *[no_person] the account is no longer linked to a person
  }
cli-queue-oldest = The oldest waiting message was queued at { $time } on { $date }.
cli-queue-problems = Recent messages that failed or may not have arrived:
cli-queue-retry-how = An "uncertain" message may have reached its recipient; send it again only once checked: dti queue retry <no.> …
cli-queue-bad-ids = Not valid message numbers: { $ids }
cli-queue-requeued = Queued { $count }/{ $asked } message(s) again (only failed or uncertain ones can be).
cli-queue-jobs = Job queues of the instances (pg-boss: schedules, incoming updates by chat):
cli-queue-seconds = { $seconds } s
cli-calendar-bad-date = "{ $value }" is not a valid date; please write dd/mm/yyyy (the end not before the start).
cli-calendar-default-note = { $kind ->
    [workday] Make-up working day
   *[holiday] Day off decided by the government
  }
cli-calendar-added = Added { $count } { $kind ->
    [workday] make-up working day(s)
   *[holiday] day(s) off
  } ({ $from } – { $to }). Reminders that fall on a day off move to the next working hours.
cli-calendar-removed = Removed { $day } from the department's calendar.
cli-calendar-not-there = The department's calendar has no { $day }.
cli-calendar-title = Public holidays, days off in lieu, swapped days and make-up working days in { $year } (other Saturdays and Sundays are off as usual):
cli-calendar-header-day = Day
cli-calendar-header-kind = Kind
cli-calendar-header-note = Note
cli-calendar-header-source = Source
cli-calendar-own = added by the department (dti calendar add)
cli-calendar-kind = { $kind ->
    [workday] make-up working day
    [in_lieu] day off in lieu
    [swapped_off] swapped day off
    [own_off] day off
   *[holiday] public holiday
  }

## Zalo OA

notify-cannot-reach = Dear colleague: DTI Bot could not deliver { $kind ->
    [reminder] a reminder
    [broadcast] an announcement from the department
    [publication] the evaluation results
    [digest] the weekly digest
   *[other] a message
  } to { $name } ({ $unit }) on { $channel ->
    [zalo] Zalo
   *[other] { $channel }
  }, and they have not connected any other channel.
notify-cannot-reach-how = Under Zalo's rules an Official Account may only message people who have written to it recently. Please ask { $name } to send any message to the department's Zalo OA (or connect Telegram) to keep receiving reminders and announcements.
notify-broadcast-report-rerouted = • Moved to Telegram because Zalo could not take them (the recipient had not written to the Zalo OA for a while, or the OA must be authorised again): { $count }
zalo-text-only = DTI Bot reads text messages only for now. Please type your question, or your figures as “item code = value”.
zalo-document-elsewhere = The file { $filename } cannot be sent through the Zalo OA. Please receive it on Telegram or ask the department for an electronic copy.
zalo-choices-intro = To choose, please type the matching code:
zalo-choice-typed = • { $label }: type { $typed }
zalo-more-choices = More choices:
notify-zalo-reauthorize = DTI Bot could not renew the department's Zalo OA access token ({ $reason }). The Zalo OA must authorise DTI Bot again: an administrator runs "npx dti zalo authorize" and opens the link with the OA admin account. Meanwhile, messages to Zalo users go through Telegram where they have connected it.
zalo-authorized = The Zalo OA has authorised DTI Bot. The access token is stored (encrypted) and renewed automatically; you may close this page.
zalo-authorize-expired = This authorisation link is invalid or older than 10 minutes. Please run "npx dti zalo authorize" again.
zalo-authorize-wrong-oa = The account that approved is Zalo OA { $given }, not the department's configured OA ({ $expected }). Please sign in as an admin of the right OA and run "npx dti zalo authorize" again.
zalo-authorize-failed = Zalo refused the authorisation code: { $reason }. Please run "npx dti zalo authorize" again.
cli-evidence-checked = Checked { $count } evidence files of the { $year } period { $storage ->
    [database] kept in the database
   *[disk] in { $dir }
  }.
cli-evidence-problem = • Evidence no. { $id }: { $unit }, item { $item }, file "{ $filename }" (sent by { $by }) — { $problem ->
    [missing] no longer in storage
   *[altered] its content differs from what was received (checksum mismatch)
  }
cli-evidence-all-good = Every file is as it was received.
cli-evidence-some-bad = { $count } file(s) missing or altered; please restore them from the backup.
cli-evidence-copy-hint = Files kept in the database that are reported missing may still be in the folder { $dir } (from before EVIDENCE_STORAGE=database): then run "dti evidence copy-to-database" and check again.
cli-evidence-copy-start = Copying { $count } evidence files from { $dir } into the database; files already there intact are skipped.
cli-evidence-copy-progress = … { $done }/{ $count } files done, { $copied } copied ({ $mb } MB).
cli-evidence-copy-problem = • { $key }: file "{ $filename }" of { $unit }, item { $item } — { $problem ->
    [missing] not in the folder
   *[altered] its content in the folder differs from what was received (checksum mismatch)
  }; not copied.
cli-evidence-copy-done = Copied { $copied } file(s) ({ $mb } MB) into the database, each read back and its SHA-256 compared; { $present } already there. { $bad ->
    [0] No file is missing or altered.
   *[other] { $bad } file(s) missing or altered were not copied; please restore them into the folder from the backup and run the command again.
  }
cli-evidence-copy-switch = Next: set EVIDENCE_STORAGE=database, restart the service, then run this command once more to copy what came in during the switch. The evidence folder is left as it is; it may be removed once the database has been backed up.
cli-zalo-not-configured = The Zalo OA is not configured: set ZALO_APP_ID, ZALO_APP_SECRET, ZALO_OA_ID, ZALO_OA_SECRET_KEY and ZALO_TOKEN_KEY.
cli-zalo-no-redirect = ZALO_REDIRECT_URL is not set: the public HTTPS address of the service's GET /zalo/oauth, registered in the Zalo app.
cli-zalo-authorize = Open this link with the Zalo OA admin account and choose "Allow" (valid for 10 minutes):
    { $url }
cli-zalo-status = Zalo OA { $oa }: { $state ->
    [ok] working
    [expired] access token expired, waiting for renewal
    [failed] must be authorised again (npx dti zalo authorize)
   *[missing] not authorised yet (npx dti zalo authorize)
  }
    Access token valid until: { $access }
    Refresh token valid until: { $refresh }
    Last updated: { $updated }
cli-zalo-failure = Last renewal failure ({ $at }): { $reason }

## Evidence, review, appeals

figure-status = { $status ->
    [submitted] submitted
    [approved] approved by the leader
    [reviewed] reviewed
    [evidence_requested] waiting for more evidence
    [disputed] under appeal
    [withdrawn] withdrawn
   *[draft] draft
  }
bot-evidence-off = The service is not set up to receive evidence files. Please contact the department.
bot-evidence-officers-only = Only data officers of { $unit } can send evidence.
bot-evidence-which-item = Please send the file again with the item code as its caption, e.g. "{ $code }" or "{ $code } 466/QĐ-UBND - 15/03/2026: digital transformation plan".
bot-evidence-unknown-item = There is no item { $code } in your unit's ruleset. Please check the code (look it up: /ask <item name>).
bot-evidence-period-closed = The { $year } results have been published; to add evidence, the unit must ask the department to reopen.
bot-evidence-too-late = The submission deadline ({ $date }) has passed; evidence for item { $code } can be added only when a reviewer asks for it.
bot-evidence-too-large = The file "{ $filename }" is larger than allowed ({ $max } MB). Please compress or split it and send it again.
bot-evidence-download-failed = The file "{ $filename }" could not be fetched from the messaging server. Please send it again in a few minutes.
bot-evidence-unknown-type = The format of "{ $filename }" could not be recognised. Evidence is accepted as: { $allowed }.
bot-evidence-executable = The file "{ $filename }" is in fact a program ({ $detected }), not a document or an image, so it is not accepted as evidence.
bot-evidence-wrong-type = The file "{ $filename }" is { $detected }, which is not among the accepted kinds: { $allowed }.
bot-evidence-saved = Evidence received for item { $code }. { $name } of { $unit }: "{ $filename }" ({ $size } KB, { $type }).
bot-evidence-checksum = Checksum (SHA-256): { $sha }…
bot-evidence-no-figure-yet = Item { $code } has no figure yet; the evidence will count once the unit submits one.
bot-evidence-how = How to send evidence:
bot-evidence-how-file = • Send a photo or a PDF with the item code as its caption, e.g. "{ $code }".
bot-evidence-how-kinds = • Accepted kinds: { $allowed }; up to { $max } MB per file.
bot-evidence-how-ref = • Or type the document's number, date and summary: /evidence { $code } 466/QĐ-UBND - 15/03/2026: digital transformation plan. /evidence { $code } shows what was sent.
bot-evidence-ref-saved = Recorded { $count } document reference(s) for item { $code }. { $name } of { $unit }:
bot-evidence-ref-form = Note: references should follow "number - dd/mm/yyyy: summary".
bot-evidence-none = Item { $code } of { $unit } has no evidence yet.
bot-evidence-list = Evidence for item { $code } ({ $unit }):
bot-evidence-file-line = • File "{ $filename }" ({ $size } KB), sent { $date } for submission { $revision }, by { $by }
bot-evidence-ref-line = • Document { $ref }, recorded { $date } for submission { $revision }, by { $by }
bot-evidence-with-figure = • Documents given with the figure: { $refs }
bot-missing-evidence-title = { $count } item(s) have a figure but lack the required evidence (not counted as complete):
bot-missing-evidence-item = • { $code } { $name }
bot-missing-evidence-how = Send evidence: a photo or a PDF captioned with the item code, or /evidence <code> <number - date: summary>.
notify-remind-evidence-only = Dear colleague: the { $year } digital transformation file of { $unit } still lacks evidence. Deadline: { $date } ({ $days ->
    [0] today
   *[other] { $days } days left
  }).
notify-needs-evidence = { $count } item(s) have a figure but lack the required evidence:
notify-needs-evidence-item = • { $code } { $name } — evidence missing

bot-review-reviewers-only = Reviewing is for the department's reviewers and administrators.
bot-review-empty = No figures are waiting for your review.
bot-review-summary = { $count } figures are waiting for review in { $units } units.
bot-review-filter-how = By unit or item: /thamdinh S19, /thamdinh 6.2, /thamdinh S19 6.2; by status: /thamdinh moi (not approved), /thamdinh daduyet (approved by the leader), /thamdinh minhchung (evidence given); counts per unit: /thamdinh donvi.
bot-review-filtered = Showing: { $filter } — { $count } figures.
bot-review-filter-empty = Nothing waits for review with "{ $filter }".
bot-review-filter-unknown = "{ $word }" is not understood: give a unit code (e.g. S19), an item code (e.g. 6.2) or a status (moi, daduyet, minhchung).
bot-review-per-unit = { $count } figures wait for review in { $units } units:
bot-review-per-unit-row = • { $unit } ({ $code }): { $count }
bot-review-card = Review { $index }/{ $total }: { $unit } ({ $unitCode }) — item { $code }. { $name }
bot-review-figure = Figure submitted: { $value } (submission { $revision }, { figure-status }, { $by }, { $date })
bot-review-reviewed-points = Points after review so far: { $points }/{ $max }
bot-review-evidence-required = This item requires evidence.
bot-review-no-evidence = The unit has sent no evidence for this item.
bot-review-how = Accept: tap "Accept". Correct the figure: /review sua { $unitCode } { $code } = <figure> | <reason>. Correct the points: /review diem { $unitCode } { $code } = <points> | <reason>. Ask for more evidence: /review bosung { $unitCode } { $code } <dd/mm/yyyy> | <what is needed>.
bot-review-accept = ✅ Accept
bot-review-skip = ⏭ Next item
bot-review-next = ⏭ Review the next one
bot-review-open-file = 📎 { $filename }
bot-review-file-caption = Evidence for item { $code } — { $unit }
bot-review-file-gone = This evidence file cannot be found; it may have been removed from storage.
bot-review-not-assigned = You are not assigned to review item { $code } of { $unit }.
bot-review-unknown-unit = There is no unit with code { $code }.
bot-review-no-figure = { $unit } has no figure for item { $code } to review.
bot-review-published = The { $year } results have been published; to change item { $code } of { $unit }, an administrator must put the period back into review (npx dti period status <period> review), which is recorded.
bot-review-private-only = Reviews and appeals are handled in a private chat with DTI Bot, not in groups.
bot-review-points-not-applicable = Item { $code } of { $unit } is declared not applicable, so its points cannot be set; if that is not accepted, correct the figure instead: /review sua.
bot-appeal-changed-since = Item { $code } was reviewed again after the unit appealed (no. { $id }); please look at the item's history before deciding.
bot-review-stale = The figure for item { $code } of { $unit } has just changed; please type /review to look again before deciding.
bot-review-bad-form = The review could not be read.
bot-review-forms = Forms: /review sua <unit code> { $figure } | reason; /review diem <unit code> { $code } = 1,5 | reason; /review bosung <unit code> { $code } 30/11/2026 | what is needed.
bot-review-reason-needed = Every correction or request needs a reason after "|".
bot-review-bad-value = The reviewed figure "{ $value }" for item { $code } is not valid:
bot-review-bad-points = Reviewed points for item { $code } must be between 0 and { $max }.
bot-review-bad-date = "{ $value }" is not a valid future date (dd/mm/yyyy).
bot-review-done-accept = Accepted the figure for item { $code } of { $unit }.
bot-review-done-correct_figure = Corrected the figure for item { $code } of { $unit }: { $from } → { $to } (reason: { $reason }).
bot-review-done-correct_points = Set the points of item { $code } of { $unit } to { $points } (reason: { $reason }).
bot-review-done-request_evidence = Asked { $unit } for more evidence for item { $code } by { $date }.
bot-review-unit-told = { $count } officer(s) and leader(s) of the unit have been told.
reviewer-org = { $org ->
    [department] The department
   *[other] { $org }
  }
notify-review-figure = { reviewer-org } has reviewed item { $code }. { $name } of { $unit }: the figure was corrected from { $from } to { $to }. Reason: { $reason }
notify-review-points = { reviewer-org } has reviewed item { $code }. { $name } of { $unit }: the points were set to { $points }. Reason: { $reason }
notify-review-class = The class after review changes: { $from ->
    [none] no class
   *[other] { $from }
  } → { $to ->
    [none] no class
   *[other] { $to }
  }.
notify-review-effect = Item { $code }: { $pointsBefore } → { $pointsAfter } points; reviewed total: { $totalBefore } → { $totalAfter }/{ $max }.
notify-review-appeal = If the unit disagrees, it may appeal until { $date }: /appeal { $code } <reason>.
notify-review-evidence = { reviewer-org } asks { $unit } for more evidence for item { $code }. { $name } by { $date }. Needed: { $reason }
notify-review-evidence-how = Please send a photo or a PDF captioned "{ $code }", or /evidence { $code } <number - date: summary>.
bot-history-figure = • Submission { $revision } ({ $date }, { $by }): figure { $value }, { figure-status }
bot-history-review = • Revision { $revision } ({ $date }, { $by }): { figure-status }{ $figure ->
    [yes] , figure corrected
   *[no] {""}
  }{ $points ->
    [none] {""}
   *[other] , points { $points }
  }{ $note ->
    [none] {""}
   *[other] . { $note }
  }

bot-appeal-how = To appeal a review: /appeal <item code> <reason>, e.g. /appeal { $code } The unit sent all the meeting minutes.
bot-appeal-unit-only = Only data officers or leaders of { $unit } can appeal.
bot-appeal-period-closed = The { $year } results have been published; no more appeals are accepted.
bot-appeal-late = The appeal window closed on { $date }; no more appeals are accepted.
bot-appeal-nothing = Item { $code } of { $unit } was not changed in review, so there is nothing to appeal.
bot-appeal-already = Item { $code } already has an appeal waiting for the department.
bot-appeal-filed = Appeal no. { $id } about item { $code } of { $unit } has been sent to the department. The unit will be told the outcome.
bot-appeal-when = Appeals are accepted until { $date }.
bot-appeal-admins-only = Only the department's administrators decide appeals.
bot-appeal-unknown = There is no appeal no. { $id }.
bot-appeal-decided = Appeal no. { $id } has already been decided.
bot-appeal-keep = Keep the review
bot-appeal-accept = Accept the unit's figure
bot-appeal-keep-n = Keep (no. { $id })
bot-appeal-accept-n = Accept (no. { $id })
bot-appeal-kept = The review of item { $code } of { $unit } stands (appeal no. { $id }).
bot-appeal-changed = Appeal no. { $id } accepted: item { $code } of { $unit } counts with the unit's own figure.
bot-appeal-none = The unit has no appeals.
bot-appeal-none-open = No appeals are waiting.
bot-appeal-list = Appeals ({ $count }):
bot-appeal-line = • No. { $id }: { $unit } — item { $code }, { $status ->
    [open] waiting
    [kept] review kept
   *[changed] accepted
  }, filed { $date }
notify-appeal-new = Appeal no. { $id }: { $unit } — item { $code }. { $name } (from { $by })
notify-appeal-reason = Reason: { $reason }
notify-appeal-how = Decide with the buttons below, or with a note: /appeal giu { $id } <note> or /appeal chapnhan { $id } <note>.
notify-appeal-kept = The department has considered appeal no. { $id } of { $unit } about item { $code }: the review stands.
notify-appeal-changed = The department has considered appeal no. { $id } of { $unit } about item { $code }: the unit's own figure is accepted.
notify-appeal-note = The department's note: { $note }
notify-appeal-effect = Reviewed total: { $totalBefore } → { $totalAfter }/{ $max }.
bot-publish-appeals-open = Cannot publish yet: { $count } appeal(s) are not decided (no. { $ids }).
bot-publish-appeals-how = Please type /appeal to see and decide them before publishing.
bot-publish-appeal-window = Note: the appeal window runs until { $date }; once results are published, units can no longer appeal.
bot-help-evidence = /evidence — send evidence: a photo or PDF captioned with the item code, or a document's number - date: summary
bot-help-review = /review — review the figures of the units assigned to you
bot-help-appeal = /appeal — appeal a review of your unit
bot-help-appeal-admin = /appeal — see and decide appeals against reviews
cmd-minhchung = Send evidence for an item
cmd-thamdinh = Review units' figures
cmd-khieunai = Appeal a review
