import { fold } from "../../scoring/index.js";
import { spelledOut } from "./words.js";

/** What a free-text message may ask the bot to do, other than explain an indicator. */
export type RequestAction =
  | "greeting" | "thanks" | "ack" | "score" | "ranking" | "missing" | "target" | "deadlines" | "submit_how" | "evidence_how" | "help" | "whoami"
  | "appeal" | "approve" | "unsupported";

/** A request found in a message, and what is left of the message once its cue words are taken out (folded). */
export interface RequestReading {
  readonly action: RequestAction;
  readonly rest: string;
  /** Only hinted at ("khi nào", "thiếu", a greeting before a question): an item named in the rest wins. */
  readonly weak: boolean;
}

/** The person's own unit, as people refer to it ("đơn vị mình", "sở em", "bên em", "our"): a unit word with a pronoun, or "bên em". */
const OWN = "(?:(?:don vi|co quan|so|xa|phuong|dac khu|ubnd|ben|phia|nha) (?:minh|em|toi|chung toi|chung em|ta)|chung toi|chung em|our|my|we|us)";
/** "đơn vị", "sở", "xã": the unit itself, when the sentence says whose ("điểm của đơn vị"). */
const UNIT = "(?:don vi|co quan|so|xa|phuong|dac khu|ubnd)";
/** Verbs of handing something in. */
const HAND_IN = "(?:nop|gui|nhap|khai|cap nhat|bao cao|dien|up|upload|tai len|dua len|dinh kem|bo sung|day len|submit|send|enter|attach)";
/** "how / where / can I", the ways people ask for a way to do something (not "what": "minh chứng gì" asks about an item). */
const HOW = "(?:cach|lam sao|lam the nao|the nao|nhu the nao|ra sao|kieu gi|bang cach nao|o dau|cho nao|vao dau|huong dan|duoc khong|qua zalo|qua telegram|qua bot|muon|how|where)";

interface Cue {
  readonly action: RequestAction;
  /** Patterns on folded text; each match counts `weight`. */
  readonly patterns?: readonly RegExp[];
  /** Parts that must all be in the message, in any order ("gửi" + "minh chứng" + "ở đâu"); together they count `weight`. */
  readonly all?: readonly RegExp[];
  /** Words that rule the cue out ("minh chứng gì" asks what evidence an item needs, not how to send it). */
  readonly unless?: RegExp;
  /** 3: says the request by itself ("hạn nộp", "xếp hạng"); 1: only hints at it ("khi nào", "thiếu"), so an item named beside it wins. */
  readonly weight: number;
}

/** Words of evidence, of figures, of time, of asking how: the parts the cues below are made of. */
// "ảnh" (a photo) folds to "anh" (a pronoun): it counts only typed with its mark, as "hình ảnh" (words.ts spells it out).
const EVIDENCE = /\b(minh chung|tai lieu kiem chung|kiem chung|ho so chung minh|tai lieu chung minh|file|tep|hinh|anh chup|hinh chup|ban chup|hinh anh|pdf|van ban kem|evidence|proof|documents?|attachments?|photos?|pictures?|files?|scans?)\b/;
const FIGURES = /\b(so lieu|du lieu|con so|chi so|chi tieu|ket qua tu danh gia|diem tu cham|bang tu cham|bao cao tu danh gia|figures|data|numbers)\b/;
const HANDING = new RegExp(`\\b${HAND_IN}\\b`);
const ASKING_HOW = new RegExp(
  `\\b(cach|lam sao|lam the nao|the nao|nhu the nao|ra sao|kieu gi|bang cach nao|huong dan|duoc khong|qua zalo|qua telegram|qua bot|muon|how|where|can i|(phai|can) lam (gi|sao|the nao)|gui dau|nop dau|o day|tung buoc`
  + `|sao|bang gi|qua dau|cho ai|${HAND_IN}( \\w+){0,3} (o dau|vao dau|cho nao|len dau|di dau))\\b`,
);
const ASKING_WHAT = /\b(minh chung|tai lieu|giay to|ho so) (gi|nao)\b|\bcan (nhung )?(minh chung|giay to|tai lieu) gi\b|\bco can\b/;

/**
 * Cues per action, written from how officers ask (not from the questions the
 * bot is measured on). Several cues of one action add up; the action with
 * the most wins, ties going to the earlier one in this list.
 */
