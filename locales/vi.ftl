## Giải thích điểm của từng chỉ số (một dòng mỗi chỉ số)

explain-ratio-percent = { $code }: { $percent }% × { $max } = { $points }/{ $max }
explain-ratio-fraction = { $code }: { $a }/{ $b } × { $max } = { $points }/{ $max }
explain-ratio-target = { $reached ->
    [yes] { $code }: { NUMBER($percent, maximumFractionDigits: 2) }% ≥ { $target }% (mức đạt điểm tối đa) → { $points }/{ $max }
   *[no] { $code }: { NUMBER($percent, maximumFractionDigits: 2) }% ÷ { $target }% × { $max } = { $points }/{ $max }
  }
explain-ratio-no-cases = { $code }: trong kỳ không phát sinh trường hợp nào, được tính đủ điểm → { $points }/{ $max }
explain-ratio-below-floor = { $code }: { NUMBER($percent, maximumFractionDigits: 2) }% thấp hơn mức tối thiểu { $floor }% → { $points }/{ $max }
explain-ratio-threshold = { $reached ->
    [yes] { $code }: { NUMBER($percent, maximumFractionDigits: 2) }% ≥ { $target }% (mức đạt điểm tối đa) → { $points }/{ $max }
   *[no] { $code }: { NUMBER($percent, maximumFractionDigits: 2) }% × { $max } = { $points }/{ $max } (chưa đạt mức { $target }%)
  }
explain-per-report = { $code }: { $onTime } báo cáo đúng hạn, { $late } báo cáo trễ hạn, { $missing } báo cáo chưa gửi → { $points }/{ $max }
rule-all-or-nothing = Đạt 100%: { $max } điểm; chưa đạt 100%: 0 điểm.
rule-ratio-threshold = Đạt từ { $target }% trở lên: { $max } điểm; thấp hơn: tỉ lệ đạt được × { $max } điểm.
rule-ratio-floor = Dưới { $floor }%: 0 điểm.
rule-empty-full = Nếu trong kỳ không phát sinh trường hợp nào (ghi 0/0 hoặc “không phát sinh”): được { $max } điểm.
rule-per-report = Mỗi báo cáo gửi đúng hạn: { $onTime } điểm; gửi trễ hạn: { $late } điểm; không gửi: 0 điểm ({ $reports } báo cáo, tối đa { $max } điểm). Ghi số báo cáo đúng hạn trên số báo cáo đã gửi, ví dụ 3/4, hoặc “3 đúng hạn, 1 trễ hạn”.
rule-parts-share = Điểm = số nội dung đã thực hiện ÷ tổng số nội dung × { $max } điểm. Các nội dung:
rule-option-plain = { $n }. { $label }
explain-index-value = { $code }: { $value } × { $max } = { $points }/{ $max }
explain-yes-no = { $answer ->
    [yes] { $code }: Có → { $points }/{ $max }
   *[no] { $code }: Không → { $points }/{ $max }
  }
explain-tier = { $code }: { $value }{ $unit } → mức từ { $atLeast }{ $unit } trở lên: { $points }/{ $max }
explain-tier-none = { $code }: { $value }{ $unit } chưa đạt mức thấp nhất → { $points }/{ $max }
explain-options = { $count ->
    [0] { $code }: chưa đạt nội dung nào → { $points }/{ $max }
   *[other] { $code }: { $labels } → { $points }/{ $max }
  }
explain-per-item = { $capped ->
    [yes] { $code }: { $count } × { $each } vượt mức tối đa → { $points }/{ $max }
   *[no] { $code }: { $count } × { $each } = { $points }/{ $max }
  }
explain-normalised = { $code }: { $value } ÷ { $best } (cao nhất trong nhóm) × { $max } = { $points }/{ $max }
explain-assigned = { $code }: điểm được chấm trực tiếp → { $points }/{ $max }
explain-missing = { $code }: chưa có số liệu → 0/{ $max }
explain-not-applicable = { $code }: đặc thù, không tính vào thang điểm của đơn vị
explain-not-scored = { $code }: chỉ thu thập thông tin, không tính điểm
explain-invalid = { $code }: số liệu không dùng được để tính điểm ({ $reason ->
    [unknown_option] phương án không có trong quy định
    [out_of_range] vượt mức điểm tối đa
    [not_applicable_refused] chỉ số này không được tính đặc thù
   *[other] không đúng loại số liệu
  }) → 0/{ $max }
explain-effect-bonus = Điểm thưởng — { $line }
explain-effect-penalty = Điểm trừ — { $line }

## Cách tính điểm, diễn đạt bằng lời

rule-ratio = Điểm = tỉ lệ đạt được × { $max } điểm.
rule-ratio-target = Đạt từ { $target }% trở lên: { $max } điểm; thấp hơn: tỉ lệ đạt được ÷ { $target }% × { $max } điểm.
rule-index-value = Điểm = giá trị chỉ số (từ 0 đến 1) × { $max } điểm.
rule-yes-no = Có: { $yes } điểm; không: 0 điểm.
rule-tiers = Tính theo mức (tối đa { $max } điểm):
rule-tier = • từ { $atLeast }{ $unit } trở lên: { $points } điểm
rule-levels = Chọn một mức (tối đa { $max } điểm):
rule-parts = Cộng điểm từng nội dung đạt được (tối đa { $max } điểm):
rule-option = { $n }. { $label }: { $points } điểm
rule-per-item = Mỗi { $unit ->
    [none] mục
   *[other] { $unit }
  } { $effect ->
    [penalty] bị trừ { $each } điểm, tối đa trừ { $cap } điểm.
   *[other] được { $each } điểm, tối đa { $cap } điểm.
  }
rule-normalise = Điểm = số liệu của đơn vị ÷ số liệu cao nhất trong nhóm × { $max } điểm.
rule-not-scored = Chỉ thu thập thông tin, không tính điểm.
rule-assigned = Điểm do đoàn thẩm định chấm trực tiếp, tối đa { $max } điểm.
rule-not-public = Cách tính điểm chi tiết chưa được công bố công khai.
rule-effect = { $effect ->
    [bonus] Đây là điểm thưởng, cộng ngoài thang điểm.
   *[penalty] Đây là điểm trừ, trừ vào tổng điểm.
  }
rule-not-applicable = Đơn vị không có nhiệm vụ này có thể đề nghị tính đặc thù (kèm minh chứng); khi đó chỉ số không tính vào thang điểm của đơn vị.
rule-not-applicable-auto = Tự động tính đặc thù (không tính vào thang điểm) đối với { $tag ->
    [khong_co_tthc] đơn vị không có thủ tục hành chính
   *[other] đơn vị mang nhãn «{ $tag }»
  }.
rule-inferred = Lưu ý: cách tính được suy ra từ nội dung chỉ số, chưa đối chiếu với văn bản gốc.

## Loại số liệu cần nhập

input-kind = { $kind ->
    [percent] tỉ lệ phần trăm (ví dụ 85% hoặc 85,5%), hoặc phân số a/b
    [fraction] phân số a/b (ví dụ 394/508), hoặc tỉ lệ phần trăm
    [count] số nguyên không âm (ví dụ 12 hoặc 1.234)
    [yes_no] có hoặc không
    [choice] một phương án trong danh sách
    [choices] một hoặc nhiều nội dung trong danh sách, theo số thứ tự hoặc tên (ví dụ 1, 2, 6)
    [reports] số báo cáo đúng hạn trên số báo cáo đã gửi (ví dụ 3/4), hoặc “3 đúng hạn, 1 trễ hạn”
    [money] số tiền (ví dụ 1.250.000.000 hoặc 1,25 tỷ)
    [points] số điểm (ví dụ 8,5)
   *[index_value] giá trị chỉ số từ 0 đến 1 (ví dụ 0,5934)
  }

## Lỗi khi đọc số liệu

parse-empty = Chưa có số liệu. Xin vui lòng nhập giá trị cho chỉ số.
parse-not-a-number = Số liệu chưa đúng định dạng. Chỉ số này cần { $expected ->
    [percent] tỉ lệ phần trăm (ví dụ 85% hoặc 85,5%), hoặc phân số a/b
    [fraction] phân số a/b (ví dụ 394/508), hoặc tỉ lệ phần trăm
    [count] số nguyên không âm (ví dụ 12 hoặc 1.234)
    [yes_no] có hoặc không
    [choice] một phương án trong danh sách
    [money] số tiền (ví dụ 1.250.000.000 hoặc 1,25 tỷ)
    [points] số điểm (ví dụ 8,5)
   *[index_value] giá trị chỉ số từ 0 đến 1 (ví dụ 0,5934)
  }.
parse-negative = Số liệu không được là số âm.
parse-too-long = Số quá dài; xin vui lòng kiểm tra lại.
parse-ambiguous-number = “{ $text }” có thể hiểu là { $first } hoặc { $second }. Xin vui lòng nhập lại: dùng dấu phẩy cho phần thập phân (ví dụ 1,5) và không dùng dấu chấm cho số nhỏ hơn một nghìn.
parse-ambiguous-percent = { $value } là { $value }% hay { $percent }%? Xin vui lòng nhập kèm dấu %, ví dụ { $percent }%.
parse-not-integer = Chỉ số này cần một số nguyên; { $value } có phần thập phân.
parse-out-of-range = { $value } nằm ngoài khoảng cho phép (từ { $min } đến { $max }).
parse-zero-denominator = Mẫu số (b trong a/b) phải lớn hơn 0.
parse-numerator-exceeds = Tử số ({ $a }) không được lớn hơn mẫu số ({ $b }).
parse-expected-yes-no = Chỉ số này cần trả lời “có” hoặc “không”.
parse-unknown-choice = Chưa nhận ra phương án. Xin vui lòng chọn một trong: { $options }.
parse-ambiguous-choice = Câu trả lời khớp với nhiều phương án. Xin vui lòng ghi rõ số thứ tự: { $options }.
parse-single-choice = Chỉ số này chỉ chọn một phương án: { $options }.
parse-not-applicable-refused = Chỉ số này không được tính đặc thù; xin vui lòng nhập số liệu.
parse-no-input = Chỉ số này chưa quy định cách nhập số liệu (bộ chỉ số mới công bố cấu trúc).

## Kiểm tra tệp bộ chỉ số

ruleset-issue-yaml_syntax = Lỗi cú pháp YAML: { $detail }
ruleset-issue-schema = { $detail }
ruleset-issue-unknown_rule_type = Loại quy tắc tính điểm “{ $type }” không tồn tại; các loại hợp lệ: { $known }.
ruleset-issue-duplicate_code = Mã { $code } bị trùng (đã dùng tại { $first }).
ruleset-issue-duplicate_id = Mã bộ chỉ số { $id } đã được dùng trong { $other }.
ruleset-issue-rule_unreviewed = Chỉ số { $code }: khi nhập từ phụ lục, cách tính điểm { $check ->
    [uncertain] chưa chắc chắn
   *[other] chưa nhận dạng được
  }; xin rà soát quy tắc rồi xoá dòng ruleCheck (hoặc giữ status: draft).
ruleset-issue-code_prefix = Mã { $code } nằm dưới { $parent } nhưng không bắt đầu bằng “{ $parent }.”.
ruleset-issue-max_mismatch = Tổng điểm tối đa các mục con của chỉ số { $code } là { $sum }, nhưng chỉ số { $code } khai báo { $declared }.
ruleset-issue-total_mismatch = Tổng điểm tối đa các chỉ số chính là { $sum }, nhưng tổng điểm khai báo là { $declared }.
ruleset-issue-missing_in_full = { $code } thiếu trường “{ $field }”, là trường bắt buộc của bộ chỉ số đầy đủ.
ruleset-issue-rule_input_mismatch = { $code }: quy tắc { $rule } không đọc được loại số liệu { $input }.
ruleset-issue-rule_invalid = { $code }: { $detail }
ruleset-issue-precision = { $code }: { $value } có nhiều chữ số thập phân hơn quy tắc làm tròn ({ $digits } chữ số).
ruleset-issue-band_gap = Khoảng xếp loại bị hở: không có loại nào cho khoảng từ { $from } đến { $to } (cạnh loại { $band }).
ruleset-issue-band_order = Các loại xếp loại chồng lấn hoặc sai thứ tự ({ $band }).
ruleset-issue-declared_count = Khai báo { $declared } ({ $field }) nhưng cây chỉ số có { $found }.

## Dòng lệnh quản trị (dti)

unit-kind = { $kind ->
    [department] sở, ban, ngành
    [central_agency] cơ quan Trung ương trên địa bàn
    [district] UBND cấp huyện
    [commune] UBND cấp xã, phường
    [province] tỉnh, thành phố trực thuộc Trung ương
   *[ministry] bộ, cơ quan ngang bộ
  }
cli-decision-number = { $number } ngày { $date }
cli-decision-number-only = số { $number }
cli-decision-signer = người ký: { $signer }
cli-decision-issuer = cơ quan ban hành: { $issuer }
cli-band = { $name } { $below ->
    [none] từ { $from } trở lên
   *[other] từ { $from } đến dưới { $below }
  }
cli-deadline = { $kind ->
    [submission] Hạn nộp số liệu
    [leader_approval] Hạn lãnh đạo phê duyệt
    [review] Hạn thẩm định
    [appeal] Hạn giải trình, kiến nghị
    [publication] Hạn công bố kết quả
   *[ruleset_update] Hạn cập nhật bộ chỉ số
  }: { $date }{ $note ->
    [none] {""}
   *[other] . { $note }
  }
