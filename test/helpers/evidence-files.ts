/** The first bytes of files people send as evidence, enough for the content to be recognised. */

export const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n");
export const GIF = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0, 0, 0, 0x3b]);
/** A JPEG's first bytes (SOI, then a JFIF APP0 segment). */
export const JPEG = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9,
]);
/** A Windows program's first bytes ("MZ" and a PE header further in). */
export const EXE = (() => {
  const bytes = new Uint8Array(512);
  bytes.set([0x4d, 0x5a]);
  bytes.set([0x80], 0x3c);
  bytes.set([0x50, 0x45, 0, 0], 0x80);
  return bytes;
})();