const CUES: readonly Cue[] = [
  // Said by itself, whatever else is in the message.
  {
    action: "submit_how", weight: 3,
    patterns: [
      /\b(cho|de) (em|toi|minh|tui|anh|chi) (gui|nop|nhap|khai|bao|cap nhat) (so lieu|du lieu|so|chi so|chi tieu|ket qua)\b/,
      /\b(bat dau|muon|can|xin) nhap (lieu|so lieu)\b/, /\b(bao|gui|nhap|nop) so\b( (o dau|the nao|nhu the nao|vao dau|cach nao|duoc khong))?/,
      /\bi (want|need|would like) to (enter|submit|send|report|input)\b/, /\bcan (i|we) (submit|send|enter|report) (the |our )?(numbers|figures|data)\b/,
    ],
  },
  {
    action: "evidence_how", weight: 3,
    patterns: [
      /\b(gui|nop|up|dua|tai) .{0,40}\b(de )?lam minh chung\b/, /\btai .{0,30} len\b.*\b(the nao|nhu the nao|sao|o dau)\b/,
      /\b(minh chung|file|tep) .{0,20}\b(dinh dang|kich thuoc|dung luong|word hay pdf|pdf hay)\b/,
      /\bcan (i|we) (send|upload|attach) (photos?|pictures?|files?|scans?|documents?|evidence)\b/,
    ],
  },
  // "nộp minh chứng cho 2.1": handing evidence in, said as an act (not "cần minh chứng gì").
  {
    action: "evidence_how", weight: 3, unless: ASKING_WHAT,
    patterns: [/^((em|toi|minh|anh|chi) )?(muon |can |xin )?(nop|gui|bo sung|up|tai len|dinh kem) (them )?(minh chung|file minh chung|tai lieu kiem chung)( (cho|cua|chi so|muc))*$/],
  },
  // Combinations: each part alone is common, together they ask for a way to do something.
  { action: "evidence_how", weight: 3, all: [EVIDENCE, HANDING, ASKING_HOW], unless: ASKING_WHAT },
  { action: "submit_how", weight: 3, all: [FIGURES, HANDING, ASKING_HOW], unless: /\b(chi so|muc) \d/ },
  { action: "submit_how", weight: 3, all: [/\b(toi|em|minh|anh|chi) (muon|can|se|dinh)\b/, HANDING, FIGURES] },
  { action: "evidence_how", weight: 3, all: [/\b(toi|em|minh|anh|chi) (muon|can|se|dinh)\b/, HANDING, EVIDENCE], unless: ASKING_WHAT },
  {
    action: "deadlines", weight: 3,
    all: [/\b(han|deadline|khi nao|bao gio|ngay nao|thoi gian|thoi han|lich|when|due|truoc ngay|den ngay|toi ngay|con may ngay|con bao nhieu ngay)\b/,
      /\b(nop|gui|bao cao|cham|cong bo|tham dinh|ket thuc|dong|chot|khoa|submit|due|deadline|het han|ket qua)\b/],
  },
  {
    action: "missing", weight: 3,
    all: [/\b(thieu|chua (nop|nhap|co|khai|dien|bao cao|cap nhat|gui|lam|xong|hoan thanh|du)|con (lai|sot|trong|phai (nop|nhap|lam|gui))|bo trong|de trong|bi sot|bo sot|missing|left|outstanding|incomplete|not (yet )?(submitted|entered|filled)|have not|haven t|still need)\b/,
      /\b(chi so|chi tieu|tieu chi|so lieu|muc nao|muc|phan nao|nhung (chi so|muc|gi)|cai gi|viec gi|gi (chua|nua)|con gi|nua|(bao nhieu|may) (muc|chi so|chi tieu|tieu chi)|which|what|items?|figures?|indicators?)\b/],
  },
  { action: "thanks", weight: 3, patterns: [/\b(cam on|camon|cam ta|da ta|thank(s| you)?|thx|tks|tk|many thanks)\b/] },
  // "ok", "vâng", "thôi", "???": nothing asked; answered briefly rather than "not found".
  {
    action: "ack", weight: 3,
    patterns: [/^(ok|oke|okay|okie|uh|u|o|vang|da|da vang|thoi|thoi duoc roi|hieu roi|ro roi|duoc roi|hihi|haha|\?+|!+|\.+)( (a|nhe|nha|roi|ha|em|anh|chi|bot|ad|ban))*$/],
  },
  // A leader's approval, said in words ("duyệt số liệu giúp anh", "có gì cần anh duyệt không"); not "phê duyệt cấp độ".
  {
    action: "approve", weight: 3,
    patterns: [
      /^(phe )?duyet( (so lieu|ket qua|het|tat ca|luon|di|nhe|nha|giup|gium|cho|anh|chi|em|toi|a))*$/,
      /\b(phe duyet|duyet) (so lieu|ket qua tu cham|ket qua tu danh gia|bao cao tu danh gia)\b/,
      /\b(can|cho|de) (anh|chi|toi|minh|em|lanh dao) (phe )?duyet\b/, /\bcho (phe )?duyet\b/, /\bapprove( the)?( figures| data)?\b/,
    ],
  },
  // What the bot does not do: said plainly, with whom to ask, rather than an item that shares a word.
  {
    action: "unsupported", weight: 3,
    patterns: [
      /\b(xoa|huy|dong|khoa) tai khoan\b/, /\b(dang ky|tao|mo) tai khoan\b/, /\b(doi|quen|lay lai) mat khau\b/,
      /\b(mau|bieu mau|file mau|form) (bao cao|ke khai|tu danh gia|tu cham)\b/, /\b(cho|gui) (xin|em|anh|chi|toi)? ?(mau|bieu mau)\b/,
      /\b(file|tep) excel\b/, /\b(xuat|tai|download|export) (bao cao|file|du lieu|excel)\b/,
      /\bai (la nguoi|se|dang) (duyet|tham dinh|cham|phu trach)\b/, /\b(so dien thoai|sdt|email|dia chi) (cua )?(so|ad|admin|can bo)\b/,
    ],
  },
  { action: "appeal", weight: 3, patterns: [/\b(khieu nai|phuc khao|kien nghi (lai )?(ket qua|diem)|khong dong y (voi )?(ket qua|diem) tham dinh|appeal)\b/] },
  {
    action: "greeting", weight: 3,
    patterns: [
      /^(da |vang )?(xin |kinh )?(chao|hello|hi|hey|alo|helo|hu|yo|good (morning|afternoon|evening))( (ban|bot|ad|admin|anh|chi|em|moi nguoi|ca nha|dti|dti bot|buoi sang|buoi chieu|a|nhe|nha|alo))*$/,
      /^(da |vang )?(em|anh|chi|toi|minh|con) (xin )?chao( (ban|bot|ad|admin|anh|chi|em|moi nguoi|ca nha|a|nhe|nha))*$/,
      /^(alo|a lo)( alo)*\b.*\b(co ai|ai do|con ai|ai truc)\b/,
      /^((bot|ad|admin|dti bot) oi|alo (bot|ad|admin) oi)$/,
      // "Chào em, anh là cán bộ văn phòng sở": a greeting that introduces oneself.
      // A short introduction only: a long message after a greeting is a question.
      /^(xin )?(chao|hello|hi)\b.{0,20}\b(toi|em|anh|chi|minh) (la|ten la|lam o|lam viec o|moi duoc|vua duoc)\b.{0,40}$/,
    ],
  },
  { action: "greeting", weight: 1, patterns: [/^(xin )?(chao|hello|hi|hey|alo|helo|good (morning|afternoon|evening))\b/, /^(bot|ad|admin) oi\b/, /\b(bot|ad|admin) oi$/] },
  {
    action: "help", weight: 3,
    patterns: [
      /^(help|huong dan|tro giup|menu|commands?|lenh|\?)$/,
      /\b(help|huong dan su dung|tro giup|giup (toi|em|minh|anh|chi) voi)\b/,
      /\b(lam|giup|ho tro) duoc (nhung )?(viec |cai )?(gi|nao)\b/, /\b(ban|bot|em) (co the )?(lam|giup|ho tro) (nhung )?(viec |cai )?(gi|nao)\b/,
      /\b(khong biet|chua biet) (dung|su dung|lam sao|bat dau)\b/,
      /^((toi|em|minh) )?(van )?(khong|chua) hieu( gi| lam| lam sao)?( ca| het)?( (bot|ban|ad|em|anh) (noi|hoi|viet|nhan|tra loi)( gi)?)?( a| nhe| oi)?$/,
      /\bmoi (duoc giao|duoc phan cong|nhan nhiem vu|tham gia|vao lam)\b.*\b(lam gi|lam sao|bat dau|the nao)\b/,
      /^(i )?(don t|do not) understand$/,
      /\b(cach|huong dan) (su )?dung\b/, /\bsu dung (bot|cai nay|the nao|nhu the nao)\b/, /\b(chuc nang|tinh nang|lenh) (gi|nao)\b/,
      /\bwhat can (you|the bot|this bot) do\b/, /\bhow (do i|to) use\b/, /\bhow does (this|the) bot work\b/,
      /\b(dung|dung de) (de )?lam gi\b/, /\bhoi duoc (nhung )?(gi|cai gi)\b/, /^bat dau (tu dau|the nao|nhu the nao|sao)\b/,
      /\b(chuc nang|tinh nang) (cua bot|chinh|gi|nao|cua ban)\b/, /\bcac (chuc nang|tinh nang)\b/,
    ],
  },
  {
    action: "whoami", weight: 3,
    patterns: [
      /\b(toi|minh|em|anh|chi) (la ai|ten gi)\b/, /\bwho am i\b/, /\b(tai khoan (nay|cua (toi|em|minh))|my account)\b/,
      new RegExp(`\\b(dang ky|gan|lien ket|thuoc|lam o|dang o) (cho |voi |vao )?${UNIT} nao\\b`),
      new RegExp(`\\b(toi|em|minh) (thuoc|o|la nguoi cua|dang o) ${UNIT} nao\\b`), /\bwhich (unit|department)\b/,
      new RegExp(`\\b(toi|em|minh) (la|thuoc) (can bo|nguoi|thanh vien) (cua |o |thuoc )?${UNIT} nao\\b`), /\b(dang dung|dang nhap) (bang )?tai khoan\b/,
      /\bvai tro (cua )?(toi|em|minh)\b/, /\b(thong tin|ho so) (cua )?(toi|em|minh)\b/, /\b(voi )?vai tro (gi|nao)\b/,
      /\b(toi|em|minh) co (nhung )?quyen (gi|nao)\b/, /\bphan quyen\b/, /\bquyen cua (ai|toi|em|minh)\b/,
      /\btai khoan (toi|em|minh)\b/, /\btai khoan .{0,30}\b(lien ket|gan|dung (xa|so|phuong|don vi))\b/, /\bhieu (em|toi|minh) la\b/,
      /\bho so nguoi dung\b/, new RegExp(`\\b${UNIT} cua (toi|em|minh) la (gi|nao|${UNIT} nao)\\b`),
      /\b(my role|my unit|what account|which account|who is logged in)\b/,
    ],
  },
  {
    action: "evidence_how", weight: 3,
    patterns: [
      new RegExp(`\\b${HOW} (de )?${HAND_IN} (\\d+ )?(file |tep |ban )?(minh chung|tai lieu kiem chung|scan|evidence|proof|documents?)\\b`),
      new RegExp(`\\b${HAND_IN} (\\d+ )?(file |tep |ban )?(minh chung|tai lieu kiem chung|evidence|proof|documents?)( \\w+){0,3} ${HOW}\\b`),
      new RegExp(`\\b(minh chung|tai lieu kiem chung|evidence) ${HAND_IN} ${HOW}\\b`),
      new RegExp(`\\b${HAND_IN} (file|tep|ban scan|van ban)( \\w+){0,3} ${HOW}\\b`),
      /\bhow (do|can|should|to) (i |we )?(upload|send|attach|submit) (the |our |my )?(evidence|documents?|proof|files?|scans?)\b/,
    ],
  },
  {
    action: "submit_how", weight: 3,
    patterns: [
      new RegExp(`\\b${HOW} (de )?${HAND_IN} (\\d+ )?(so lieu|du lieu|chi so|con so|ket qua|figures|data|numbers|results)\\b`),
      new RegExp(`\\b${HAND_IN} (\\d+ )?(so lieu|du lieu|con so|figures|data|numbers)( \\w+){0,3} ${HOW}\\b`),
      /\b(submit|report) (our |the |my )?(figures|data|numbers|results)\b/, /\bhow (do|can|should|to) (i |we )?(submit|send|enter|report)\b/,
    ],
  },
  {
    action: "deadlines", weight: 3,
    patterns: [
      /\b(han (nop|chot|cuoi|bao cao|cham)|thoi han|deadline|due date|het han)\b/, /\blich (nop|tham dinh|cong bo|cham|danh gia)\b/,
      /\bcon (bao nhieu|may) ngay\b/, /\b(bao gio|khi nao|ngay nao|truoc ngay nao) (thi )?(phai |can )?(nop|gui|bao cao|cham|cong bo|tham dinh)( xong| het| du)?\b/,
      /\b(truoc|den|toi) ngay (may|nao)\b/, /\bwhen (do|must|should) (we|i) (submit|send|report)\b/,
      /\bhan (la )?(bao gio|khi nao|ngay nao|ngay may|hom nao)\b/, /\b(dot|ky) (danh gia )?(nay )?(ket thuc|het han|dong) (khi nao|bao gio|chua)\b/,
      /\b(con )?kip (khong|thoi gian)\b/, /\b(nop|gui|bao cao) (sau|muon|tre|cham)\b/, /\b(tre han|tre qua|qua han)\b/, /\bcon bao lau\b/,
      /\bkhoa (he thong|so lieu|nhap)\b/, /\b(moc thoi gian|lich trinh|tien do) (danh gia|nop|cham|nam nay)?\b/,
      /\b(days|time) (are )?left\b/, /\bhow (long|many days)\b/, /\bbao gio co ket qua\b/,
      /\b(nop|gui|bao cao) (xong |du )?(truoc|den|toi|han) (ngay nao|khi nao|bao gio|luc nao)\b/,
    ],
  },
  { action: "deadlines", weight: 1, patterns: [/\b(khi nao|bao gio|ngay nao|luc nao|truoc ngay nao|den ngay nao|toi ngay nao|when)\b/] },
  {
    action: "target", weight: 3,
    patterns: [
      /\b(muc tieu|len (hang|loai|hang tren|loai tren)|nang (hang|loai|xep loai)|next class)\b/,
      /\b(dat|duoc|len) (loai )?(xuat sac|tot|kha|gioi)\b/, /\b(cach|con) (loai|hang) \w+( \w+)? (bao xa|bao nhieu|may diem)\b/,
      new RegExp(`\\b${OWN} (phai|can) (lam gi|them (bao nhieu|may|gi))\\b`), /\bde (dat|duoc|len) (loai|hang|xep loai|bac)\b/,
      /\b(len|nang) (bac|hang|loai)( xep loai)?\b/, /\b(can|phai) cai thien (gi|nhung gi|chi so nao)\b/,
      /\b(can|phai) them (bao nhieu|may) diem\b/, /\bthieu (bao nhieu|may) diem (nua|de|thi)\b/, /\bde (dat|len|duoc) (loai )?(tot|kha|xuat sac|gioi)\b/,
      /\b(tang|nang|cai thien|keo) (diem|ket qua|xep hang|thu hang|tong diem)\b/, /\buu tien (chi so|lam|cai thien) (nao|gi)\b/,
      /\bhow (can|do|could) we (improve|raise|increase|get)\b/, /\bto (reach|get) (to )?(good|excellent|fair|the next)\b/,
      /\b(tang|nang|go|kiem|lay) (them )?(\d+ )?diem\b/, /\bthoat (khoi )?(loai|hang|nhom)\b/, /\bmat diem (nhieu|o dau|cho nao)\b/,
      /\b(lo trinh|phuong an|ke hoach) (nang|tang) (hang|diem|loai)\b/, /\b(gain|earn|get) (more )?points\b/, /\bquickest way\b/,
      /\b(de|nhanh) (an|lay|kiem|gianh|co) (them )?diem\b/, /\b(yeu|kem|thap) nhat (o )?(chi so|muc|phan|cho) (nao|gi)\b/,
    ],
  },
  { action: "target", weight: 1, patterns: [/\b(cai thien|improve|tang (diem|hang)|(dat|duoc) (diem )?toi da|full diem)\b/] },
  {
    action: "missing", weight: 3,
    patterns: [
      /\b(con )?(thieu|chua (nop|nhap|co so lieu|khai|bao cao|dien|cap nhat)) (nhung |cac )?(chi so|muc|so lieu|chi tieu)( nao| gi)?\b/,
      /\b(chi so|muc|chi tieu|so lieu) nao (chua|con thieu|bi thieu)\b/, /\b(con thieu|con sot|bo sot) (gi|nhung gi|cai gi)\b/,
      /\b(what( s| is)? (still )?missing|missing (items|figures)|not (yet )?submitted|what (have we|we have) not|anything missing|are we missing)\b/,
      /\b(nop|nhap|khai|gui) (du|het|xong) (chua|het chua)\b/, /\b(da )?(du|day du) (chua|het chua)$/, /\bcon (gi|muc nao|chi so nao|chi tieu nao) chua\b/,
      /\bcon thieu (gi|khong|nua khong)\b/, /\b(kiem tra|check|xem) (giup )?(xem )?(con )?(thieu|sot)\b/,
      /\b(nop|nhap|khai|gui) (du|het|xong) (het )?(so lieu |chi so |du lieu )?(chua|het chua)\b/, /\bcon no (chi so|muc|so lieu|gi)\b/,
      /\b(don vi|so|xa|phuong|nganh) nao (con )?(chua|thieu) (nop|gui|nhap|bao cao|co so lieu)\b/,
    ],
  },
  { action: "missing", weight: 1, patterns: [/\b(thieu|chua nop|chua nhap)\b/] },
  {
    action: "ranking", weight: 3,
    patterns: [
      /\b(xep hang|xep thu|thu hang|dung thu|dung hang|thu may|hang may|hang bao nhieu|thu bao nhieu|vi tri (thu )?(may|bao nhieu)|top (may|bao nhieu|\d+)|bang xep hang|rank(ing)?|what place|which position)\b/,
      new RegExp(`\\bso voi (cac )?${UNIT} (khac|con lai)\\b`), /\b(dung|xep) (dau|cuoi|chot|bet) (khoi|nhom|bang|tinh|toan tinh|danh sach)\b/, /\b(dung|xep) (thu )?(nhat|cuoi cung)\b/, /\b(our|my) (position|place|standing|rank)\b/, /\bwhere do we (rank|stand)\b/,
      /\b(dung|o) (vi tri|hang|thu) (nao|may|bao nhieu)\b/, /\bxep (tren|duoi|sau|truoc)\b/, /\b(tut|tang|len|xuong) hang\b/,
      /\b(cac|nhung) (so|don vi|xa|phuong|nganh) (co )?(diem )?(cao|thap) nhat\b/, /\b(top|danh sach) (cac )?(so|don vi|xa|phuong) (diem )?(cao|dan dau)\b/,
      new RegExp(`\\b(cao|thap) nhat (khoi|nhom|trong) ${UNIT}?`), /\btrong (khoi|nhom) (so|xa|phuong|don vi)\b.*\b(thu|hang|may)\b/,
    ],
  },
  {
    action: "score", weight: 3,
    patterns: [
      new RegExp(`\\b(diem|tong diem|diem so|ket qua)( (danh gia|tu cham|tu danh gia|tam tinh|hien tai|dti|chuyen doi so|cds|tong|nam nay|\\d{4}))*( cua)? (${OWN}|${UNIT})\\b`),
      new RegExp(`^(${OWN}|${UNIT})( (hien|bay gio|gio|hien tai|dang|nam nay))? (duoc|dat|co)? ?(bao nhieu|may) diem\\b`),
      new RegExp(`\\b${OWN} (xep loai|dat loai|loai) (gi|nao|may)\\b`),
      /\b(tong diem|xep loai|ket qua cham|ket qua danh gia|ket qua tu danh gia)\b/,
      /\b(bao nhieu|may) diem roi\b/, /\bbao cao (toi |em |minh )?(diem|ket qua)\b/, /^(diem|tong diem|ket qua|xem diem)( (di|nhe|nha|a|voi))*$/,
      /\b(our|my)( \w+){0,2} (score|total|points|class|result)\b/, /\b(how are we doing|how did we do|what( s| is) our score|how many points (do|does) (we|i|my|our))\b/,
      /\bdiem (hien tai|tam tinh|bay gio|hien gio|luc nay|tu cham)\b/, /^(diem|tong diem)( (cua )?(minh|em|don vi|so|xa|phuong|ben minh|ben em))? (bao nhieu|may)( diem)?( roi)?( (a|em|anh|chi|nhe|nhi|vay|the))*$/, /\b(xem|check|tra|tra cuu|kiem tra) (giup )?(diem|ket qua|tong diem)\b/,
      /^(minh|chung minh|chung toi|chung em|ben minh|ben em|em|toi) (hien |dang )?(duoc|dat|co) (bao nhieu|may) diem\b/,
    ],
  },
];