cli-data-window = Số liệu tính từ { $from } đến { $to } (N là năm đánh giá)

cli-validate-ok = Đã kiểm tra { $files } tệp, { $rulesets } bộ chỉ số: không phát hiện lỗi.
cli-validate-failed = Phát hiện { $count } lỗi trong { $files } tệp:
cli-period-draft-ruleset = Bộ chỉ số { $id } còn là bản nháp (status: draft): các quy tắc do máy nhập từ phụ lục chưa được rà soát, nên chưa mở kỳ đánh giá với bộ này. Xin chạy dti rulesets validate để xem các chỉ số cần rà soát.
cli-validate-draft = Bộ chỉ số { $id } là bản nháp (status: draft), chưa dùng được cho kỳ đánh giá: { $count } chỉ số cần rà soát cách tính điểm: { $codes }. Sau khi rà soát, chạy dti rulesets accept <tệp> [mã…] để chấp nhận.
cli-validate-no-synonyms = Lưu ý: { $id } có { $count } chỉ số chưa có từ đồng nghĩa (synonyms: cách cán bộ thường gọi chỉ số), nên bot khó hiểu câu hỏi viết theo lời thường: { $codes }.
cli-ruleset-not-found = Không tìm thấy bộ chỉ số “{ $id }”. Các bộ chỉ số hiện có: { $known }.
cli-item-not-found = Bộ chỉ số { $id } không có chỉ số mã “{ $code }”.
cli-structure-only = Bộ chỉ số “{ $id }” mới có cấu trúc (các chỉ số chính và tổng điểm); văn bản công khai chưa nêu cách tính điểm chi tiết nên chưa thể chấm điểm.
cli-heading-ruleset = { $title }
cli-decision = Văn bản: { $decision }
cli-decision-none = Văn bản: chưa xác định được số hiệu quyết định công khai
cli-province = Tỉnh/thành phố: { $province }
cli-unit-kinds = Áp dụng cho: { $kinds }
cli-total = Tổng điểm: { $total }
cli-total-unknown = Tổng điểm: chưa được công bố
cli-completeness = { $completeness ->
    [full] Mức độ đầy đủ: đầy đủ (chấm được điểm)
   *[structure] Mức độ đầy đủ: chỉ có cấu trúc (chưa chấm được điểm)
  }
cli-historical = Lưu ý: bộ chỉ số lịch sử, dùng cho cấp huyện trước ngày 01/7/2025 (chính quyền địa phương hai cấp không còn cấp huyện); chỉ dùng để tra cứu các kỳ đánh giá trước.
cli-draft = Lưu ý: bản nháp (status: draft), các quy tắc tính điểm nhập từ phụ lục chưa được rà soát; chưa dùng được cho kỳ đánh giá.
cli-illustrative = Lưu ý: đây là bộ chỉ số minh hoạ, xây dựng từ tên chỉ số thực tế, không phải văn bản đã ban hành.
cli-counts = Gồm { $indices } chỉ số chính, { $subs } chỉ số thành phần, { $leaves } mục chấm điểm.
cli-declared = Theo văn bản: { $indices ->
    [unknown] { "" }
   *[other] { $indices } chỉ số chính
  }{ $subs ->
    [unknown] { "" }
   *[other] , { $subs } chỉ số thành phần
  }
cli-bands = Xếp loại: { $bands }
cli-max-unknown = chưa công bố
cli-item-name = { $code }. { $name }
cli-item-max = Điểm tối đa: { $max }
cli-item-measures = Nội dung đánh giá: { $text }
cli-item-how = Cách xác định: { $text }
cli-item-evidence = Tài liệu kiểm chứng: { $text }
cli-item-evidence-required = (bắt buộc có tài liệu kiểm chứng)
cli-item-input = Số liệu cần nhập: { input-kind }
cli-item-rule = Cách tính điểm:
cli-item-keywords = Từ khoá: { $text }
cli-item-note = Ghi chú: { $text }
cli-item-children = Gồm { $count } mục:
cli-item-declared-children = Văn bản nêu { $count } chỉ số thành phần, chưa công bố chi tiết.
cli-score-header-rank = Hạng
cli-score-header-unit = Đơn vị
cli-score-header-points = Điểm
cli-score-header-max = Thang điểm
cli-score-header-value = Giá trị
cli-score-header-class = Xếp loại
cli-score-header-missing = Thiếu
cli-score-title = { $title }: { $units } đơn vị
cli-csv-problems = Tệp số liệu có { $count } dòng chưa hợp lệ; chưa chấm điểm:
cli-csv-row = Dòng { $row }, { $unit }, chỉ số { $item }: { $problem }
cli-csv-unknown-item = chỉ số không có trong bộ { $id }
cli-csv-columns = Tệp CSV cần các cột unit, item, value (thiếu: { $missing }).
cli-csv-duplicate = chỉ số này đã có số liệu ở dòng { $first }
cli-import-written = Đã tạo { $file } gồm { $items } chỉ số: { $recognised } quy tắc đọc được chắc chắn, { $uncertain } chưa chắc chắn, { $unrecognised } chưa nhận dạng được.{ $report ->
    [none] {""}
   *[other] {" "}Bảng đối chiếu từng chỉ số (nguyên văn bên cạnh cách hiểu): { $report }.
  }{ $draft ->
    [yes] {" "}Bộ chỉ số đang là bản nháp (status: draft): xin rà soát các chỉ số nêu trên (sửa quy tắc trong tệp nếu cần), rồi chạy dti rulesets accept { $file } để chấp nhận.
   *[no] {""}
  }
    Áp dụng cho: { $unitKind } ({ $read ->
    [option] theo tuỳ chọn --unit-kind
    [title] đọc từ tiêu đề phụ lục
   *[default] mặc định; nếu không đúng, chạy lại với --unit-kind commune hoặc central_agency
  }); { $decision ->
    [none] không thấy số hiệu quyết định phía trên bảng
   *[other] kèm theo Quyết định số { $decision }
  }.
    Cách dùng: 1) chép tệp vào thư mục bộ chỉ số (RULESETS_DIR, mặc định rulesets/) và chạy dti rulesets validate; 2) xem lại bằng dti rulesets show { $id }; 3) gán bộ chỉ số cho nhóm đơn vị bằng dti groups set, rồi mở kỳ đánh giá bằng dti period open --ruleset { $id }.
cli-import-title = Bộ chỉ số nhập từ { $file }
cli-import-note = Tạo tự động từ bảng phụ lục { $file }; mã chỉ số giữ đúng như in trong quyết định; các quy tắc tính điểm do máy đọc từ nội dung, cần rà soát trước khi sử dụng.
cli-import-no-header = Không tìm thấy dòng tiêu đề của bảng trong { $rows } dòng đầu: cần ít nhất ba trong các cột TT/STT, Chỉ số (Nội dung, Tiêu chí), Điểm tối đa (Điểm chuẩn, Thang điểm), Cách chấm (Phương pháp tính điểm, Hướng dẫn chấm điểm).
cli-import-column = { $column ->
    [max] điểm tối đa
    [code] TT
    [name] chỉ số
   *[other] { $column }
  }
cli-import-invalid = Tệp { $file } đã tạo nhưng chưa hợp lệ ({ $count } lỗi):
cli-import-review-line = • { $code } (dòng { $line }) — { $status ->
    [uncertain] chưa chắc chắn
   *[other] chưa nhận dạng được
  }: “{ $original }” → { $understood }
cli-import-unused = Các cột không dùng đến: { $columns }.
cli-import-total-mismatch = dòng tổng ghi { $printed } điểm nhưng các chỉ số chính (dòng { $rows }) cộng lại được { $sum } điểm
cli-import-index-mismatch = mục { $code } ghi { $printed } điểm nhưng các chỉ số thành phần (dòng { $rows }) cộng lại được { $sum } điểm
cli-import-no-max = chỉ số { $code } chưa có điểm tối đa
cli-import-orphan = chưa có mục cha { $parent } ở các dòng trước
cli-import-duplicate = mã { $code } bị trùng với dòng { $first }
cli-import-no-items = bảng không có chỉ số nào dưới dòng tiêu đề
cli-import-status = { $status ->
    [recognised] đọc được
    [uncertain] chưa chắc chắn
   *[other] chưa nhận dạng được
  }
cli-import-report-sheet = Đối chiếu cách chấm
cli-import-report-code = Mã
cli-import-report-name = Chỉ số
cli-import-report-max = Điểm tối đa
cli-import-report-row = Dòng
cli-import-report-original = Cách chấm (nguyên văn phụ lục)
cli-import-report-understood = Bot hiểu là
cli-import-report-status = Mức độ
cli-import-at-row = Dòng { $row }: { $problem }
cli-import-bad-code = mã “{ $value }” không đúng dạng mã chỉ số (ví dụ 4, 4.14, II, B.1)
cli-import-empty = tệp không có dòng dữ liệu nào
cli-accept-done = Đã chấp nhận { $count } quy tắc ({ $codes }) trong { $file }. { $left ->
    [0] Không còn chỉ số nào cần rà soát: bộ chỉ số đã chuyển sang status: reviewed và dùng được cho kỳ đánh giá.
   *[other] Còn { $left } chỉ số cần rà soát; chạy dti rulesets validate { $file } để xem.
  }
cli-accept-unknown = Không có chỉ số cần rà soát mang mã { $codes }. Các mã đang chờ rà soát: { $pending }.
cli-backup-postgres = Lệnh này dành cho chế độ nhúng (SQLite). Với PostgreSQL, xin sao lưu bằng pg_dump và khôi phục bằng pg_restore (xem README, mục Triển khai); tệp minh chứng sao lưu theo kho lưu trữ đang dùng.
cli-backup-no-database = Không thấy tệp cơ sở dữ liệu { $file }.
cli-backup-not-empty = Thư mục { $dir } đã có tệp; xin chọn một thư mục trống để sao lưu.
cli-backup-done = Đã sao lưu vào { $dir }: cơ sở dữ liệu và { $files } tệp khác (tổng { $mb } MB), kèm manifest.json ghi mã SHA-256 của từng tệp.
cli-backup-evidence-in-database = Tệp minh chứng lưu trong cơ sở dữ liệu (EVIDENCE_STORAGE=database) nên đã nằm trong bản sao lưu này; thư mục minh chứng không được chép.
cli-restore-no-manifest = Thư mục { $dir } không có manifest.json của một bản sao lưu.
cli-restore-bad = Bản sao lưu không còn nguyên vẹn ({ $count } tệp thiếu hoặc bị thay đổi: { $files }); chưa khôi phục gì.
cli-restore-running = DTI Bot đang chạy trên cơ sở dữ liệu này; xin dừng dịch vụ trước khi khôi phục.
cli-restore-done = Đã khôi phục từ { $dir } (sao lưu lúc { $created }) vào { $file }.{ $kept ->
    [none] {""}
   *[other] {" "}Cơ sở dữ liệu trước đó được giữ lại ở { $kept }.
  }
cli-restore-evidence-in-database = Bản sao lưu này giữ tệp minh chứng trong cơ sở dữ liệu, nhưng EVIDENCE_STORAGE đang là disk: xin đặt EVIDENCE_STORAGE=database để dịch vụ đọc được các tệp đó.
cli-restore-evidence-in-folder = Bản sao lưu này giữ tệp minh chứng trong thư mục (đã chép lại vào { $dir }), nhưng EVIDENCE_STORAGE đang là database: xin chạy «npx dti evidence copy-to-database» để đưa các tệp đó vào cơ sở dữ liệu.
cli-import-problems = Bảng phụ lục có { $count } dòng chưa hợp lệ; chưa tạo tệp:
cli-import-row = Dòng { $row }, cột { $column }: { $problem }
cli-import-missing-column = thiếu cột “{ $column }”
cli-import-bad-number = “{ $value }” không phải là số điểm

## Danh mục đơn vị, cán bộ, kỳ đánh giá (dòng lệnh)

cli-yes = có
cli-no = không
unit-kind-short = { $kind ->
    [department] Sở, ngành
    [central_agency] Cơ quan TW
    [district] Quận, huyện
   *[commune] Phường, xã
  }
role-name = { $role ->
    [officer] cán bộ nhập liệu
    [leader] lãnh đạo đơn vị
    [reviewer] cán bộ thẩm định
   *[admin] quản trị cấp tỉnh
  }
deadline-kind = { $kind ->
    [submission] Hạn nộp số liệu
    [leader_approval] Hạn lãnh đạo phê duyệt
    [review] Hạn thẩm định
    [appeal] Hạn giải trình, kiến nghị
   *[publication] Hạn công bố kết quả
  }
period-status = { $status ->
    [open] đang thu thập số liệu
    [review] đang thẩm định
    [published] đã công bố
   *[closed] đã đóng
  }
