import { HearsayError } from '../model/errors.js';

/**
 * Decodes the bytes of one input into the text Hearsay analyzes: a UTF-8 BOM is dropped, a UTF-16 BOM selects
 * UTF-16, `charset` (from a Content-Type or a meta tag) selects a legacy encoding; otherwise the bytes must be
 * valid UTF-8. Line ends are kept as they are, so offsets count CRLF as two code units.
 */
export function decodeText(bytes: Uint8Array, input: string, charset: string | null = null): string {
  const first = bytes[0];
  const second = bytes[1];
  let label = 'utf-8';
  if (first === 0xff && second === 0xfe) label = 'utf-16le';
  else if (first === 0xfe && second === 0xff) label = 'utf-16be';
  else if (first === 0xef && second === 0xbb && bytes[2] === 0xbf) label = 'utf-8';
  else if (charset !== null) label = normalizeCharset(charset, input);
  let text: string;
  if (label === 'windows-1252') return checkNul(decodeWindows1252(bytes), input);
  try {
    // fatal: invalid byte sequences are an error, not U+FFFD, so binary files are refused.
    text = new TextDecoder(label, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new HearsayError(`not valid ${label === 'utf-8' ? 'UTF-8' : label} (expected UTF-8 text)`, { input });
  }
  return checkNul(text, input);
}

function checkNul(text: string, input: string): string {
  if (text.includes('\u0000')) throw new HearsayError('binary data (NUL bytes) found (expected UTF-8 text)', { input });
  return text;
}

// Node's TextDecoder maps windows-1252 (the WHATWG meaning of latin1/iso-8859-1 too) to plain Latin-1; 0x80-0x9F differ.
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += 8192) {
    const codes = Array.from(bytes.subarray(start, start + 8192), (byte) => (byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH.charCodeAt(byte - 0x80) : byte));
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/** Checks a charset label against the encodings TextDecoder knows. */
function normalizeCharset(charset: string, input: string): string {
  const label = charset.trim().toLowerCase();
  try {
    return new TextDecoder(label).encoding;
  } catch {
    throw new HearsayError(`unknown charset '${charset}' (expected UTF-8 or a known encoding)`, { input });
  }
}

/** True when `text` holds nothing but white space. */
export function isBlank(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (!(code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0xfeff || code === 0x2028 || code === 0x2029 || code === 0x3000 || (code >= 0x2000 && code <= 0x200b))) return false;
  }
  return true;
}
