## Giải thích điểm của từng chỉ số (một dòng mỗi chỉ số)

explain-ratio-percent = { $code }: { $percent }% × { $max } = { $points }/{ $max }
explain-ratio-fraction = { $code }: { $a }/{ $b } × { $max } = { $points }/{ $max }
explain-ratio-target = { $reached ->
    [yes] { $code }: { NUMBER($percent, maximumFractionDigits: 2) }% ≥ { $target }% (mức đạt điểm tối đa) → { $points }/{ $max }
   *[no] { $code }: { NUMBER($percent, maximumFractionDigits: 2) }% ÷ { $target }% × { $max } = { $points }/{ $max }
  }
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
  } được { $each } điểm, tối đa { $cap } điểm.
rule-normalise = Điểm = số liệu của đơn vị ÷ số liệu cao nhất trong nhóm × { $max } điểm.
rule-not-scored = Chỉ thu thập thông tin, không tính điểm.
rule-assigned = Điểm do đoàn thẩm định chấm trực tiếp, tối đa { $max } điểm.
rule-not-public = Cách tính điểm chi tiết chưa được công bố công khai.
rule-effect = { $effect ->
    [bonus] Đây là điểm thưởng, cộng ngoài thang điểm.
   *[penalty] Đây là điểm trừ, trừ vào tổng điểm.
  }
rule-not-applicable = Đơn vị không có nhiệm vụ này có thể đề nghị tính đặc thù (kèm minh chứng); khi đó chỉ số không tính vào thang điểm của đơn vị.
rule-not-applicable-auto = Tự động tính đặc thù (không tính vào thang điểm) đối với: { $tags }.
rule-inferred = Lưu ý: cách tính được suy ra từ nội dung chỉ số, chưa đối chiếu với văn bản gốc.

## Loại số liệu cần nhập

input-kind = { $kind ->
    [percent] tỉ lệ phần trăm (ví dụ 85% hoặc 85,5%), hoặc phân số a/b
    [fraction] phân số a/b (ví dụ 394/508), hoặc tỉ lệ phần trăm
    [count] số nguyên không âm (ví dụ 12 hoặc 1.234)
    [yes_no] có hoặc không
    [choice] một phương án trong danh sách
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
cli-import-written = Đã tạo { $file } gồm { $items } chỉ số. Xin vui lòng rà soát (các quy tắc tính điểm được suy ra từ nội dung có đánh dấu inferred) rồi chạy: dti rulesets validate { $file }
cli-import-problems = Bảng phụ lục có { $count } dòng chưa hợp lệ; chưa tạo tệp:
cli-import-row = Dòng { $row }, cột { $column }: { $problem }
cli-import-missing-column = thiếu cột “{ $column }”
cli-import-bad-code = mã chỉ số “{ $value }” không đúng dạng (ví dụ 4, 4.14, 4.22.1)
cli-import-bad-number = “{ $value }” không phải là số điểm
cli-import-orphan = chưa có mục cha { $parent } ở các dòng trước
cli-import-duplicate = mã { $value } bị trùng với dòng { $first }
cli-import-empty = tệp không có dòng dữ liệu nào

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
cli-export-results-written = Đã xuất kết quả ra { $file }: { $groups } nhóm, { $units } đơn vị.
cli-export-figures-written = Đã xuất mẫu số liệu ra { $file } ({ $rows } dòng).
cli-import-label = nhập từ tệp { $file }
cli-figures-problems = Tệp số liệu có { $count } lỗi; chưa ghi số liệu nào:
cli-figures-locked = Đã quá hạn nộp số liệu của { $unit }; chưa ghi số liệu nào (quản trị có thể mở lại cho đơn vị, hoặc dùng --force).
cli-figures-period_closed = Kỳ đánh giá không còn ở giai đoạn thu thập số liệu ({ $unit }); chưa ghi số liệu nào.
cli-figures-imported = Đã ghi { $count } số liệu mới; { $unchanged } dòng không thay đổi.
cli-demo-exists = Dữ liệu minh hoạ đã có sẵn.
cli-demo-created = Đã tạo tỉnh minh hoạ Đà Nẵng: danh mục đơn vị, cán bộ, kỳ đánh giá số { $periods } và số liệu. Mã mời:

## Tệp Excel

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