cli-province-unknown = Không có tỉnh/thành phố mã “{ $code }”. Các mã hiện có: { $known }.
cli-province-choose = Xin vui lòng chọn tỉnh/thành phố bằng --province (hiện có: { $known }).
cli-unit-unknown = Không có đơn vị mã “{ $code }”.
cli-import-columns = Tệp thiếu { $count } cột bắt buộc; chưa nhập dữ liệu:
cli-units-bad-code = mã đơn vị “{ $value }” không hợp lệ (chỉ gồm chữ, số, dấu chấm, gạch ngang)
cli-units-duplicate = mã { $value } bị trùng với dòng { $first }
cli-units-empty-name = thiếu tên đơn vị
cli-units-bad-kind = loại đơn vị “{ $value }” không rõ (sở/ngành, cơ quan Trung ương, quận/huyện, phường/xã)
cli-units-bad-active = giá trị “{ $value }” không rõ; xin ghi “có” hoặc “không”
cli-units-self-parent = đơn vị không thể là cấp trên của chính nó
cli-units-unknown-parent = không có đơn vị cấp trên mã “{ $value }” trong tệp hoặc trong danh mục
cli-units-problems = Danh mục đơn vị có { $count } lỗi; chưa nhập dữ liệu nào:
cli-units-imported = Đã cập nhật danh mục đơn vị của { $province }: thêm mới { $created }, cập nhật { $updated }.
cli-units-title = Danh mục đơn vị của { $province } ({ $count } đơn vị)
cli-units-header-code = Mã
cli-units-header-name = Tên đơn vị
cli-units-header-kind = Loại
cli-units-header-parent = Cấp trên
cli-units-header-group = Nhóm xếp hạng
cli-units-header-active = Hoạt động
cli-people-empty-name = thiếu họ tên
cli-people-bad-role = vai trò “{ $value }” không rõ (cán bộ nhập liệu, lãnh đạo, thẩm định, quản trị)
cli-people-needs-unit = vai trò này cần mã đơn vị
cli-people-unknown-unit = không có đơn vị mã “{ $value }” trong danh mục
cli-people-bad-phone = số điện thoại “{ $value }” không hợp lệ
cli-people-bad-email = địa chỉ thư “{ $value }” không hợp lệ
cli-people-problems = Danh sách cán bộ có { $count } lỗi; chưa nhập dữ liệu nào:
cli-people-imported = Đã nhập { $people } cán bộ với { $roles } vai trò cho { $province }.
cli-group-set = Nhóm { $group } được chấm theo bộ chỉ số { $ruleset }.
cli-group-line = { $group } ({ $name }): bộ chỉ số { $ruleset }, { $count } đơn vị đang hoạt động
cli-period-bad-year = Năm đánh giá “{ $value }” không hợp lệ.
cli-period-bad-deadline = Hạn “{ $value }” không hợp lệ; xin ghi dạng loại=dd/mm/yyyy với loại là: { $kinds }.
cli-period-deadline-order = Các mốc thời hạn chưa đúng thứ tự: { $later } ({ $laterDate }) không thể trước { $earlier } ({ $earlierDate }). Thứ tự cần có: nộp số liệu → lãnh đạo phê duyệt → thẩm định → giải trình, kiến nghị → công bố. Chưa mở kỳ đánh giá nào.
cli-period-exists = Kỳ đánh giá này đã có (mã kỳ { $id }).
cli-period-opened = Đã mở kỳ đánh giá số { $id }: { $ruleset }, năm { $year }.
cli-period-header-id = Mã kỳ
cli-period-header-ruleset = Bộ chỉ số
cli-period-header-year = Năm
cli-period-header-status = Trạng thái
cli-period-header-deadlines = Các mốc thời hạn
cli-period-unknown = Không có kỳ đánh giá mã “{ $id }”.
cli-period-bad-status = Trạng thái “{ $value }” không hợp lệ; chọn một trong: { $known }.
cli-period-status-set = Kỳ đánh giá { $id } chuyển sang trạng thái: { period-status }.
cli-reopen-bad-until = Ngày “{ $value }” không hợp lệ hoặc đã qua; xin ghi dạng dd/mm/yyyy.
cli-reopen-needs-reason = Xin ghi lý do mở lại.
cli-reopened = Đã mở lại việc nhập số liệu cho { $unit } đến hết ngày { $until }.
cli-invite-bad-role = Vai trò “{ $value }” không hợp lệ; chọn một trong: { $known }.
cli-invite-needs-unit = Mã mời cho vai trò này cần --unit (mã đơn vị).
cli-invite-bad-limits = Số lần dùng (1–500) hoặc số ngày hiệu lực (1–365) không hợp lệ.
cli-invite-created = Mã mời { $code }: { $role }, { $unit }; dùng được { $uses } lần, hiệu lực đến hết ngày { $expires }.
cli-invite-link = Đường dẫn Telegram: { $link }
cli-invite-no-link = Gửi cho cán bộ để nhắn tới bot: /start { $code } (đặt TELEGRAM_BOT_USERNAME để có đường dẫn mở bot trực tiếp).
cli-period-score-unknown_period = Không có kỳ đánh giá mã “{ $id }”.
cli-period-score-unknown_ruleset = Không tìm thấy bộ chỉ số { $ruleset } của kỳ đánh giá này.
cli-period-score-structure_only = Bộ chỉ số { $ruleset } mới có cấu trúc nên chưa thể chấm điểm.
cli-export-decision-written = Đã soạn dự thảo Quyết định công bố kết quả vào { $file }: kèm phụ lục kết quả; xin điền số, ngày, số Tờ trình, rà soát rồi trình ký.
cli-export-results-written = Đã xuất kết quả ra { $file }: { $groups } nhóm, { $units } đơn vị.
cli-export-figures-written = Đã xuất mẫu số liệu ra { $file } ({ $rows } dòng).
cli-import-label = nhập từ tệp { $file }
cli-figures-problems = Tệp số liệu có { $count } lỗi; chưa ghi số liệu nào:
cli-figures-locked = Đã quá hạn nộp số liệu của { $unit }; chưa ghi số liệu nào (quản trị có thể mở lại cho đơn vị, hoặc dùng --force).
cli-figures-period_closed = Kỳ đánh giá không còn ở giai đoạn thu thập số liệu ({ $unit }); chưa ghi số liệu nào.
cli-figures-imported = Đã ghi { $count } số liệu mới; { $unchanged } dòng không thay đổi.
cli-demo-exists = Dữ liệu minh hoạ đã có sẵn.
cli-demo-created = Đã tạo dữ liệu minh hoạ { $province }: danh mục đơn vị, cán bộ, kỳ đánh giá số { $periods } và số liệu. Mã mời:

## Tệp Excel

xlsx-annex = PHỤ LỤC
xlsx-no = STT
xlsx-bonus = Điểm thưởng
xlsx-penalty = Điểm trừ
xlsx-cap = tối đa { $cap }
xlsx-total = Tổng điểm
xlsx-not-submitted = Chưa nộp
xlsx-page = Trang
xlsx-review-title = Các chỉ số được điều chỉnh khi thẩm định, kỳ đánh giá năm { $year } — { $ruleset }
xlsx-self-compare = Điểm tự đánh giá (để so sánh)
xlsx-title = Kết quả đánh giá, xếp hạng chuyển đổi số năm { $year }
xlsx-as-of = Số liệu cập nhật đến ngày { $date }
xlsx-rank = Xếp hạng
xlsx-unit-code = Mã đơn vị
xlsx-unit-name = Tên cơ quan, đơn vị
xlsx-self = Điểm tự đánh giá
xlsx-reviewed = Điểm thẩm định
xlsx-max = Thang điểm áp dụng
xlsx-value = Tỉ lệ đạt
xlsx-class = Xếp loại
xlsx-missing = Số chỉ số chưa có số liệu
xlsx-review-sheet = Thẩm định
xlsx-review-unit-code = Mã đơn vị
xlsx-review-unit-name = Tên cơ quan, đơn vị
xlsx-review-item = Chỉ số
xlsx-review-item-name = Tên chỉ số
xlsx-review-figure = Số liệu đơn vị nộp
xlsx-review-self = Điểm tự đánh giá
xlsx-review-reviewed = Điểm thẩm định
xlsx-review-reason = Lý do điều chỉnh
xlsx-review-by = Người thẩm định
xlsx-review-date = Ngày
xlsx-review-none = Chưa có chỉ số nào được điều chỉnh khi thẩm định.
xlsx-merged = hợp nhất từ { $from }
xlsx-figures-unit = Mã đơn vị
xlsx-figures-unitName = Tên đơn vị
xlsx-figures-item = Mã chỉ số
xlsx-figures-itemName = Tên chỉ số
xlsx-figures-max = Điểm tối đa
xlsx-figures-hint = Cách nhập
xlsx-figures-value = Giá trị
xlsx-figures-evidence = Minh chứng (số hiệu – ngày: trích yếu)
xlsx-figures-note = Ghi chú

## Trò chuyện: tài khoản, hướng dẫn, ngôn ngữ

bot-help-title = Anh/Chị có thể dùng các lệnh sau:
bot-help-start = /start <mã mời> — gắn tài khoản với đơn vị và vai trò theo mã mời của Sở
bot-help-ask = /chiso <câu hỏi> — hỏi về một chỉ số, ví dụ: /chiso họp không giấy
bot-help-language = /ngonngu — đổi ngôn ngữ (Tiếng Việt / English)
bot-help-submit = /nop — nộp số liệu, mỗi dòng một chỉ số, ví dụ: { $figure }
bot-help-edit = /sua — sửa số liệu đã nộp (trước hạn), cùng cách viết như /nop
bot-help-withdraw = /huy <mã chỉ số> — rút số liệu đã nộp (trước hạn)
bot-help-score = /diem — tổng điểm tạm tính, xếp loại, thứ hạng của đơn vị
bot-help-missing = /thieu — các chỉ số chưa có số liệu
bot-help-target = /muctieu — cần cải thiện chỉ số nào để lên loại cao hơn
bot-help-ranking = /xephang — bảng xếp hạng trong nhóm
bot-help-deadlines = /hanchot — các mốc thời hạn
bot-help-approve = /duyet — lãnh đạo phê duyệt số liệu đơn vị đã nộp
bot-help-unit = /donvi — chọn đơn vị đang làm việc
bot-help-whoami = /toi — thông tin tài khoản
bot-help-free-text = Anh/Chị cũng có thể nhắn trực tiếp, ví dụ «chỉ số { $code } là gì», «{ $figure }», «điểm của đơn vị mình bao nhiêu» hoặc «còn thiếu chỉ số nào».
bot-help-free-text-reader = Anh/Chị cũng có thể nhắn trực tiếp, ví dụ «chỉ số { $code } là gì», «điểm của đơn vị mình bao nhiêu» hoặc «còn thiếu chỉ số nào».
bot-help-free-text-guest = Anh/Chị cũng có thể nhắn trực tiếp câu hỏi về chỉ số, ví dụ «chỉ số { $code } là gì» hoặc «{ $name } tính điểm thế nào».
bot-start-guest = Kính chào Anh/Chị, đây là trợ lý đánh giá chuyển đổi số (DTI) của Sở Khoa học và Công nghệ.
bot-start-how = Để nộp số liệu và xem điểm của đơn vị, xin vui lòng nhập mã mời do Sở cấp: /start <mã mời>. Anh/Chị vẫn có thể hỏi về các chỉ số mà không cần mã mời.
bot-start-back = Kính chào { $name }, rất vui được tiếp tục hỗ trợ Anh/Chị.
bot-start-welcome = Kính chào { $name }, tài khoản đã được gắn thành công.
bot-start-bound = Vai trò: { role-name } — { $unit }.
bot-invite-unknown = Mã mời không đúng. Xin vui lòng kiểm tra lại mã do Sở cấp (10 ký tự, không phân biệt chữ hoa, chữ thường).
bot-invite-expired = Mã mời đã hết hạn. Xin vui lòng liên hệ Sở Khoa học và Công nghệ để được cấp mã mới.
bot-invite-used_up = Mã mời đã được sử dụng hết số lần cho phép. Xin vui lòng liên hệ Sở để được cấp mã mới.
bot-invite-revoked = Mã mời đã bị thu hồi. Xin vui lòng liên hệ Sở để được cấp mã mới.
bot-not-bound = Tài khoản của Anh/Chị chưa được gắn với đơn vị nào.
bot-whoami-name = { $name }
bot-whoami-role = • { role-name }: { $unit }
bot-whoami-active = Đơn vị đang làm việc: { $unit }
bot-whoami-language = Ngôn ngữ: { $language ->
    [en] English
   *[vi] Tiếng Việt
  }
bot-language-choose = Xin vui lòng chọn ngôn ngữ / Please choose a language:
bot-language-set = Đã chuyển sang Tiếng Việt.
bot-unit-unknown = Không tìm thấy đơn vị mã «{ $code }» trong danh sách của Anh/Chị.
bot-unit-set = Đơn vị đang làm việc: { $unit }.
bot-unit-none = Anh/Chị chưa có vai trò tại đơn vị nào.
bot-unit-only = Anh/Chị đang làm việc cho { $unit } (đơn vị duy nhất của tài khoản), không cần chọn đơn vị.
bot-unit-choose = Xin vui lòng chọn đơn vị:
bot-unit-choose-typed = Xin vui lòng gõ /donvi <mã đơn vị>, ví dụ /donvi S19. Các đơn vị:
bot-no-unit-role = Tài khoản của Anh/Chị không gắn với đơn vị nào, nên không có điểm, thứ hạng hay số liệu của đơn vị để xem. Anh/Chị vẫn có thể hỏi về các chỉ số; gõ /huongdan để xem các việc của mình.
bot-unit-choose-first = Xin vui lòng chọn đơn vị cần xem bằng lệnh /donvi.
bot-not-your-unit = Anh/Chị không có vai trò tại { $unit }.
bot-unknown-command = Hệ thống chưa hỗ trợ lệnh /{ $command }. Xin mời Anh/Chị xem các lệnh dưới đây:
bot-slow-down = Anh/Chị gửi hơi nhanh; xin vui lòng đợi vài giây rồi gửi tiếp.
bot-error = Xin lỗi, hệ thống gặp sự cố khi xử lý yêu cầu. Số liệu đã nộp trước đó không bị ảnh hưởng; xin vui lòng thử lại sau ít phút.
bot-storage-unavailable = Xin lỗi, hệ thống tạm thời chưa ghi nhận được dữ liệu nên tin nhắn vừa rồi chưa được xử lý. Những gì đã ghi trước đó vẫn được giữ nguyên; xin Anh/Chị vui lòng gửi lại sau ít phút.

