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