/** Shorthand of more than one word, or only at the end ("c on", "z"), after the single words are spelled out (words.ts). */
const SHORT_PHRASES: readonly (readonly [RegExp, string])[] = [
  [/\b(z|v)$/g, "vay"], [/\bc on\b/g, "cam on"], [/\bnhu nao\b/g, "nhu the nao"],
];
const phrasesOut = (folded: string): string => SHORT_PHRASES.reduce((t, [pattern, full]) => t.replace(pattern, full), folded);

/** "còn thiếu" outranks "điểm" in "điểm còn thiếu", and so on: when two actions tie, the first here wins. */
const ORDER: readonly RequestAction[] = [
  "appeal", "unsupported", "approve", "thanks", "help", "whoami", "evidence_how", "submit_how", "deadlines", "target", "missing", "ranking", "score", "ack", "greeting",
];

/** The person's own unit and pronouns, taken out of what is left: "sở mình" names no item. */
const OWN_WORDS = new RegExp(`\\b(${OWN}|cua ${UNIT}|minh|em|toi|bot|ad)\\b`, "g");
/** Words every request about submitting shares ("nộp", "số liệu"), and times ("hiện tại"): left out of what might name an item. */
const GENERIC = new RegExp(`${FIGURES.source}|${HANDING.source}|${EVIDENCE.source}|\\b(dti|cds|chuyen doi so|hien tai|bay gio|hien gio|nam nay|luc nay|tam tinh|giup|gium|xem|check|kiem tra)\\b`, "g");