## Trò chuyện: hỏi về chỉ số

bot-item-title = { $code }. { $name }
bot-item-ruleset = Thuộc: { $title }
bot-item-max = Điểm tối đa: { $max }
bot-item-max-unknown = Điểm tối đa: chưa được công bố
bot-item-measures = Nội dung: { $text }
bot-item-how = Cách xác định: { $text }
bot-item-input = Số liệu cần nhập: { input-kind }
bot-item-rule = Cách tính điểm:
bot-item-example = Ví dụ: nhập «{ $input }»
bot-item-children = Gồm { $count } tiêu chí:
bot-item-child = { $code }. { $name } ({ $max ->
    [none] chưa công bố điểm
   *[other] { $max } điểm
  })
bot-item-evidence = Tài liệu kiểm chứng: { $text }
bot-item-evidence-required = Tài liệu kiểm chứng (bắt buộc): { $text }
bot-item-due = Hạn nộp số liệu: { $date } ({ $days ->
    [0] hôm nay
   *[other] còn { $days } ngày
  })
bot-ruleset-title = { $title }
bot-ruleset-decision = Văn bản: { $number }
bot-ruleset-no-decision = Văn bản: chưa xác định được số hiệu quyết định công khai
bot-ruleset-total = Tổng điểm: { $total }
bot-ruleset-counts = Gồm { $indices } chỉ số chính{ $subs ->
    [none] {""}
   *[other] , { $subs } chỉ số thành phần
  }{ $items ->
    [0] {""}
   *[other] , { $items } mục chấm điểm
  }:
bot-ruleset-structure = Văn bản công khai mới nêu cấu trúc, chưa nêu cách tính điểm chi tiết.
bot-ruleset-illustrative = Đây là bộ chỉ số minh hoạ, không phải văn bản đã ban hành.
bot-ask-how = Anh/Chị có thể hỏi theo mã (ví dụ «chỉ số { $code } là gì») hoặc theo tên (ví dụ «cách tính điểm { $name }»).
bot-ask-choice-set = { $code }. { $name } — { $province }, { $kind ->
    [department] cấp sở, ngành
    [central_agency] cơ quan Trung ương
    [district] cấp huyện
    [commune] cấp xã
   *[other] cấp tỉnh
  }
bot-ask-choose-one = Có phải Anh/Chị muốn hỏi về chỉ số này?
bot-ask-choose = Có một vài chỉ số gần với câu hỏi. Anh/Chị muốn hỏi chỉ số nào?
bot-ask-no-code = Bộ chỉ số của đơn vị ({ $title }) không có chỉ số { $code }.
bot-ask-no-code-anywhere = Chưa có bộ chỉ số nào có chỉ số { $code }.
bot-ask-back = Anh/Chị muốn xem điểm của đơn vị mình, hay cách tính điểm của chỉ số { $code }. { $name }?
bot-ask-back-score = Điểm của đơn vị
bot-ask-back-deadlines = Hạn nộp của đơn vị
bot-ask-back-target = Mục tiêu của đơn vị
bot-ask-back-missing = Chỉ số còn thiếu
bot-ask-back-ranking = Xếp hạng của đơn vị
bot-greeting = Kính chào { $name ->
    [none] Anh/Chị
   *[other] { $name }
}. DTI Bot sẵn sàng hỗ trợ Anh/Chị về bộ chỉ số đánh giá chuyển đổi số.
bot-greeting-how = Anh/Chị có thể hỏi về một chỉ số (ví dụ «chỉ số { $code } là gì»), nộp số liệu (ví dụ «{ $figure }»), xem điểm bằng /diem, hoặc gõ /huongdan để xem đủ các việc.
bot-greeting-how-reader = Anh/Chị có thể hỏi về một chỉ số (ví dụ «chỉ số { $code } là gì»), xem điểm và thứ hạng của đơn vị bằng /diem, hoặc gõ /huongdan để xem đủ các việc.
bot-greeting-how-guest = Anh/Chị có thể hỏi về một chỉ số (ví dụ «chỉ số { $code } là gì» hoặc «{ $name } tính điểm thế nào»), hoặc gõ /huongdan để xem đủ các việc.
bot-thanks = Dạ, DTI Bot cảm ơn Anh/Chị. Khi cần, Anh/Chị cứ nhắn tiếp ạ.
bot-unsupported = Dạ, việc này DTI Bot chưa thực hiện được.
bot-unsupported-how = Xin Anh/Chị liên hệ trực tiếp Sở Khoa học và Công nghệ (bộ phận chuyển đổi số). Gõ /huongdan để xem những việc DTI Bot hỗ trợ.
bot-ack = Dạ. Khi cần, Anh/Chị cứ nhắn cho DTI Bot ạ.
bot-ask-none = Chưa tìm thấy chỉ số phù hợp với câu hỏi.

## Trò chuyện: nộp, sửa, rút số liệu

bot-need-officer = Chỉ cán bộ nhập liệu của { $unit } mới nộp, sửa hoặc rút được số liệu của đơn vị.
bot-need-leader = Chỉ lãnh đạo của { $unit } mới phê duyệt được số liệu của đơn vị.
bot-need-officer-no-unit = Tài khoản của Anh/Chị chưa được giao nhập liệu cho đơn vị nào, nên chưa nộp, sửa hoặc rút được số liệu. Xin liên hệ Sở để được cấp mã mời cán bộ nhập liệu.
bot-need-leader-no-unit = Tài khoản của Anh/Chị chưa được giao vai trò lãnh đạo của đơn vị nào, nên chưa phê duyệt được số liệu.
bot-no-period = { $unit } hiện chưa có kỳ đánh giá nào đang mở.
bot-period-not-open = Kỳ đánh giá năm { $year } { period-status }, không nhận số liệu mới.
bot-locked-approval = Đã quá hạn lãnh đạo phê duyệt số liệu ({ $date }). Số liệu của { $unit } đã được khoá; nếu cần, xin vui lòng liên hệ Sở Khoa học và Công nghệ để được mở lại.
bot-locked = Đã quá hạn nộp số liệu ({ $date }). Số liệu của { $unit } đã được khoá; nếu cần bổ sung, xin vui lòng liên hệ Sở Khoa học và Công nghệ để được mở lại.
bot-submit-how = Cách nộp số liệu: mỗi dòng một chỉ số, theo dạng «mã = giá trị».
bot-submit-example = Ví dụ:{"\u000A"}{ $figure }{"\u000A"}{ $figure2 }
bot-submit-how-edit = Muốn sửa, Anh/Chị gửi lại dòng của chỉ số đó với giá trị mới (hoặc dùng /sua); muốn rút số liệu đã nộp, gõ /huy { $code }. Mọi thay đổi đều được xem trước và chỉ ghi khi Anh/Chị bấm «Xác nhận».
bot-submit-none = Chưa có dòng nào hợp lệ; chưa ghi số liệu nào.
bot-submit-line-form = Dòng { $n } («{ $line }») chưa đúng dạng «mã = giá trị».
bot-submit-line-unknown = Dòng { $n }: chỉ số { $code } không có trong bộ chỉ số của đơn vị.
bot-submit-line-parent = Dòng { $n }: chỉ số { $code } gồm các tiêu chí { $children }; xin vui lòng nhập từng tiêu chí.
bot-submit-line-twice = Dòng { $n }: chỉ số { $code } đã có ở dòng trước.
bot-submit-line-bad = Dòng { $n } ({ $code } = «{ $value }»):
bot-submit-preview = Xin xác nhận { $count } số liệu của { $unit }, kỳ đánh giá năm { $year }:
bot-submit-entry = • { $code } = { $value }
bot-submit-preview-joined = Xin xác nhận { $count } số liệu của { $unit }, kỳ đánh giá năm { $year } (gồm { $earlier } số liệu Anh/Chị gửi trước đó, chưa xác nhận):
bot-preview-withdraw = • { $code }. { $name }: rút số liệu
bot-preview-before = ↳ trước: { $value } — { $points ->
    [none] chưa tính điểm
   *[other] { $points } điểm
}
bot-preview-evidence-kept = ↳ minh chứng đi kèm: { $refs } — vẫn dùng cho số liệu mới (bấm «Xác nhận, bỏ minh chứng cũ» nếu không còn đúng)
bot-preview-evidence-needed = ↳ chỉ số này cần minh chứng: gửi ảnh hoặc tệp PDF kèm chú thích «{ $code }» sau khi xác nhận
bot-preview-reviewed = ↳ đã được thẩm định ({ $by }): { $points ->
    [none] số liệu { $value }
   *[other] { $points } điểm
}{ $note ->
    [none] {""}
   *[other] , lý do: { $note }
}. Gửi lại sẽ thay kết quả thẩm định: chỉ số quay về chờ thẩm định và người thẩm định được báo.
bot-button-confirm-detach = ✅ Xác nhận, bỏ minh chứng cũ
bot-pending-superseded = Xem trước này đã được gộp vào một xem trước mới hơn, có cả số liệu này. Xin Anh/Chị bấm Xác nhận ở tin nhắn mới nhất.
bot-saved-review-reopened = { $count } chỉ số đã thẩm định được gửi lại; người thẩm định đã được báo để xem lại.
notify-review-resubmitted = { $unit } đã gửi lại số liệu chỉ số { $code } (người gửi: { $by }) sau khi Anh/Chị thẩm định; kết quả thẩm định trước không còn áp dụng.
notify-review-resubmitted-how = Xem lại: /thamdinh { $unit } { $code }
bot-button-review-queue = Hàng chờ thẩm định
bot-submit-problems = { $count ->
    [one] Dòng sau chưa hợp lệ và sẽ không được ghi:
   *[other] Các dòng sau chưa hợp lệ và sẽ không được ghi:
  }
bot-submit-total = Tổng điểm tạm tính: { $before } → { $after }/{ $max } ({ $deltaDir ->
    [up] +{ $delta }
    [down] −{ $delta }
   *[none] không đổi
  }), xếp thứ { $rank }/{ $size } trong nhóm.
bot-submit-due = Hạn nộp: { $date } ({ $days ->
    [0] hôm nay
   *[other] còn { $days } ngày
  }).
bot-button-confirm = ✅ Xác nhận
bot-button-cancel = ✖ Huỷ
bot-button-approve = ✅ Phê duyệt
bot-withdraw-how = Xin vui lòng ghi mã chỉ số cần rút, ví dụ: /huy { $code }
bot-withdraw-nothing = Chỉ số { $code } chưa có số liệu để rút.
bot-withdraw-preview = Rút số liệu { $code } («{ $value }») của { $unit }?
bot-saved = Đã ghi { $count } số liệu của { $unit }. Lịch sử thay đổi được lưu đầy đủ.
bot-withdrawn = Đã rút số liệu của { $unit }; lịch sử vẫn được lưu.
bot-saved-total = Tổng điểm tạm tính: { $total }/{ $max }, xếp thứ { $rank }/{ $size }{ $className ->
    [none] {""}
   *[other] , loại { $className }
  }.
bot-pending-gone = Yêu cầu này đã được xử lý hoặc đã hết hạn (sau 30 phút). Nếu cần, xin Anh/Chị vui lòng thực hiện lại.
bot-pending-not-yours = Nút này thuộc yêu cầu của người khác; Anh/Chị không thao tác được.
bot-publish-cancelled = Đã huỷ; chưa công bố kết quả.
bot-broadcast-cancelled = Đã huỷ; chưa gửi thông báo.
bot-cancelled = Đã huỷ; chưa ghi số liệu nào.

## Trò chuyện: điểm, xếp hạng, thời hạn

bot-cannot-score = Bộ chỉ số «{ $ruleset }» mới có cấu trúc nên chưa tính được điểm.
bot-button-missing = Còn thiếu
bot-button-target = Mục tiêu
bot-button-ranking = Xếp hạng
bot-item-score = { $code }. { $name } — { $unit }: { $points }/{ $max } điểm (tạm tính), theo số liệu «{ $value }».
bot-item-score-missing = { $code }. { $name } — { $unit } chưa có số liệu, nên chưa có điểm (tối đa { $max } điểm).
bot-item-score-na = { $code }. { $name } — { $unit } đã khai là không áp dụng (đặc thù); chỉ số này không tính vào điểm tối đa của đơn vị.
bot-item-score-parent = { $code }. { $name } là nhóm chỉ số; điểm của nhóm có trong /diem.
bot-item-score-how = Cách tính điểm
bot-official-title = { $unit } — kết quả chính thức năm { $year }
bot-official-published = Kết quả do Sở công bố ngày { $date }; kỳ đánh giá đã kết thúc, điểm và thứ hạng không còn thay đổi.
bot-official-total = Tổng điểm chính thức: { $total }/{ $max } ({ $percent }%){ $className ->
    [none] {""}
   *[other] , loại { $className }
  }
