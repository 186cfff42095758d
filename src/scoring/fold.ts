/**
 * Vietnamese folding for matching what people type: NFC and NFD alike,
 * diacritics removed, đ → d, lower case, spaces collapsed.
 * "Họp không giấy" and "hop khong giay" fold to the same string.
 */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