/**
 * The action a free-text message asks for, with the rest of the message, or
 * null when nothing in it asks for one. The caller decides whether the rest
 * names an item (then the message is about that item: "hạn nộp của chỉ số
 * họp không giấy" is a question about 4.14, with the deadline first).
 */
export function requestOf(text: string): RequestReading | null {
  // Item codes say which item, not what is wanted: "điểm 6.2 của sở em bao nhiêu" asks for the score (of 6.2).
  const folded = phrasesOut(fold(spelledOut(text)).replace(/(?<![\d.,])\d{1,2}(?:\.\d{1,2}){1,2}(?![\d.,]*\d)/g, " ").replace(/[?!.,;:…"“”'()]+/g, " ").replace(/\s+/g, " ").trim());
  const scores = new Map<RequestAction, number>();
  let rest = folded;
  for (const cue of CUES) {
    if (cue.unless?.test(folded)) continue;
    if (cue.all && cue.all.every((part) => part.test(folded))) {
      scores.set(cue.action, (scores.get(cue.action) ?? 0) + cue.weight);
      for (const part of cue.all) rest = rest.replace(new RegExp(part.source, "g"), " ");
    }
    for (const pattern of cue.patterns ?? []) {
      if (!pattern.test(folded)) continue;
      scores.set(cue.action, (scores.get(cue.action) ?? 0) + cue.weight);
      rest = rest.replace(new RegExp(pattern.source, "g"), " ");
    }
  }
  if (scores.size === 0) return null;
  // A greeting or a thank-you beside a request ("chào bot, phường mình được bao nhiêu điểm") gives way to the request.
  if ([...scores.keys()].some((a) => a !== "greeting" && a !== "thanks" && a !== "ack")) {
    scores.delete("greeting");
    scores.delete("ack");
  }
  const best = Math.max(...scores.values());
  const action = ORDER.find((a) => scores.get(a) === best)!;
  return { action, rest: rest.replace(OWN_WORDS, " ").replace(GENERIC, " ").replace(/\s+/g, " ").trim(), weak: best < 3 };
}