bot-official-change = So với kết quả công bố ngày { $date }: { $placesDir ->
    [up] tăng { $places } bậc
    [down] giảm { $places } bậc
   *[none] giữ nguyên thứ hạng
  }, { $pointsDir ->
    [up] +{ $points } điểm
    [down] −{ $points } điểm
   *[none] điểm không đổi
  }
bot-official-ranking-title = Xếp hạng chính thức nhóm { $group }, năm { $year } ({ $size } đơn vị):
bot-official-target = Kết quả năm { $year } đã được công bố chính thức ngày { $date }{ $className ->
    [none] {""}
   *[other] {" "}(loại { $className })
  }; điểm kỳ này không còn thay đổi.
bot-official-target-next = Để chuẩn bị cho kỳ đánh giá sau, các chỉ số còn nhiều điểm chưa đạt nhất:
bot-deadlines-published = Kỳ đánh giá năm { $year } đã công bố kết quả chính thức ngày { $date }; { $unit } không còn thời hạn nào phải thực hiện trong kỳ này.
bot-item-score-official = { $code }. { $name } — { $unit }: { $points }/{ $max } điểm (kết quả chính thức đã công bố), theo số liệu «{ $value }».
bot-score-title = { $unit } — kỳ đánh giá năm { $year }
bot-score-total = Tổng điểm tạm tính: { $total }/{ $max } ({ $percent }%){ $className ->
    [none] {""}
   *[other] , loại { $className }
  }
bot-score-reviewed = Sau thẩm định: { $total } điểm{ $className ->
    [none] {""}
   *[other] , loại { $className }
  }
bot-score-rank = Xếp thứ { $rank }/{ $size } trong nhóm { $group }
bot-score-change = So với lần tổng hợp ngày { $date }: { $placesDir ->
    [up] tăng { $places } bậc
    [down] giảm { $places } bậc
   *[none] giữ nguyên thứ hạng
  }, { $pointsDir ->
    [up] +{ $points } điểm
    [down] −{ $points } điểm
   *[none] điểm không đổi
  }
bot-score-indices = Điểm theo chỉ số chính:
bot-score-index = { $code }. { $name }: { $points }/{ $max }
bot-score-adjustments = Điểm thưởng: +{ $bonus }; điểm trừ: −{ $penalty }
bot-score-missing = Còn { $count } chỉ số chưa có số liệu (xem /thieu).
bot-score-complete = Đơn vị đã nộp đủ số liệu các chỉ số.
bot-missing-published = Kết quả kỳ đánh giá năm { $year } đã được công bố chính thức ngày { $date }; kỳ này không còn nhận số liệu. Xem kết quả bằng /diem.
bot-missing-requested-title = Cán bộ thẩm định đề nghị bổ sung minh chứng cho { $count } chỉ số:
bot-missing-requested-item = • { $code } { $name } — hạn bổ sung { $date }{ $note ->
    [none] {""}
   *[other] : { $note }
  }
bot-missing-none = { $unit } đã có số liệu cho tất cả các chỉ số.
bot-missing-title = { $unit } còn { $count } chỉ số chưa có số liệu ({ $points } điểm):
bot-missing-item = • { $code } { $name } — { $max } điểm
bot-missing-invalid = Số liệu chưa hợp lệ, cần nhập lại: { $codes }
bot-missing-how = Nộp bằng cách nhắn «mã = giá trị», ví dụ { $figure }.
bot-target-no-classes = Bộ chỉ số này không quy định xếp loại.
bot-target-no-classes-gains = Tổng điểm tạm tính hiện nay: { $total }/{ $max }. Các chỉ số còn nhiều điểm chưa đạt nhất:
bot-target-reached = Đơn vị đang ở loại { $className }, đã đạt hoặc cao hơn loại { $asked }.
bot-target-top = Đơn vị đang ở loại cao nhất ({ $className }).
bot-target-title = Để đạt loại { $className } (từ { $from } điểm), đơn vị cần thêm { $needed } điểm. Ít chỉ số cần cải thiện nhất:
bot-target-unreachable = Kể cả đạt tối đa tất cả các chỉ số còn lại cũng chưa đủ; các chỉ số dưới đây giúp tiến gần nhất.
bot-target-item = • { $code } { $name }: { $points }/{ $max } → +{ $gain } điểm{ $missing ->
    [yes] {" "}(chưa có số liệu)
   *[no] {""}
  }
bot-ranking-title = Xếp hạng nhóm { $group }, năm { $year } ({ $size } đơn vị):
bot-ranking-own = { $unit } xếp thứ { $rank }/{ $size } với { $total } điểm.
bot-ranking-leaders-only = Bảng xếp hạng đầy đủ dành cho lãnh đạo đơn vị.
bot-ranking-row = { $rank }. { $unit } — { $total }/{ $max }{ $className ->
    [none] {""}
   *[other] {" "}({ $className })
  }
bot-ranking-row-own = { $rank }. { $unit } — { $total }/{ $max }{ $className ->
    [none] {""}
   *[other] {" "}({ $className })
  } ◀
bot-deadlines-title = Các mốc thời hạn của { $unit }, kỳ đánh giá năm { $year }:
bot-deadline = • { deadline-kind }: { $date } ({ $days ->
    [0] hôm nay
   *[other] còn { $days } ngày
  })
bot-deadline-passed = • { deadline-kind }: { $date } (đã qua)
bot-deadline-reopened = • Đơn vị được mở lại để bổ sung số liệu đến hết ngày { $date }
bot-deadlines-none = Chưa có mốc thời hạn nào.
bot-approve-nothing = { $unit } không có số liệu nào đang chờ phê duyệt.
bot-approve-preview = Phê duyệt { $count } số liệu của { $unit }?
bot-approve-item = • { $code } { $name }: { $value } — { $points }/{ $max } điểm ({ $by })
bot-approve-more = … và { $count } số liệu khác (tất cả cùng được phê duyệt).
bot-approve-total = Tổng điểm tạm tính của đơn vị hiện nay: { $total }/{ $max }.
bot-approve-lacking = { $count } số liệu còn thiếu minh chứng bắt buộc, chưa phê duyệt được:
bot-approve-lacking-how = Cán bộ nhập liệu cần gửi minh chứng cho các chỉ số này (ảnh hoặc tệp PDF kèm mã chỉ số); sau đó Anh/Chị gõ /duyet để phê duyệt.
bot-approve-none-ready = Chưa có số liệu nào của { $unit } phê duyệt được.
bot-approved = Đã phê duyệt { $count } số liệu của { $unit }.
bot-approve-changed = { $count } số liệu đã thay đổi sau khi Anh/Chị xem ({ $codes }) nên chưa được phê duyệt; xin gõ /duyet để xem lại.

## Lỗi chung của dòng lệnh, mã mời

cli-file-missing = Không tìm thấy tệp “{ $file }”.
cli-file-denied = Không có quyền đọc tệp “{ $file }”.
cli-file-unreadable = Không đọc được tệp; xin vui lòng kiểm tra đúng định dạng .xlsx hoặc .csv ({ $detail }).
cli-conflict = Dữ liệu vừa được thay đổi đồng thời ở nơi khác; xin vui lòng chạy lại lệnh.
cli-failed = Không thực hiện được: { $detail }
cli-unexpected = Đã có lỗi ngoài dự kiến: { $detail }
cli-invite-header-id = Mã số
cli-invite-header-role = Vai trò
cli-invite-header-unit = Đơn vị
cli-invite-header-uses = Đã dùng
cli-invite-header-expires = Hết hạn
cli-invite-header-state = Trạng thái
cli-invite-state = { $state ->
    [active] còn hiệu lực
    [revoked] đã thu hồi
    [expired] đã hết hạn
   *[used_up] đã dùng hết
  }
cli-invite-not-found = Không có mã mời số “{ $id }” còn hiệu lực.
cli-invite-revoked = Đã thu hồi mã mời số { $id }.

## Danh sách lệnh trong Telegram (tối đa 256 ký tự)

cmd-start = Bắt đầu, gắn tài khoản bằng mã mời
cmd-diem = Điểm, xếp loại, thứ hạng của đơn vị
cmd-nop = Nộp số liệu (mỗi dòng: mã = giá trị)
cmd-thieu = Các chỉ số chưa có số liệu
cmd-muctieu = Cần cải thiện gì để lên loại
cmd-xephang = Bảng xếp hạng trong nhóm
cmd-hanchot = Các mốc thời hạn
cmd-duyet = Lãnh đạo phê duyệt số liệu
cmd-huy = Rút một số liệu đã nộp
cmd-chiso = Hỏi về một chỉ số
cmd-donvi = Chọn đơn vị đang làm việc
cmd-toi = Thông tin tài khoản
cmd-huongdan = Hướng dẫn sử dụng
cmd-ngonngu = Đổi ngôn ngữ

## Chế độ thử trên máy tính (không cần Telegram)

console-banner = === DTI Bot — CHẾ ĐỘ THỬ TRÊN MÁY TÍNH ===  Đây là bản minh hoạ với số liệu giả lập cho một phần TP. Hồ Chí Minh theo chính quyền hai cấp (xã, phường, đặc khu; các sở dùng bộ chỉ số minh hoạ); các câu trả lời giống hệt trên Telegram.
console-how-to-configure = Để chạy thật trên Telegram: đặt TELEGRAM_BOT_TOKEN (lấy từ @BotFather) trong tệp .env rồi khởi động lại (xem README, mục Cấu hình). Gõ /doivaitro để đổi vai trò, /thoat để thoát; dán nhiều dòng cùng lúc thì được gửi thành một tin.
console-choose = Xin chọn vai trò để dùng thử (gõ số):
console-guest = Người chưa có mã mời (chỉ hỏi về chỉ số)
console-push = Tin nhắn mới từ DTI Bot gửi tới Anh/Chị ({ $to }):
console-push-other = Tin DTI Bot gửi tới { $to } (không phải vai trò đang dùng):
console-push-buttons-later = (Các nút này bấm được khi Anh/Chị chuyển sang vai trò đó bằng /doivaitro.)
console-file-saved = tệp đã lưu tại { $path }
console-kept-buttons = Các nút của tin đã gửi tới vai trò này:
console-ready = Đã sẵn sàng. Anh/Chị có thể nhắn như trong Telegram; gõ /huongdan để xem những việc vai trò này làm được, kèm ví dụ theo bộ chỉ số của đơn vị.
console-choose-again = Xin gõ một số từ 0 đến { $max }.

## Nhắc việc, báo cáo tiến độ

notify-remind-submission = Kính gửi Anh/Chị: { $unit } còn { $count } chỉ số chưa có số liệu đánh giá chuyển đổi số năm { $year } ({ $points } điểm). Hạn nộp: { $date } ({ $days ->
    [0] hôm nay
   *[other] còn { $days } ngày
  }).
notify-missing-item = • { $code } { $name } — { $max } điểm
notify-missing-more = … và { $count } chỉ số khác (xem /thieu).
notify-remind-how = Anh/Chị có thể nộp ngay tại đây, ví dụ: { $figure }. Tạm dừng nhắc việc: /hoanlai 2 ngay; giao việc nhận nhắc cho đồng nghiệp: /uyquyen.
notify-button-deadlines = Hạn chót
notify-remind-approval = Kính gửi Anh/Chị: { $unit } có { $count } số liệu đánh giá chuyển đổi số năm { $year } đang chờ lãnh đạo phê duyệt. Hạn phê duyệt: { $date }.
notify-remind-approval-how = Xin Anh/Chị gõ /duyet để xem và phê duyệt.
notify-late-leader = Kính gửi Anh/Chị: đã quá hạn nộp số liệu ({ $date }) nhưng { $unit } còn { $count } chỉ số chưa có số liệu:
notify-late-department = Tình hình nộp số liệu đánh giá chuyển đổi số năm { $year } (hạn { $date }): { $late }/{ $all } đơn vị chưa nộp đủ.
notify-late-kind = • { unit-kind-short }: { $late }/{ $all } đơn vị chưa nộp đủ
notify-late-unit = • { $unit }: còn { $count } chỉ số
notify-missing-more-units = … và { $count } đơn vị khác.

## Thông báo, công bố, tạm dừng nhắc việc

bot-need-admin = Chức năng này dành cho cán bộ quản trị của Sở Khoa học và Công nghệ.
bot-delivery-off = Hệ thống gửi tin chưa được bật ở máy chủ này nên chưa gửi được tin cho người khác.
bot-help-snooze = /hoanlai — tạm dừng nhận nhắc việc, ví dụ: /hoanlai 2 ngay; /hoanlai huy để nhận lại
bot-help-delegate = /uyquyen — giao việc nhận nhắc cho đồng nghiệp trong đơn vị trong một thời gian
bot-help-broadcast = /thongbao <nội dung> — gửi thông báo của Sở tới các đơn vị; /thongbao để xem các thông báo đã gửi
bot-help-publish = /congbo — công bố kết quả đánh giá; mỗi đơn vị nhận kết quả riêng
cmd-hoanlai = Tạm dừng nhận nhắc việc
cmd-uyquyen = Giao việc nhận nhắc cho đồng nghiệp
cmd-thongbao = Gửi thông báo tới các đơn vị (Sở)
cmd-congbo = Công bố kết quả đánh giá (Sở)

