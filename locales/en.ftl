## How each item's points came about (one line per item)

explain-ratio-percent = { $code }: { $percent }% × { $max } = { $points }/{ $max }
explain-ratio-fraction = { $code }: { $a }/{ $b } × { $max } = { $points }/{ $max }
explain-ratio-target = { $reached ->
    [yes] { $code }: { NUMBER($percent, maximumFractionDigits: 2) }% ≥ { $target }% (full marks) → { $points }/{ $max }
   *[no] { $code }: { NUMBER($percent, maximumFractionDigits: 2) }% ÷ { $target }% × { $max } = { $points }/{ $max }
  }
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
rule-per-item = { $each } points per { $unit ->
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
rule-not-applicable-auto = Automatically not applicable (left out of the maximum) for: { $tags }.
rule-inferred = Note: this rule was inferred from the item's wording, not checked against the original decision.

## Kinds of figures

input-kind = { $kind ->
    [percent] a percentage (e.g. 85% or 85.5%), or a fraction a/b
    [fraction] a fraction a/b (e.g. 394/508), or a percentage
    [count] a whole number (e.g. 12 or 1,234)
    [yes_no] yes or no
    [choice] one of the listed options
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
cli-import-written = Wrote { $file } with { $items } items. Please review it (rules inferred from wording are marked inferred), then run: dti rulesets validate { $file }
cli-import-problems = The appendix table has { $count } bad row(s); no file was written:
cli-import-row = Row { $row }, column { $column }: { $problem }
cli-import-missing-column = missing column “{ $column }”
cli-import-bad-code = item code “{ $value }” is not of the form 4, 4.14 or 4.22.1
cli-import-bad-number = “{ $value }” is not a number of points
cli-import-orphan = its parent { $parent } is not on an earlier row
cli-import-duplicate = code { $value } repeats row { $first }
cli-import-empty = the file has no data rows

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
cli-export-results-written = Exported results to { $file }: { $groups } group(s), { $units } unit(s).
cli-export-figures-written = Exported the figures template to { $file } ({ $rows } rows).
cli-import-label = imported from { $file }
cli-figures-problems = The figures file has { $count } problem(s); nothing was recorded:
cli-figures-locked = The submission deadline of { $unit } has passed; nothing was recorded (an admin may reopen the unit, or use --force).
cli-figures-period_closed = The period no longer collects figures ({ $unit }); nothing was recorded.
cli-figures-imported = Recorded { $count } new figure(s); { $unchanged } row(s) unchanged.
cli-demo-exists = The demo data is already there.
cli-demo-created = Created the Đà Nẵng demo province: units, people, period(s) { $periods } and figures. Invite codes:

## Excel files

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
