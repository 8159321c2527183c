/**
 * Excel refuses to open a cell longer than 32,767 characters ("We found a problem with some
 * content") and repairs the file by dropping it. Text the script writes (copied from notes,
 * joined issue lists) is cut to fit, ending in a marker so nobody mistakes it for the whole.
 */
export const EXCEL_CELL_LIMIT = 32_767;
export const CELL_LIMIT_MARKER = '…[truncated]';

export function fitsInCell(text: string): boolean {
  return text.length <= EXCEL_CELL_LIMIT;
}

/** `text` cut to the limit, marker included, never between the halves of a surrogate pair. */
export function cutToCell(text: string): string {
  let end = EXCEL_CELL_LIMIT - CELL_LIMIT_MARKER.length;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end) + CELL_LIMIT_MARKER;
}