bot-snooze-set = Đã tạm dừng nhắc việc đến { $time } ngày { $date }. Anh/Chị vẫn nhận thông báo và kết quả của Sở. Gõ /hoanlai huy để nhận nhắc việc trở lại.
bot-snooze-status = Anh/Chị đang tạm dừng nhận nhắc việc đến { $time } ngày { $date }.
bot-snooze-none = Anh/Chị đang nhận nhắc việc bình thường.
bot-snooze-ended = Đã bật lại nhắc việc cho Anh/Chị.
bot-snooze-how = Cách dùng: /hoanlai 2 ngay, /hoanlai 4 gio, /hoanlai den 30/11/2026, hoặc /hoanlai huy.
bot-snooze-bad = Chưa hiểu thời gian «{ $value }».
bot-snooze-too-long = Chỉ tạm dừng được tối đa 30 ngày; nếu vắng lâu hơn, xin Anh/Chị giao việc nhận nhắc cho đồng nghiệp bằng /uyquyen.

bot-delegate-choose = Anh/Chị muốn giao việc nhận nhắc của { $unit } cho ai? Bấm tên để giao đến hạn nộp ({ $date }):
bot-delegate-how = Hoặc gõ: /uyquyen <số thứ tự> <từ ngày> <đến ngày>, ví dụ: /uyquyen 1 24/11/2026 30/11/2026. Gõ /uyquyen huy để thôi giao.
bot-delegate-set = Đã giao việc nhận nhắc cho { $name } từ { $start } đến { $end }.
bot-delegate-ended = Đã thôi giao việc nhận nhắc; Anh/Chị sẽ nhận nhắc việc trở lại.
bot-delegate-none = Anh/Chị chưa giao việc nhận nhắc cho ai.
bot-delegate-nobody = { $unit } chưa có đồng nghiệp nào khác dùng DTI Bot để nhận thay.
bot-delegate-unknown = Không có đồng nghiệp ở số thứ tự này.
bot-delegate-bad-range = Ngày kết thúc phải sau ngày bắt đầu.
bot-date-format = «{ $value }» chưa phải là một ngày; xin ghi dạng dd/mm/yyyy, ví dụ 30/11/2026.
bot-date-impossible = Ngày «{ $value }» không có trên lịch; xin Anh/Chị kiểm tra lại ngày và tháng.
bot-snooze-past = Thời điểm { $date } đã qua; xin chọn một ngày từ hôm nay trở đi.
bot-delegate-role = Việc nhận nhắc chỉ giao được giữa cán bộ nhập liệu và lãnh đạo của cùng một đơn vị; vai trò của Anh/Chị không nhận nhắc việc nên không có gì để giao.
bot-delegate-past = Ngày bắt đầu { $date } đã qua; xin chọn từ hôm nay trở đi.
bot-delegate-too-long = Chỉ giao được đến hết { $date }, hạn cuối của kỳ đánh giá; sau ngày đó không còn nhắc việc.
notify-delegated = { $from } đã giao cho Anh/Chị nhận nhắc việc của { $unit } từ { $start } đến { $end }.

bot-broadcast-how = Để gửi thông báo, xin gõ /thongbao rồi nội dung (có thể nhiều dòng). Muốn gửi cho một số đơn vị, ghi dòng đầu: «Gửi: S01, S02».
bot-broadcast-recent = Các thông báo gần đây:
bot-broadcast-recent-item = • Số { $id } ({ $date }), { $people } người nhận: { $preview }
bot-broadcast-report-button = Báo cáo số { $id }
bot-broadcast-empty = Thông báo chưa có nội dung.
bot-broadcast-too-long = Thông báo dài { $length } ký tự, vượt quá { $max }; xin rút gọn hoặc gửi thành nhiều thông báo.
bot-broadcast-audience = Xin chọn nơi nhận thông báo:
bot-broadcast-to-all = Tất cả đơn vị
bot-broadcast-to-kind = Các { unit-kind }
bot-broadcast-to-district = Xã, phường của một quận, huyện…
bot-broadcast-which-district = Xin chọn quận, huyện:
bot-broadcast-no-districts = Danh mục đơn vị không có quận, huyện nào (từ 01/7/2025 không còn cấp huyện). Xin chọn theo loại đơn vị hoặc ghi mã đơn vị ở dòng đầu: «Gửi: …».
bot-broadcast-preview = Thông báo sẽ gửi tới { $people } người thuộc { $units } đơn vị{ $leadersOnly ->
    [yes] {" "}(chỉ lãnh đạo)
   *[no] {""}
  }.
bot-broadcast-channel = • qua { $channel ->
    [telegram] Telegram
    [zalo] Zalo
   *[other] { $channel }
  }: { $count } người
bot-broadcast-unknown-units = Không có đơn vị mã: { $codes }.
bot-broadcast-silent-units = { $count } đơn vị chưa có ai nhận tin qua DTI Bot: { $units }{ $more ->
    [0] {""}
   *[other] {" "}và { $more } đơn vị khác
  }.
bot-broadcast-nobody = Chưa có ai trong số người nhận đăng ký nhận tin qua DTI Bot.
bot-broadcast-quote = Nội dung:
bot-button-send = ✅ Gửi
bot-broadcast-leaders-only = Chỉ gửi lãnh đạo
bot-broadcast-with-officers = Gửi cả cán bộ
bot-broadcast-change-audience = Đổi nơi nhận
bot-broadcast-queued = Đã xếp lịch gửi thông báo số { $id } tới { $people } người. Anh/Chị sẽ nhận báo cáo khi gửi xong.
bot-broadcast-thanks = Cảm ơn Anh/Chị đã xác nhận đã nhận thông báo số { $id }.
bot-broadcast-thanked-before = Anh/Chị đã xác nhận thông báo số { $id } trước đó.
bot-broadcast-not-yours = Thông báo số { $id } không gửi tới Anh/Chị nên Anh/Chị không cần xác nhận.
bot-broadcast-unknown = Không có thông báo số { $id }.
bot-broadcast-nudged = Đã gửi lời nhắc tới { $count } người chưa xác nhận.
bot-broadcast-nudged-none = Không có ai cần nhắc thêm hôm nay ({ $waiting } người chưa xác nhận đã được nhắc hôm nay, hoặc tất cả đã xác nhận).
notify-broadcast-title = Thông báo của Sở Khoa học và Công nghệ (số { $id })
notify-broadcast-nudge = Nhắc lại: xin Anh/Chị xác nhận đã nhận thông báo số { $id } của Sở Khoa học và Công nghệ
notify-button-received = ✅ Đã nhận
notify-broadcast-progress = Đang gửi thông báo số { $id }: { $done }/{ $total } ({ $percent }%).
notify-broadcast-report = Báo cáo gửi thông báo số { $id } ({ $date }), { $total } người nhận:
notify-broadcast-report-sent = • Đã gửi: { $sent }/{ $total }
notify-broadcast-report-pending = • Đang chờ gửi: { $count }
notify-broadcast-report-failed = • Không gửi được: { $count }{ $unreachable ->
    [0] {""}
   *[other] {" "}(trong đó { $unreachable } người đã chặn hoặc rời DTI Bot)
  }
notify-broadcast-report-uncertain = • Chưa rõ đã đến hay chưa (đường truyền gián đoạn khi gửi): { $count }
notify-broadcast-report-acked = • Đã xác nhận «Đã nhận»: { $acked }/{ $sent }
notify-button-refresh = 🔄 Cập nhật
notify-button-nudge = 🔔 Nhắc người chưa xác nhận

bot-publish-nothing = Chưa có kỳ đánh giá nào để công bố.
bot-publish-choose = Xin chọn kỳ đánh giá cần công bố:
bot-publish-preview = Công bố kết quả đánh giá chuyển đổi số năm { $year } ({ $ruleset }): { $units } đơn vị trong { $groups } nhóm xếp hạng?
bot-publish-early-preview = Công bố SỚM kết quả đánh giá chuyển đổi số năm { $year } ({ $ruleset }): { $units } đơn vị trong { $groups } nhóm xếp hạng, trước các thời hạn sau:
bot-publish-early-deadline = • { deadline-kind }: { $date } (còn { $days } ngày)
bot-publish-unreviewed = Lưu ý: { $count } số liệu chưa được thẩm định; chúng sẽ được công bố theo số liệu đơn vị tự đánh giá.
bot-button-publish-early = Công bố sớm
bot-publish-now-early = Chưa công bố: thời hạn của kỳ đánh giá vừa được lùi lại nên lúc này công bố là công bố sớm. Xin Anh/Chị gõ lại /congbo để xem và chọn «Công bố sớm» nếu vẫn muốn công bố.
bot-publish-again = Kỳ này đã công bố trước đó; lần công bố này sẽ thay kết quả đã công bố, và mỗi đơn vị nhận thay đổi so với lần trước.
bot-publish-incomplete = Lưu ý: { $count } đơn vị còn thiếu số liệu; các chỉ số thiếu được tính 0 điểm.
bot-publish-what = Sau khi công bố, kỳ đánh giá không nhận số liệu mới; mỗi đơn vị nhận kết quả riêng của mình; Sở nhận bảng tổng hợp, biểu đồ xếp hạng và tệp Excel.
bot-button-publish = ✅ Công bố
bot-published = Đã công bố kết quả năm { $year }. { $queued } tin nhắn đang được gửi tới các đơn vị và Sở.
notify-result-title = Kết quả đánh giá chuyển đổi số năm { $year } của { $unit }
notify-result-total = Tổng điểm: { $total }/{ $max } ({ $percent }%){ $className ->
    [none] {""}
   *[other] , xếp loại { $className }
  }.
notify-result-rank = Xếp thứ { $rank }/{ $size } trong nhóm { $group }.
notify-result-change = So với lần công bố ngày { $date }: { $placesDir ->
    [up] tăng { $places } bậc
    [down] giảm { $places } bậc
   *[none] giữ nguyên thứ hạng
  }, { $pointsDir ->
    [up] +{ $points } điểm
    [down] −{ $points } điểm
   *[none] không đổi về điểm
  }{ $items ->
    [none] .
   *[other] { $pointsUp ->
        [yes] , chủ yếu nhờ { $items }.
       *[no] , chủ yếu do { $items }.
      }
  }
notify-result-gap = Kỳ đánh giá này đã khép lại. Để hướng tới loại { $className } ở kỳ sau (cao hơn kết quả năm nay { $needed } điểm), nên ưu tiên: { $items }.
notify-result-gap-far = Kỳ đánh giá này đã khép lại. Loại { $className } cao hơn kết quả năm nay { $needed } điểm; các chỉ số có thể cải thiện nhiều nhất ở kỳ sau: { $items }.
notify-button-score = Điểm chi tiết
notify-published-title = Đã công bố kết quả năm { $year } ({ $ruleset }): { $units } đơn vị, { $groups } nhóm; { $recipients } tin kết quả riêng đang được gửi tới các đơn vị.
notify-published-group = • { $group } ({ $size } đơn vị): đứng đầu { $leader } ({ $total } điểm){ $classes ->
    [none] .
   *[other] ; { $classes }
  }
notify-published-chart = Biểu đồ xếp hạng chuyển đổi số năm { $year }
notify-published-sheet = Bảng kết quả chi tiết (Excel)
chart-not-submitted = Chưa nộp số liệu, không xếp hạng ({ $count }): { $names }
chart-subtitle = Kỳ đánh giá năm { $year } · { $ruleset } · số liệu đến ngày { $date } · nguồn: DTI Bot
chart-card-title = { $unit } — chuyển đổi số năm { $year }
chart-card-subtitle = { $official ->
    [yes] Kết quả chính thức
   *[no] Điểm tạm tính
  }: { $total }/{ $max }{ $className ->
    [none] {""}
   *[other] , loại { $className }
  }, xếp thứ { $rank }/{ $size } trong nhóm { $group } · đến ngày { $date }
chart-card-unit = Điểm của đơn vị (trên điểm tối đa)
chart-card-average = Bình quân của nhóm
bot-scorecard-caption = Biểu đồ điểm theo chỉ số chính của { $unit }, so với bình quân nhóm.
bot-button-scorecard = Biểu đồ
bot-help-scorecard = /bieudo — biểu đồ điểm theo chỉ số chính, so với bình quân của nhóm
chart-points = Điểm
chart-gap = … { $count } đơn vị khác (xem tệp Excel)
chart-title = Kết quả đánh giá chuyển đổi số năm { $year } — { $province }
notify-digest = Tuần qua (từ { $date }), { $unit } { $placesDir ->
    [up] tăng { $places } bậc
    [down] giảm { $places } bậc
   *[none] giữ nguyên thứ hạng
  } (hạng { $rankBefore } → { $rank }/{ $size }), tổng điểm tạm tính { $totalBefore } → { $total }.

## Hàng đợi tin và lịch làm việc (dòng lệnh)

outbox-status = { $status ->
    [pending] đang chờ gửi
    [inflight] đang gửi
    [sent] đã gửi
    [failed] không gửi được
    [uncertain] chưa rõ đã đến
    [rerouted] đã chuyển sang kênh khác
    [dropped] không gửi nữa (hết cần thiết)
   *[cancelled] đã huỷ
  }
outbox-kind = { $kind ->
    [reminder] nhắc việc
    [escalation] báo quá hạn
    [broadcast] thông báo
    [publication] kết quả công bố
    [digest] tin tuần
    [progress] tiến độ gửi
    [report] báo cáo gửi
   *[notice] tin khác
  }
cli-queue-header-status = Trạng thái
cli-queue-header-count = Số tin
cli-queue-header-kind = Loại
cli-queue-header-id = Số
cli-queue-header-recipient = Người nhận
cli-queue-header-when = Lúc
cli-queue-header-reason = Lý do
cli-queue-header-queue = Hàng đợi
cli-queue-header-waiting = Đang chờ
cli-queue-header-active = Đang xử lý
cli-queue-header-oldest = Chờ lâu nhất
cli-queue-dropped = Tin không gửi nữa vì đến giờ gửi thì không còn đúng hoặc không còn cần:
outbox-drop-reason = { $reason ->
    [period_not_open] kỳ đánh giá đã đóng hoặc đã công bố
    [deadline_passed] đã qua hạn
    [nothing_owed] đơn vị đã nộp đủ
    [not_responsible] người nhận không còn phụ trách
    [snoozed] người nhận đang tạm dừng nhắc việc
   *[no_person] tài khoản không còn gắn với cán bộ nào
  }
cli-queue-oldest = Tin chờ lâu nhất được xếp lúc { $time } ngày { $date }.
cli-queue-problems = Các tin gần đây không gửi được hoặc chưa rõ đã đến:
cli-queue-retry-how = Tin «chưa rõ» có thể đã đến người nhận; chỉ gửi lại khi đã xác minh: dti queue retry <số> …
cli-queue-bad-ids = Số thứ tự không hợp lệ: { $ids }
cli-queue-requeued = Đã xếp gửi lại { $count }/{ $asked } tin (chỉ tin không gửi được hoặc chưa rõ mới gửi lại được).
cli-queue-jobs = Hàng đợi việc của các phiên bản (pg-boss: lịch chạy định kỳ, tin nhắn đến theo từng cuộc trò chuyện):
cli-queue-seconds = { $seconds } giây
cli-calendar-bad-date = Ngày «{ $value }» không hợp lệ; xin ghi dạng dd/mm/yyyy (ngày kết thúc không trước ngày bắt đầu).
cli-calendar-default-note = { $kind ->
    [workday] Ngày làm việc bù
   *[holiday] Ngày nghỉ theo quyết định của Chính phủ
  }
cli-calendar-added = Đã thêm { $count } { $kind ->
    [workday] ngày làm việc bù
   *[holiday] ngày nghỉ
  } ({ $from } – { $to }). Nhắc việc rơi vào ngày nghỉ sẽ chuyển sang giờ làm việc kế tiếp.
cli-calendar-removed = Đã bỏ ngày { $day } khỏi lịch của Sở.
cli-calendar-not-there = Lịch của Sở không có ngày { $day }.
cli-calendar-title = Ngày nghỉ lễ, tết, nghỉ bù, nghỉ hoán đổi và ngày làm việc bù năm { $year } (các thứ Bảy, Chủ nhật khác nghỉ như thường lệ):
cli-calendar-header-day = Ngày
cli-calendar-header-kind = Loại
cli-calendar-header-note = Ghi chú
cli-calendar-header-source = Căn cứ
cli-calendar-own = do Sở thêm (dti calendar add)
cli-calendar-kind = { $kind ->
    [workday] làm việc bù
    [in_lieu] nghỉ bù
    [swapped_off] nghỉ hoán đổi
    [own_off] nghỉ
   *[holiday] nghỉ lễ, tết
  }

## Zalo OA

notify-cannot-reach = Kính gửi Anh/Chị: DTI Bot không gửi được { $kind ->
    [reminder] tin nhắc việc
    [broadcast] thông báo của Sở
    [publication] kết quả đánh giá
    [digest] tin tổng hợp tuần
   *[other] tin nhắn
  } tới { $name } ({ $unit }) qua { $channel ->
    [zalo] Zalo
   *[other] { $channel }
  }, và người nhận chưa kết nối kênh nào khác.
notify-cannot-reach-how = Theo quy định của Zalo, Zalo OA chỉ được nhắn cho người đã nhắn tin tới OA trong thời gian gần đây. Đề nghị Anh/Chị nhắc { $name } gửi một tin nhắn bất kỳ tới Zalo OA của Sở (hoặc kết nối Telegram) để tiếp tục nhận nhắc việc và thông báo.
notify-broadcast-report-rerouted = • Chuyển sang Telegram vì Zalo không gửi được (người nhận lâu chưa nhắn tin tới Zalo OA, hoặc Zalo OA đang cần uỷ quyền lại): { $count }
zalo-text-only = DTI Bot hiện chỉ đọc tin nhắn dạng chữ. Xin Anh/Chị gõ nội dung cần hỏi, hoặc số liệu cần nộp theo dạng «mã chỉ số = giá trị».
zalo-document-elsewhere = Tệp { $filename } không gửi được qua Zalo OA. Xin Anh/Chị nhận tệp qua Telegram hoặc liên hệ Sở để được gửi bản điện tử.
zalo-choices-intro = Để chọn, xin Anh/Chị gõ đúng mã tương ứng:
zalo-choice-typed = • { $label }: gõ { $typed }
zalo-more-choices = Các lựa chọn khác:
notify-zalo-reauthorize = DTI Bot không gia hạn được khoá truy cập Zalo OA của Sở ({ $reason }). Zalo OA cần được uỷ quyền lại cho DTI Bot: quản trị viên chạy «npx dti zalo authorize» và mở đường dẫn bằng tài khoản quản trị OA. Trong thời gian chờ, tin nhắn tới người dùng Zalo được gửi qua Telegram nếu họ đã kết nối.
zalo-authorized = Đã uỷ quyền Zalo OA cho DTI Bot. Khoá truy cập được lưu (đã mã hoá) và tự gia hạn; có thể đóng trang này.
zalo-authorize-expired = Đường dẫn uỷ quyền không hợp lệ hoặc đã quá 10 phút. Xin chạy lại «npx dti zalo authorize».
zalo-authorize-wrong-oa = Tài khoản đã uỷ quyền là Zalo OA { $given }, không phải OA của Sở đã cấu hình ({ $expected }). Xin đăng nhập bằng tài khoản quản trị của đúng OA và chạy lại «npx dti zalo authorize».
zalo-authorize-failed = Zalo không chấp nhận mã uỷ quyền: { $reason }. Xin chạy lại «npx dti zalo authorize».
cli-evidence-checked = Đã đối chiếu { $count } tệp minh chứng của kỳ đánh giá năm { $year } { $storage ->
    [database] lưu trong cơ sở dữ liệu
   *[disk] trong { $dir }
  }.
cli-evidence-problem = • Minh chứng số { $id }: { $unit }, chỉ số { $item }, tệp «{ $filename }» (người gửi: { $by }) — { $problem ->
    [missing] không còn trong kho
   *[altered] nội dung đã bị thay đổi so với khi nhận (mã kiểm tra không khớp)
  }
cli-evidence-all-good = Tất cả tệp còn nguyên như khi nhận.
cli-evidence-some-bad = { $count } tệp thiếu hoặc bị thay đổi; xin khôi phục từ bản sao lưu.
cli-evidence-copy-hint = Tệp lưu trong cơ sở dữ liệu mà báo thiếu có thể vẫn còn trong thư mục { $dir } (từ trước khi chuyển sang EVIDENCE_STORAGE=database): khi đó chạy «dti evidence copy-to-database» rồi đối chiếu lại.
cli-evidence-copy-start = Chép { $count } tệp minh chứng từ thư mục { $dir } vào cơ sở dữ liệu; tệp đã có sẵn và còn nguyên thì bỏ qua.
cli-evidence-copy-progress = … đã xử lý { $done }/{ $count } tệp, đã chép { $copied } tệp ({ $mb } MB).
cli-evidence-copy-problem = • { $key }: tệp «{ $filename }» của { $unit }, chỉ số { $item } — { $problem ->
    [missing] không có trong thư mục
   *[altered] nội dung trong thư mục đã bị thay đổi so với khi nhận (mã kiểm tra không khớp)
  }; chưa chép.
cli-evidence-copy-done = Đã chép { $copied } tệp ({ $mb } MB) vào cơ sở dữ liệu, mỗi tệp được đọc lại và đối chiếu mã SHA-256; { $present } tệp đã có sẵn. { $bad ->
    [0] Không có tệp nào thiếu hoặc bị thay đổi.
   *[other] { $bad } tệp thiếu hoặc bị thay đổi chưa chép được; xin khôi phục các tệp đó vào thư mục từ bản sao lưu rồi chạy lại lệnh.
  }
cli-evidence-copy-switch = Bước tiếp theo: đặt EVIDENCE_STORAGE=database, khởi động lại dịch vụ, rồi chạy lại lệnh này một lần để chép các tệp nhận được trong lúc chuyển. Thư mục minh chứng được giữ nguyên; có thể xoá sau khi đã sao lưu cơ sở dữ liệu.
cli-zalo-not-configured = Chưa cấu hình Zalo OA: cần đặt ZALO_APP_ID, ZALO_APP_SECRET, ZALO_OA_ID, ZALO_OA_SECRET_KEY và ZALO_TOKEN_KEY.
cli-zalo-no-redirect = Chưa đặt ZALO_REDIRECT_URL: địa chỉ HTTPS công khai dẫn tới GET /zalo/oauth của dịch vụ, đã khai báo trong ứng dụng Zalo.
cli-zalo-authorize = Mở đường dẫn sau bằng tài khoản quản trị Zalo OA và chọn «Cho phép» (hiệu lực 10 phút):
    { $url }
cli-zalo-status = Zalo OA { $oa }: { $state ->
    [ok] đang hoạt động
    [expired] khoá truy cập đã hết hạn, đang chờ gia hạn
    [failed] cần uỷ quyền lại (npx dti zalo authorize)
   *[missing] chưa được uỷ quyền (npx dti zalo authorize)
  }
    Khoá truy cập còn hạn đến: { $access }
    Khoá gia hạn còn hạn đến: { $refresh }
    Cập nhật lần cuối: { $updated }
cli-zalo-failure = Lỗi gia hạn gần nhất ({ $at }): { $reason }

## Minh chứng, thẩm định, khiếu nại

figure-status = { $status ->
    [submitted] đã nộp
    [approved] lãnh đạo đã phê duyệt
    [reviewed] đã thẩm định
    [evidence_requested] đang chờ bổ sung minh chứng
    [disputed] đang khiếu nại
    [withdrawn] đã rút
   *[draft] bản nháp
  }
bot-evidence-off = Dịch vụ chưa được cấu hình để nhận tệp minh chứng. Xin Anh/Chị liên hệ Sở.
bot-evidence-officers-only = Chỉ cán bộ nhập liệu của { $unit } mới gửi được minh chứng.
bot-evidence-which-item = Xin Anh/Chị gửi lại tệp kèm chú thích là mã chỉ số, ví dụ «{ $code }» hoặc «{ $code } 466/QĐ-UBND - 15/03/2026: Kế hoạch chuyển đổi số».
bot-evidence-unknown-item = Không có chỉ số { $code } trong bộ chỉ số của đơn vị. Xin kiểm tra lại mã chỉ số (tra cứu: /chiso <tên chỉ số>).
bot-evidence-period-closed = Kết quả đánh giá năm { $year } đã công bố; muốn bổ sung minh chứng, đơn vị cần đề nghị Sở mở lại.
bot-evidence-too-late = Đã quá hạn nộp số liệu ({ $date }); chỉ bổ sung được minh chứng cho chỉ số { $code } khi cán bộ thẩm định yêu cầu.
bot-evidence-too-large = Tệp «{ $filename }» vượt quá dung lượng cho phép ({ $max } MB). Xin Anh/Chị nén lại hoặc chia nhỏ tệp rồi gửi lại.
bot-evidence-download-failed = Chưa tải được tệp «{ $filename }» từ máy chủ tin nhắn. Xin Anh/Chị gửi lại sau ít phút.
bot-evidence-unknown-type = Không nhận dạng được định dạng của tệp «{ $filename }». Minh chứng chỉ nhận các loại tệp: { $allowed }.
bot-evidence-executable = Tệp «{ $filename }» thực chất là tệp chương trình ({ $detected }), không phải văn bản hay hình ảnh, nên không được nhận làm minh chứng.
bot-evidence-wrong-type = Tệp «{ $filename }» có định dạng { $detected }, không thuộc các loại được nhận làm minh chứng: { $allowed }.
bot-evidence-saved = Đã nhận minh chứng cho chỉ số { $code }. { $name } của { $unit }: «{ $filename }» ({ $size } KB, { $type }).
bot-evidence-checksum = Mã kiểm tra (SHA-256): { $sha }…
bot-evidence-no-figure-yet = Chỉ số { $code } chưa có số liệu; minh chứng sẽ được dùng khi đơn vị nộp số liệu.
bot-evidence-how = Cách gửi minh chứng:
bot-evidence-how-file = • Gửi ảnh chụp hoặc tệp PDF, kèm chú thích là mã chỉ số, ví dụ «{ $code }».
bot-evidence-how-kinds = • Loại tệp được nhận: { $allowed }; mỗi tệp tối đa { $max } MB.
bot-evidence-how-ref = • Hoặc gõ số, ngày và trích yếu văn bản: /minhchung { $code } 466/QĐ-UBND - 15/03/2026: Kế hoạch chuyển đổi số. Gõ /minhchung { $code } để xem minh chứng đã gửi.
bot-evidence-ref-saved = Đã ghi { $count } văn bản minh chứng cho chỉ số { $code }. { $name } của { $unit }:
bot-evidence-ref-form = Lưu ý: văn bản minh chứng nên ghi theo mẫu «số văn bản - ngày/tháng/năm: trích yếu».
bot-evidence-none = Chỉ số { $code } của { $unit } chưa có minh chứng.
bot-evidence-list = Minh chứng của chỉ số { $code } ({ $unit }):
bot-evidence-file-line = • Tệp «{ $filename }» ({ $size } KB), gửi ngày { $date } cho lần nộp { $revision }, người gửi: { $by }
bot-evidence-ref-line = • Văn bản { $ref }, ghi ngày { $date } cho lần nộp { $revision }, người ghi: { $by }
bot-evidence-with-figure = • Văn bản kèm số liệu: { $refs }
bot-missing-evidence-title = { $count } chỉ số đã có số liệu nhưng còn thiếu minh chứng bắt buộc (chưa được tính là đầy đủ):
bot-missing-evidence-item = • { $code } { $name }
bot-missing-evidence-how = Gửi minh chứng: ảnh hoặc tệp PDF kèm chú thích là mã chỉ số, hoặc /minhchung <mã> <số - ngày: trích yếu>.
notify-remind-evidence-only = Kính gửi Anh/Chị: hồ sơ đánh giá chuyển đổi số năm { $year } của { $unit } còn thiếu minh chứng. Hạn nộp: { $date } ({ $days ->
    [0] hôm nay
   *[other] còn { $days } ngày
  }).
notify-needs-evidence = { $count } chỉ số đã có số liệu nhưng còn thiếu minh chứng bắt buộc:
notify-needs-evidence-item = • { $code } { $name } — thiếu minh chứng

bot-review-reviewers-only = Chức năng thẩm định dành cho cán bộ thẩm định và quản trị viên của Sở.
bot-review-empty = Hiện không có số liệu nào chờ Anh/Chị thẩm định.
bot-review-summary = Đang có { $count } số liệu chờ thẩm định ở { $units } đơn vị.
bot-review-filter-how = Xem theo đơn vị hoặc chỉ số: /thamdinh S19, /thamdinh 6.2, /thamdinh S19 6.2; theo trạng thái: /thamdinh moi (chưa duyệt), /thamdinh daduyet (lãnh đạo đã duyệt), /thamdinh minhchung (đã bổ sung minh chứng); số lượng theo đơn vị: /thamdinh donvi.
bot-review-filtered = Đang xem: { $filter } — { $count } số liệu.
bot-review-filter-empty = Không có số liệu nào chờ thẩm định với «{ $filter }».
bot-review-filter-unknown = Chưa hiểu «{ $word }»: cần mã đơn vị (ví dụ S19), mã chỉ số (ví dụ 6.2) hoặc trạng thái (moi, daduyet, minhchung).
bot-review-per-unit = { $count } số liệu chờ thẩm định ở { $units } đơn vị:
bot-review-per-unit-row = • { $unit } ({ $code }): { $count }
bot-review-card = Thẩm định { $index }/{ $total }: { $unit } ({ $unitCode }) — chỉ số { $code }. { $name }
bot-review-figure = Số liệu đơn vị nộp: { $value } (lần { $revision }, { figure-status }, { $by }, ngày { $date })
bot-review-reviewed-points = Điểm sau thẩm định hiện tại: { $points }/{ $max }
bot-review-evidence-required = Chỉ số này bắt buộc có minh chứng.
bot-review-no-evidence = Đơn vị chưa gửi minh chứng cho chỉ số này.
bot-review-how = Chấp nhận: bấm «Chấp nhận». Sửa số liệu: /thamdinh sua { $unitCode } { $code } = <số liệu> | <lý do>. Sửa điểm: /thamdinh diem { $unitCode } { $code } = <điểm> | <lý do>. Yêu cầu bổ sung minh chứng: /thamdinh bosung { $unitCode } { $code } <dd/mm/yyyy> | <nội dung cần bổ sung>.
bot-review-accept = ✅ Chấp nhận
bot-review-skip = ⏭ Chỉ số tiếp theo
bot-review-next = ⏭ Thẩm định tiếp
bot-review-open-file = 📎 { $filename }
bot-review-file-caption = Minh chứng chỉ số { $code } — { $unit }
bot-review-file-gone = Không tìm thấy tệp minh chứng này; có thể đã bị xoá khỏi kho lưu trữ.
bot-review-not-assigned = Anh/Chị không được phân công thẩm định chỉ số { $code } của { $unit }.
bot-review-unknown-unit = Không có đơn vị mã { $code }.
bot-review-no-figure = { $unit } chưa có số liệu chỉ số { $code } để thẩm định.
bot-review-published = Kết quả đánh giá năm { $year } đã công bố; muốn thay đổi chỉ số { $code } của { $unit }, quản trị viên cần đưa kỳ đánh giá trở lại giai đoạn thẩm định (npx dti period status <số kỳ> review); việc này được ghi nhật ký.
bot-review-private-only = Việc thẩm định và khiếu nại chỉ làm trong trò chuyện riêng với DTI Bot, không làm trong nhóm.
bot-review-points-not-applicable = Chỉ số { $code } của { $unit } được khai là không áp dụng (đặc thù) nên không sửa điểm được; nếu không chấp nhận, xin sửa số liệu: /thamdinh sua.
bot-appeal-changed-since = Chỉ số { $code } đã được thẩm định lại sau khi đơn vị khiếu nại (số { $id }); xin Anh/Chị xem lại lịch sử chỉ số trước khi quyết định.
bot-review-stale = Số liệu chỉ số { $code } của { $unit } vừa thay đổi; xin Anh/Chị gõ /thamdinh để xem lại trước khi quyết định.
bot-review-bad-form = Chưa đọc được nội dung thẩm định.
bot-review-forms = Mẫu: /thamdinh sua <mã đơn vị> { $figure } | lý do; /thamdinh diem <mã đơn vị> { $code } = 1,5 | lý do; /thamdinh bosung <mã đơn vị> { $code } 30/11/2026 | nội dung cần bổ sung.
bot-review-reason-needed = Mỗi lần sửa hoặc yêu cầu bổ sung cần ghi lý do sau dấu «|».
bot-review-bad-value = Số liệu thẩm định «{ $value }» cho chỉ số { $code } chưa đúng:
bot-review-bad-points = Điểm thẩm định chỉ số { $code } phải từ 0 đến { $max }.
bot-review-bad-date = «{ $value }» không phải một ngày hợp lệ trong tương lai (dd/mm/yyyy).
bot-review-done-accept = Đã chấp nhận số liệu chỉ số { $code } của { $unit }.
bot-review-done-correct_figure = Đã sửa số liệu chỉ số { $code } của { $unit }: { $from } → { $to } (lý do: { $reason }).
bot-review-done-correct_points = Đã sửa điểm chỉ số { $code } của { $unit } thành { $points } (lý do: { $reason }).
bot-review-done-request_evidence = Đã yêu cầu { $unit } bổ sung minh chứng chỉ số { $code } trước ngày { $date }.
bot-review-unit-told = Đã báo cho { $count } cán bộ, lãnh đạo của đơn vị.
reviewer-org = { $org ->
    [department] Sở
   *[other] { $org }
  }
notify-review-figure = { reviewer-org } đã thẩm định chỉ số { $code }. { $name } của { $unit }: số liệu được điều chỉnh từ { $from } thành { $to }. Lý do: { $reason }
notify-review-points = { reviewer-org } đã thẩm định chỉ số { $code }. { $name } của { $unit }: điểm được điều chỉnh thành { $points }. Lý do: { $reason }
notify-review-class = Xếp loại sau thẩm định thay đổi: { $from ->
    [none] chưa xếp loại
   *[other] { $from }
  } → { $to ->
    [none] chưa xếp loại
   *[other] { $to }
  }.
notify-review-effect = Điểm chỉ số { $code }: { $pointsBefore } → { $pointsAfter }; tổng điểm sau thẩm định: { $totalBefore } → { $totalAfter }/{ $max }.
notify-review-appeal = Nếu không thống nhất, đơn vị có thể khiếu nại đến hết ngày { $date }: /khieunai { $code } <lý do>.
notify-review-evidence = { reviewer-org } đề nghị { $unit } bổ sung minh chứng cho chỉ số { $code }. { $name } trước ngày { $date }. Nội dung: { $reason }
notify-review-evidence-how = Xin Anh/Chị gửi ảnh hoặc tệp PDF kèm chú thích «{ $code }», hoặc /minhchung { $code } <số - ngày: trích yếu>.
bot-history-figure = • Lần { $revision } ({ $date }, { $by }): số liệu { $value }, { figure-status }
bot-history-review = • Lần { $revision } ({ $date }, { $by }): { figure-status }{ $figure ->
    [yes] , sửa số liệu
   *[no] {""}
  }{ $points ->
    [none] {""}
   *[other] , điểm { $points }
  }{ $note ->
    [none] {""}
   *[other] . { $note }
  }

bot-appeal-how = Khiếu nại kết quả thẩm định: /khieunai <mã chỉ số> <lý do>, ví dụ /khieunai { $code } Đơn vị đã gửi đủ biên bản họp.
bot-appeal-unit-only = Chỉ cán bộ nhập liệu hoặc lãnh đạo của { $unit } mới khiếu nại được.
bot-appeal-period-closed = Kết quả đánh giá năm { $year } đã công bố; không nhận thêm khiếu nại.
bot-appeal-late = Đã hết thời hạn khiếu nại ({ $date }); Sở không nhận thêm khiếu nại.
bot-appeal-nothing = Chỉ số { $code } của { $unit } chưa bị điều chỉnh khi thẩm định nên không có gì để khiếu nại.
bot-appeal-already = Chỉ số { $code } đang có khiếu nại chờ Sở xem xét.
bot-appeal-filed = Đã gửi khiếu nại số { $id } về chỉ số { $code } của { $unit } tới Sở. Kết quả xem xét sẽ được báo lại cho đơn vị.
bot-appeal-when = Thời hạn khiếu nại: đến hết ngày { $date }.
bot-appeal-admins-only = Chỉ quản trị viên của Sở mới quyết định được khiếu nại.
bot-appeal-unknown = Không có khiếu nại số { $id }.
bot-appeal-decided = Khiếu nại số { $id } đã được quyết định trước đó.
bot-appeal-keep = Giữ nguyên kết quả thẩm định
bot-appeal-accept = Chấp nhận số liệu của đơn vị
bot-appeal-keep-n = Giữ nguyên (số { $id })
bot-appeal-accept-n = Chấp nhận (số { $id })
bot-appeal-kept = Đã giữ nguyên kết quả thẩm định chỉ số { $code } của { $unit } (khiếu nại số { $id }).
bot-appeal-changed = Đã chấp nhận khiếu nại số { $id }: chỉ số { $code } của { $unit } được tính theo số liệu đơn vị nộp.
bot-appeal-none = Đơn vị chưa có khiếu nại nào.
bot-appeal-none-open = Không có khiếu nại nào đang chờ xem xét.
bot-appeal-list = Khiếu nại ({ $count }):
bot-appeal-line = • Số { $id }: { $unit } — chỉ số { $code }, { $status ->
    [open] đang chờ xem xét
    [kept] giữ nguyên kết quả thẩm định
   *[changed] đã chấp nhận
  }, gửi ngày { $date }
notify-appeal-new = Khiếu nại số { $id }: { $unit } — chỉ số { $code }. { $name } (người gửi: { $by })
notify-appeal-reason = Lý do: { $reason }
notify-appeal-how = Quyết định bằng các nút dưới đây, hoặc kèm ý kiến: /khieunai giu { $id } <ý kiến> hoặc /khieunai chapnhan { $id } <ý kiến>.
notify-appeal-kept = Sở đã xem xét khiếu nại số { $id } của { $unit } về chỉ số { $code }: giữ nguyên kết quả thẩm định.
notify-appeal-changed = Sở đã xem xét khiếu nại số { $id } của { $unit } về chỉ số { $code }: chấp nhận số liệu đơn vị đã nộp.
notify-appeal-note = Ý kiến của Sở: { $note }
notify-appeal-effect = Tổng điểm sau thẩm định: { $totalBefore } → { $totalAfter }/{ $max }.
bot-publish-appeals-open = Chưa công bố được: còn { $count } khiếu nại chưa được quyết định (số { $ids }).
bot-publish-appeals-how = Xin Anh/Chị gõ /khieunai để xem và quyết định các khiếu nại trước khi công bố.
bot-publish-appeal-window = Lưu ý: thời hạn khiếu nại đến hết ngày { $date }; sau khi công bố, đơn vị không khiếu nại được nữa.
bot-help-evidence = /minhchung — gửi minh chứng: ảnh, tệp PDF kèm mã chỉ số, hoặc số - ngày: trích yếu văn bản
bot-help-review = /thamdinh — thẩm định số liệu các đơn vị được phân công
bot-help-appeal = /khieunai — khiếu nại kết quả thẩm định của đơn vị
bot-help-appeal-admin = /khieunai — xem và quyết định các khiếu nại kết quả thẩm định
cmd-minhchung = Gửi minh chứng cho một chỉ số
cmd-thamdinh = Thẩm định số liệu các đơn vị
cmd-khieunai = Khiếu nại kết quả thẩm định
